"""``ArticleFacts`` as plain JSON-ready dicts (for ``kg extract`` and tests)."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date

from kg.model import ArticleFacts, LocalEntity, Mention


def _plain(value: object) -> object:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _fields(value: LocalEntity | Mention) -> dict[str, object]:
    """A record's fields, JSON-ready (``_plain`` of its ``asdict``), typed as a dict so that
    the caller can add keys to it."""
    return {k: _plain(v) for k, v in asdict(value).items()}


def facts_to_dict(facts: ArticleFacts) -> dict:
    ents = facts.entities
    return {
        "article": _plain(asdict(facts.article) | {"text": None}),
        "entities": [_fields(e) | {"index": i} for i, e in enumerate(ents)],
        "mentions": [_fields(m) | {"entity_name": ents[m.entity].name} for m in facts.mentions],
        "times": [_plain(asdict(t)) for t in facts.times],
        "events": [
            {
                "type": ev.type,
                "status": ev.status,
                "trigger": _plain(asdict(ev.trigger)),
                "sentence": _plain(asdict(ev.sentence)),
                "place": ents[ev.place].name if ev.place is not None else None,
                "time": _plain(asdict(facts.times[ev.time])) if ev.time is not None else None,
                "roles": [
                    {
                        "role": r.role,
                        "entity": r.entity,
                        "name": ents[r.entity].name,
                        "kind": ents[r.entity].kind,
                    }
                    for r in ev.roles
                ],
            }
            for ev in facts.events
        ],
    }
