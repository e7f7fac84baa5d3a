"""The trigger lexicon and word sets of the event rules, read once from the lexicon's data:
``kg/lexicon/tables/triggers.tsv`` (verb and noun triggers: type, roles, forms) and the lists of
``kg/lexicon/lists/events.tsv`` (named word sets: meeting nouns, negations, prepositions, …,
read with ``kg.lexicon.words``). Every word is normalised as token norms are
(``kg.arabic.normalize``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from kg import lexicon
from kg.arabic.normalize import normalize
from kg.model import EventType, RoleName, event_type, role_name


@dataclass(frozen=True)
class Trigger:
    type: EventType
    subject_role: RoleName
    object_role: RoleName
    needs_object_noun: frozenset[str] = frozenset()  # ``عقد`` counts only before ``اجتماعا``
    # ``أجراها`` counts only after the talks its pronoun stands for (``المباحثات التي أجراها``):
    # after an investigation or a study (``التحقيقات التي أجرتها النيابة``) it tells no meeting.
    needs_noun_before: frozenset[str] = frozenset()
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


def word_sets() -> dict[str, frozenset[str]]:
    """Every set of ``kg/lexicon/lists/events.tsv`` by name, normalised."""
    return {name: lexicon.words(name) for name in _event_list_names()}


@cache
def _event_list_names() -> tuple[str, ...]:
    text = resources.files("kg.lexicon").joinpath("lists").joinpath("events.tsv").read_text(encoding="utf-8")
    return tuple(
        line.split("\t")[0] for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def words(name: str) -> frozenset[str]:
    """One word list of the lexicon (``kg.lexicon.words``); a name it lacks is an error."""
    return lexicon.words(name)


def _table(name: str) -> list[tuple[int, str]]:
    """The numbered non-comment lines of a table under ``kg/lexicon/tables`` (numbers for errors)."""
    text = resources.files("kg.lexicon").joinpath("tables").joinpath(name).read_text(encoding="utf-8")
    return [
        (n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip() and not line.startswith("#")
    ]


@cache
def trigger_rows() -> tuple[TriggerRow, ...]:
    """The rows of ``triggers.tsv`` in file order."""
    rows = []
    for n, line in _table("triggers.tsv"):
        cols = line.split("\t")
        if len(cols) != 6:
            raise ValueError(f"triggers.tsv line {n}: want 6 tab-separated columns, got {len(cols)}")
        type_, subject_role, object_role, needs, nominal, forms = cols
        if nominal not in ("yes", "no"):
            raise ValueError(f"triggers.tsv line {n}: nominal is yes or no, not {nominal!r}")
        written = tuple(
            w for f in forms.split() for w in (sorted(lexicon.words(f[1:])) if f.startswith("@") else (f,))
        )
        try:
            typed = (event_type(type_), role_name(subject_role), role_name(object_role))
        except ValueError as e:
            raise ValueError(f"triggers.tsv line {n}: {e}") from None
        before = needs.startswith("<")
        needed = frozenset() if needs == "-" else lexicon.words(needs.removeprefix("<"))
        trigger = Trigger(
            *typed,
            needs_object_noun=frozenset() if before else needed,
            needs_noun_before=needed if before else frozenset(),
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


def is_trigger_word(norm: str) -> bool:
    """A known trigger verb, with its future prefix or a dual/plural ending (``أكدا``)."""
    verbs = verb_triggers()
    return any(form in verbs for form in (norm, norm[1:] if norm[:1] == "س" else norm, norm[:-1], norm[:-2]))
