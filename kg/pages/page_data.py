"""The resolved graph as the data the page script reads: nodes, edges, articles, strings.

Nodes and edges refer to each other by position in the ``nodes`` list (vis-network ids),
which keeps the embedded JSON small on a big graph. Every node is included, drawn or
not, so search and the side panel cover the whole graph; only drawn nodes carry
coordinates. Everything here is plain data: the page builds its DOM from it with
``textContent``, so no string in it is ever interpreted as markup.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date, timedelta

from kg.model import Entity, EventMention, EventNode, Graph, TimeExpression, event_date_source
from kg.pages.bounds import mention_evidence, per_article
from kg.pages.layout import layout
from kg.pages.paths import page_path
from kg.pages.selection import choose_drawn
from kg.pages.strings import strings


def page_data(
    graph: Graph,
    *,
    lang: str = "ar",
    max_nodes: int = 1500,
    positions: bool = True,
    node_pages: bool | set[str] = False,
) -> dict:
    """JSON-ready page data; ``positions=False`` leaves the layout to the browser's physics.

    ``node_pages``: each node carries ``page``, the path of its own page relative to
    graph.html (written by ``kg.pages.write_pages``), and the panel links to it.
    """
    drawn = choose_drawn(graph, max_nodes)
    drawn_set = set(drawn)
    entities = {e.id: e for e in graph.entities}
    events = {ev.id: ev for ev in graph.events}
    # Drawn nodes first, in the order chosen, then the rest in graph order.
    order = drawn + [i for i in [*events, *entities] if i not in drawn_set]
    index = {node_id: i for i, node_id in enumerate(order)}

    edges = list(_edges(graph, index))
    coords: dict[str, tuple[int, int]] = {}
    if positions:
        coords = layout(drawn, ((order[e["from"]], order[e["to"]]) for e in edges))

    nodes = []
    for node_id in order:
        node = (
            _event_node(events[node_id], index)
            if node_id in events
            else _entity_node(entities[node_id], index)
        )
        node["drawn"] = node_id in drawn_set
        if node_pages is True or (isinstance(node_pages, set) and node_id in node_pages):
            node["page"] = page_path(node_id, event=node_id in events)
        if node_id in coords:
            node["x"], node["y"] = coords[node_id]
        nodes.append(node)

    cited = dict.fromkeys(m.article for ev in graph.events for m in ev.mentions)
    articles = {
        a.id: {"title": a.title, "source": a.source, "date": iso(a.dct), "url": a.url}
        for a in graph.articles
        if a.id in cited
    }
    drawn_edges = sum(1 for e in edges if nodes[e["from"]]["drawn"] and nodes[e["to"]]["drawn"])
    return {
        "lang": lang,
        "strings": strings(lang),
        "nodes": nodes,
        "edges": edges,
        "articles": articles,
        "timeline": timeline_window(graph.events),
        "figures": {
            "nodes_total": len(nodes),
            "nodes_drawn": len(drawn),
            "edges_total": len(edges),
            "edges_drawn": drawn_edges,
        },
    }


# Share of the dated events the timeline's core leaves off at each end, and how far beyond
# the core the axis still reaches (a share of the core's span, at least a few days).
TIMELINE_TAIL = 0.02
TIMELINE_REACH = 0.25
TIMELINE_MIN_REACH_DAYS = 3


def timeline_window(events: Iterable[EventNode], tail: float = TIMELINE_TAIL) -> dict | None:
    """The span of days the timeline's axis covers, or None if no event is dated.

    The core runs from the ``tail`` to the ``1 - tail`` quantile of the dated events'
    middle days (nearest rank, outward: with fewer than 1 / ``tail`` + 1 events it is all
    of them); the axis reaches on to the farthest event within ``TIMELINE_REACH`` of the
    core's span (``TIMELINE_MIN_REACH_DAYS`` at least) beyond it, so the ends of the news
    itself are never cut. One date misread as 1904 or a plan for 2035 would otherwise
    stretch the axis over a century and squeeze a day's news into one column; what falls
    outside is counted at the edges of the strip.
    """
    mids = sorted(m for ev in events if (m := _middle(ev)) is not None)
    if not mids:
        return None
    last = len(mids) - 1
    core_lo = mids[math.floor(tail * last)]
    core_hi = mids[math.ceil((1 - tail) * last)]
    reach = timedelta(days=max(TIMELINE_MIN_REACH_DAYS, math.ceil(TIMELINE_REACH * (core_hi - core_lo).days)))
    lo = min(d for d in mids if d >= core_lo - reach)
    hi = max(d for d in mids if d <= core_hi + reach)
    return {"from": lo.isoformat(), "to": hi.isoformat()}


def _middle(ev: EventNode) -> date | None:
    """The middle day of the event's date (as the timeline places it), None if undated."""
    t = ev.time
    if t is None or t.value is None or t.begin is None:
        return None
    end = t.end_date or t.begin
    return t.begin + timedelta(days=(end - t.begin).days // 2)


def _edges(graph: Graph, index: dict[str, int]) -> Iterable[dict]:
    """Event→actor (all of an actor's roles on one edge), event→place, entity→affiliation."""
    for ev in graph.events:
        roles: dict[str, list[str]] = {}
        for p in ev.participants:
            if p.entity in index and p.role not in roles.setdefault(p.entity, []):
                roles[p.entity].append(p.role)
        for entity_id, rs in roles.items():
            yield {"from": index[ev.id], "to": index[entity_id], "kind": "role", "roles": rs}
        if ev.place in index and ev.place not in roles:
            yield {"from": index[ev.id], "to": index[ev.place], "kind": "place"}
    for e in graph.entities:
        if e.affiliation in index and e.affiliation != e.id:
            yield {"from": index[e.id], "to": index[e.affiliation], "kind": "affiliation"}


def _event_node(ev: EventNode, index: dict[str, int]) -> dict:
    # Bounded evidence (``kg.pages.bounds``): an unpunctuated article's hundred mentions of
    # one event, each with a sentence of thousands of characters, would fill the page.
    shown, omitted = per_article(ev.mentions)
    node = {
        "id": ev.id,
        "kind": "event",
        "type": ev.type,
        "label": ev.label,
        "status": ev.status,
        "time": time_dict(ev.time),
        "date_source": event_date_source(ev),  # stated | inherited | publication | none | None
        "place": index.get(ev.place) if ev.place else None,
        "weight": len(ev.articles),
        "sources": [_source(m) for m in shown],
    }
    if omitted:
        node["sources_omitted"] = omitted
    return node


def _source(m: EventMention) -> dict:
    shown = mention_evidence(m)
    return {"article": m.article, "sentence": shown["text"], "trigger": shown["trigger"]}


def _entity_node(e: Entity, index: dict[str, int]) -> dict:
    return {
        "id": e.id,
        "kind": e.kind,
        "label": e.label,
        "aliases": list(e.aliases),
        "titles": [
            {
                "title": t.title,
                # An affiliation the graph has no node for is still worth showing, as written.
                "affiliation": index.get(t.affiliation, t.affiliation) if t.affiliation else None,
                "first": iso(t.first_seen),
                "last": iso(t.last_seen),
            }
            for t in e.titles
        ],
        "affiliation": index.get(e.affiliation) if e.affiliation else None,
        "subtype": e.subtype,
        "country": e.country,
        "articles": len(e.articles),
        "weight": len(e.articles),
    }


def time_dict(t: TimeExpression | None) -> dict | None:
    if t is None:
        return None
    return {
        "value": t.value,
        "precision": t.precision,
        "text": t.text,
        "begin": iso(t.begin),
        "end": iso(t.end_date or t.begin),
    }


def iso(d: date | None) -> str | None:
    return d.isoformat() if d else None
