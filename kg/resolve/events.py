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
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from datetime import date, timedelta

from kg import lexicon
from kg.arabic.normalize import normalize
from kg.model import (
    ArticleFacts,
    DateSource,
    Entity,
    EventMention,
    EventNode,
    EventType,
    MentionRef,
    Participation,
    Status,
    TimeExpression,
    role_priority,
)
from kg.resolve.entities import LocalRef
from kg.resolve.params import RESOLVE_PARAMS as _P


@dataclass
class _Item:
    article: str
    a_idx: int
    type: EventType
    roles: dict[str, str]  # entity id -> role
    place: str | None
    time: TimeExpression | None
    status: Status
    mention: EventMention
    order: tuple[str, int]
    dct: date | None  # the article's publication day
    date_source: DateSource | None = None  # ``Event.date_source``


def merge_events(
    facts: list[ArticleFacts], mapping: dict[LocalRef, str], entities: dict[str, Entity]
) -> list[EventNode]:
    items: list[_Item] = []
    for a_idx, f in enumerate(facts):
        art = f.article
        for ev in f.events:
            roles: dict[str, str] = {}
            for r in ev.roles:
                gid = mapping.get(LocalRef(a_idx, r.entity))
                if gid is None:
                    continue
                if gid not in roles or role_priority(r.role) < role_priority(roles[gid]):
                    roles[gid] = r.role
            told_with_party = any(r.role != "destination" for r in ev.roles)
            if told_with_party and not any(r != "destination" for r in roles.values()):
                continue  # no one resolved acts in it (a post no one holds): nothing to show
            time = f.times[ev.time] if ev.time is not None else None
            place = mapping.get(LocalRef(a_idx, ev.place)) if ev.place is not None else None
            mention = EventMention(
                art.id,
                MentionRef(art.id, ev.trigger.start, ev.trigger.end, ev.trigger.text),
                MentionRef(art.id, ev.sentence.start, ev.sentence.end, ev.sentence.text),
            )
            items.append(
                _Item(
                    art.id,
                    a_idx,
                    ev.type,
                    roles,
                    place,
                    time,
                    ev.status,
                    mention,
                    (art.id, ev.trigger.start),
                    art.dct,
                    ev.date_source,
                )
            )
    parent = list(range(len(items)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    # Principals per merged group: a one-actor mention (``وأشار كيري …``) may join either of
    # two meetings, but it must not chain them (Kerry–Shoukry and Kerry–Lavrov stay two).
    principals: dict[int, set[str]] = {i: _principals(it, entities) for i, it in enumerate(items)}
    # What each group's mentions say about who and where, once per distinct saying: two
    # groups join only when every saying of one agrees with every saying of the other, so
    # that weak links (a one-actor mention, a sentence that lumps two meetings together) can
    # never chain different events into one (the Emir's receptions, Lavrov's audience and
    # the trilateral of one day in Doha).
    sayings: dict[int, list[_Saying]] = {i: [_saying(it, entities)] for i, it in enumerate(items)}

    def union(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            root, other = min(ra, rb), max(ra, rb)
            parent[other] = root
            principals[root] = principals[ra] | principals[rb]
            sayings[root] = list(dict.fromkeys(sayings[ra] + sayings[rb]))

    def groups_fit(ra: int, rb: int) -> bool:
        return _groups_agree(sayings[ra], sayings[rb], principals[ra], principals[rb], entities)

    # Within an article: same type and a shared actor, dates not in conflict.
    by_article: dict[int, list[int]] = defaultdict(list)
    for i, it in enumerate(items):
        by_article[it.a_idx].append(i)

    def join_in_article(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb and groups_fit(ra, rb):
            union(ra, rb)

    for idxs in by_article.values():
        for x, i in enumerate(idxs):
            if _attendance_only(items[i]):
                # ``وحضر الاجتماع …`` lists who attended the meeting just told, not any other.
                before = [
                    j
                    for j in idxs[max(0, x - _P.near_mentions) : x]
                    if items[j].type == "Meeting" and not _attendance_only(items[j])
                ]
                # The latest meeting that shares someone with the list, else simply the latest.
                sharing = [j for j in before if set(items[j].roles) & set(items[i].roles)]
                target = (sharing or before)[-1] if before else None
                if target is not None and _times_agree(items[target], items[i]):
                    union(target, i)  # attendees are not principals: no nesting test
                continue
            # Mentions of one event sit near each other; a bounded look-ahead keeps a huge
            # article linear.
            for j in idxs[x + 1 : x + 1 + _P.near_mentions]:
                if not _attendance_only(items[j]) and _mergeable(
                    items[i], items[j], entities, same_article=True
                ):
                    join_in_article(i, j)
    # Across articles: blocked by (type, day); only events with a resolved day take part, and
    # within a block only mentions that share an actor are compared.
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, it in enumerate(items):
        if it.time is not None and it.time.value and it.time.precision == "day":
            blocks[(it.type, it.time.value)].append(i)

    for idxs in blocks.values():
        by_actor: dict[str, list[int]] = defaultdict(list)
        for i in idxs:
            for e in items[i].roles:
                by_actor[e].append(i)
        for i in idxs:
            for j in sorted({j for e in items[i].roles for j in by_actor[e] if j > i}):
                ri, rj = find(i), find(j)
                if ri == rj or not _mergeable(items[i], items[j], entities, same_article=False):
                    continue
                # Group against group: a one-actor report (``التقى لافروف أمس``) may join one
                # meeting of the day, but never bridge two (Lavrov–Meshaal, Lavrov–Kerry–Jubeir).
                if groups_fit(ri, rj):
                    union(ri, rj)
    own = [_principals(it, entities) for it in items]
    merging = _Merging(items, find, principals, groups_fit, union, entities, own)
    _join_adjacent_days(merging)
    _attach_undated(merging)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(items)):
        groups[find(i)].append(i)
    nodes = _distinct_ids(
        [n for n in (_node([items[i] for i in idxs], entities) for idxs in groups.values()) if _two_sided(n)]
    )
    nodes.sort(key=lambda n: n.id)
    return nodes


@dataclass(frozen=True)
class _Saying:
    """What one mention says about who met whom and where: the parts that two reports of
    one event cannot disagree on."""

    principals: frozenset[str]
    hosts: frozenset[str]
    guests: frozenset[str]
    callers: frozenset[str]
    callees: frozenset[str]
    destination: str | None  # a visit's place; other events' places are too often stray


def _saying(it: _Item, entities: dict[str, Entity]) -> _Saying:
    return _Saying(
        frozenset(_principals(it, entities)),
        frozenset(_with_role(it, "host")),
        frozenset(_with_role(it, "guest")),
        frozenset(_with_role(it, "caller")),
        frozenset(_with_role(it, "callee")),
        it.place if it.type == "Visit" else None,
    )


def _groups_agree(
    a: list[_Saying], b: list[_Saying], union_a: set[str], union_b: set[str], entities: dict[str, Entity]
) -> bool:
    """Two groups may be one event: no saying of one contradicts a saying of the other, and
    every two-sided saying of one (``استقبل الأمير الوزير``) has its principals inside those
    of every two-sided saying of the other, or two in common. One-actor sayings (``وأكد
    كيري``) are not held against each other: Kerry's and Lavrov's remarks on one meeting
    are one meeting. A group with no two-sided saying is taken whole."""
    if not all(_sayings_agree(x, y, entities) for x in a for y in b):
        return False
    sided_a = [x.principals for x in a if len(x.principals) >= 2]
    sided_b = [y.principals for y in b if len(y.principals) >= 2]
    if sided_a and sided_b:
        # A saying inside the other group's whole cast fits too: a sentence told as one
        # meeting per counterpart (``يلتقي هاموند … ظريف وشتاينماير``) has pairs of one trilateral.
        return all(_nested(x, y) or y <= union_a or x <= union_b for x in sided_a for y in sided_b)
    return _nested(union_a, union_b)


def _sayings_agree(a: _Saying, b: _Saying, entities: dict[str, Entity]) -> bool:
    """Two sayings may tell of one event: no two different hosts (guests, callers, callees)
    and one destination."""
    for x, y in ((a.hosts, b.hosts), (a.guests, b.guests), (a.callers, b.callers), (a.callees, b.callees)):
        if x and y and not x & y:
            return False
    return _destinations_agree(a.destination, b.destination, entities)


def _destinations_agree(a: str | None, b: str | None, entities: dict[str, Entity]) -> bool:
    """One visit has one destination: a city and its country agree, two cities (or two
    countries) do not. A site (a palace, a majlis) may be anywhere: it agrees."""
    if a is None or b is None or a == b:
        return True
    ea, eb = entities.get(a), entities.get(b)
    if ea is None or eb is None or "site" in (ea.subtype, eb.subtype):
        return True
    if ea.country and eb.country and ea.country != eb.country:
        return False
    if ea.subtype == eb.subtype:
        # Two names of one place the entity resolution kept apart (``المنورة``, ``المدينة
        # المنورة``; ``الأردن``, ``المملكة الأردنية`` both JO) still agree.
        return (ea.subtype == "country" and ea.country is not None) or _one_name_inside(ea, eb)
    return bool(ea.country and ea.country == eb.country)


def _one_name_inside(a: Entity, b: Entity) -> bool:
    na, nb = normalize(a.label), normalize(b.label)
    return bool(na and nb) and (na in nb or nb in na)


def _two_sided(node: EventNode) -> bool:
    """A meeting is between two parties at least. A node that, after every report of it is
    merged, names one participant and no one else (``التقى الوزير عددا من المسؤولين``,
    ``يلتقي جنوداً``) or only attendees is an incomplete read, not an event to show."""
    if node.type != "Meeting" or not node.participants:
        return True  # a meeting told with no party (``القمة التي عقدت``) stands as told
    principals = [p for p in node.participants if p.role not in ("attendee", "destination")]
    return len(principals) >= 2 or any(p.role in ("host", "guest") for p in principals)


def _distinct_ids(nodes: list[EventNode]) -> list[EventNode]:
    """One id per node. Nodes read from one trigger (``بزيارة تشمل الكويت وقطر والعراق``: one
    visit per destination) would share the id of that trigger and be one node in the RDF;
    each of them gets an id from its place and participants too."""
    count = Counter(n.id for n in nodes)
    out: list[EventNode] = []
    seen: set[str] = set()
    for n in sorted(nodes, key=lambda n: (n.id, n.place or "", [(p.entity, p.role) for p in n.participants])):
        if count[n.id] > 1:
            first = n.mentions[0].trigger
            parts = ",".join(f"{p.entity}={p.role}" for p in n.participants)
            key, k = f"{first.article}:{first.start}|{n.place}|{parts}", 0
            while _event_id(key if k == 0 else f"{key}|{k}") in seen:
                k += 1
            n = replace(n, id=_event_id(key if k == 0 else f"{key}|{k}"))
        seen.add(n.id)
        out.append(n)
    return out


def _event_id(key: str) -> str:
    return f"event/{hashlib.sha1(key.encode('utf-8')).hexdigest()[:12]}"


def _with_role(it: _Item, role: str) -> set[str]:
    return {e for e, r in it.roles.items() if r == role}


@dataclass(frozen=True)
class _Merging:
    """The state of one merge, as the passes after day blocking see it."""

    items: list[_Item]
    find: Callable[[int], int]
    principals: dict[int, set[str]]  # by group root
    groups_fit: Callable[[int, int], bool]  # every saying of one agrees with every one of the other
    join_groups: Callable[[int, int], None]
    entities: dict[str, Entity]
    own: list[set[str]]  # each mention's own principals

    def same_destination(self, members_a: list[int], members_b: list[int]) -> int:
        """1 when both groups are visits to one known place (the place most reports give):
        with the visitor, the second piece of evidence that two groups are one visit (a visit
        has one principal, and eight outlets telling it would stay eight nodes)."""
        a, b = (
            _best_place([p for i in ms if (p := self.items[i].place)], self.entities)
            for ms in (members_a, members_b)
        )
        if self.items[members_a[0]].type != "Visit" or a is None or b is None:
            return 0
        ea, eb = self.entities.get(a), self.entities.get(b)
        known = ea is not None and eb is not None and ea.country is not None and ea.country == eb.country
        return int(known and _destinations_agree(a, b, self.entities))

    def dates_it(self, i: int) -> bool:
        """Mention ``i`` tells the event's own day: it names two principals (``وأشار كيري أمس``
        may be about anything Kerry did), and its day is not the lead's lent to an
        announcement (``وصلها أمس … كما يلتقي كيري في الدوحة لافروف``: the meeting is ahead)."""
        it = self.items[i]
        ahead = it.status == "planned" or _imperfect(it.mention.trigger.text)
        lent = it.date_source == "inherited" and ahead
        return len(self.own[i]) >= 2 and not lent

    def fits(self, a: int, b: int, members_a: list[int], members_b: list[int]) -> bool:
        """Groups ``a`` and ``b`` may be one event: what their mentions say agrees (hosts,
        guests, principals, a visit's destination), their places are compatible."""
        return (
            self.groups_fit(a, b)
            and _nested(self.principals[a], self.principals[b])
            and _group_places_agree(
                [self.items[i] for i in members_a], [self.items[i] for i in members_b], self.entities
            )
        )


def _attach_undated(m: _Merging) -> None:
    """Join a group with no resolved day to the one dated group it must describe.

    ``سيلتقي كيري نظيره الروسي لافروف`` (1 August, no date) announces the meeting dated
    3 August elsewhere; ``عقد الوزير اجتماعا ثلاثيا مع لافروف والجبير`` (4 August) reports it.
    The evidence must be strong: the same type, two principals in common (or a visit's
    visitor and its destination), a day within the article's reach (before publication for
    a report, after it for an announcement), compatible places and roles, and one best
    candidate; otherwise the group stays alone.
    A day that no mention dating the event gives (``وفي تصريح سابق … كيري``, dated by the
    lead) is too weak to be a candidate's: such a group looks for its day like an undated one.
    """
    items, principals = m.items, m.principals
    members, day, _relative = _group_days(items, m.find, m.dates_it)
    dated = {r: d for r, d in day.items() if any(m.dates_it(i) and _day_of(items[i]) for i in members[r])}
    index = _by_principal(items, dated, principals)
    for root, idxs in members.items():
        if root in dated or len(principals[root]) + (items[root].type == "Visit") < 2:
            continue
        # The day as the mentions naming two principals tell it (the others may be of anything).
        window = _window([items[i] for i in idxs if len(m.own[i]) >= 2] or [items[i] for i in idxs])
        if window is None:
            continue
        kind = items[root].type
        candidates: dict[int, int] = Counter(c for e in principals[root] for c in index.get((kind, e), ()))
        best: list[tuple[int, int]] = []
        for cand, shared in candidates.items():
            if not (window[0] <= dated[cand] <= window[1]):
                continue
            shared += m.same_destination(members[cand], idxs)
            if shared < 2:
                continue
            cand_root = m.find(cand)
            if m.fits(cand_root, m.find(root), members[cand], idxs):
                best.append((shared, cand_root))
        strongest: dict[int, int] = {}
        for n, r in best:
            strongest[r] = max(n, strongest.get(r, 0))
        best = sorted(((n, r) for r, n in strongest.items()), reverse=True)
        if best and (len(best) == 1 or best[0][0] > best[1][0]):
            m.join_groups(best[0][1], m.find(root))


def _join_adjacent_days(m: _Merging) -> None:
    """Join two groups one day apart when their day was read from ``اليوم``/``أمس``.

    A corpus date is when the page was fetched, often the day after it was written, so
    ``اليوم`` in one outlet and ``أمس`` in another may name one day as two (MBS and the
    Chechen president: 20 July in six reports, 21 July in four). Only with strong evidence:
    the same type, two principals in common (a visit's visitor and its destination count as
    two), compatible places and roles.
    """
    items, principals = m.items, m.principals
    members, day, relative = _group_days(items, m.find, m.dates_it)
    index = _by_principal(items, day, principals)
    for root in sorted(day):
        shared = Counter(c for e in principals[root] for c in index[(items[root].type, e)] if c > root)
        for cand, n in sorted(shared.items()):
            a, b = m.find(root), m.find(cand)
            if (
                n + m.same_destination(members[root], members[cand]) >= 2
                and a != b
                and abs((day[cand] - day[root]).days) == 1
                and (relative[root] or relative[cand])
                and m.fits(a, b, members[root], members[cand])
            ):
                m.join_groups(a, b)


def _group_days(
    items: list[_Item], find: Callable[[int], int], dates_it: Callable[[int], bool]
) -> tuple[dict[int, list[int]], dict[int, date], dict[int, bool]]:
    """Members of each merged group, its day (the one most of its dated mentions give, those
    that date it, ``_Merging.dates_it``, when there are any) and whether every such day was
    read relative to the article date (``اليوم``, ``أمس``)."""
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(items)):
        members[find(i)].append(i)
    day: dict[int, date] = {}
    relative: dict[int, bool] = {}
    for root, idxs in members.items():
        dated = [i for i in idxs if _day_of(items[i]) is not None]
        dated = [i for i in dated if dates_it(i)] or dated
        if dated:
            days = Counter(d for i in dated if (d := _day_of(items[i])) is not None)
            day[root] = date.fromisoformat(days.most_common(1)[0][0])
            # A dated item has a time (``_day_of``).
            relative[root] = all(t.relative for i in dated if (t := items[i].time) is not None)
    return members, day, relative


def _by_principal(
    items: list[_Item], day: dict[int, date], principals: dict[int, set[str]]
) -> dict[tuple[str, str], list[int]]:
    """Dated groups by (event type, principal): where a group looks for its matches."""
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    for root in sorted(day):
        for e in principals[root]:
            index[(items[root].type, e)].append(root)
    return index


def _day_of(it: _Item) -> str | None:
    t = it.time
    if t is None or t.precision != "day" or not t.value or len(t.value) != 10:
        return None
    return t.value


def _window(members: list[_Item]) -> tuple[date, date] | None:
    lo, hi = date.min, date.max
    for m in members:
        if m.dct is None:
            return None
        if m.status == "planned" or _imperfect(m.mention.trigger.text):
            # ``يلتقي كيري في الدوحة …`` may be today or days ahead; a paper of the next morning
            # still runs the wire's ``سيعقد``.
            lo = max(lo, m.dct - timedelta(days=1 if m.status == "planned" else _P.reported_within_days))
            hi = min(hi, m.dct + timedelta(days=_P.announced_within_days))
        else:
            lo, hi = max(lo, m.dct - timedelta(days=_P.reported_within_days)), min(hi, m.dct)
    return (lo, hi) if lo <= hi else None


def _imperfect(verb: str) -> bool:
    """An imperfect verb (``يلتقي``, ``ويعقد``, ``تبحث``): present or future, not past."""
    w = normalize(verb)
    if w[:1] in "وف" and len(w) > 4:
        w = w[1:]
    return w[:1] in "يت" and len(w) >= 4


def _group_places_agree(a: list[_Item], b: list[_Item], entities: dict[str, Entity]) -> bool:
    """The places most reports of each group give are compatible (one stray place in a long
    story does not veto it)."""
    return _places_compatible(
        _best_place([m.place for m in a if m.place], entities),
        _best_place([m.place for m in b if m.place], entities),
        entities,
    )


def _principals(it: _Item, entities: dict[str, Entity]) -> set[str]:
    """Who the event is between: not attendees, and not countries named as participants, which
    are most often what was discussed (``بحثا … إيران``), unless no one else is named."""
    acting = {e for e, r in it.roles.items() if r not in ("attendee", "destination")}
    people = {e for e in acting if e in entities and entities[e].kind != "place"}
    return people or acting


def _nested(a: AbstractSet[str], b: AbstractSet[str]) -> bool:
    """One actor set inside the other, or two actors in common (a report that adds a third)."""
    return not a or not b or a <= b or b <= a or len(a & b) >= 2


def _attendance_only(it: _Item) -> bool:
    """A list of who attended (``وحضر الاجتماع …``); an event told with no party at all
    (``القمة التي عقدت بشرم الشيخ``) is no such list."""
    roles = it.roles.values()
    return "attendee" in roles and all(r in ("attendee", "destination") for r in roles)


def _partyless(it: _Item) -> bool:
    """Told with no party (``اجتماعين بالقاهرة``, ``زيارة وفد سعودي إلى بكين``)."""
    return not any(r not in ("attendee", "destination") for r in it.roles.values())


def _times_agree(a: _Item, b: _Item) -> bool:
    return not (a.time and b.time and a.time.value and b.time.value and a.time.value != b.time.value)


def _mergeable(a: _Item, b: _Item, entities: dict[str, Entity], same_article: bool) -> bool:
    if a.type != b.type:
        return False
    if _partyless(a) or _partyless(b):
        # Nothing but a place and a day (two meetings in Cairo, a delegation's visit to
        # Beijing) says two reports are one event: one city holds many meetings a day.
        return False
    if a.time and b.time and a.time.value and b.time.value and a.time.value != b.time.value:
        return False
    if not same_article and not (a.time and b.time and a.time.value == b.time.value):
        return False
    for side in ("host", "caller"):  # one host (or caller), two receptions (or calls)
        side_a = {e for e, r in a.roles.items() if r == side}
        side_b = {e for e, r in b.roles.items() if r == side}
        if side_a and side_b and not side_a & side_b:
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
        return _nested(_principals(a, entities), _principals(b, entities))
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


# Event type → the Arabic word its label starts with, as written.
_TYPE_AR = {kind: label for kind, (label,) in lexicon.raw_groups("EVENT_TYPE_LABELS").items()}


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
    status: Status = "happened" if any(m.status == "happened" for m in members) else "planned"
    anticipated = _anticipating(members, time)
    eid = _event_id(f"{first.order[0]}:{first.order[1]}")
    names = [
        entities[p.entity].label for p in participants[:3] if p.entity in entities and p.role != "destination"
    ]
    label = f"{_TYPE_AR.get(first.type, first.type)}: {'، '.join(names)}"
    if not names:
        # No party to name it by: what the text calls it, and where (``لقاء: عقدت، شرم الشيخ``).
        where = entities[place].label if place in entities else None
        told = "، ".join(w for w in (first.mention.trigger.text, where) if w)
        label = f"{_TYPE_AR.get(first.type, first.type)}: {told}"
    return EventNode(
        eid,
        first.type,
        label,
        participants,
        place,
        time,
        status,
        tuple(dict.fromkeys(m.article for m in members)),
        tuple(m.mention for m in members),
        anticipated,
        _date_source(members, time),
    )


# The sources a report may state a date by, the first of them the one an event keeps.
_DATE_SOURCES: tuple[DateSource, ...] = ("stated", "inherited", "publication")


def _date_source(members: list[_Item], time: TimeExpression | None) -> DateSource | None:
    """Stated when any report states the chosen date, else how the others came by it."""
    if time is None:
        return "none"
    sources = {m.date_source for m in members if m.time is not None and m.time.value == time.value}
    return next((s for s in _DATE_SOURCES if s in sources), None)


def _anticipating(members: list[_Item], time: TimeExpression | None) -> tuple[str, ...]:
    """Articles that announced the event ahead: published before its day, or on the day
    with only announcements (``من المقرر أن يعقد …``). Without a day: the articles that only
    announce an event that others report."""
    day = None
    if time is not None and time.value and time.precision == "day" and len(time.value) == 10:
        day = date.fromisoformat(time.value)
    by_article: dict[str, list[_Item]] = defaultdict(list)
    for m in members:
        by_article[m.article].append(m)
    reported = any(m.status == "happened" for m in members)
    out = []
    for article, ms in by_article.items():
        only_planned = all(m.status == "planned" for m in ms)
        dct = ms[0].dct
        if day is not None and dct is not None:
            if dct < day or (dct == day and only_planned):
                out.append(article)
        elif only_planned and reported:
            out.append(article)
    return tuple(out)


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
