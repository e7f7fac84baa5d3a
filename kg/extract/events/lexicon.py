"""The trigger lexicon and word sets of the event rules, read once from the data files
beside this module: ``triggers.tsv`` (verb and noun triggers: type, roles, forms) and
``words.tsv`` (named word sets: meeting nouns, negations, prepositions, …). Every word is
normalised as token norms are (``kg.arabic.normalize``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from kg.arabic.normalize import normalize


@dataclass(frozen=True)
class Trigger:
    type: str
    subject_role: str
    object_role: str
    needs_object_noun: frozenset[str] = frozenset()  # ``عقد`` counts only before ``اجتماعا``
    nominal: bool = False
    # The event may stand with no named party (``القمة التي عقدت بشرم الشيخ``, ``للتوقيع على
    # البروتوكول``): the text names none, but the event is specific (a place, a date, one document).
    actorless: bool = False


@dataclass(frozen=True)
class TriggerRow:
    """One row of ``triggers.tsv``: its trigger and its normalised forms, as written."""

    line: int
    trigger: Trigger
    forms: tuple[str, ...]  # normalised, in file order
    written: tuple[str, ...]  # as in the file (``@NAME`` expanded)


def _lines(name: str) -> list[tuple[int, list[str]]]:
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return [
        (n, line.split("\t"))
        for n, line in enumerate(text.splitlines(), 1)
        if line.strip() and not line.startswith("#")
    ]


@cache
def word_sets() -> dict[str, frozenset[str]]:
    """Every set of ``words.tsv`` by name, normalised."""
    out: dict[str, frozenset[str]] = {}
    for n, cols in _lines("words.tsv"):
        if len(cols) != 2 or cols[0] in out:
            raise ValueError(f"words.tsv line {n}: want one name<TAB>words row per set")
        out[cols[0]] = frozenset(normalize(w) for w in cols[1].split())
    return out


def words(name: str) -> frozenset[str]:
    """One set of ``words.tsv``; a name it lacks is an error, not an empty set."""
    return word_sets()[name]


@cache
def trigger_rows() -> tuple[TriggerRow, ...]:
    """The rows of ``triggers.tsv`` in file order."""
    rows = []
    for n, cols in _lines("triggers.tsv"):
        if len(cols) != 6:
            raise ValueError(f"triggers.tsv line {n}: want 6 tab-separated columns, got {len(cols)}")
        type_, subject_role, object_role, needs, nominal, forms = cols
        if nominal not in ("yes", "no"):
            raise ValueError(f"triggers.tsv line {n}: nominal is yes or no, not {nominal!r}")
        written = tuple(
            w for f in forms.split() for w in (sorted(words(f[1:])) if f.startswith("@") else (f,))
        )
        trigger = Trigger(
            type_,
            subject_role,
            object_role,
            needs_object_noun=frozenset() if needs == "-" else words(needs),
            nominal=nominal == "yes",
        )
        rows.append(TriggerRow(n, trigger, tuple(normalize(w) for w in written), written))
    return tuple(rows)


@cache
def verb_triggers() -> dict[str, Trigger]:
    """Verb stems (past and present, normalised) → trigger; a later row wins a shared form."""
    return {form: row.trigger for row in trigger_rows() if not row.trigger.nominal for form in row.forms}


@cache
def noun_trigger(type_: str) -> tuple[Trigger, frozenset[str]]:
    """The noun trigger of an event type and its forms."""
    (row,) = [r for r in trigger_rows() if r.trigger.nominal and r.trigger.type == type_]
    return row.trigger, frozenset(row.forms)
