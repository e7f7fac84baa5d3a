"""The resolved ``Graph`` as RDF triples (SEM + OWL-Time + PROV + NIF), the model in
``ontology/README.md``.

Triples are built as pyoxigraph terms: that is several times faster than rdflib for a
day of news (hundreds of thousands of triples), and pyoxigraph also writes the Turtle.
The output is deterministic: articles, entities and events are visited in id order,
each node's triples are emitted together (so Turtle groups them under one subject),
and no blank nodes are used: every node, down to a role or a time interval, has an IRI
minted from stable ids (kg.rdf.mint).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from functools import lru_cache

import rdflib
from pyoxigraph import Literal, NamedNode, RdfFormat, Triple, serialize

from kg.model import (
    Article,
    Entity,
    EventNode,
    Graph,
    MentionRef,
    TimeExpression,
    TitleHeld,
    event_date_source,
)
from kg.rdf import mint
from kg.rdf import terms as t

AR = "ar"
LABEL_SNIPPET = 80  # characters of the text that label an article without a title


@lru_cache(maxsize=8192)  # ontology terms stay hot; one-off IRIs pass through
def _n(iri: str) -> NamedNode:
    return NamedNode(iri)


def _clean(text: str) -> str:
    """Lone surrogates (from a broken decode) cannot be encoded; one U+FFFD each keeps offsets."""
    return "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text)


def _lit(text: str, lang: str | None = None) -> Literal:
    try:
        return Literal(text, language=lang) if lang else Literal(text)
    except UnicodeEncodeError:
        return _lit(_clean(text), lang)


def _typed(value: str, datatype: str) -> Literal:
    return Literal(value, datatype=_n(datatype))


def _date(d: date) -> Literal:
    return _typed(d.isoformat(), t.XSD_DATE)


def _index(i: int) -> Literal:
    return _typed(str(int(i)), t.XSD_NON_NEGATIVE_INTEGER)


class _Emitter:
    """Collects triples; ``first`` makes shared nodes (mentions, roles) emitted once."""

    def __init__(self) -> None:
        self.triples: list[Triple] = []
        self._seen: set[str] = set()

    def add(self, s: str, p: str, o: NamedNode | Literal) -> None:
        self.triples.append(Triple(_n(s), _n(p), o))

    def link(self, s: str, p: str, o: str) -> None:
        self.triples.append(Triple(_n(s), _n(p), _n(o)))

    def first(self, node: str) -> bool:
        if node in self._seen:
            return False
        self._seen.add(node)
        return True


def graph_to_triples(graph: Graph, *, include_text: bool = True) -> list[Triple]:
    """Every triple of ``graph``, in a deterministic order.

    ``include_text`` puts each article's text in the graph (``nif:isString`` of the
    article, which is the ``nif:Context`` that mention offsets refer to).
    """
    out = _Emitter()
    entities = {e.id: e for e in graph.entities}
    actors = {p.entity for ev in graph.events for p in ev.participants}
    places = {ev.place for ev in graph.events if ev.place}
    for article in sorted(graph.articles, key=lambda a: a.id):
        _article(out, article, include_text)
    for entity in sorted(graph.entities, key=lambda e: e.id):
        _entity(out, entity, entities, entity.id in actors, entity.id in places)
    for event in sorted(graph.events, key=lambda e: e.id):
        _event(out, event, entities)
    return out.triples


# ---- articles ----------------------------------------------------------------------


def _article(out: _Emitter, a: Article, include_text: bool) -> None:
    s = mint.article_iri(a.id)
    out.link(s, t.TYPE, t.NEWS_ARTICLE)
    out.link(s, t.TYPE, t.NIF_CONTEXT)
    out.add(s, t.LABEL, _lit(_article_label(a), AR))
    if a.title.strip():
        out.add(s, t.HEADLINE, _lit(a.title.strip(), AR))
    if a.url:
        iri = mint.safe_url(a.url)
        try:
            out.add(s, t.URL, _n(iri) if iri else _lit(a.url))
        except ValueError:  # pyoxigraph's IRI check is stricter than ours: keep the text
            out.add(s, t.URL, _lit(a.url))
    if a.dct:
        out.add(s, t.DATE_PUBLISHED, _date(a.dct))
    if a.source:
        out.add(s, t.PUBLISHER, _lit(a.source))
    if a.origin:
        out.add(s, t.ORIGIN, _lit(a.origin))
    if include_text:
        out.add(s, t.IS_STRING, _lit(a.text))


def _article_label(a: Article) -> str:
    if a.title.strip():
        return a.title.strip()
    first = a.text.strip().split("\n", 1)[0].strip()
    if first:
        return first if len(first) <= LABEL_SNIPPET else first[: LABEL_SNIPPET - 1] + "…"
    return a.id


def _mention(out: _Emitter, m: MentionRef) -> str | None:
    """The nif:Phrase node of a mention (emitted once); None for impossible offsets."""
    if m.start < 0 or m.end < 0:
        return None
    node = mint.mention_iri(m.article, m.start, m.end)
    if out.first(node):
        out.link(node, t.TYPE, t.NIF_PHRASE)
        out.add(node, t.BEGIN_INDEX, _index(m.start))
        out.add(node, t.END_INDEX, _index(m.end))
        out.add(node, t.ANCHOR_OF, _lit(m.text))
        out.link(node, t.REFERENCE_CONTEXT, mint.article_iri(m.article))
    return node


def _sentence(out: _Emitter, m: MentionRef) -> str | None:
    if m.start < 0 or m.end < 0:
        return None
    node = mint.sentence_iri(m.article, m.start, m.end)
    if out.first(node):
        out.link(node, t.TYPE, t.NIF_SENTENCE)
        out.add(node, t.BEGIN_INDEX, _index(m.start))
        out.add(node, t.END_INDEX, _index(m.end))
        out.add(node, t.ANCHOR_OF, _lit(m.text))
        out.link(node, t.REFERENCE_CONTEXT, mint.article_iri(m.article))
    return node


# ---- entities ----------------------------------------------------------------------


def _classes(e: Entity, acts: bool, is_place: bool) -> list[str]:
    classes: list[str]
    if e.kind == "person":
        classes = [t.SEM_ACTOR, t.PERSON]
    elif e.kind == "organization":
        classes = [t.SEM_ACTOR, t.ORGANIZATION]
    else:
        # A state that meets or signs is an actor too; its place-ness stays.
        classes = [t.SEM_PLACE, t.PLACE, *([t.SEM_ACTOR] if acts else [])]
    if is_place and e.kind != "place":
        classes.append(t.SEM_PLACE)
    extra = t.SUBTYPE_CLASSES.get(e.subtype or "")
    if extra and extra not in classes:
        classes.append(extra)
    return classes


def _iri_of(entity_id: str, entities: dict[str, Entity]) -> str | None:
    e = entities.get(entity_id)
    return mint.entity_iri(e.id, e.kind) if e else None


def _entity(out: _Emitter, e: Entity, entities: dict[str, Entity], acts: bool, is_place: bool) -> None:
    s = mint.entity_iri(e.id, e.kind)
    for cls in _classes(e, acts, is_place):
        out.link(s, t.TYPE, cls)
    out.add(s, t.LABEL, _lit(e.label or e.id, AR))
    for alias in sorted(set(e.aliases) - {e.label}):
        out.add(s, t.ALT_LABEL, _lit(alias, AR))
    if e.country:
        out.add(s, t.COUNTRY_CODE, _lit(e.country))
    for code in e.codes:
        out.add(s, t.CAMEO_CODE, _lit(code))
    aff = _iri_of(e.affiliation, entities) if e.affiliation else None
    if aff:
        out.link(s, t.AFFILIATED_WITH, aff)
    holdings = [(mint.holding_iri(s, h.title, h.affiliation), h) for h in _merge_titles(e.titles)]
    for node, _ in holdings:
        out.link(s, t.HOLDS_TITLE, node)
    for article in dict.fromkeys(e.articles):
        out.link(s, t.WAS_DERIVED_FROM, mint.article_iri(article))
    mentions = _spans(e.mentions)
    for m in mentions:
        out.link(s, t.DENOTED_BY, mint.mention_iri(m.article, m.start, m.end))
    for node, h in holdings:
        if not out.first(node):
            continue
        out.link(node, t.TYPE, t.TITLE_HOLDING)
        out.add(node, t.LABEL, _lit(h.title, AR))
        out.link(node, t.ORG_MEMBER, s)
        role = mint.title_role_iri(h.title)
        out.link(node, t.ORG_ROLE, role)
        org = _iri_of(h.affiliation, entities) if h.affiliation else None
        if org:
            out.link(node, t.ORG_ORGANIZATION, org)
        if h.first_seen:
            out.add(node, t.FIRST_SEEN, _date(h.first_seen))
        if h.last_seen:
            out.add(node, t.LAST_SEEN, _date(h.last_seen))
        if out.first(role):
            out.link(role, t.TYPE, t.ORG_ROLE_CLASS)
            out.add(role, t.LABEL, _lit(h.title, AR))
    for m in mentions:
        _mention(out, m)


def _merge_titles(titles: Iterable[TitleHeld]) -> list[TitleHeld]:
    """One holding per (title, affiliation), seen from the earliest to the latest day:
    resolution can map two written affiliations to one entity (or to none)."""
    merged: dict[tuple[str, str | None], TitleHeld] = {}
    for h in titles:
        key = (h.title, h.affiliation)
        old = merged.get(key)
        if old is None:
            merged[key] = h
            continue
        firsts = [d for d in (old.first_seen, h.first_seen) if d]
        lasts = [d for d in (old.last_seen, h.last_seen) if d]
        merged[key] = TitleHeld(h.title, h.affiliation, min(firsts, default=None), max(lasts, default=None))
    return list(merged.values())


def _spans(mentions: Iterable[MentionRef]) -> list[MentionRef]:
    """Mentions with possible offsets, each span once."""
    out: dict[tuple[str, int, int], MentionRef] = {}
    for m in mentions:
        if m.start >= 0 and m.end >= 0:
            out.setdefault((m.article, m.start, m.end), m)
    return list(out.values())


# ---- events ------------------------------------------------------------------------


def _event(out: _Emitter, ev: EventNode, entities: dict[str, Entity]) -> None:
    cls = t.EVENT_CLASSES.get(ev.type)
    if cls is None:
        raise ValueError(
            f"event {ev.id}: type {ev.type!r} is not in the ontology; "
            "declare it in ontology/hadath.ttl and kg/rdf/terms.py"
        )
    s = mint.event_iri(ev.id)
    out.link(s, t.TYPE, t.SEM_EVENT)
    out.link(s, t.TYPE, cls)
    out.add(s, t.LABEL, _lit(ev.label or ev.type, AR))
    out.link(s, t.STATUS, t.STATUSES.get(ev.status, t.HAPPENED))
    roles: list[tuple[str, str, str]] = []  # (role node, actor, role type)
    for p in ev.participants:
        actor = _iri_of(p.entity, entities)
        if actor:
            role_type: str = t.ROLE_TYPES.get(p.role, t.DEFAULT_ROLE_TYPE)
            roles.append((mint.role_iri(s, p.role, actor), actor, role_type))
    for actor in dict.fromkeys(a for _, a, _ in roles):
        out.link(s, t.HAS_ACTOR, actor)
    for node in dict.fromkeys(n for n, _, _ in roles):
        out.link(s, t.HAS_ACTOR, node)
    place = _iri_of(ev.place, entities) if ev.place else None
    if place:
        out.link(s, t.HAS_PLACE, place)
    time_nodes = _event_time(out, s, ev.time) if ev.time else []
    # hd:DateNone for every event with no time; the recorded source otherwise (none if unknown).
    date_source = t.DATE_SOURCES.get(event_date_source(ev) or "")
    if date_source:
        out.link(s, t.DATE_SOURCE, date_source)
    for article in dict.fromkeys(ev.articles):
        out.link(s, t.WAS_DERIVED_FROM, mint.article_iri(article))
    for article in ev.anticipated_by:
        out.link(mint.article_iri(article), t.ANTICIPATES, s)
    seen_triggers: set[tuple[str, int, int]] = set()
    triggers = []
    for m in ev.mentions:
        key = (m.trigger.article, m.trigger.start, m.trigger.end)
        if m.trigger.start >= 0 and m.trigger.end >= 0 and key not in seen_triggers:
            seen_triggers.add(key)
            triggers.append(m)
    for m in triggers:
        out.link(s, t.DENOTED_BY, mint.mention_iri(m.trigger.article, m.trigger.start, m.trigger.end))

    for node, actor, role_type in roles:
        if out.first(node):
            out.link(node, t.TYPE, t.SEM_ROLE)
            out.link(node, t.VALUE, actor)
            out.link(node, t.ROLE_TYPE, role_type)
    for emit in time_nodes:
        emit()
    for m in triggers:
        trigger = _mention(out, m.trigger)
        sentence = _sentence(out, m.sentence)
        # Two events read from one trigger share its node: link its sentence once.
        if trigger and sentence and out.first(f"{trigger} {sentence}"):
            out.link(trigger, t.SENTENCE, sentence)


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")
_YEAR = re.compile(r"\d{4}")


def time_stamp(te: TimeExpression) -> tuple[str, str] | None:
    """(lexical form, XSD datatype) of ``sem:hasTimeStamp``, at the precision written.

    Day → xsd:date, month → xsd:gYearMonth, year → xsd:gYear; weeks, decades, ranges and
    vague or unresolved times have no single XSD value (their span is in
    ``sem:hasBeginTimeStamp``/``sem:hasEndTimeStamp``).
    """
    v = te.value or ""
    if te.precision == "day" and _DAY.fullmatch(v):
        try:
            return date.fromisoformat(v).isoformat(), t.XSD_DATE
        except ValueError:
            return None
    if te.precision == "month" and _MONTH.fullmatch(v):
        return v, t.XSD_G_YEAR_MONTH
    if te.precision == "year" and _YEAR.fullmatch(v):
        return v, t.XSD_G_YEAR
    return None


def _span(te: TimeExpression, stamp: tuple[str, str] | None) -> tuple[date, date] | None:
    if te.begin and te.end_date and te.begin <= te.end_date:
        return te.begin, te.end_date
    if stamp and stamp[1] == t.XSD_DATE:
        d = date.fromisoformat(stamp[0])
        return d, d
    return None


def _event_time(out: _Emitter, s: str, te: TimeExpression) -> list:
    """The event's own time triples now; returns emitters for the time nodes (emitted
    after the event so Turtle keeps the event's triples under one subject)."""
    text = te.text.strip()
    stamp = time_stamp(te)
    span = _span(te, stamp) if te.precision not in ("unresolved", "vague") else None
    if text:
        out.add(s, t.TIME_EXPRESSION, _lit(text, AR))
    out.add(s, t.TIME_PRECISION, _lit(te.precision))
    if span is None:
        out.add(s, t.UNRESOLVED_TIME, _typed("true", t.XSD_BOOLEAN))
        return []
    if stamp:
        out.add(s, t.HAS_TIME_STAMP, _typed(*stamp))
    begin, end = span
    out.add(s, t.HAS_BEGIN_TIME_STAMP, _date(begin))
    out.add(s, t.HAS_END_TIME_STAMP, _date(end))
    node = mint.time_iri(s)
    out.link(s, t.HAS_TIME, node)

    def emit() -> None:
        hijri = _hijri(te, begin) if te.calendar == "hijri" else None
        desc = mint.time_iri(s, "hijri")
        if begin == end:
            out.link(node, t.TYPE, t.INSTANT)
            out.add(node, t.IN_XSD_DATE, _date(begin))
            if hijri:
                out.link(node, t.IN_DATE_TIME, desc)
        else:
            out.link(node, t.TYPE, t.PROPER_INTERVAL)
            if hijri:
                out.link(node, t.TYPE, t.DATE_TIME_INTERVAL)
            out.link(node, t.HAS_BEGINNING, mint.time_iri(s, "begin"))
            out.link(node, t.HAS_END, mint.time_iri(s, "end"))
            if hijri:
                out.link(node, t.HAS_DATE_TIME_DESCRIPTION, desc)
            for part, d in (("begin", begin), ("end", end)):
                out.link(mint.time_iri(s, part), t.TYPE, t.INSTANT)
                out.add(mint.time_iri(s, part), t.IN_XSD_DATE, _date(d))
        if hijri:
            out.link(desc, t.TYPE, t.GENERAL_DATE_TIME_DESCRIPTION)
            out.link(desc, t.HAS_TRS, t.HIJRI_CALENDAR)
            for p, o in hijri:
                if isinstance(o, Literal):
                    out.add(desc, p, o)
                else:
                    out.link(desc, p, o)

    return [emit]


def _hijri(te: TimeExpression, begin: date) -> list[tuple[str, Literal | str]] | None:
    """The Hijri (Umm al-Qura) date of ``begin`` at the written precision, as OWL-Time
    general date-time description fields; None outside hijridate's table."""
    unit = t.UNITS.get(te.precision)
    if unit is None or te.precision == "week":
        return None
    try:
        from hijridate import Gregorian

        h = Gregorian(begin.year, begin.month, begin.day).to_hijri()
    except (ImportError, OverflowError, ValueError):
        return None
    fields: list[tuple[str, Literal | str]] = [
        (t.UNIT_TYPE, unit),
        (t.T_YEAR, _typed(f"{h.year:04d}", t.GENERAL_YEAR)),
    ]
    if te.precision in ("month", "day"):
        fields.append((t.T_MONTH, _typed(f"--{h.month:02d}", t.GENERAL_MONTH)))
    if te.precision == "day":
        fields.append((t.T_DAY, _typed(f"---{h.day:02d}", t.GENERAL_DAY)))
    return fields


# ---- rdflib view -------------------------------------------------------------------


def graph_to_rdf(graph: Graph, *, include_text: bool = True) -> rdflib.Graph:
    """``graph`` as an rdflib Graph (for pyshacl and rdflib users; slower than the
    pyoxigraph triples that ``write_turtle`` serialises)."""
    g = rdflib.Graph()
    for prefix, ns in t.PREFIXES.items():
        g.bind(prefix, ns, override=True)
    data = serialize(graph_to_triples(graph, include_text=include_text), format=RdfFormat.N_TRIPLES)
    g.parse(data=data, format="nt")
    return g


def triples_to_turtle(triples: Iterable[Triple]) -> bytes:
    """Turtle with the project's prefixes, the header in a fixed order."""
    body = serialize(triples, format=RdfFormat.TURTLE, prefixes=t.PREFIXES) or b""  # bytes: no output given
    # pyoxigraph orders its @prefix lines by its own rule; write ours for stable output.
    lines = body.split(b"\n")
    i = 0
    while i < len(lines) and lines[i].startswith(b"@prefix "):
        i += 1
    header = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(t.PREFIXES.items()))
    return header.encode("utf-8") + b"\n" + b"\n".join(lines[i:])
