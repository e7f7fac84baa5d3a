"""The event rules' data files: ``kg/lexicon/tables/triggers.tsv`` and ``kg/lexicon/lists/events.tsv``."""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from importlib import resources
from pathlib import Path

import pytest

from kg.arabic.normalize import normalize
from kg.lexicon.triggers import is_trigger_word, noun_trigger, trigger_rows, verb_triggers, word_sets, words

_PACKAGE = Path(resources.files("kg.extract.events"))
_LEXICON = Path(resources.files("kg.lexicon"))
_TYPES = {"Meeting", "Visit", "Call", "Agreement", "Statement"}


def test_data_files_load():
    rows = trigger_rows()
    assert len(rows) >= 10
    assert {r.trigger.type for r in rows} == _TYPES
    sets = word_sets()
    assert all(sets.values()), [name for name, ws in sets.items() if not ws]
    assert len(verb_triggers()) >= 60
    assert noun_trigger("Visit")[0].nominal and noun_trigger("Agreement")[0].nominal


def test_every_trigger_form_normalises_to_a_stem():
    for row in trigger_rows():
        assert row.forms, f"triggers.tsv line {row.line}: no forms"
        for written, form in zip(row.written, row.forms, strict=True):
            assert form and form == normalize(written), (row.line, written)
            assert " " not in form and "\t" not in form


def test_verb_forms_are_trigger_words():
    for form in verb_triggers():
        assert is_trigger_word(form), form


def test_no_form_has_two_types():
    types = defaultdict(set)
    for row in trigger_rows():
        for form in row.forms:
            types[form].add(row.trigger.type)
    assert not {f: t for f, t in types.items() if len(t) > 1}


def test_needs_and_noun_forms_name_word_sets():
    text = (_LEXICON / "tables" / "triggers.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        assert len(cols) == 6, line
        if cols[3] != "-":
            assert cols[3].removeprefix("<") in word_sets(), cols[3]  # <LIST: nouns before the verb
        refs = [f[1:] for f in cols[5].split() if f.startswith("@")]
        assert all(r in word_sets() for r in refs), refs


def test_every_word_set_named_in_the_code_exists():
    named: set[str] = set()
    for path in sorted(_PACKAGE.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("words", "noun_trigger")
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                named.add(node.args[0].value)
    named -= _TYPES  # noun_trigger("Visit") names a trigger type, not a set
    assert named, "no words(...) calls found"
    missing = named - set(word_sets())
    assert not missing, missing
    for name in named:
        assert words(name)


def test_word_sets_are_normalised_and_unique():
    text = (_LEXICON / "lists" / "events.tsv").read_text(encoding="utf-8")
    names = [line.split("\t")[0] for line in text.splitlines() if line.strip() and not line.startswith("#")]
    assert len(names) == len(set(names))
    assert all(re.fullmatch(r"[A-Z_]+", n) for n in names), names
    for ws in word_sets().values():
        assert all(w and w == normalize(w) for w in ws)


def test_a_trigger_row_of_an_unknown_type_or_role_names_its_line(monkeypatch):
    """The trigger table is typed where it is read: a misspelt type or role is an error naming
    the row, not a string that matches no rule downstream."""
    from kg.lexicon import triggers

    for row, wanted in (
        ("Meetng\thost\tguest\t-\tno\tاستقبل", "unknown event type 'Meetng'"),
        ("Meeting\thots\tguest\t-\tno\tاستقبل", "unknown role 'hots'"),
    ):
        monkeypatch.setattr(triggers, "_table", lambda name, row=row: [(7, row)])
        with pytest.raises(ValueError, match=f"triggers.tsv line 7: {wanted}"):
            triggers.trigger_rows.__wrapped__()
