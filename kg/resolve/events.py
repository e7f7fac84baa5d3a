"""Event merging: one real meeting is one event however many outlets reported it.

Two event mentions merge when they have the same type, the same resolved day (an
article of the 22nd saying ``اليوم`` and one of the 23rd saying ``أمس`` meet here),
compatible places, and enough shared actors: two, or the only actor of a one-actor
event. Mentions in one article merge more readily (one shared actor, no date conflict):
a paragraph that lists who attended the talks describes the meeting already reported.
Conflicting hosts never merge.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass

from kg.extract.events import role_priority
from kg.model import ArticleFacts, Entity, EventMention, EventNode, MentionRef, Participation, TimeExpression
from kg.resolve.entities import LocalRef


@dataclass
class _Item:
    article: str
    a_idx: int
    type: str
    roles: dict[str, str]  # entity id -> role
    place: str | None
    time: TimeExpression | None
    status: str
    mention: EventMention
    order: tuple[str, int]


def merge_events(
    facts: list[ArticleFacts], mapping: dict[LocalRef, str], entities: dict[str, Entity]
) -> list[EventNode]:
    items: list[_Item] = []
    for a_idx, f in enumerate(facts):
        art = f.article
        for ev in f.events:
            roles: dict[str, str] = {}
            for r in ev.roles:
                gid = mapping.get((a_idx, r.entity))
                if gid is None:
                    continue
                if gid not in roles or role_priority(r.role) < role_priority(roles[gid]):
                    roles[gid] = r.role
            if not roles:
                continue
            time = f.times[ev.time] if ev.time is not None else None
            place = mapping.get((a_idx, ev.place)) if ev.place is not None else None
            mention = EventMention(
                art.id,
                MentionRef(art.id, ev.trigger.start, ev.trigger.end, ev.trigger.text),
                MentionRef(art.id, ev.sentence.start, ev.sentence.end, ev.sentence.text),
            )
            items.append(
                _Item(
                    art.id, a_idx, ev.type, roles, place, time, ev.status, mention, (art.id, ev.trigger.start)
                )
            )
    parent = list(range(len(items)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    # Within an article: same type and a shared actor, dates not in conflict.
    by_article: dict[int, list[int]] = defaultdict(list)
    for i, it in enumerate(items):
        by_article[it.a_idx].append(i)
    for idxs in by_article.values():
        for x, i in enumerate(idxs):
            if _attendance_only(items[i]):
                # ``وحضر الاجتماع …`` lists who attended the meeting just told, not any other.
                before = [
                    j
                    for j in idxs[max(0, x - _NEAR) : x]
                    if items[j].type == "Meeting" and not _attendance_only(items[j])
                ]
                # The latest meeting that shares someone with the list, else simply the latest.
                sharing = [j for j in before if set(items[j].roles) & set(items[i].roles)]
                target = (sharing or before)[-1] if before else None
                if target is not None and _times_agree(items[target], items[i]):
                    union(target, i)
                continue
            # Mentions of one event sit near each other; a bounded look-ahead keeps a huge
            # article linear.
            for j in idxs[x + 1 : x + 1 + _NEAR]:
                if not _attendance_only(items[j]) and _mergeable(
                    items[i], items[j], entities, same_article=True
                ):
                    union(i, j)
    # Across articles: blocked by (type, day); only events with a resolved day take part.
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, it in enumerate(items):
        if it.time is not None and it.time.value and it.time.precision == "day":
            blocks[(it.type, it.time.value)].append(i)
    # Hosts and guests gathered per merged group, so that a chain of weak links (a report that
    # names only the king) never joins two receptions of different guests.
    hosts: dict[int, set[str]] = defaultdict(set)
    guests: dict[int, set[str]] = defaultdict(set)
    for i, it in enumerate(items):
        r = find(i)
        hosts[r] |= {e for e, role in it.roles.items() if role == "host"}
        guests[r] |= {e for e, role in it.roles.items() if role == "guest"}
    for idxs in blocks.values():
        for x, i in enumerate(idxs):
            for j in idxs[x + 1 :]:
                ri, rj = find(i), find(j)
                if ri == rj or not _mergeable(items[i], items[j], entities, same_article=False):
                    continue
                if (hosts[ri] and hosts[rj] and not hosts[ri] & hosts[rj]) or (
                    guests[ri] and guests[rj] and not guests[ri] & guests[rj]
                ):
                    continue
                union(ri, rj)
                root = find(ri)
                hosts[root] = hosts[ri] | hosts[rj]
                guests[root] = guests[ri] | guests[rj]
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(items)):
        groups[find(i)].append(i)
    nodes = [_node([items[i] for i in idxs], entities) for idxs in groups.values()]
    nodes.sort(key=lambda n: n.id)
    return nodes


_NEAR = 60  # event mentions compared within one article, before and after


def _attendance_only(it: _Item) -> bool:
    return all(r in ("attendee", "destination") for r in it.roles.values())


def _times_agree(a: _Item, b: _Item) -> bool:
    return not (a.time and b.time and a.time.value and b.time.value and a.time.value != b.time.value)


def _mergeable(a: _Item, b: _Item, entities: dict[str, Entity], same_article: bool) -> bool:
    if a.type != b.type:
        return False
    if a.time and b.time and a.time.value and b.time.value and a.time.value != b.time.value:
        return False
    if not same_article and not (a.time and b.time and a.time.value == b.time.value):
        return False
    hosts_a = {e for e, r in a.roles.items() if r == "host"}
    hosts_b = {e for e, r in b.roles.items() if r == "host"}
    if hosts_a and hosts_b and not hosts_a & hosts_b:
        return False
    guests_a = {e for e, r in a.roles.items() if r == "guest"}
    guests_b = {e for e, r in b.roles.items() if r == "guest"}
    if guests_a and guests_b and not guests_a & guests_b:
        return False  # one host, two receptions the same day
    # Attendees (ministers present at every royal reception) do not make two meetings one.
    actors_a = {e for e, r in a.roles.items() if r not in ("destination", "attendee")} or set(a.roles)
    actors_b = {e for e, r in b.roles.items() if r not in ("destination", "attendee")} or set(b.roles)
    shared = actors_a & actors_b
    if not shared:
        return False
    if not _places_compatible(a.place, b.place, entities):
        return False
    if a.type == "Statement":
        return True  # one speaker, one day: the same statement (or one press appearance)
    if same_article:
        # One report, two mentions of one event: an attendance list for the meeting told
        # before, or one actor set inside the other. Two meetings with different principals
        # (``وفي سياق منفصل، عقد ولي العهد اجتماعا مع …``) stay two.
        principals_a = {e for e, r in a.roles.items() if r not in ("attendee", "destination")}
        principals_b = {e for e, r in b.roles.items() if r not in ("attendee", "destination")}
        return (
            not principals_a
            or not principals_b
            or principals_a <= principals_b
            or principals_b <= principals_a
        )
    return len(shared) >= 2 or min(len(actors_a), len(actors_b)) == 1


def _places_compatible(a: str | None, b: str | None, entities: dict[str, Entity]) -> bool:
    if a is None or b is None or a == b:
        return True
    ea, eb = entities.get(a), entities.get(b)
    if ea is None or eb is None:
        return True
    # A palace and its city, a city and its country: compatible when the countries agree.
    if ea.subtype in ("site",) or eb.subtype in ("site",):
        return True
    return bool(ea.country and eb.country and ea.country == eb.country)


_TYPE_AR = {"Meeting": "لقاء", "Visit": "زيارة", "Agreement": "اتفاق", "Statement": "تصريح"}


def _node(members: list[_Item], entities: dict[str, Entity]) -> EventNode:
    members.sort(key=lambda m: m.order)
    first = members[0]
    roles: dict[str, str] = {}
    for m in members:
        for e, r in m.roles.items():
            if e not in roles or role_priority(r) < role_priority(roles[e]):
                roles[e] = r
    participants = tuple(
        Participation(e, r) for e, r in sorted(roles.items(), key=lambda kv: (role_priority(kv[1]), kv[0]))
    )
    place = _best_place([m.place for m in members if m.place and not _attendance_only(m)], entities)
    times = [m.time for m in members if m.time is not None and m.time.value]
    time = _best_time(times) or next((m.time for m in members if m.time is not None), None)
    status = "happened" if any(m.status == "happened" for m in members) else "planned"
    key = f"{first.order[0]}:{first.order[1]}"
    eid = f"event/{hashlib.sha1(key.encode('utf-8')).hexdigest()[:12]}"
    names = [
        entities[p.entity].label for p in participants[:3] if p.entity in entities and p.role != "destination"
    ]
    label = f"{_TYPE_AR.get(first.type, first.type)}: {'، '.join(names)}"
    return EventNode(
        eid,
        first.type,  # type: ignore[arg-type]
        label,
        participants,
        place,
        time,
        status,  # type: ignore[arg-type]
        tuple(dict.fromkeys(m.article for m in members)),
        tuple(m.mention for m in members),
    )


def _best_place(places: list[str], entities: dict[str, Entity]) -> str | None:
    if not places:
        return None
    # The place most reports give; among equals, the most specific (a palace over its city).
    rank = {"site": 0, "city": 1, "region": 2, "country": 3}
    counts = Counter(places)
    return min(
        counts, key=lambda p: (-counts[p], rank.get(entities[p].subtype or "", 4) if p in entities else 5, p)
    )


def _best_time(times: list[TimeExpression]) -> TimeExpression | None:
    if not times:
        return None
    rank = {"day": 0, "week": 1, "month": 2, "year": 3}
    counts = Counter(t.value for t in times)
    return min(times, key=lambda t: (rank.get(t.precision, 9), -counts[t.value], t.value or ""))
