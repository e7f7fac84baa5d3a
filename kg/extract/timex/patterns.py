"""Regular-expression pieces shared by the rules, all in the normalised spelling.

Matching runs on ``normalize(text)``, so patterns are written as people spell the
words and folded here with the same function (أ→ا, ى→ي, ة→ه).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kg import lexicon
from kg.arabic.normalize import normalize
from kg.extract.timex import lexicon as lx


def alt(words: Iterable[str]) -> str:
    """Alternation, longest first so ``مايو`` wins over ``ماي``; spaces match any run of spaces."""
    uniq = sorted({normalize(w) for w in words}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in uniq)


def phrases(name: str) -> str:
    r"""A word list as an alternation in its written order, the words as written (``n`` folds
    them): a space matches any run of spaces and a part in brackets may be left out, so the
    entry ``أول_(من_)أمس`` reads ``أول\s+(?:من\s+)?أمس``. Entries are letters: nothing is escaped."""
    return "|".join(_phrase(entry) for entry in lexicon.raw(name))


_REGEX_SYNTAX = ".^$*+?{}[]\\|"  # what a phrase may not hold: it is not escaped


def _phrase(entry: str) -> str:
    if set(entry) & set(_REGEX_SYNTAX):
        raise lexicon.LexiconError(f"{entry!r}: a phrase is words, spaces and brackets, not a regex")
    return entry.replace(" ", r"\s+").replace("(", "(?:").replace(")", ")?")


def letters(name: str) -> str:
    """A list of one-letter affixes as the inside of a character class (``[وف]``)."""
    return "".join(lexicon.raw(name))


def n(pattern: str) -> str:
    """Fold the Arabic letters of a pattern; regex syntax is ASCII and passes unchanged."""
    return normalize(pattern)


B = r"(?<!\w)"  # word start
E = r"(?!\w)"  # word end
# Proclitics before a time word: و/ف (and, so), and ب/ل/ك (in, for, as) before the article;
# ``للعام`` is ل + العام with one alef dropped, hence ``ل(?=ل)`` and ART's ``(?<=ل)ل``.
CONJ = letters("PROCLITIC_CONJUNCTIONS")
PREP = letters("PROCLITIC_PREPOSITIONS")
CLITIC = rf"(?:[{CONJ}](?=\w))?(?:[{PREP}](?=ال)|ل(?=ل))?"
ART = r"(?:ال|(?<=ل)ل)"
AL = r"(?:ال)?"  # an article that may be left out
SP = r"\s+"

TOD = f"(?:{alt(lx.TIMES_OF_DAY)})"
WD_STEM = f"(?:{alt(lx.WEEKDAY_STEMS)})"
# الأحد عشر is "eleven", not Sunday.
WD = ART + WD_STEM + r"(?!\s+عشر)" + E
DIR = f"(?:{alt(lx.DIRECTIONS)}){E}"
MONTH = f"(?:{alt(lx.ALL_MONTHS)}){E}"
_MARKS = alt(lexicon.raw("CALENDAR_MARKS"))
MARK = rf"(?:(?:{_MARKS}){E}|و\s*\.\s*ر{E}\.?|م\s*\.\s*و\s*\.\s*ر{E}\.?)"
RANGE_SEP = n(rf"\s*(?:-|–|—|{phrases('RANGE_SEPARATOR_WORDS')})\s*")
RANGE_LEAD = n(
    rf"(?:(?:{phrases('PERIOD_LEAD_PREPOSITIONS')})\s+)?(?:ال)?فترة\s+(?:{phrases('RANGE_STARTS')})"
    rf"|{phrases('RANGE_LEADS')}"
)
NUMWORD = (
    f"(?:(?:{alt(lx.NUMBER_TEENS)})|(?:{alt(lx.NUMBER_UNITS)})(?:\\s+و\\s*(?:{alt(lx.NUMBER_TENS)}))?"
    f"|(?:{alt(lx.NUMBER_TENS)})){E}"
)
VAGUE_COUNT = f"(?:{alt(lx.VAGUE_COUNTS)}){E}"
UNIT = f"(?:{alt(lx.UNIT_WORDS)}){E}"

HIJRI_MARKS = lexicon.words("HIJRI_MARKS")
GREGORIAN_MARKS = lexicon.words("GREGORIAN_MARKS")
LIBYAN_ERA_MARKS = lexicon.words("LIBYAN_ERA_MARKS")


def squash(s: str) -> str:
    """One space between words, for dictionary lookups of a matched phrase."""
    return " ".join(s.split())


def mark_calendar(mark: str | None) -> str | None:
    if not mark:
        return None
    m = re.sub(r"[\s.]", "", mark)
    if m in HIJRI_MARKS:
        return "hijri"
    if m in GREGORIAN_MARKS:
        return "gregorian"
    if m in LIBYAN_ERA_MARKS:
        return "libyan"
    return "bc" if m == n("قم") else None


def strip_article(word: str) -> str:
    """``الجمعه`` → ``جمعه``; also the ``ل`` left of ``لليوم`` once its clitic is cut off."""
    if word.startswith("ال"):
        return word[2:]
    return word[1:] if word.startswith("ل") else word


def parse_number(s: str) -> int | None:
    """``3``, ``ثلاثة``, ``خمسة عشر``, ``خمسة وعشرين`` → int; vague counts → None."""
    s = squash(s)
    if s.isdigit():
        return int(s)
    if s in lx.NUMBER_TEENS:
        return lx.NUMBER_TEENS[s]
    total = 0
    for part in re.split(r"\s+و\s*", s):
        value = lx.NUMBER_UNITS.get(part, lx.NUMBER_TENS.get(part))
        if value is None:
            return None
        total += value
    return total
