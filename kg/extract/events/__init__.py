"""Events and their roles, read from verb (and a few noun) triggers in each sentence.

Arabic news is verb-first: ``استقبل [host] … [guest] و[guest]``. The first actor after
the trigger is its subject; actors after it in the same clause are objects, ``مع X``
is a co-participant, ``بحضور X`` an attendee. Visits take their destination from
``إلى``/``ل`` + place. A future prefix (``سيزور``) or a future date marks the event
as planned.

Modules (the trigger table and word lists are read by ``kg.lexicon.triggers``): ``refs``
(mentions by token index), ``triggers`` (a trigger at a token, future prefix, modals,
negation), ``clauses`` (clause, attendance and content ends, once per sentence),
``roles`` (subjects, objects, attendees, the two sides), ``places``
(destination, venue, topic markers), ``sentence`` (``find_events`` for one sentence),
``raw`` (what ``find_events`` reads, ``SentenceContext``, and returns, ``RawEvent``).
"""

from __future__ import annotations

from kg.extract.events.raw import RawEvent, RawRole, SentenceContext, VisitReceivers
from kg.extract.events.refs import ActorRef
from kg.extract.events.sentence import find_events
from kg.lexicon.triggers import Trigger
from kg.model import Role

__all__ = [
    "ActorRef",
    "RawEvent",
    "RawRole",
    "Role",
    "SentenceContext",
    "Trigger",
    "VisitReceivers",
    "find_events",
]
