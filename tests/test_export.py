"""GraphML, GEXF and the events CSV: they parse back, carry the attributes, survive hostile text."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import networkx as nx
import pytest

from kg.export import CSV_COLUMNS, event_rows, to_networkx, write_events_csv, write_exports
from tests.browser import HOSTILE, hostile_graph, seed_graph


def test_write_exports_figures_and_files(tmp_path: Path) -> None:
    figures = write_exports(seed_graph(), tmp_path)
    assert figures["nodes"] == 19 and figures["edges"] == 22 and figures["events"] == 5
    assert sorted(os.listdir(tmp_path)) == ["events.csv", "graph.gexf", "graph.graphml"]
    for name, key in (
        ("graph.graphml", "graphml_bytes"),
        ("graph.gexf", "gexf_bytes"),
        ("events.csv", "csv_bytes"),
    ):
        assert (tmp_path / name).stat().st_size == figures[key]


@pytest.mark.parametrize("name", ["graph.graphml", "graph.gexf"])
def test_graph_files_parse_back_with_attributes(tmp_path: Path, name: str) -> None:
    write_exports(seed_graph(), tmp_path)
    read = nx.read_graphml if name.endswith("graphml") else nx.read_gexf
    g = read(tmp_path / name)
    assert g.number_of_nodes() == 19 and g.number_of_edges() == 22
    meeting = g.nodes["event/meeting"]
    assert meeting["kind"] == "event" and meeting["type"] == "Meeting" and meeting["date"] == "2020-07-03"
    assert meeting["label"] == "لقاء: النمروش، أكار، غولار"
    assert g.nodes["event/planned"]["date"] == "" and g.nodes["event/planned"]["status"] == "planned"
    akar = g.nodes["person/akar"]
    assert akar["kind"] == "person" and akar["label"] == "خلوصي أكار"
    assert g.edges["event/meeting", "person/namroush"]["role"] == "host"
    assert g.edges["event/meeting", "place/tripoli"]["role"] == "place"
    assert g.edges["event/visit", "place/ly"]["role"] == "destination"
    assert g.edges["person/akar", "place/tr"]["role"] == "affiliation"


def test_hostile_text_round_trips_in_xml(tmp_path: Path) -> None:
    g = hostile_graph()
    write_exports(g, tmp_path)
    for read, name in ((nx.read_graphml, "graph.graphml"), (nx.read_gexf, "graph.gexf")):
        back = read(tmp_path / name)
        assert back.nodes["person/hostile"]["label"] == f"مجهول {HOSTILE}", name
        assert back.nodes["event/hostile"]["label"] == f"تصريح: {HOSTILE}", name
    raw = (tmp_path / "graph.graphml").read_text(encoding="utf-8")
    assert HOSTILE not in raw and "&lt;img" in raw  # escaped, not markup


def test_control_characters_are_dropped_from_xml(tmp_path: Path) -> None:
    from dataclasses import replace

    g = seed_graph()
    g = replace(g, entities=(replace(g.entities[0], label="صلاح\x00 الدين\x0b النمروش"), *g.entities[1:]))
    write_exports(g, tmp_path)
    assert (
        nx.read_graphml(tmp_path / "graph.graphml").nodes["person/namroush"]["label"] == "صلاح الدين النمروش"
    )


def test_csv_one_row_per_event(tmp_path: Path) -> None:
    rows, size = write_events_csv(seed_graph(), tmp_path / "events.csv")
    assert rows == 5 and size == (tmp_path / "events.csv").stat().st_size
    with open(tmp_path / "events.csv", encoding="utf-8", newline="") as f:
        table = list(csv.DictReader(f))
    assert tuple(table[0]) == CSV_COLUMNS
    by_id = {r["id"]: r for r in table}
    m = by_id["event/meeting"]
    assert m["type"] == "Meeting" and m["date"] == "2020-07-03" and m["precision"] == "day"
    assert m["actors"] == "host:صلاح الدين النمروش; guest:خلوصي أكار; guest:يشار غولار"
    assert m["place"] == "طرابلس" and m["num_sources"] == "2"
    assert m["source_urls"].split() == ["https://example.org/news/1", "https://example.org/news/2"]
    p = by_id["event/planned"]
    assert p["date"] == "" and p["precision"] == "unresolved" and p["status"] == "planned"
    assert by_id["event/memorandum"]["source_urls"] == ""  # its article has no URL
    assert (
        by_id["event/memorandum"]["date"] == "2019-11" and by_id["event/memorandum"]["precision"] == "month"
    )


def test_csv_hostile_and_formula_cells(tmp_path: Path) -> None:
    from dataclasses import replace

    g = hostile_graph()
    g = replace(g, events=(replace(g.events[0], label='=HYPERLINK("http://x")'), *g.events[1:]))
    write_events_csv(g, tmp_path / "e.csv")
    with open(tmp_path / "e.csv", encoding="utf-8", newline="") as f:
        by_id = {r["id"]: r for r in csv.DictReader(f)}
    assert by_id["event/meeting"]["label"].startswith("'=")  # not a formula in a spreadsheet
    assert by_id["event/hostile"]["label"] == f"تصريح: {HOSTILE}"  # text kept as written
    assert HOSTILE in by_id["event/hostile"]["actors"]
    assert len(list(event_rows(g))) == len(g.events)


def test_exports_are_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "events.csv").write_text("old", encoding="utf-8")

    def broken(fd: int) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "fsync", broken)
    with pytest.raises(OSError, match="disk full"):
        write_exports(seed_graph(), tmp_path)
    assert os.listdir(tmp_path) == ["events.csv"]
    assert (tmp_path / "events.csv").read_text(encoding="utf-8") == "old"


def test_networkx_graph_is_directed_event_to_actor() -> None:
    g = to_networkx(seed_graph())
    assert g.is_directed() and g.has_edge("event/meeting", "person/akar")
    assert not g.has_edge("person/akar", "event/meeting")
    assert all(set(d) == {"role"} for *_, d in g.edges(data=True))
