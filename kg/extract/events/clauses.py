"""Where the forward scans of a sentence stop: clause, attendance-list and content ends,
computed once per sentence."""

from __future__ import annotations

from dataclasses import dataclass

from kg.arabic.tokens import Token
from kg.lexicon.triggers import words

_CLAUSE_END = words("CLAUSE_END")
_ATTENDANCE_END = words("ATTENDANCE_END")
_CONTENT_START = words("CONTENT_START")
_CLAUSE_OPENERS = words("CLAUSE_OPENERS")


@dataclass(frozen=True)
class Ends:
    """Where each forward scan of a sentence stops, for every start position ``i``
    (``len(tokens)`` when nothing stops it), from one backward pass over the sentence: a
    trigger in each clause of an unpunctuated sentence of hundreds of words would
    otherwise rescan the rest of it, the square of its length.

    ``clause[i]``: the first clause end at ``i`` or after (punctuation, ``وذلك``, …) or a
    trigger joined by ``و`` after ``i``; ``attendance[i]``: the end of an attendance list
    starting at ``i``; ``content[i]``: the first ``أن``/``إن``/colon at ``i`` or after.
    """

    clause: list[int]
    attendance: list[int]
    content: list[int]


def scan_ends(tokens: list[Token], triggers: set[int]) -> Ends:
    """The ``Ends`` of a sentence whose triggers stand at the token indexes ``triggers``."""
    n = len(tokens)
    stop, joined, att, content = ([n] * (n + 2) for _ in range(4))
    for k in range(n - 1, -1, -1):
        norm = tokens[k].norm
        stop[k] = k if norm in _CLAUSE_END else stop[k + 1]
        # ``واستقبل``, ``وسوف يجري``, ``ثم التقى``: a trigger that opens a clause of its own.
        opens = norm[0] == "و" or (k > 0 and tokens[k - 1].norm in _CLAUSE_OPENERS)
        joined[k] = k if k in triggers and opens else joined[k + 1]
        att[k] = k if norm in _ATTENDANCE_END else att[k + 1]
        content[k] = k if norm in _CONTENT_START else content[k + 1]
    # A trigger at the start itself does not end its own clause: hence ``joined[i + 1]``.
    clause = [min(stop[i], joined[i + 1]) for i in range(n + 1)]
    return Ends(clause, att[: n + 1], content[: n + 1])
