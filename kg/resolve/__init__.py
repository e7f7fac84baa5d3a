"""Resolve: the only stage that sees the whole corpus. Per-article facts in, one graph out:
entities merged across articles (``entities``), events merged across reports (``events``).
"""

from __future__ import annotations

from kg.model import ArticleFacts, Graph
from kg.resolve.entities import resolve_entities
from kg.resolve.events import merge_events


def resolve(facts: list[ArticleFacts]) -> Graph:
    entities, mapping = resolve_entities(facts)
    by_id = {e.id: e for e in entities}
    events = merge_events(facts, mapping, by_id)
    # Only entities that are mentioned or take part in something are kept (affiliation
    # targets such as a country named only through ``التركي`` included).
    return Graph(tuple(f.article for f in facts), tuple(entities), tuple(events))


__all__ = ["resolve"]
