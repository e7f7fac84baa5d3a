"""A table of events, one row per event (GDELT-style), as UTF-8 CSV.

Columns: ``id, type, label, date, precision, date_source, status, place, place_id,
actors, num_sources, source_urls``. ``type`` is the event type (``Meeting``, ``Visit``,
``Call``, ``Agreement``, ``Statement``); ``date`` is the ISO value at its ``precision``
(empty and ``unresolved`` when the text gave no date the build could fix);
``date_source`` says where the date came from (``stated`` in the event's clause,
``inherited`` from elsewhere in the article, ``publication`` day, ``none`` for an event
with no time; empty when not recorded); ``actors`` lists
``role:name`` pairs joined with ``; `` (``host:صلاح الدين النمروش; guest:خلوصي أكار``);
``source_urls`` is the articles' URLs separated by spaces (URLs have none).

Spreadsheets run a cell that starts with ``= + - @`` as a formula; text cells taken from
articles that start so get a leading ``'`` (the usual guard). ids, dates and counts
never do.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from kg.export.atomic import write_atomic
from kg.model import Graph, event_date_source

CSV_COLUMNS = (
    "id",
    "type",
    "label",
    "date",
    "precision",
    "date_source",
    "status",
    "place",
    "place_id",
    "actors",
    "num_sources",
    "source_urls",
)
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _cell(text: str | None) -> str:
    text = text or ""
    return "'" + text if text.startswith(_FORMULA) else text


def event_rows(graph: Graph) -> Iterator[dict]:
    """One dict per event, keyed by ``CSV_COLUMNS``, in graph order."""
    labels = {e.id: e.label for e in graph.entities}
    urls = {a.id: a.url for a in graph.articles}
    for ev in graph.events:
        t = ev.time
        actors = "; ".join(f"{p.role}:{labels.get(p.entity, p.entity)}" for p in ev.participants)
        yield {
            "id": ev.id,
            "type": ev.type,
            "label": _cell(ev.label),
            "date": (t.value or "") if t else "",
            "precision": t.precision if t else "unresolved",
            "date_source": event_date_source(ev) or "",
            "status": ev.status,
            "place": _cell(labels.get(ev.place, ev.place) if ev.place else ""),
            "place_id": ev.place or "",
            "actors": _cell(actors),
            "num_sources": len(ev.articles),
            "source_urls": " ".join(u for a in ev.articles if (u := urls.get(a))),
        }


def write_events_csv(graph: Graph, path: Path) -> tuple[int, int]:
    """Write the events table atomically; returns (rows, bytes)."""
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\n")
    w.writeheader()
    rows = 0
    for row in event_rows(graph):
        w.writerow(row)
        rows += 1
    payload = buf.getvalue().encode("utf-8")
    return rows, write_atomic(path, lambda f: f.write(payload))
