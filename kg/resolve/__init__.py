"""Resolve: the only stage that sees the whole corpus. Per-article facts in, one graph out:
entities merged across articles (``entities``), events merged across reports (``events``).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from kg.model import ArticleFacts, Entity, Graph
from kg.resolve.actor_codes import codes_for, read_actor_dict
from kg.resolve.entities import resolve_entities
from kg.resolve.events import merge_events
from kg.resolve.nameless import nameless_ids


def resolve(facts: list[ArticleFacts], actor_dict: Path | None = None) -> Graph:
    entities, mapping = resolve_entities(facts)
    nameless = nameless_ids(entities)
    if nameless:
        entities = [e for e in entities if e.id not in nameless]
        mapping = {ref: gid for ref, gid in mapping.items() if gid not in nameless}
    if actor_dict is not None:
        entities = _with_codes(entities, facts, actor_dict)
    by_id = {e.id: e for e in entities}
    events = merge_events(facts, mapping, by_id)
    # Only entities that are mentioned or take part in something are kept (affiliation
    # targets such as a country named only through ``التركي`` included).
    return Graph(tuple(f.article for f in facts), tuple(entities), tuple(events))


__all__ = ["resolve"]


def _with_codes(entities: list[Entity], facts: list[ArticleFacts], actor_dict: Path) -> list[Entity]:
    table = read_actor_dict(actor_dict)
    day_of = {f.article.id: f.article.dct for f in facts}
    out = []
    for e in entities:
        if e.kind == "place":
            out.append(e)
            continue
        days = [d for a in e.articles if (d := day_of.get(a)) is not None]
        codes = codes_for([e.label, *e.aliases], days, table)
        out.append(replace(e, codes=codes) if codes else e)
    return out
