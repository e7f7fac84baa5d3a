"""The graph page in a real headless Chromium, opened from disk with the network off.

Skipped, with the reason, when the playwright package or a Chromium binary is missing.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from kg.arabic.normalize import normalize
from kg.pages import write_graph_page, write_pages
from kg.pages.graph_page import render_page, write_atomic
from kg.pages.page_data import page_data
from tests.browser import (
    HOSTILE,
    HOSTILE_CLOSE,
    Loaded,
    chromium_browser,
    hostile_graph,
    large_graph,
    open_offline,
    seed_graph,
)

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with chromium_browser() as b:
        yield b


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pages")
    out = {"seed": folder / "seed.html", "hostile": folder / "hostile.html", "en": folder / "en.html"}
    write_graph_page(seed_graph(), out["seed"])
    write_graph_page(hostile_graph(), out["hostile"])
    write_graph_page(seed_graph(), out["en"], lang="en")
    return out


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A build's page output: graph.html linking to a page per entity and per event."""
    out = tmp_path_factory.mktemp("site")
    write_pages(seed_graph(), out)
    write_graph_page(seed_graph(), out / "graph.html", node_pages=True)
    return out


@contextmanager
def _open(browser, path: Path, **kw) -> Iterator[Loaded]:
    loaded = open_offline(browser, path, **kw)
    try:
        yield loaded
    finally:
        loaded.page.context.close()


@pytest.fixture
def seed(browser, pages: dict[str, Path]) -> Iterator[Loaded]:
    with _open(browser, pages["seed"]) as loaded:
        yield loaded


def _index(loaded: Loaded, node_id: str) -> int:
    return loaded.page.evaluate("id => window.hadath.data.nodes.findIndex(n => n.id === id)", node_id)


def _visible(loaded: Loaded) -> set[str]:
    return set(loaded.page.evaluate("window.hadath.visibleIds().map(i => window.hadath.data.nodes[i].id)"))


def _node_xy(loaded: Loaded, node_id: str) -> tuple[float, float]:
    return tuple(
        loaded.page.evaluate(
            """i => {
                const net = window.hadath.network;
                const d = net.canvasToDOM(net.getPositions([i])[i]);
                const r = document.getElementById('graph').getBoundingClientRect();
                return [r.left + d.x, r.top + d.y];
            }""",
            _index(loaded, node_id),
        )
    )


def _panel_title(loaded: Loaded) -> str:
    return loaded.page.text_content("#panel-body h2") or ""


def _clean(loaded: Loaded) -> None:
    assert loaded.attempted == [], f"the page tried the network: {loaded.attempted}"
    assert all(u.startswith(("file:", "data:")) for u in loaded.requests), loaded.requests
    assert loaded.console_errors == [] and loaded.page_errors == [], (
        loaded.console_errors + loaded.page_errors
    )
    assert loaded.dialogs == []


def test_loads_offline_and_draws(seed: Loaded) -> None:
    page = seed.page
    assert page.evaluate("window.hadath.nodes.length") == 19
    assert page.evaluate("window.hadath.edges.length") == 22
    painted = page.evaluate(
        """() => {
            const c = document.querySelector('#graph canvas');
            const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            let n = 0;
            for (let i = 3; i < px.length; i += 4) if (px[i] > 0) n++;
            return n;
        }"""
    )
    assert painted > 5000  # nodes, edges and labels are on the canvas
    assert "19" in page.text_content("#counter")
    assert page.is_hidden("#truncated")
    _clean(seed)


def test_search_matches_unnormalised_spellings(seed: Loaded) -> None:
    page = seed.page
    for query in ("اكار", "خلوصى", "آكار", "أكـــار"):
        page.fill("#search", query)
        page.wait_for_function("() => document.querySelectorAll('#results li').length > 0")
        assert "خلوصي أكار" in page.inner_text("#results"), query
    page.fill("#search", "لا أحد بهذا الاسم")
    page.wait_for_function("() => document.querySelector('#results').innerText.includes('لا نتائج')")
    page.fill("#search", "الجويلى")
    page.press("#search", "Enter")
    assert _panel_title(seed) == "أسامة الجويلي"
    assert page.evaluate("window.hadath.network.getSelectedNodes()") == [_index(seed, "person/juwaili")]
    _clean(seed)


def test_page_normalises_like_python(seed: Loaded) -> None:
    chars = [chr(c) for c in [*range(0x0600, 0x0700), *range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00)]]
    chars += list("\u200b\u200c\u200d\u200e\u200f\u202a\u202e\u2066\u2069\u00ad\u0640 aZ09")
    words = ["أكار", "خلوصى", "إسطنبول", "مُحَمَّد", "طرابلـــس", "ﻃﺮﺍﺑﻠﺲ", "٢٠٢٠", "۱۳۹۹", "ﷲ", "آية"]
    inputs = chars + words
    got = seed.page.evaluate("xs => xs.map(x => window.hadath.normalize(x))", inputs)
    wrong = [
        (hex(ord(x[0])), x, g, normalize(x)) for x, g in zip(inputs, got, strict=True) if g != normalize(x)
    ]
    assert wrong == []


def test_kind_filter_hides_its_nodes_and_their_edges(seed: Loaded) -> None:
    page = seed.page
    page.uncheck("#kind-filters input[value=person]")
    visible = _visible(seed)
    assert visible and not any(v.startswith("person/") for v in visible)
    assert "event/meeting" in visible and "place/tripoli" in visible
    shown_edges = page.evaluate("window.hadath.edges.get({filter: e => !e.hidden}).length")
    assert shown_edges == page.evaluate("window.hadath.shown.e") < 22
    assert f"{len(visible)} " in page.text_content("#counter")
    page.check("#kind-filters input[value=person]")
    assert len(_visible(seed)) == 19
    _clean(seed)


def test_type_and_date_filters(seed: Loaded) -> None:
    page = seed.page
    page.fill("#date-from", "2020-01-01")
    visible = _visible(seed)
    assert "event/memorandum" not in visible and "event/meeting" in visible
    assert "person/juwaili" not in visible  # only in the memorandum
    assert "person/bashagha" in visible  # also in the planned visit, which has no date
    page.uncheck("#undated")
    visible = _visible(seed)
    assert "person/bashagha" not in visible and "event/statement" not in visible
    page.fill("#date-from", "")
    page.check("#undated")
    page.uncheck("#type-filters input[value=Meeting]")
    visible = _visible(seed)
    assert "event/meeting" not in visible and "person/namroush" not in visible
    assert "person/akar" in visible  # still the visitor
    page.click("#reset")
    assert len(_visible(seed)) == 19
    _clean(seed)


def test_click_and_hover_open_the_panel_and_neighbours_focus(seed: Loaded) -> None:
    page = seed.page
    page.mouse.move(*_node_xy(seed, "person/akar"))
    page.wait_for_function("() => document.querySelector('#panel-body h2')?.textContent === 'خلوصي أكار'")
    page.mouse.click(*_node_xy(seed, "event/meeting"))
    assert _panel_title(seed) == "لقاء: النمروش، أكار، غولار"
    panel = page.inner_text("#panel-body")
    for expected in ("لقاء", "2020-07-03", "يوم", "وقع", "طرابلس", "مضيف", "ضيف", "بوابة الوسط", "عين ليبيا"):
        assert expected in panel, expected
    assert "بحضور رئيس الأركان غولار" in panel  # the source sentence
    link = page.locator("#panel-body a", has_text="النمروش يستقبل وزير الدفاع التركي في طرابلس")
    assert link.get_attribute("href") == "https://example.org/news/1"
    assert "noopener" in link.get_attribute("rel")
    page.click("#panel-body button.node-link:has-text('صلاح الدين النمروش')")
    assert _panel_title(seed) == "صلاح الدين النمروش"
    assert page.evaluate("window.hadath.network.getSelectedNodes()") == [_index(seed, "person/namroush")]
    panel = page.inner_text("#panel-body")
    assert "وزير الدفاع" in panel and "حكومة الوفاق الوطني" in panel and "مضيف" in panel
    page.evaluate("i => window.hadath.focusNode(i)", _index(seed, "event/planned"))
    panel = page.inner_text("#panel-body")
    assert "غير محدد" in panel and "لاحقا" in panel and "مخطط له" in panel
    _clean(seed)


def test_hostile_text_stays_text(browser, pages: dict[str, Path]) -> None:
    with _open(browser, pages["hostile"]) as loaded:
        page = loaded.page
        page.fill("#search", "مجهول")
        page.press("#search", "Enter")
        page.evaluate("i => window.hadath.focusNode(i)", _index(loaded, "event/hostile"))
        panel = page.inner_text("#panel-body")
        assert HOSTILE in panel and HOSTILE_CLOSE in panel  # shown, as text
        assert page.locator("#panel-body a").count() == 0  # the javascript: URL is not a link
        page.wait_for_timeout(500)  # the focus animation
        page.mouse.move(*_node_xy(loaded, "person/hostile"))
        page.wait_for_selector("div.vis-tooltip", state="visible")
        assert HOSTILE in (page.text_content("div.vis-tooltip") or "")
        assert page.evaluate("document.querySelectorAll('img, iframe, object, embed').length") == 0
        assert page.evaluate("document.scripts.length") == 3
        assert page.evaluate("document.querySelectorAll('#panel-body *').length") > 5
        _clean(loaded)


def test_english_interface(browser, pages: dict[str, Path]) -> None:
    with _open(browser, pages["en"]) as loaded:
        page = loaded.page
        assert page.text_content("h1") == "Hadath — event graph"
        assert page.evaluate("getComputedStyle(document.body).direction") == "ltr"
        page.evaluate("i => window.hadath.focusNode(i)", _index(loaded, "event/memorandum"))
        panel = page.inner_text("#panel-body")
        assert "Actors" in panel and "signatory" in panel and "attendee" in panel and "month" in panel
        _clean(loaded)


def test_without_positions_physics_lays_out_then_freezes(tmp_path: Path, browser) -> None:
    path = tmp_path / "physics.html"
    write_atomic(path, render_page(page_data(seed_graph(), positions=False)).encode("utf-8"))
    with _open(browser, path) as loaded:
        page = loaded.page
        page.wait_for_selector("#loading", state="hidden")
        assert page.evaluate("window.hadath.network.physics.options.enabled") is False
        xs = page.evaluate("Object.values(window.hadath.network.getPositions()).map(p => p.x)")
        assert len(xs) == 19 and len(set(xs)) > 10  # spread out, not piled up
        _clean(loaded)


def test_screenshot_script(tmp_path: Path, browser, pages: dict[str, Path]) -> None:
    out = tmp_path / "shot.png"
    # A process of its own: playwright's sync API cannot nest inside the module's browser.
    cmd = [sys.executable, "-m", "kg.pages.screenshot", str(pages["seed"]), str(out), "--select", "اكار"]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and out.stat().st_size > 20_000


@pytest.mark.slow
def test_large_graph_figures(tmp_path: Path, browser) -> None:
    graph = large_graph()  # 3,000 entities, 1,500 events
    path = tmp_path / "large.html"
    t0 = time.perf_counter()
    figures = write_graph_page(graph, path)
    build_s = time.perf_counter() - t0
    assert figures["nodes_total"] == 4500 and figures["nodes_drawn"] <= 1500
    t0 = time.perf_counter()
    with _open(browser, path) as loaded:
        load_s = time.perf_counter() - t0
        page = loaded.page
        first_draw = page.evaluate("window.hadath.firstDrawMs")
        f = figures
        print(
            f"\nlarge page: {f['bytes'] / 1e6:.2f} MB, {f['nodes_drawn']}/{f['nodes_total']} nodes and"
            f" {f['edges_drawn']}/{f['edges_total']} edges drawn; written in {build_s:.2f} s;"
            f" first draw {first_draw:.0f} ms after navigation (open to ready {load_s:.2f} s)"
        )
        assert first_draw < 15_000
        assert page.evaluate("window.hadath.nodes.length") == figures["nodes_drawn"]
        note = page.text_content("#truncated")
        assert str(figures["nodes_drawn"]) in note and "4500" in note
        # A node left out of the drawing is still found, and drawn when chosen.
        undrawn = page.evaluate("window.hadath.data.nodes.find(n => !n.drawn && n.kind === 'person').label")
        page.fill("#search", undrawn)
        page.press("#search", "Enter")
        assert _panel_title(loaded) == undrawn
        assert page.evaluate("window.hadath.nodes.length") > figures["nodes_drawn"]
        _clean(loaded)


# ---- entity and event pages ------------------------------------------------------------------


def _wait_page(loaded: Loaded, name: str) -> None:
    loaded.page.wait_for_url(f"**/{name}")
    loaded.page.wait_for_selector("html[data-ready='1']")


def test_entity_page_offline_neighbourhood_and_timeline(browser, site: Path) -> None:
    with _open(browser, site / "pages" / "entity" / "person-akar.html") as loaded:
        page = loaded.page
        assert page.text_content("h1") == "خلوصي أكار"
        assert page.evaluate("document.scripts.length") == 2
        # Neighbourhood: its three events, and who else was there (and where).
        ids = set(page.eval_on_selector_all("#neigh-svg a.nb", "els => els.map(e => e.dataset.id)"))
        assert {"event/meeting", "event/visit", "event/statement"} <= ids
        assert {"person/namroush", "person/guler", "place/tripoli", "place/ly"} <= ids
        assert page.locator("#neigh-svg .centre").count() == 1
        box = page.locator("#neigh-svg").bounding_box()
        assert box and box["width"] > 200 and box["height"] > 200
        # Timeline: dated events in order, the undated one apart.
        dated = page.locator("#timeline ol.timeline:not(.undated) > li")
        assert dated.count() == 2
        assert "2020-07-03" in dated.nth(0).inner_text() and "لقاء" in dated.nth(0).inner_text()
        undated = page.inner_text("#timeline ol.undated")
        assert "تصريح: أكار" in undated and "غير محدد" in undated
        text = page.inner_text("#page")
        for expected in (
            "وزير الدفاع",
            "2020-07-04",
            "تركيا",
            "ضيف",
            "زائر",
            "متحدث",
            "مضيف",
            "أكار · خلوصى آكار",
        ):
            assert expected in text, expected
        _clean(loaded)


def test_neighbour_links_navigate_between_pages(browser, site: Path) -> None:
    with _open(browser, site / "pages" / "entity" / "person-akar.html") as loaded:
        page = loaded.page
        page.click('#neigh-svg a.nb[data-id="person/namroush"]')
        _wait_page(loaded, "person-namroush.html")
        assert page.text_content("h1") == "صلاح الدين النمروش"
        # From the timeline to the event's page, with its sources.
        page.click("#timeline a.node-link:has-text('لقاء: النمروش، أكار، غولار')")
        _wait_page(loaded, "event-meeting.html")
        text = page.inner_text("#page")
        for expected in ("2020-07-03", "يوم", "وقع", "طرابلس", "مضيف", "ضيف", "بوابة الوسط", "عين ليبيا"):
            assert expected in text, expected
        assert "بحضور رئيس الأركان غولار" in text
        link = page.locator("#sources a", has_text="النمروش يستقبل وزير الدفاع التركي في طرابلس")
        assert link.get_attribute("href") == "https://example.org/news/1"
        assert "noopener" in (link.get_attribute("rel") or "")
        assert page.locator("#sources mark", has_text="استقبل").count() == 1
        page.click('#neigh-svg a.nb[data-id="place/tripoli"]')
        _wait_page(loaded, "place-tripoli.html")
        page.click("#home")
        _wait_page(loaded, "graph.html")
        assert page.evaluate("window.hadath.nodes.length") == 19
        _clean(loaded)


def test_planned_event_page_shows_unresolved_date(browser, site: Path) -> None:
    with _open(browser, site / "pages" / "event" / "event-planned.html") as loaded:
        text = loaded.page.inner_text("#facts")
        assert "غير محدد" in text and "لاحقا" in text and "مخطط له" in text
        assert loaded.page.locator("#sources a").count() == 0  # its article has no URL
        _clean(loaded)


def test_hostile_text_stays_text_on_node_pages(browser, tmp_path: Path) -> None:
    write_pages(hostile_graph(), tmp_path)
    for rel in ("entity/person-hostile.html", "event/event-hostile.html"):
        with _open(browser, tmp_path / "pages" / rel) as loaded:
            page = loaded.page
            text = page.inner_text("body")
            assert HOSTILE in text, rel
            assert page.evaluate("document.querySelectorAll('img, iframe, object, embed').length") == 0
            assert page.evaluate("document.scripts.length") == 2
            assert HOSTILE in page.title()
            if rel.startswith("event"):
                assert HOSTILE_CLOSE in text
                assert page.locator("#sources a").count() == 0  # the javascript: URL is not a link
            _clean(loaded)


def test_graph_page_timeline_and_links_to_node_pages(browser, site: Path) -> None:
    with _open(browser, site / "graph.html") as loaded:
        page = loaded.page
        assert page.evaluate("window.hadath.timelineMarks()") == 3  # two events have no date
        assert "2" in page.text_content("#timeline-undated")
        page.click('#timeline-strip .mark[data-id="event/memorandum"]')
        assert _panel_title(loaded) == "اتفاق: السراج، أردوغان"
        page.uncheck("#type-filters input[value=Agreement]")
        assert page.locator("#timeline-strip .mark.off").count() == 1
        page.check("#type-filters input[value=Agreement]")
        page.evaluate("i => window.hadath.focusNode(i)", _index(loaded, "person/akar"))
        link = page.locator("#panel-body a.page-link")
        assert link.get_attribute("href") == "pages/entity/person-akar.html"
        link.click()
        _wait_page(loaded, "person-akar.html")
        assert page.text_content("h1") == "خلوصي أكار"
        _clean(loaded)


def test_english_node_page(browser, tmp_path: Path) -> None:
    write_pages(seed_graph(), tmp_path, lang="en")
    with _open(browser, tmp_path / "pages" / "entity" / "person-akar.html") as loaded:
        page = loaded.page
        assert page.evaluate("getComputedStyle(document.body).direction") == "ltr"
        text = page.inner_text("body")
        assert "Timeline" in text and "Neighbourhood" in text and "guest" in text and "Whole graph" in text
        _clean(loaded)


def test_screenshot_of_an_entity_page(tmp_path: Path, site: Path) -> None:
    out = tmp_path / "akar.png"
    page = site / "pages" / "entity" / "person-akar.html"
    cmd = [sys.executable, "-m", "kg.pages.screenshot", str(page), str(out), "--height", "1400"]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and out.stat().st_size > 20_000
