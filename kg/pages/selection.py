"""Which nodes a big graph draws: the most connected part, whole events at a time.

A canvas with more than a couple of thousand labelled nodes stops being readable and
responsive, so past ``max_nodes`` the page draws a subset and says so. Events reported
by the most articles come first, each with all its actors and its place (an event with
half its actors missing would misinform). A tenth of the budget is kept for the
organisations and countries the drawn people belong to (hubs: few nodes, many links);
what is left after that goes to more events, then to the remaining entities by how
often they were reported.
"""

from __future__ import annotations

from collections import Counter

from kg.model import Graph

AFFILIATION_SHARE = 0.1


def choose_drawn(graph: Graph, max_nodes: int) -> list[str]:
    """Ids of the nodes to draw, in the order they were chosen (at most ``max_nodes``)."""
    if max_nodes < 1:
        raise ValueError(f"max_nodes must be at least 1, not {max_nodes}")
    entity_ids = [e.id for e in graph.entities]
    if len(entity_ids) + len(graph.events) <= max_nodes:
        return [ev.id for ev in graph.events] + entity_ids

    known = set(entity_ids)
    by_id = {e.id: e for e in graph.entities}
    drawn: dict[str, None] = {}  # an ordered set
    ranked = sorted(graph.events, key=lambda ev: (-len(ev.articles), -len(ev.participants), ev.id))

    def add_events(budget: int) -> None:
        for ev in ranked:
            if len(drawn) >= budget:
                break
            if ev.id in drawn:
                continue
            members = [ev.id, *(p.entity for p in ev.participants), *([ev.place] if ev.place else [])]
            needed = [m for m in dict.fromkeys(members) if m not in drawn and (m == ev.id or m in known)]
            if len(drawn) + len(needed) <= budget:
                drawn.update(dict.fromkeys(needed))

    add_events(max_nodes - int(max_nodes * AFFILIATION_SHARE))
    members_of = Counter(by_id[i].affiliation for i in drawn if i in by_id and by_id[i].affiliation in known)
    for affiliation, _count in sorted(members_of.items(), key=lambda kv: (-kv[1], kv[0])):
        if len(drawn) >= max_nodes:
            break
        drawn.setdefault(affiliation, None)  # type: ignore[arg-type]
    add_events(max_nodes)
    rest = sorted(graph.entities, key=lambda e: (-len(e.articles), -len(e.mentions), e.id))
    for e in rest:
        if len(drawn) >= max_nodes:
            break
        drawn.setdefault(e.id, None)
    return list(drawn)
