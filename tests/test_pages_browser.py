"""The graph page in a real headless Chromium, opened from disk with the network off.

Skipped, with the reason, when the playwright package or a Chromium binary is missing.
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

try:  # the assertions that wait for a state; absent with playwright, and then skipped below
    from playwright.sync_api import expect
except ImportError:
    expect = None  # type: ignore[assignment]

from kg.arabic.normalize import normalize
from kg.pages import write_graph_page, write_pages, write_table_page
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
    outlier_graph,
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
    write_table_page(seed_graph(), out / "events.html")
    write_graph_page(seed_graph(), out / "graph.html", node_pages=True, table=True)
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
    # Text laid out in its final font: a late font swap moves every label after the page is ready.
    loaded.page.wait_for_function("() => document.fonts.status === 'loaded'")


def _follow(loaded: Loaded, link, name: str) -> None:
    """Click ``link`` (a locator) once it is visible and stable, and wait for page ``name``.

    States, not times: playwright's click waits for the link to be visible, stable and the
    one element under its middle point (kg/pages/assets/node.js gives each neighbour link
    an area that covers it, and lines never take a click), however busy the machine."""
    expect(link).to_be_visible()
    link.click()
    _wait_page(loaded, name)


def _neighbour(loaded: Loaded, label: str):
    """A neighbour's link in the drawing, found as a reader's tools find it: by role and name."""
    return loaded.page.locator("#neigh-svg").get_by_role("link", name=label, exact=True)


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
        _wait_page(loaded, "person-akar.html")
        namroush = _neighbour(loaded, "صلاح الدين النمروش")
        assert namroush.get_attribute("data-id") == "person/namroush"
        _follow(loaded, namroush, "person-namroush.html")
        assert page.text_content("h1") == "صلاح الدين النمروش"
        # From the timeline to the event's page, with its sources.
        _follow(
            loaded,
            page.locator("#timeline").get_by_role("link", name="لقاء: النمروش، أكار، غولار"),
            "event-meeting.html",
        )
        text = page.inner_text("#page")
        for expected in ("2020-07-03", "يوم", "وقع", "طرابلس", "مضيف", "ضيف", "بوابة الوسط", "عين ليبيا"):
            assert expected in text, expected
        assert "بحضور رئيس الأركان غولار" in text
        link = page.locator("#sources a", has_text="النمروش يستقبل وزير الدفاع التركي في طرابلس")
        assert link.get_attribute("href") == "https://example.org/news/1"
        assert "noopener" in (link.get_attribute("rel") or "")
        assert page.locator("#sources mark", has_text="استقبل").count() == 1
        _follow(loaded, _neighbour(loaded, "طرابلس"), "place-tripoli.html")
        _follow(loaded, page.get_by_role("link", name="الشبكة كاملة"), "graph.html")
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


# ---- the events table ----------------------------------------------------------------------------

SEED_EVENTS = ["event/memorandum", "event/meeting", "event/visit", "event/planned", "event/statement"]


def _rows(loaded: Loaded) -> list[str]:
    return loaded.page.eval_on_selector_all("#rows tr", "trs => trs.map(t => t.dataset.id)")


def _column(loaded: Loaded, key: str) -> list[str]:
    k = [c["key"] for c in _COLUMNS].index(key) + 1
    return loaded.page.eval_on_selector_all(f"#rows td:nth-child({k})", "tds => tds.map(t => t.innerText)")


_COLUMNS = [{"key": k} for k in ("date", "event", "type", "status", "parties", "place", "sources", "outlets")]


def _sort_by(loaded: Loaded, key: str, direction: str) -> None:
    th = loaded.page.locator(f"#head th[data-key={key}]")
    th.get_by_role("button").click()
    expect(th).to_have_attribute("aria-sort", direction)


def test_events_table_lists_every_event_and_sorts_by_each_column(browser, site: Path) -> None:
    with _open(browser, site / "events.html") as loaded:
        page = loaded.page
        assert sorted(_rows(loaded)) == sorted(ev.id for ev in seed_graph().events)
        assert _rows(loaded) == SEED_EVENTS  # by date at first, the undated last
        assert page.text_content("#counter") == "يعرض 5 من 5 حدثًا"
        assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
        _sort_by(loaded, "date", "descending")
        assert _rows(loaded) == [
            "event/meeting",
            "event/visit",
            "event/memorandum",
            "event/planned",
            "event/statement",
        ]
        _sort_by(loaded, "sources", "descending")  # counts: the most first
        assert [int(v) for v in _column(loaded, "sources")] == [2, 2, 1, 1, 1]
        _sort_by(loaded, "sources", "ascending")
        assert [int(v) for v in _column(loaded, "sources")] == [1, 1, 1, 2, 2]
        _sort_by(loaded, "type", "ascending")
        assert _column(loaded, "type") == ["اتفاق", "تصريح", "زيارة", "زيارة", "لقاء"]
        _sort_by(loaded, "place", "ascending")
        assert _column(loaded, "place")[:2] == ["إسطنبول", "طرابلس"] and _column(loaded, "place")[2] == "—"
        for key in ("event", "status", "parties", "outlets"):
            _sort_by(loaded, key, "descending" if key == "outlets" else "ascending")
            assert sorted(_rows(loaded)) == sorted(SEED_EVENTS), key
        meeting = page.locator('#rows tr[data-id="event/meeting"]').inner_text()
        for expected in (
            "2020-07-03",
            "لقاء",
            "وقع",
            "صلاح الدين النمروش",
            "مضيف",
            "خلوصي أكار",
            "ضيف",
            "طرابلس",
        ):
            assert expected in meeting, expected
        _clean(loaded)


def test_events_table_filters_and_csv_of_the_rows_shown(browser, site: Path) -> None:
    with _open(browser, site / "events.html") as loaded:
        page = loaded.page
        page.uncheck("#type-filters input[value=Meeting]")
        assert _rows(loaded) == [i for i in SEED_EVENTS if i != "event/meeting"]
        assert page.text_content("#counter") == "يعرض 4 من 5 حدثًا"
        page.uncheck("#status-filters input[value=planned]")
        assert "event/planned" not in _rows(loaded)
        page.fill("#filter", "آكار")  # another spelling of أكار: normalised as on the graph page
        page.wait_for_function("() => document.querySelectorAll('#rows tr').length === 2")
        assert _rows(loaded) == ["event/visit", "event/statement"]
        with page.expect_download() as download:
            page.click("#csv")
        assert download.value.suggested_filename == "events.csv"
        text = Path(download.value.path()).read_text(encoding="utf-8-sig")
        rows = list(csv.DictReader(io.StringIO(text)))
        assert [r["id"] for r in rows] == _rows(loaded)
        visit = rows[0]
        assert (visit["type"], visit["status"], visit["sources"]) == ("Visit", "happened", "1")
        assert visit["parties"] == "visitor:خلوصي أكار; destination:ليبيا"
        assert page.get_attribute("#csv", "href").startswith("data:text/csv;charset=utf-8,")
        page.fill("#filter", "لا أحد بهذا الاسم")
        page.wait_for_selector("#empty", state="visible")
        assert _rows(loaded) == []
        _clean(loaded)


def test_events_table_rows_open_the_event_or_the_graph_at_it(browser, site: Path, tmp_path: Path) -> None:
    with _open(browser, site / "graph.html") as loaded:
        page = loaded.page
        _follow(loaded, page.get_by_role("link", name="جدول الأحداث"), "events.html")
        _follow(loaded, page.get_by_role("link", name="لقاء: النمروش، أكار، غولار"), "event-meeting.html")
        assert page.text_content("h1") == "لقاء: النمروش، أكار، غولار"
        _clean(loaded)
    # An event left without a page of its own (the page budget) opens graph.html on its node.
    write_table_page(seed_graph(), tmp_path / "events.html", paged={"event/meeting"})
    write_graph_page(seed_graph(), tmp_path / "graph.html", table=True)
    with _open(browser, tmp_path / "events.html") as loaded:
        page = loaded.page
        link = page.get_by_role("link", name="زيارة: أكار")
        assert link.get_attribute("href") == "graph.html#event/visit"
        _follow(loaded, link, "graph.html#event/visit")
        page.wait_for_function(
            "() => document.querySelector('#panel-body h2')?.textContent === 'زيارة: أكار'"
        )
        _clean(loaded)


def test_events_table_of_a_large_graph_lists_every_event(browser, tmp_path: Path) -> None:
    g = large_graph(n_entities=600, n_events=800, n_articles=500)
    write_table_page(g, tmp_path / "events.html")
    with _open(browser, tmp_path / "events.html") as loaded:
        assert sorted(_rows(loaded)) == sorted(ev.id for ev in g.events)
        loaded.page.uncheck("#type-filters input[value=Visit]")
        assert sorted(_rows(loaded)) == sorted(ev.id for ev in g.events if ev.type != "Visit")
        _clean(loaded)


# ---- the timeline's window and date ranges --------------------------------------------------------


def test_timeline_zooms_to_the_news_and_counts_outliers_at_its_edges(browser, tmp_path: Path) -> None:
    path = tmp_path / "outliers.html"
    write_graph_page(outlier_graph(early=3, late=2), path)
    with _open(browser, path) as loaded:
        page = loaded.page
        dated = page.evaluate(
            "window.hadath.data.nodes.filter(n => n.kind === 'event' && n.time && n.time.value).length"
        )
        r = page.evaluate("window.hadath.timelineRange()")
        assert r["from"].startswith("2015-") and r["to"].startswith("2015-")
        assert (r["earlier"], r["later"]) == (3, 2)
        assert page.evaluate("window.hadath.timelineMarks()") == dated - 5
        labels = page.eval_on_selector_all("#timeline-strip text", "ts => ts.map(t => t.textContent)")
        assert labels and all(t.startswith("2015-") for t in labels)
        earlier = page.locator("#timeline-strip .tl-edge.earlier")
        later = page.locator("#timeline-strip .tl-edge.later")
        assert earlier.inner_text() == "3 أقدم" and later.inner_text() == "2 أحدث"
        # Time runs right to left: the earlier count at the right edge, the later at the left.
        strip = page.locator("#timeline-strip").bounding_box()
        assert earlier.bounding_box()["x"] > strip["x"] + strip["width"] / 2 > later.bounding_box()["x"]
        earlier.click()  # the whole range, every event on it
        r = page.evaluate("window.hadath.timelineRange()")
        assert (r["from"], r["to"], r["earlier"], r["later"]) == ("1904-05-01", "2035-01-01", 0, 0)
        assert page.evaluate("window.hadath.timelineMarks()") == dated
        page.locator("#timeline-strip .tl-edge").click()  # and back
        assert page.evaluate("window.hadath.timelineRange()")["earlier"] == 3
        _clean(loaded)


def _range_boxes(loaded: Loaded) -> tuple[str, list[float]]:
    rng = loaded.page.locator("#titles .range").first
    xs = rng.locator("bdi").evaluate_all("bs => bs.map(b => [b.dir, b.getBoundingClientRect().x])")
    assert [d for d, _ in xs] == ["ltr", "ltr"]
    return rng.inner_text(), [x for _, x in xs]


def test_date_ranges_read_in_the_page_direction(browser, site: Path, tmp_path: Path) -> None:
    with _open(browser, site / "pages" / "entity" / "person-akar.html") as loaded:
        text, (first, last) = _range_boxes(loaded)
        assert text == "من 2020-07-03 إلى 2020-07-04"
        assert first > last  # the first day on the right, where an Arabic line begins
        _clean(loaded)
    write_pages(seed_graph(), tmp_path, lang="en")
    with _open(browser, tmp_path / "pages" / "entity" / "person-akar.html") as loaded:
        text, (first, last) = _range_boxes(loaded)
        assert text == "2020-07-03 → 2020-07-04" and first < last
        _clean(loaded)
