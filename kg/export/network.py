"""The graph as a networkx DiGraph, written as GraphML and GEXF for Gephi.

Nodes are entities and events, keyed by their stable ids, with the attributes
``kind`` (person | organization | place | event), ``label``, ``type`` (the event type:
Meeting, Visit, Call, Agreement, Statement; or the entity's subtype), ``date`` (an
event's ISO value; empty when unresolved), ``precision``, ``date_source`` (stated |
inherited | publication | none, as in events.csv; empty when not recorded), ``status``,
``country`` and ``articles``. Edges run from an event to
each actor with ``role`` (several roles joined with ``;``), to its place with role
``place``, and from an entity to its affiliation with role ``affiliation``. Every
attribute is a string or an integer and present on every node, so Gephi sees one column
type per attribute. Characters XML 1.0 cannot carry (control characters) are dropped.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import IO

import networkx as nx
from networkx.readwrite.gexf import GEXFWriter

from kg.export.atomic import write_atomic
from kg.model import Graph, event_date_source

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _x(text: str | None) -> str:
    return _NOT_XML.sub("", text or "")


def to_networkx(graph: Graph) -> nx.DiGraph:
    g = nx.DiGraph()
    for e in graph.entities:
        g.add_node(
            e.id,
            kind=e.kind,
            label=_x(e.label),
            type=_x(e.subtype),
            date="",
            precision="",
            date_source="",
            status="",
            country=_x(e.country),
            articles=len(e.articles),
        )
    for ev in graph.events:
        t = ev.time
        g.add_node(
            ev.id,
            kind="event",
            label=_x(ev.label),
            type=ev.type,
            date=_x(t.value) if t and t.value else "",
            precision=t.precision if t else "",
            date_source=event_date_source(ev) or "",
            status=ev.status,
            country="",
            articles=len(ev.articles),
        )
    for ev in graph.events:
        roles: dict[str, list[str]] = {}
        for p in ev.participants:
            if p.entity in g and p.role not in roles.setdefault(p.entity, []):
                roles[p.entity].append(p.role)
        for entity_id, rs in roles.items():
            g.add_edge(ev.id, entity_id, role=";".join(rs))
        if ev.place in g and ev.place not in roles:
            g.add_edge(ev.id, ev.place, role="place")
    for e in graph.entities:
        if e.affiliation in g and e.affiliation != e.id and not g.has_edge(e.id, e.affiliation):
            g.add_edge(e.id, e.affiliation, role="affiliation")
    return g


def write_graphml(graph: Graph, path: Path, *, g: nx.DiGraph | None = None) -> int:
    """Write GraphML (UTF-8) atomically; returns its size in bytes."""
    g = to_networkx(graph) if g is None else g
    return write_atomic(path, lambda f: nx.write_graphml(g, f, encoding="utf-8", prettyprint=False))


def write_gexf(graph: Graph, path: Path, *, g: nx.DiGraph | None = None) -> int:
    """Write GEXF 1.2 (UTF-8) atomically; returns its size in bytes.

    The file's ``lastmodifieddate`` is the newest publication date of the graph's articles
    (absent when none has one), not the day it was written: the same articles give the
    same file (networkx would stamp today's date)."""
    g = to_networkx(graph) if g is None else g
    dates = [a.dct for a in graph.articles if a.dct is not None]
    stamp = max(dates).isoformat() if dates else None

    def write(f: IO[bytes]) -> None:
        writer = GEXFWriter(encoding="utf-8", prettyprint=False, version="1.2draft")
        meta = writer.xml.find("meta")
        if meta is not None:
            if stamp is None:
                meta.attrib.pop("lastmodifieddate", None)
            else:
                meta.set("lastmodifieddate", stamp)
        writer.add_graph(g)
        writer.write(f)

    return write_atomic(path, write)
