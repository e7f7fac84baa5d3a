"""The graph page without a browser: data, selection, layout, escaping, atomic writing."""

from __future__ import annotations

import json
import math
import os
import re
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path

import pytest

from kg.model import Graph
from kg.pages import find_entities, find_entity, page_name, page_path, write_graph_page, write_pages
from kg.pages.bounds import MAX_TABLE_PARTIES
from kg.pages.graph_page import content_security_policy, embed_json, render_page
from kg.pages.layout import layout
from kg.pages.page_data import page_data, timeline_window
from kg.pages.selection import choose_drawn
from kg.pages.strings import ROLES, strings
from kg.pages.table_page import render_table_page, table_data, write_table_page
from tests.browser import HOSTILE, HOSTILE_CLOSE, hostile_graph, large_graph, outlier_graph, seed_graph


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
        "caller",
        "callee",
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


# ---- a page per entity and per event ----------------------------------------------------------


def _page_json(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    tag = '<script type="application/json" id="hadath-data">'
    start = text.index(tag) + len(tag)
    blob = text[start : text.index("</script>", start)]
    assert not set(blob) & set("<>&\u2028\u2029")
    return json.loads(blob)


@pytest.fixture(scope="module")
def node_pages(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("out")
    figures = write_pages(seed_graph(), out)
    return out, figures


def test_page_names_are_safe_and_one_to_one() -> None:
    assert page_name("person/1f3a9c0b2d4e") == "person-1f3a9c0b2d4e"
    odd = [
        "../../etc/passwd",
        "person/ABC",
        "person/abc",
        "a/b/c",
        "أكار",
        "CON",
        "",
        "x" * 500,
        "person/a-b",
    ]
    names = [page_name(i) for i in odd]
    assert len(set(names)) == len(names)
    for name in names:
        assert re.fullmatch(r"[a-z0-9_-]{1,80}", name), name
    assert page_name("person/ABC") != page_name("person/abc")
    assert page_path("event/1f3a", event=True) == "pages/event/event-1f3a.html"


def test_write_pages_figures_and_files(node_pages: tuple[Path, dict]) -> None:
    out, figures = node_pages
    assert figures["entity_pages"] == 14 and figures["event_pages"] == 5
    entity = sorted(p.name for p in (out / "pages" / "entity").iterdir())
    assert len(entity) == 14 and "person-akar.html" in entity
    assert len(list((out / "pages" / "event").iterdir())) == 5
    assert figures["bytes"] == sum(p.stat().st_size for p in (out / "pages").rglob("*.html"))
    index = json.loads((out / "pages" / "index.json").read_text(encoding="utf-8"))
    assert index["entities"]["person/akar"] == {
        "label": "خلوصي أكار",
        "aliases": ["أكار", "خلوصى آكار", "آكار"],
        "titles": ["وزير الدفاع"],
        "spellings": [],
        "kind": "person",
        "articles": 3,
        "page": "pages/entity/person-akar.html",
    }
    assert index["events"]["event/meeting"]["page"] == "pages/event/event-meeting.html"


def test_entity_page_data(node_pages: tuple[Path, dict]) -> None:
    out, _ = node_pages
    data = _page_json(out / "pages" / "entity" / "person-akar.html")
    assert data["page"] == "entity" and data["node"]["label"] == "خلوصي أكار"
    assert [t["title"] for t in data["node"]["titles"]] == ["وزير الدفاع"]
    assert (
        data["node"]["titles"][0]["first"] == "2020-07-03"
        and data["node"]["titles"][0]["last"] == "2020-07-04"
    )
    assert data["node"]["affiliation"]["href"] == "../entity/place-tr.html"
    # Dated events in date order (same day: by id), the statement without a date apart.
    assert [e["id"] for e in data["timeline"]] == ["event/meeting", "event/visit"]
    assert [e["id"] for e in data["undated"]] == ["event/statement"]
    meeting = data["timeline"][0]
    assert meeting["roles"] == ["guest"] and meeting["href"] == "../event/event-meeting.html"
    others = {o["id"]: o for o in meeting["others"]}
    assert others["person/namroush"]["roles"] == ["host"]
    assert others["place/tripoli"]["roles"] == ["place"]
    assert others["person/guler"]["href"] == "../entity/person-guler.html"


def test_place_and_organisation_pages(node_pages: tuple[Path, dict]) -> None:
    out, _ = node_pages
    tripoli = _page_json(out / "pages" / "entity" / "place-tripoli.html")
    assert [(e["id"], e["roles"]) for e in tripoli["timeline"]] == [("event/meeting", ["place"])]
    gna = _page_json(out / "pages" / "entity" / "organization-gna.html")
    assert {m["id"] for m in gna["members"]} == {"person/namroush", "person/sarraj", "person/bashagha"}
    ankara = _page_json(out / "pages" / "entity" / "place-ankara.html")
    assert ankara["timeline"] == [] and ankara["undated"][0]["status"] == "planned"


def test_event_page_data(node_pages: tuple[Path, dict]) -> None:
    out, _ = node_pages
    data = _page_json(out / "pages" / "event" / "event-meeting.html")
    assert data["node"]["time"]["value"] == "2020-07-03" and data["node"]["status"] == "happened"
    assert data["node"]["place"]["href"] == "../entity/place-tripoli.html"
    assert [(a["id"], a["roles"]) for a in data["actors"]] == [
        ("person/namroush", ["host"]),
        ("person/akar", ["guest"]),
        ("person/guler", ["guest"]),
    ]
    assert [s["article"] for s in data["sources"]] == ["a1", "a2"]
    first = data["sources"][0]
    assert first["source"] == "بوابة الوسط" and first["url"] == "https://example.org/news/1"
    assert first["sentences"][0]["trigger"] == "استقبل" and "طرابلس" in first["sentences"][0]["text"]
    planned = _page_json(out / "pages" / "event" / "event-planned.html")
    assert planned["node"]["time"]["value"] is None and planned["node"]["time"]["precision"] == "unresolved"


def test_node_pages_are_self_contained_and_hostile_text_stays_in_json(tmp_path: Path) -> None:
    write_pages(hostile_graph(), tmp_path)
    for path in (tmp_path / "pages").rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        parser = _Tags()
        parser.feed(text)
        assert not [t for t, attrs in parser.tags if "src" in attrs or "href" in attrs], path
        assert [a.get("type") for t, a in parser.tags if t == "script"] == ["application/json", None]
        csp = next(a["content"] for t, a in parser.tags if t == "meta" and a.get("http-equiv"))
        assert "default-src 'none'" in csp and "unsafe" not in csp
        assert HOSTILE not in text and HOSTILE_CLOSE not in text, path
        assert "<img" not in text.lower() and text.lower().count("</script") == 2
    data = _page_json(tmp_path / "pages" / "entity" / "person-hostile.html")
    assert data["node"]["aliases"] == [HOSTILE_CLOSE]
    title = re.search(
        r"<title>(.*?)</title>", (tmp_path / "pages" / "event" / "event-hostile.html").read_text()
    )
    assert title and "&lt;img" in title.group(1)


def test_stale_pages_are_removed(tmp_path: Path) -> None:
    write_pages(hostile_graph(), tmp_path)
    assert (tmp_path / "pages" / "entity" / "person-hostile.html").exists()
    (tmp_path / "pages" / "entity" / "notes.txt").write_text("mine", encoding="utf-8")
    write_pages(seed_graph(), tmp_path)
    assert not (tmp_path / "pages" / "entity" / "person-hostile.html").exists()
    assert not (tmp_path / "pages" / "event" / "event-hostile.html").exists()
    assert (tmp_path / "pages" / "entity" / "notes.txt").exists()  # not ours: left alone
    assert not [p for p in (tmp_path / "pages").rglob("*.tmp")]


def test_find_entity_by_any_alias(node_pages: tuple[Path, dict]) -> None:
    out, _ = node_pages
    page = out / "pages" / "entity" / "person-akar.html"
    for name in ("اكار", "أكار", "خلوصى اكار", "  خلوصي   أكار ", "آكار", "أكـــار"):
        assert find_entity(out, name) == page, name
        assert find_entity(str(out), name) == page
    assert find_entity(seed_graph(), "اكار") == Path("pages/entity/person-akar.html")
    assert find_entity(out, "الجويلى") == out / "pages" / "entity" / "person-juwaili.html"
    # Exact names beat partial ones: طرابلس, not a longer name containing it.
    assert find_entity(out, "طرابلس").name == "place-tripoli.html"
    assert [h[0] for h in find_entities(out, "باشاغ")] == ["person/bashagha"]
    with pytest.raises(LookupError):
        find_entity(out, "لا أحد")
    with pytest.raises(FileNotFoundError):
        find_entity(out / "nowhere", "اكار")


def test_graph_page_links_to_node_pages(seed: Graph) -> None:
    data = page_data(seed, node_pages=True)
    assert _node(data, "person/akar")["page"] == "pages/entity/person-akar.html"
    assert _node(data, "event/visit")["page"] == "pages/event/event-visit.html"
    assert "page" not in _node(page_data(seed), "person/akar")


def test_english_node_pages(tmp_path: Path) -> None:
    write_pages(seed_graph(), tmp_path, lang="en")
    text = (tmp_path / "pages" / "event" / "event-meeting.html").read_text(encoding="utf-8")
    assert 'lang="en" dir="ltr"' in text and "— Hadath</title>" in text
    with pytest.raises(ValueError):
        write_pages(seed_graph(), tmp_path, lang="fr")


def test_page_budget_keeps_links_inside_what_was_written(tmp_path):
    import re

    from kg.pages.node_pages import choose_paged, write_pages
    from tests.browser import large_graph

    g = large_graph(n_entities=300, n_events=150, n_articles=200)
    paged = choose_paged(g, 100)
    assert paged is not None and len(paged) == 100
    figures = write_pages(g, tmp_path, paged=paged)
    assert figures["entity_pages"] + figures["event_pages"] == 100
    written = {p.name for p in (tmp_path / "pages").rglob("*.html")}
    checked = 0
    for page in (tmp_path / "pages").rglob("*.html"):
        for href in re.findall(r'"href":\s*"\.\./(?:entity|event)/([A-Za-z0-9_-]+\.html)"', page.read_text()):
            assert href in written
            checked += 1
    assert checked > 100
    assert choose_paged(g, 10_000) is None


def test_layout_does_not_depend_on_string_hashing() -> None:
    # Sets of node ids iterate in an order that changes with PYTHONHASHSEED between runs.
    import subprocess
    import sys

    code = (
        "from kg.pages.layout import layout\n"
        "nodes = [f'n{i}' for i in range(40)]\n"
        "edges = [(f'n{i}', f'n{(i * 7 + 3) % 40}') for i in range(40)]\n"
        "print(sorted(layout(nodes, edges).items()))\n"
    )
    outs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": s},
            check=True,
        ).stdout
        for s in ("1", "2", "3")
    }
    assert len(outs) == 1


# ---- the events table ---------------------------------------------------------------------------


def _row(data: dict, event_id: str) -> dict:
    return next(r for r in data["events"] if r["id"] == event_id)


def test_table_has_one_row_per_event_with_its_facts(seed: Graph) -> None:
    data = table_data(seed)
    assert [r["id"] for r in data["events"]] == [ev.id for ev in seed.events]
    meeting = _row(data, "event/meeting")
    label = {i: e["label"] for i, e in enumerate(data["entities"])}
    assert (meeting["date"], meeting["begin"], meeting["end"]) == ("2020-07-03", "2020-07-03", "2020-07-03")
    assert (meeting["type"], meeting["status"]) == ("Meeting", "happened")
    # Principals first: the host, then the guests, then whoever was only there.
    assert [(label[k], roles) for k, roles in meeting["parties"]][:2] == [
        ("صلاح الدين النمروش", ["host"]),
        ("خلوصي أكار", ["guest"]),
    ]
    assert label[meeting["place"]] == "طرابلس"
    assert (meeting["sources"], meeting["outlets"]) == (2, 2)
    assert meeting["href"] == "pages/event/event-meeting.html"
    planned = _row(data, "event/planned")
    assert planned["date"] is None and planned["status"] == "planned"
    memorandum = _row(data, "event/memorandum")
    assert (memorandum["date"], memorandum["begin"], memorandum["end"]) == (
        "2019-11",
        "2019-11-01",
        "2019-11-30",
    )
    assert label[_row(data, "event/memorandum")["parties"][-1][0]] == "أسامة الجويلي"  # an attendee, last


def test_table_parties_are_bounded_and_entities_written_once() -> None:
    g = large_graph(n_entities=300, n_events=150, n_articles=200)
    data = table_data(g)
    assert len(data["events"]) == 150
    assert all(len(r["parties"]) <= MAX_TABLE_PARTIES for r in data["events"])
    labels = [e["label"] for e in data["entities"]]
    assert len(labels) == len(set(labels))  # each party or place once, rows point at it


def test_table_links_events_without_a_page_to_the_graph(seed: Graph) -> None:
    data = table_data(seed, paged={"event/meeting"})
    assert _row(data, "event/meeting")["href"] == "pages/event/event-meeting.html"
    assert _row(data, "event/visit")["href"] == "graph.html#event/visit"


def test_table_page_is_self_contained_and_holds_each_event_once(tmp_path: Path, seed: Graph) -> None:
    out = tmp_path / "events.html"
    figures = write_table_page(seed, out)
    text = out.read_text(encoding="utf-8")
    assert figures == {"events": 5, "bytes": len(text.encode("utf-8"))}
    parser = _Tags()
    parser.feed(text)
    # The only links: the graph page and the CSV anchor the script fills in when clicked.
    assert [a.get("href") for t, a in parser.tags if "href" in a] == ["graph.html", "#"]
    assert not [t for t, a in parser.tags if "src" in a] and "link" not in [t for t, _ in parser.tags]
    assert 'dir="rtl"' in text and "جدول الأحداث" in text
    csp = next(a["content"] for t, a in parser.tags if t == "meta" and a.get("http-equiv"))
    assert csp == content_security_policy(
        parser.scripts[1:], re.findall(r"<style>(.*?)</style>", text, re.DOTALL)
    )
    blob = json.loads(parser.scripts[0])
    assert blob == json.loads(json.dumps(table_data(seed)))
    for ev in seed.events:
        assert text.count(f'"id":"{ev.id}"') == 1
    assert "vis.Network" not in text  # the table carries no graph drawing


def test_graph_page_links_to_the_table_only_when_written(seed: Graph) -> None:
    with_table = page_data(seed)
    with_table["table_href"] = "events.html"
    assert '<a id="table-link" href="events.html">جدول الأحداث</a>' in render_page(with_table)
    assert 'id="table-link"' not in render_page(page_data(seed))
    with_table["table_href"] = "javascript:alert(1)"  # never a link the build did not write
    assert 'id="table-link"' not in render_page(with_table)


def test_table_strings_in_both_languages() -> None:
    for lang in ("ar", "en"):
        ui = strings(lang)["ui"]
        for key in ("table_title", "table_link", "table_shown", "parties", "outlets", "csv", "event"):
            assert ui[key], (lang, key)
    assert "Events table" in render_table_page(table_data(seed_graph(), lang="en"))


# ---- the timeline's window and date ranges --------------------------------------------------------


def test_timeline_spans_the_news_not_the_outliers() -> None:
    data = page_data(outlier_graph(early=3, late=2), max_nodes=100)
    window = data["timeline"]
    assert window["from"].startswith("2015-") and window["to"].startswith("2015-")
    # The ends of the news itself stay on the axis: only the far dates are left off.
    mids = sorted(
        n["time"]["begin"] for n in data["nodes"] if n["kind"] == "event" and n["time"] and n["time"]["value"]
    )
    assert mids[:3] == ["1904-05-01"] * 3 and mids[-2:] == ["2035-01-01"] * 2
    assert window == {"from": mids[3], "to": mids[-3]}


def test_timeline_of_a_few_events_keeps_them_all(seed: Graph) -> None:
    assert timeline_window(seed.events) == {"from": "2019-11-15", "to": "2020-07-03"}
    assert timeline_window([]) is None
    assert page_data(seed)["timeline"] == timeline_window(seed.events)


def test_date_ranges_read_in_the_page_direction() -> None:
    # A range is two isolated dates and the words or arrow of strings.json between them,
    # never an arrow glued into one left-to-right run (which reads backwards in Arabic).
    assert strings("ar")["ui"]["range"] == "من {from} إلى {to}"
    assert strings("en")["ui"]["range"] == "{from} → {to}"
    assets = resources.files("kg.pages").joinpath("assets")
    for name in ("common.js", "node.js", "table.js", "graph/panel.js", "graph/timeline.js"):
        assert "→" not in assets.joinpath(*name.split("/")).read_text(encoding="utf-8"), name
