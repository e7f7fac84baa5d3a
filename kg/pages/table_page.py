"""The events table: one row per event of the graph (date, type, status, principal parties
with their roles, place, sources and outlets), the view analysts of GDELT-style data use first.

Written as ``OUT/events.html`` beside graph.html, self-contained and offline like the other
pages (inline script, style and data, the same content security policy and JSON escaping).
The page sorts, filters and makes its CSV in the browser. Its data holds each event once,
and each party or place once in ``entities`` (rows refer to them by position), so a day of
three thousand events stays a few hundred kilobytes; nothing of it is copied into other pages.
Each row links to the event's own page, or, for an event left without one by the page budget,
to graph.html, which focuses the node named after ``#``.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any
from urllib.parse import quote

from kg.model import EventNode, Graph
from kg.pages.bounds import MAX_TABLE_PARTIES, first
from kg.pages.graph_page import TABLE_HREF, one_script_page, write_atomic
from kg.pages.page_data import iso
from kg.pages.paths import page_path
from kg.pages.scripts import TABLE_SCRIPT, asset, page_script
from kg.pages.strings import strings

TABLE_NAME = TABLE_HREF  # beside graph.html, whose header links to it
# Roles in the order a row lists an event's parties: the two sides of the event first,
# those who were only present last.
_ROLE_RANK = {
    r: i
    for i, r in enumerate(
        ("host", "guest", "visitor", "caller", "callee", "signatory", "speaker", "participant", "destination")
    )
}
_LATE = len(_ROLE_RANK) + 1  # attendee, and any role the model adds later


def table_data(graph: Graph, *, lang: str = "ar", paged: set[str] | None = None) -> dict:
    """JSON-ready data of the events table; ``paged``: the events that have a page of their
    own (None: all of them), the others link to graph.html."""
    entity_ids = {e.id: e for e in graph.entities}
    articles = {a.id: a for a in graph.articles}
    refs: dict[str, int] = {}
    entities: list[dict] = []

    def ref(entity_id: str) -> int:
        if entity_id not in refs:
            e = entity_ids.get(entity_id)
            refs[entity_id] = len(entities)
            entities.append({"label": e.label if e else entity_id, "kind": e.kind if e else None})
        return refs[entity_id]

    rows = []
    for ev in graph.events:
        parties, omitted = first(_parties(ev, entity_ids), MAX_TABLE_PARTIES)
        t = ev.time
        dated = t is not None and t.value is not None and t.begin is not None
        row: dict[str, Any] = {
            "id": ev.id,
            "label": ev.label,
            "type": ev.type,
            "status": ev.status,
            "date": t.value if dated and t else None,
            "begin": iso(t.begin) if dated and t else None,
            "end": iso(t.end_date or t.begin) if dated and t else None,
            "parties": [[ref(entity_id), roles] for entity_id, roles in parties],
            "place": ref(ev.place) if ev.place else None,
            "sources": len(ev.articles),
            "outlets": len({articles[a].source or a for a in ev.articles if a in articles}),
            "href": page_path(ev.id, event=True) if paged is None or ev.id in paged else _graph_href(ev.id),
        }
        if omitted:
            row["parties_omitted"] = omitted
        rows.append(row)
    return {"lang": lang, "strings": strings(lang), "entities": entities, "events": rows}


def _parties(ev: EventNode, entity_ids: dict) -> list[tuple[str, list[str]]]:
    """The event's actors with their roles, principals first (graph order within a rank)."""
    roles: dict[str, list[str]] = {}
    for p in ev.participants:
        if p.entity in entity_ids and p.role not in roles.setdefault(p.entity, []):
            roles[p.entity].append(p.role)
    return sorted(roles.items(), key=lambda kv: min(_ROLE_RANK.get(r, _LATE) for r in kv[1]))


def _graph_href(node_id: str) -> str:
    return "graph.html#" + quote(node_id, safe="/")


def render_table_page(data: dict) -> str:
    """The HTML of the events table for data from ``table_data``."""
    ui = {f"ui_{k}": html.escape(v) for k, v in data["strings"]["ui"].items()}
    return one_script_page("table.html", page_script(TABLE_SCRIPT), asset("table.css"), data, ui)


def write_table_page(graph: Graph, path: Path, *, lang: str = "ar", paged: set[str] | None = None) -> dict:
    """Write the events table to ``path`` atomically; figures back: ``events``, ``bytes``."""
    data = table_data(graph, lang=lang, paged=paged)
    payload = render_table_page(data).encode("utf-8")
    write_atomic(Path(path), payload)
    return {"events": len(data["events"]), "bytes": len(payload)}
