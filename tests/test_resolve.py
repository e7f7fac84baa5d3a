"""Resolution across articles: one person one node, one reported meeting one event."""

from __future__ import annotations

from datetime import date

import pytest

from kg.extract import extract
from kg.model import Article, Graph
from kg.resolve import resolve
from tests.texts import OUTLET_A, OUTLET_B, OUTLET_C


@pytest.fixture(scope="module")
def graph() -> Graph:
    articles = [
        Article(id="a", text=OUTLET_A, dct=date(2023, 5, 9), source="outlet-a"),
        Article(id="b", text=OUTLET_B, dct=date(2023, 5, 10), source="outlet-b"),
        Article(id="c", text=OUTLET_C, dct=date(2023, 5, 9), source="outlet-c"),
    ]
    return resolve([extract(a) for a in articles])


def _persons(g: Graph, word: str):
    return [e for e in g.entities if e.kind == "person" and any(word in n for n in (e.label, *e.aliases))]


def test_one_node_per_person_across_spellings(graph: Graph) -> None:
    tajani = _persons(graph, "تاياني") + _persons(graph, "تاجاني")
    assert len({e.id for e in tajani}) == 1, [(e.label, e.aliases) for e in tajani]
    assert set(tajani[0].articles) == {"a", "b", "c"}


def test_father_and_son_stay_apart(graph: Graph) -> None:
    king = _persons(graph, "سلمان بن عبدالعزيز آل سعود")
    prince = _persons(graph, "محمد بن سلمان")
    assert len(king) == 1 and len(prince) == 1
    assert king[0].id != prince[0].id
    assert "سلمان بن عبد العزيز" in king[0].aliases


def test_one_meeting_for_three_reports_with_today_and_yesterday(graph: Graph) -> None:
    king = _persons(graph, "سلمان بن عبدالعزيز آل سعود")[0]
    tajani = _persons(graph, "تاياني")[0]
    meetings = [
        ev for ev in graph.events if ev.type == "Meeting" and king.id in {p.entity for p in ev.participants}
    ]
    assert len(meetings) == 1, [(m.label, m.articles) for m in meetings]
    m = meetings[0]
    assert m.time is not None and m.time.value == "2023-05-09"
    roles = {p.entity: p.role for p in m.participants}
    assert roles[king.id] == "host" and roles[tajani.id] == "guest"
    assert set(m.articles) == {"a", "b", "c"}


def test_greetings_sender_is_not_a_participant(graph: Graph) -> None:
    president = _persons(graph, "ماتاريلا")
    assert president
    for ev in graph.events:
        assert president[0].id not in {p.entity for p in ev.participants if p.role != "speaker"}


def test_the_princes_meeting_is_another_event(graph: Graph) -> None:
    prince = _persons(graph, "محمد بن سلمان")[0]
    meetings = [
        ev for ev in graph.events if ev.type == "Meeting" and prince.id in {p.entity for p in ev.participants}
    ]
    assert len(meetings) == 1
    assert meetings[0].articles == ("c",)


def test_ids_are_stable(graph: Graph) -> None:
    again = resolve(
        [
            extract(Article(id="a", text=OUTLET_A, dct=date(2023, 5, 9))),
            extract(Article(id="b", text=OUTLET_B, dct=date(2023, 5, 10))),
            extract(Article(id="c", text=OUTLET_C, dct=date(2023, 5, 9))),
        ]
    )
    assert [e.id for e in again.entities] == [e.id for e in graph.entities]
    assert [e.id for e in again.events] == [e.id for e in graph.events]
