"""The graph page without a browser: data, selection, layout, escaping, atomic writing."""

from __future__ import annotations

import json
import math
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from kg.model import Graph
from kg.pages import write_graph_page
from kg.pages.graph_page import content_security_policy, embed_json, render_page
from kg.pages.layout import layout
from kg.pages.page_data import page_data
from kg.pages.selection import choose_drawn
from kg.pages.strings import ROLES, strings
from tests.browser import HOSTILE, HOSTILE_CLOSE, hostile_graph, large_graph, seed_graph


@pytest.fixture(scope="module")
def seed() -> Graph:
    return seed_graph()


def _node(data: dict, node_id: str) -> dict:
    return next(n for n in data["nodes"] if n["id"] == node_id)


def _index(data: dict, node_id: str) -> int:
    return next(i for i, n in enumerate(data["nodes"]) if n["id"] == node_id)


# ---- the page data ------------------------------------------------------------------------


def test_small_graph_is_drawn_whole_with_positions(seed: Graph) -> None:
    data = page_data(seed)
    assert data["figures"] == {"nodes_total": 19, "nodes_drawn": 19, "edges_total": 22, "edges_drawn": 22}
    assert all(n["drawn"] and isinstance(n["x"], int) and isinstance(n["y"], int) for n in data["nodes"])


def test_edges_carry_roles_places_and_affiliations(seed: Graph) -> None:
    data = page_data(seed)
    meeting = _index(data, "event/meeting")
    edges = {(e["from"], e["to"]): e for e in data["edges"]}
    assert edges[meeting, _index(data, "person/namroush")]["roles"] == ["host"]
    assert edges[meeting, _index(data, "person/akar")]["roles"] == ["guest"]
    assert edges[meeting, _index(data, "place/tripoli")]["kind"] == "place"
    assert edges[_index(data, "person/akar"), _index(data, "place/tr")]["kind"] == "affiliation"
    # The destination of a visit is a role edge, not also a place edge.
    visit = _index(data, "event/visit")
    assert edges[visit, _index(data, "place/ly")] == {
        "from": visit,
        "to": _index(data, "place/ly"),
        "kind": "role",
        "roles": ["destination"],
    }


def test_event_details_for_the_panel(seed: Graph) -> None:
    data = page_data(seed)
    meeting = _node(data, "event/meeting")
    assert meeting["time"]["value"] == "2020-07-03" and meeting["time"]["precision"] == "day"
    assert [s["article"] for s in meeting["sources"]] == ["a1", "a2"]
    assert meeting["sources"][0]["trigger"] == "استقبل"
    assert "طرابلس" in meeting["sources"][0]["sentence"]
    planned = _node(data, "event/planned")
    assert planned["status"] == "planned" and planned["time"]["precision"] == "unresolved"
    assert planned["time"]["value"] is None
    assert _node(data, "event/memorandum")["time"] == {
        "value": "2019-11",
        "precision": "month",
        "text": "",
        "begin": "2019-11-01",
        "end": "2019-11-30",
    }
    assert data["articles"]["a1"] == {
        "title": seed.articles[0].title,
        "source": "بوابة الوسط",
        "date": "2020-07-03",
        "url": "https://example.org/news/1",
    }


def test_entity_details_for_the_panel(seed: Graph) -> None:
    data = page_data(seed)
    akar = _node(data, "person/akar")
    assert akar["aliases"] == ["أكار", "خلوصى آكار", "آكار"]
    assert akar["titles"] == [
        {
            "title": "وزير الدفاع",
            "affiliation": _index(data, "place/tr"),
            "first": "2020-07-03",
            "last": "2020-07-04",
        }
    ]
    assert akar["affiliation"] == _index(data, "place/tr")


def test_interface_strings_in_both_languages() -> None:
    ar, en = strings("ar"), strings("en")
    assert ar["roles"]["signatory"] == "موقّع" and ar["roles"]["attendee"] == "حاضر"
    assert en["roles"]["host"] == "host"
    assert set(ar["ui"]) == set(en["ui"])
    assert set(ROLES["ar"]) == {
        "host",
        "guest",
        "visitor",
        "destination",
        "participant",
        "attendee",
        "speaker",
        "signatory",
    }
    with pytest.raises(ValueError):
        strings("fr")


# ---- what a big graph draws ------------------------------------------------------------------


def test_selection_takes_best_reported_events_whole() -> None:
    g = large_graph(n_entities=600, n_events=300, n_articles=400)
    drawn = choose_drawn(g, 200)
    assert 150 < len(drawn) <= 200
    chosen = set(drawn)
    events = [ev for ev in g.events if ev.id in chosen]
    for ev in events:  # no event is drawn with an actor missing
        assert {p.entity for p in ev.participants} <= chosen
    # The best-reported event comes first, so it is always drawn.
    best = max(g.events, key=lambda ev: (len(ev.articles), len(ev.participants)))
    assert best.id in chosen
    # The organisations the drawn people belong to get a share of the budget.
    by_id = {e.id: e for e in g.entities}
    wanted = {by_id[i].affiliation for i in drawn if i in by_id and by_id[i].affiliation}
    assert len(wanted & chosen) >= min(len(wanted), 20)
    assert choose_drawn(g, 10_000) == [ev.id for ev in g.events] + [e.id for e in g.entities]
    with pytest.raises(ValueError):
        choose_drawn(g, 0)


def test_layout_is_deterministic_and_spreads_small_graphs(seed: Graph) -> None:
    data = page_data(seed)
    nodes = [n["id"] for n in data["nodes"]]
    edges = [(nodes[e["from"]], nodes[e["to"]]) for e in data["edges"]]
    first = layout(nodes, edges)
    assert first == layout(nodes, edges)
    assert set(first) == set(nodes)
    points = list(first.values())
    closest = min(math.dist(a, b) for i, a in enumerate(points) for b in points[i + 1 :])
    assert closest > 60  # no two nodes on top of each other


def test_undrawn_nodes_have_no_position_but_stay_searchable() -> None:
    g = large_graph(n_entities=300, n_events=150, n_articles=200)
    data = page_data(g, max_nodes=100)
    drawn = [n for n in data["nodes"] if n["drawn"]]
    rest = [n for n in data["nodes"] if not n["drawn"]]
    assert len(drawn) <= 100 and len(rest) == 450 - len(drawn)
    assert all("x" not in n for n in rest) and all("x" in n for n in drawn)
    assert data["figures"]["nodes_total"] == 450


# ---- the HTML --------------------------------------------------------------------------------


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data


def test_page_is_self_contained(tmp_path: Path, seed: Graph) -> None:
    out = tmp_path / "graph.html"
    figures = write_graph_page(seed, out)
    text = out.read_text(encoding="utf-8")
    assert figures["bytes"] == len(text.encode("utf-8"))
    parser = _Tags()
    parser.feed(text)
    # Nothing is linked: no src/href anywhere, no <link>, no CSS import or remote url().
    assert not [t for t, attrs in parser.tags if "src" in attrs or "href" in attrs]
    assert "link" not in [t for t, _ in parser.tags]
    assert "@import" not in text and not re.search(r"url\(\s*['\"]?(https?:)?//", text)
    assert "sourceMappingURL" not in text
    assert [attrs.get("type") for t, attrs in parser.tags if t == "script"] == [
        "application/json",
        None,
        None,
    ]
    assert 'dir="rtl"' in text and 'lang="ar"' in text


def test_csp_allows_exactly_the_inline_scripts(seed: Graph) -> None:
    text = render_page(page_data(seed))
    parser = _Tags()
    parser.feed(text)
    csp = next(a["content"] for t, a in parser.tags if t == "meta" and a.get("http-equiv"))
    styles = re.findall(r"<style>(.*?)</style>", text, re.DOTALL)
    assert len(styles) == 2
    assert csp == content_security_policy(parser.scripts[1:], styles)
    assert "default-src 'none'" in csp and "unsafe" not in csp


def test_hostile_text_cannot_leave_the_json(tmp_path: Path) -> None:
    g = hostile_graph()
    out = tmp_path / "graph.html"
    write_graph_page(g, out)
    text = out.read_text(encoding="utf-8")
    start = text.index('<script type="application/json" id="hadath-data">') + len(
        '<script type="application/json" id="hadath-data">'
    )
    blob = text[start : text.index("</script>", start)]
    assert not set(blob) & set("<>&\u2028\u2029")
    data = json.loads(blob)
    assert data == json.loads(json.dumps(page_data(g)))  # the escaping round-trips exactly
    assert _node(data, "person/hostile")["aliases"] == [HOSTILE_CLOSE]
    assert HOSTILE not in text and HOSTILE_CLOSE not in text


def test_embed_json_escapes() -> None:
    assert embed_json({"a": "</script>&\u2028"}) == '{"a":"\\u003c/script\\u003e\\u0026\\u2028"}'


def test_english_interface(tmp_path: Path, seed: Graph) -> None:
    out = tmp_path / "en.html"
    write_graph_page(seed, out, lang="en")
    text = out.read_text(encoding="utf-8")
    assert 'lang="en" dir="ltr"' in text and "Hadath — event graph" in text


def test_write_is_atomic(tmp_path: Path, seed: Graph, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "graph.html"
    out.write_text("old page", encoding="utf-8")

    def broken_fsync(fd: int) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="disk full"):
        write_graph_page(seed, out)
    assert out.read_text(encoding="utf-8") == "old page"
    assert os.listdir(tmp_path) == ["graph.html"]  # no temporary file left behind
    monkeypatch.undo()
    figures = write_graph_page(seed, out)
    assert out.stat().st_size == figures["bytes"] and os.listdir(tmp_path) == ["graph.html"]
    assert oct(out.stat().st_mode & 0o777) == "0o644"
