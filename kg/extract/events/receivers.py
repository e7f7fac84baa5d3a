"""Who received a visitor: ``وكان في استقباله لدى وصوله X``, ``واستقبله لدى وصوله X``.

Such a sentence tells no event of its own: it names the host of the visit told before it,
and the officials beside him. ``kg.extract`` adds them to the article's latest visit.
"""

from __future__ import annotations

from kg.arabic.tokens import Token, bare_forms
from kg.extract.events.lexicon import words
from kg.extract.events.refs import ActorRef
from kg.model import Mention

_RECEIVED_NOUNS = words("RECEIVED_NOUNS")  # استقباله …
_RECEIVED_VERBS = words("RECEIVED_VERBS")  # استقبله …
_ARRIVAL = words("ARRIVAL")  # وصوله …
_WAS = words("WAS")  # كان وكان …


def receivers_at(tokens: list[Token], k: int) -> bool:
    """Token ``k`` opens a list of who received the visitor."""
    if "استقبل" not in tokens[k].norm and "استقبال" not in tokens[k].norm:
        return False  # every word of every sentence comes here: the cheap test first
    stem = bare_forms(tokens[k].norm)[-1][1]
    if stem in _RECEIVED_NOUNS:
        return (
            k > 0
            and tokens[k - 1].norm in ("في", "وفي")
            and any(tokens[j].norm in _WAS for j in range(max(0, k - 3), k - 1))
        )
    if tokens[k].norm in _RECEIVED_VERBS or stem in _RECEIVED_VERBS:
        return any(
            bare_forms(tokens[j].norm)[-1][1] in _ARRIVAL for j in range(k + 1, min(len(tokens), k + 4))
        )
    return False


def receiver_roles(
    tokens: list[Token], k: int, actors: list[ActorRef], mentions: list[Mention]
) -> list[tuple[int, str]]:
    """The first person after ``k`` is the host, the others listed with him attendees."""
    people = [a for a in actors if a.first > k and mentions[a.mention].kind == "person"]
    return [(a.mention, "host" if n == 0 else "attendee") for n, a in enumerate(people)]
