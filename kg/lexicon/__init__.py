"""The one home of Hadath's Arabic language data: every word list the stages use.

Word lists live in ``lists/*.tsv`` beside this module, one named list per row::

    # Heads of a post: the word that starts a title (وزير الدفاع التركي).
    TITLE_HEADS	وزير وزيرة وكيل @SHARED_POSTS

- entries are separated by spaces; ``_`` joins the words of a multi-word entry
  (``خادم_الحرمين_الشريفين``); ``@NAME`` includes another list, so a group of words
  shared by two lists is written once;
- ``NAME.KEY`` rows make a keyed group (``GREGORIAN_MONTHS.1	يناير كانون_الثاني``),
  read with :func:`groups`;
- a name is defined once across all files (loading fails otherwise), and the comment
  line before a row says what the list is for.

Entries are normalised on loading (``kg.arabic.normalize``: one alef, ي for ى, ه for ة), as
token norms are; :func:`raw` gives them as written. The time tagger reads some lists as
phrases of a regex (``kg.extract.timex.patterns.phrases``): there ``(…)`` marks an optional
part, so ``أول_(من_)أمس`` is أول أمس and أول من أمس; no other regex syntax is allowed.
Large tables (name statistics, the known-name list) are files under ``tables/``, read with
:func:`table_lines`.

This package imports nothing of the pipeline but ``kg.arabic.normalize``, so every stage
(ingest, extract, resolve, pages) may import it without a circle.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from kg.arabic.normalize import normalize

__all__ = [
    "LexiconError",
    "groups",
    "inverse",
    "list_names",
    "ordered",
    "raw",
    "raw_groups",
    "table_lines",
    "words",
]


class LexiconError(ValueError):
    """A data file of the lexicon is malformed, or a list it lacks was asked for."""


@dataclass(frozen=True)
class _Row:
    file: str
    line: int
    name: str  # NAME or NAME.KEY
    entries: tuple[str, ...]  # as written, ``@REF`` kept


@cache
def _rows() -> dict[str, _Row]:
    out: dict[str, _Row] = {}
    folder = resources.files(__package__).joinpath("lists")
    for path in sorted((p for p in folder.iterdir() if p.name.endswith(".tsv")), key=lambda p: p.name):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            where = f"kg/lexicon/lists/{path.name} line {n}"
            if len(cols) != 2 or not cols[0].strip():
                raise LexiconError(f"{where}: want one NAME<TAB>entries row")
            name = cols[0].strip()
            if name in out:
                first = out[name]
                raise LexiconError(f"{where}: {name} is already defined in {first.file} line {first.line}")
            out[name] = _Row(path.name, n, name, tuple(cols[1].split()))
    return out


def list_names() -> tuple[str, ...]:
    """Every list name, keyed rows as ``NAME.KEY``, in file order."""
    return tuple(_rows())


def _row(name: str) -> _Row:
    try:
        return _rows()[name]
    except KeyError:
        raise LexiconError(f"no word list {name!r} in kg/lexicon/lists/*.tsv") from None


@cache
def raw(name: str) -> tuple[str, ...]:
    """A list's entries as written (``_`` read as a space, ``@`` lists expanded), in file order."""
    return _expand(name, ())


def _expand(name: str, seen: tuple[str, ...]) -> tuple[str, ...]:
    if name in seen:
        raise LexiconError(f"word list {name} includes itself: {' → '.join((*seen, name))}")
    out: list[str] = []
    for entry in _row(name).entries:
        if entry.startswith("@"):
            out.extend(_expand(entry[1:], (*seen, name)))
        else:
            out.append(entry.replace("_", " "))
    return tuple(dict.fromkeys(out))


@cache
def ordered(name: str) -> tuple[str, ...]:
    """A list's entries normalised, in file order, each once."""
    return tuple(dict.fromkeys(normalize(e) for e in raw(name)))


@cache
def words(name: str) -> frozenset[str]:
    """A list's entries normalised, as a set: the usual lookup."""
    return frozenset(ordered(name))


@cache
def groups(name: str) -> dict[str, frozenset[str]]:
    """The keyed rows ``NAME.KEY`` of a group: key → normalised entries."""
    prefix = name + "."
    out = {full[len(prefix) :]: words(full) for full in _rows() if full.startswith(prefix)}
    if not out:
        raise LexiconError(f"no keyed rows {name}.KEY in kg/lexicon/lists/*.tsv")
    return out


@cache
def raw_groups(name: str) -> dict[str, tuple[str, ...]]:
    """The keyed rows ``NAME.KEY`` of a group as written (see :func:`raw`), in file order."""
    prefix = name + "."
    out = {full[len(prefix) :]: raw(full) for full in _rows() if full.startswith(prefix)}
    if not out:
        raise LexiconError(f"no keyed rows {name}.KEY in kg/lexicon/lists/*.tsv")
    return out


@cache
def inverse(name: str) -> dict[str, str]:
    """A keyed group read backwards: normalised entry → its key (a later row wins)."""
    return {entry: key for key, entries in groups(name).items() for entry in entries}


def table_lines(filename: str) -> list[str]:
    """The non-comment, non-blank lines of a large table under ``tables/``."""
    text = resources.files(__package__).joinpath("tables").joinpath(filename).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
