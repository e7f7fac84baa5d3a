"""What the event rules read a sentence against, and what they hand back.

``kg.extract`` builds one ``SentenceContext`` per sentence and calls
``kg.extract.events.find_events`` with it; the answer is a list of ``RawEvent`` (one
trigger's event, in sentence terms: mention and time indexes) and ``VisitReceivers`` (who
received a visitor, for the article's latest visit). ``kg.extract`` turns them into
``kg.model.Event`` objects, whose indexes point into the article's entities and times.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.arabic.tokens import Token
from kg.extract.events.refs import ActorRef
from kg.model import EventType, Mention, RoleName, Span, Status, TimeExpression


@dataclass(frozen=True)
class SentenceContext:
    """One sentence and what the article around it says, as the event rules read it.

    The lists are the caller's and are only read (frozen: the fields are not rebound).
    """

    tokens: list[Token]  # the sentence's tokens (offsets into the article's text)
    sentence: Span  # the sentence itself, offsets into the article's text
    mentions: list[Mention]  # all the article's mentions: refs, roles and places index them
    actor_refs: list[ActorRef]  # person/organisation mentions of the sentence (and states)
    place_refs: list[ActorRef]  # place mentions of the sentence
    # Each time expression of the sentence with the index of its first token; a
    # ``RawEvent.time`` indexes this list.
    times: list[tuple[int, TimeExpression]]
    pair: tuple[int, int] | None = None  # the article's two main countries, for ``البلدين``
    # The entities of the meeting told last, for ``الجانبان`` (the two sides).
    sides: tuple[int, ...] = ()
    # The person (entity) who acted in the article's latest event: the subject Arabic leaves
    # unwritten (``ومن المتوقع أن يلتقي اليوم مع بارزاني``).
    frame_subject: int | None = None
    persons: frozenset[int] = frozenset()  # the article's person entities


@dataclass(frozen=True)
class RawRole:
    """An actor's part in a raw event. ``mention`` is the mention (index into the article's
    mentions) that names the actor in the sentence, or None when the sentence does not write
    it: the two sides, the article's two countries, a subject left unwritten, a place added
    as a destination by its entity."""

    entity: int  # index into the article's entities
    role: RoleName
    mention: int | None


@dataclass(frozen=True)
class RawEvent:
    """One event a trigger tells, in the terms of its sentence."""

    type: EventType
    trigger: Span  # the trigger word, offsets into the article's text
    sentence: Span
    t_idx: int  # the trigger's token index in the sentence
    roles: tuple[RawRole, ...]
    place: int | None  # index into the article's mentions
    time: int | None  # index into ``SentenceContext.times``
    status: Status
    # The entity written as the trigger's subject (or the unwritten one taken from the frame),
    # None if none: the next sentences' ``SentenceContext.frame_subject``.
    subject: int | None
    from_sides: bool  # its parties are ``الجانبان``: undated, it takes the meeting's time
    actorless: bool  # the sentence allowed it with no party (``القمة التي عقدت بشرم الشيخ``)


@dataclass(frozen=True)
class VisitReceivers:
    """``وكان في استقباله …``: who received a visitor (host first, then attendees), to join the
    article's latest visit told so far, this sentence's included."""

    roles: tuple[RawRole, ...]
