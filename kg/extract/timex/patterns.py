"""Regular-expression pieces shared by the rules, all in the normalised spelling.

Matching runs on ``normalize(text)``, so patterns are written as people spell the
words and folded here with the same function (أ→ا, ى→ي, ة→ه).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kg.arabic.normalize import normalize
from kg.extract.timex import lexicon as lx


def alt(words: Iterable[str]) -> str:
    """Alternation, longest first so ``مايو`` wins over ``ماي``; spaces match any run of spaces."""
    uniq = sorted({normalize(w) for w in words}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in uniq)


def n(pattern: str) -> str:
    """Fold the Arabic letters of a pattern; regex syntax is ASCII and passes unchanged."""
    return normalize(pattern)


B = r"(?<!\w)"  # word start
E = r"(?!\w)"  # word end
# Proclitics before a time word: و/ف (and, so), and ب/ل/ك (in, for, as) before the article;
# ``للعام`` is ل + العام with one alef dropped, hence ``ل(?=ل)`` and ART's ``(?<=ل)ل``.
CLITIC = r"(?:[وف](?=\w))?(?:[بلك](?=ال)|ل(?=ل))?"
ART = r"(?:ال|(?<=ل)ل)"
SP = r"\s+"

TOD = f"(?:{alt(lx.TIMES_OF_DAY)})"
WD_STEM = f"(?:{alt(lx.WEEKDAY_STEMS)})"
# الأحد عشر is "eleven", not Sunday.
WD = ART + WD_STEM + r"(?!\s+عشر)" + E
DIR = f"(?:{alt(lx.DIRECTIONS)}){E}"
MONTH = f"(?:{alt(lx.ALL_MONTHS)}){E}"
_MARK_WORDS = ("م", "هـ", "ه", "هجري", "هجرية", "ميلادي", "ميلادية", "للهجرة", "للميلاد", "ق.م")
MARK = rf"(?:(?:{alt(_MARK_WORDS)}){E}|و\s*\.\s*ر{E}\.?|م\s*\.\s*و\s*\.\s*ر{E}\.?)"
RANGE_SEP = n(r"\s*(?:-|–|—|إلى|حتى|ولغاية|لغاية|و)\s*")
RANGE_LEAD = n(r"(?:(?:في|خلال)\s+)?(?:ال)?فترة\s+(?:من|بين|ما\s+بين)|(?:ما\s+)?بين|من")
NUMWORD = (
    f"(?:(?:{alt(lx.NUMBER_TEENS)})|(?:{alt(lx.NUMBER_UNITS)})(?:\\s+و\\s*(?:{alt(lx.NUMBER_TENS)}))?"
    f"|(?:{alt(lx.NUMBER_TENS)})){E}"
)
VAGUE_COUNT = f"(?:{alt(lx.VAGUE_COUNTS)}){E}"
UNIT = f"(?:{alt(lx.UNIT_WORDS)}){E}"

HIJRI_MARKS = frozenset(n(w) for w in ("هـ", "ه", "هجري", "هجرية", "للهجرة"))
GREGORIAN_MARKS = frozenset(n(w) for w in ("م", "ميلادي", "ميلادية", "للميلاد"))


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
    if m in ("ور", "موور"):
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
