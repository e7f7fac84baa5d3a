"""Who received a visitor: ``وكان في استقباله لدى وصوله X``, ``واستقبله لدى وصوله X``.

Such a clause tells no event of its own: it names the host of the visit told before it,
and the officials beside him. ``sentence.find_events`` adds them to the latest visit told
before them in the sentence (a tour of four family majlises, each with its host), else
``kg.extract`` to the article's latest visit. ``وكان X في مقدمة مستقبليه`` names the host
before the phrase.
"""

from __future__ import annotations

from kg import lexicon
from kg.arabic.tokens import Token, bare_forms
from kg.extract.events.refs import ActorRef
from kg.extract.events.roles import names_a_facility
from kg.lexicon.triggers import words
from kg.model import Mention, RoleName

_RECEIVED_NOUNS = words("RECEIVED_NOUNS")  # استقباله …
_RECEIVED_VERBS = words("RECEIVED_VERBS")  # استقبله …
_ARRIVAL = words("ARRIVAL")  # وصوله …
_WAS = words("WAS")  # كان وكان …
_IN_RECEPTION = lexicon.raw("IN_RECEPTION")  # وكان في استقباله
_AHEAD_OF_RECEIVERS = words("AHEAD_OF_RECEIVERS")  # مستقبليه …
_AHEAD = words("AHEAD")  # مقدمة طليعة


def receivers_at(tokens: list[Token], k: int) -> bool:
    """Token ``k`` opens a list of who received the visitor."""
    if "استقبل" not in tokens[k].norm and "استقبال" not in tokens[k].norm:
        return False  # every word of every sentence comes here: the cheap test first
    stem = tokens[k].stem
    was_in = (
        k > 0
        and tokens[k - 1].norm in _IN_RECEPTION
        and any(tokens[j].norm in _WAS for j in range(max(0, k - 3), k - 1))
    )
    if stem in _RECEIVED_NOUNS:
        return was_in
    if stem == "استقبال" and was_in:
        # ``وكان في استقبال خادم الحرمين الشريفين لدى وصوله …``: the visitor named, then whom.
        return any(_arrival(tokens[j].norm) for j in range(k + 1, min(len(tokens), k + 10)))
    if tokens[k].norm in _RECEIVED_VERBS or stem in _RECEIVED_VERBS:
        return any(_arrival(tokens[j].norm) for j in range(k + 1, min(len(tokens), k + 4)))
    return False


def _arrival(norm: str) -> bool:
    """``وصوله``, ``لدى وصولها`` (its و is the word's own, not a proclitic)."""
    return any(stem in _ARRIVAL for _, stem in bare_forms(norm))


def receivers_before(tokens: list[Token], k: int) -> int | None:
    """``وكان X في مقدمة مستقبليه`` at ``k`` (the last word): where X's list starts, or None."""
    norm = tokens[k].norm
    if norm not in _AHEAD_OF_RECEIVERS and bare_forms(norm)[-1][1] not in _AHEAD_OF_RECEIVERS:
        return None
    if not (k >= 2 and tokens[k - 1].norm in _AHEAD):
        return None
    return next((j for j in range(k - 2, max(-1, k - 16), -1) if tokens[j].norm in _WAS), None)


def receiver_roles(
    tokens: list[Token], k: int, actors: list[ActorRef], mentions: list[Mention], end: int | None = None
) -> list[tuple[int, RoleName]]:
    """The first person after ``k`` (and before ``end``) is the host, the others listed with
    him attendees."""
    stop = len(tokens) if end is None else end
    people = [
        a
        for a in actors
        if k < a.first < stop
        and mentions[a.mention].kind == "person"
        and not names_a_facility(tokens, a.first)  # مطار حمد الدولي
    ]
    return [(a.mention, "host" if n == 0 else "attendee") for n, a in enumerate(people)]
