"""The data objects that flow between pipeline stages.

ingest → ``Article``; extract → ``ArticleFacts`` (``Mention``, ``LocalEntity``,
``TimeExpression``, ``Event``); resolve → ``Graph`` (``Entity``, ``EventNode``).
Every fact keeps character offsets into ``Article.text`` as ingested, so a user can
always see the sentence behind it. Objects are frozen: stages build new ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal, get_args

Kind = Literal["person", "organization", "place"]
# Meeting, Visit and Call are consultations (hd:Consultation, PLOVER's CONSULT).
EventType = Literal["Meeting", "Visit", "Call", "Agreement", "Statement"]
Precision = Literal["day", "week", "month", "year", "decade", "vague", "unresolved"]
Status = Literal["happened", "planned"]
# Where an event's date came from (hd:dateSource): written in the event's own clause;
# taken from another sentence of the article about the same event (the lead, the
# headline, the dateline); the article's publication day (``اليوم``, or no date word);
# or nowhere (the article gives none, and the event has no time).
DateSource = Literal["stated", "inherited", "publication", "none"]
# What an actor is to an event, most specific first: when one actor gets several roles in
# one event (and when events merge across articles), the earliest here wins.
RoleName = Literal[
    "host",
    "guest",
    "caller",
    "callee",
    "visitor",
    "signatory",
    "speaker",
    "destination",
    "participant",
    "attendee",
]
ROLE_ORDER: tuple[RoleName, ...] = get_args(RoleName)


EVENT_TYPES: tuple[EventType, ...] = get_args(EventType)


def event_type(name: str) -> EventType:
    """``name`` as an ``EventType``; any other name is an error (a trigger row, a rule)."""
    for known in EVENT_TYPES:
        if known == name:
            return known
    raise ValueError(f"unknown event type {name!r}, want one of {EVENT_TYPES}")


def role_name(name: str) -> RoleName:
    """``name`` as a ``RoleName``; any other name is an error (a trigger row, a rule)."""
    for known in ROLE_ORDER:
        if known == name:
            return known
    raise ValueError(f"unknown role {name!r}, want one of {ROLE_ORDER}")


def role_priority(role: str) -> int:
    """Rank of a role in ``ROLE_ORDER`` (lower wins); an unknown role ranks last."""
    return ROLE_ORDER.index(role) if role in ROLE_ORDER else len(ROLE_ORDER)


@dataclass(frozen=True)
class Article:
    """One news article as ingested: ``text`` is the body that offsets refer to."""

    id: str  # stable: from the record's id/url, else a hash of origin + text
    text: str
    title: str = ""
    url: str | None = None
    source: str | None = None  # the outlet (dateline source, record source/hostname)
    dct: date | None = None  # document creation time: the publication day
    # Where ``dct`` was read: ``crawl`` (a crawler's fetch date), ``record`` (a record's
    # publication-date field), ``url``, ``dateline`` (a date line at the top of the text),
    # ``text`` (the weekday the lead calls today, before a crawl date), ``page`` (an HTML
    # page's metadata), ``default`` (given by the caller); None: no date.
    dct_source: str | None = None
    dateline_place: str | None = None  # place named in a ``SOURCE – PLACE`` dateline
    origin: str = ""  # file (and zip member / record index) it came from


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    """A name in the text: where it is, what it is, and the local entity it names."""

    start: int
    end: int
    text: str  # exactly ``article.text[start:end]``
    kind: Kind
    entity: int  # index into ``ArticleFacts.entities``
    title: str | None = None  # post written before the name: ``وزير الدفاع``
    source: str = "rules"  # which recogniser found it


@dataclass(frozen=True)
class LocalEntity:
    """One person/organisation/place within one article (mentions already chained)."""

    kind: Kind
    name: str  # the fullest surface name seen, clitics and honorifics removed
    key: str  # normalised matching key of ``name``
    aliases: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()  # posts held, as written (normalised spacing)
    affiliation: str | None = None  # key of a country/organisation: ``تركيا``
    country: str | None = None  # ISO 3166 code for places and states (``LY``)
    subtype: str | None = None  # country | city | site | government | media | ...
    # A post with no name in this article (``وزير الخارجية السعودي``): resolution across the
    # corpus finds who held it; ``titles`` holds the post, ``affiliation`` its country.
    title_only: bool = False


@dataclass(frozen=True)
class TimeExpression:
    """A date written in the text, normalised against the article's date when needed.

    ``value`` is an ISO-8601 string at ``precision`` (``2020-07-03``, ``2019-11``,
    ``2019``, ``2015-W30``), or None when unresolved; ``begin``/``end`` is the
    Gregorian day span it covers (inclusive).
    """

    start: int
    end: int
    text: str
    value: str | None
    precision: Precision
    begin: date | None = None
    end_date: date | None = None
    kind: Literal["date", "range", "duration", "set"] = "date"
    calendar: Literal["gregorian", "hijri", "libyan"] = "gregorian"
    relative: bool = False  # needed the DCT to resolve
    weekday: int | None = None  # 0=Monday, when written
    direction: Literal["past", "future", "present"] | None = None
    duration: str | None = None  # ISO 8601 duration for ``لمدة أسبوعين`` (P2W)
    note: str | None = None  # e.g. a weekday that contradicts the date beside it


@dataclass(frozen=True)
class Role:
    entity: int  # index into ``ArticleFacts.entities``
    # host | guest | visitor | destination | caller | callee | participant | attendee | speaker
    # | signatory
    role: str
    mention: int  # index into ``ArticleFacts.mentions``


@dataclass(frozen=True)
class Event:
    type: EventType
    trigger: Span
    sentence: Span
    roles: tuple[Role, ...]
    place: int | None = None  # index into ``ArticleFacts.entities``
    time: int | None = None  # index into ``ArticleFacts.times``
    status: Status = "happened"
    date_source: DateSource | None = None  # None: not recorded


@dataclass(frozen=True)
class ArticleFacts:
    article: Article
    mentions: tuple[Mention, ...]
    entities: tuple[LocalEntity, ...]
    times: tuple[TimeExpression, ...]
    events: tuple[Event, ...]


# ---- after resolution: the corpus-wide graph -------------------------------------


@dataclass(frozen=True)
class MentionRef:
    """Where a resolved node was mentioned: article id and offsets into its text."""

    article: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class TitleHeld:
    title: str
    affiliation: str | None
    first_seen: date | None
    last_seen: date | None


@dataclass(frozen=True)
class Entity:
    id: str  # stable key: ``person/<hash>``; IRIs are minted from it
    kind: Kind
    label: str
    aliases: tuple[str, ...]
    titles: tuple[TitleHeld, ...]
    affiliation: str | None  # id of an Entity (country or organisation)
    country: str | None
    subtype: str | None
    articles: tuple[str, ...]
    mentions: tuple[MentionRef, ...]
    codes: tuple[str, ...] = ()  # CAMEO actor codes from a user's actor dictionary (SAUGOV)


@dataclass(frozen=True)
class Participation:
    entity: str  # Entity.id
    role: str


@dataclass(frozen=True)
class EventMention:
    article: str
    trigger: MentionRef
    sentence: MentionRef


@dataclass(frozen=True)
class EventNode:
    id: str
    type: EventType
    label: str  # a short Arabic description: ``لقاء: النمروش، أكار``
    participants: tuple[Participation, ...]
    place: str | None  # Entity.id
    time: TimeExpression | None  # the resolved time, as in the best source
    status: Status
    articles: tuple[str, ...]
    mentions: tuple[EventMention, ...]
    # Articles that announced the event before it took place (a subset of ``articles``).
    anticipated_by: tuple[str, ...] = ()
    # Where ``time`` came from (``Event.date_source`` of the best source); None: not recorded.
    # The outputs read it through ``event_date_source``.
    date_source: DateSource | None = None


def event_date_source(ev: EventNode) -> DateSource | None:
    """The date source the outputs state for ``ev`` (RDF, pages, CSV): ``"none"`` when the
    event has no time, whatever was recorded; else ``ev.date_source``, except that a
    ``"none"`` beside a time is contradicted by it and gives None (not recorded)."""
    if ev.time is None:
        return "none"
    return None if ev.date_source == "none" else ev.date_source


@dataclass(frozen=True)
class Graph:
    articles: tuple[Article, ...]
    entities: tuple[Entity, ...]
    events: tuple[EventNode, ...]
