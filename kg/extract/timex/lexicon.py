"""Words that name times in Arabic news, keyed by their normalised form.

The words are data (``kg/lexicon/lists/timex.tsv``), written the way people spell them and
folded with ``kg.arabic.normalize.normalize`` on loading, so lookups work on the matching
form (one alef, ي for ى, ه for ة). This module gives them the shapes the rules use.
"""

from __future__ import annotations

from kg import lexicon
from kg.arabic.normalize import normalize


def _numbered(name: str) -> dict[str, int]:
    """A keyed group whose keys are numbers (``GREGORIAN_MONTHS.1``): normalised word → number."""
    return {word: int(key) for key in lexicon.groups(name) for word in lexicon.ordered(f"{name}.{key}")}


def _keyed(name: str) -> dict[str, str]:
    """A keyed group whose keys are names (``DIRECTIONS.past``): normalised word → key."""
    return {word: key for key in lexicon.groups(name) for word in lexicon.ordered(f"{name}.{key}")}


# Standard (Egypt, Gulf), Levantine/Iraqi (Syriac names), Algerian/Tunisian (French) and
# Moroccan spellings. They all name the same twelve Gregorian months.
GREGORIAN_MONTHS: dict[str, int] = _numbered("GREGORIAN_MONTHS") | _numbered("GREGORIAN_MONTH_VARIANTS")

# Libya 1986-2011: Gregorian months under new names, mostly ordinary words, so they count
# as months only in a date context (see ``STRICT_MONTHS``).
LIBYAN_MONTHS: dict[str, int] = _numbered("LIBYAN_MONTHS") | _numbered("LIBYAN_MONTH_VARIANTS")

HIJRI_MONTHS: dict[str, int] = _numbered("HIJRI_MONTHS")

# Month names that are also common words or names (مارس "practised", نيسان, رمضان).
# Libyan names are stricter still: see ``LIBYAN_MONTHS``.
AMBIGUOUS_MONTHS: frozenset[str] = lexicon.words("AMBIGUOUS_MONTHS")
# Never a month on a preposition alone: ``في صفر`` is "at zero" as often as not.
STRICT_MONTHS: frozenset[str] = frozenset({normalize("صفر")}) | frozenset(LIBYAN_MONTHS)

ALL_MONTHS: frozenset[str] = frozenset(GREGORIAN_MONTHS) | frozenset(LIBYAN_MONTHS) | frozenset(HIJRI_MONTHS)

# Weekday stems without the article (0 = Monday, as ``date.weekday()``).
WEEKDAY_STEMS: dict[str, int] = _numbered("WEEKDAY_STEMS")
WEEKDAY_NAMES_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Normalised direction word → "past", "future" or "present".
DIRECTIONS: dict[str, str] = _keyed("DIRECTIONS")
# "Last"-words that only mean "past" after a plural (الأيام الأخيرة), not after a month;
# and the dual/plural "next" words, never a month's direction.
PLURAL_ONLY_PAST: frozenset[str] = lexicon.words("PAST_AFTER_PLURAL") | lexicon.words("FUTURE_AFTER_PLURAL")

# Time of day written before a day: kept in the span, the date is the day's.
TIMES_OF_DAY: tuple[str, ...] = lexicon.ordered("TIMES_OF_DAY")

# Where in a period: the thirds of the span a vague "early/mid/late" covers.
PERIOD_PARTS: dict[str, int] = _numbered("PERIOD_PARTS")

# Words before a bare month name that make it a month (``في مارس``, not ``مارس الضغط``).
TIME_PREPOSITIONS: frozenset[str] = lexicon.words("TIME_PREPOSITIONS") | frozenset(PERIOD_PARTS)

# Cardinal number words (both genders) → value; a teen is a unit (3-9) and a word of ten.
_UNITS = {word: int(key) for key, words in lexicon.raw_groups("NUMBER_UNITS").items() for word in words}
_TEENS = {word: int(key) for key, words in lexicon.raw_groups("NUMBER_TEENS").items() for word in words}
for _w, _v in list(_UNITS.items()):
    if _v >= 3:
        for _ten in lexicon.raw("NUMBER_TENS.10"):
            _TEENS[f"{_w} {_ten}"] = 10 + _v
NUMBER_UNITS: dict[str, int] = _numbered("NUMBER_UNITS")
NUMBER_TENS: dict[str, int] = _numbered("NUMBER_TENS")
NUMBER_TEENS: dict[str, int] = {normalize(k): v for k, v in _TEENS.items()}
# "A few", "several": a count we cannot know.
VAGUE_COUNTS: frozenset[str] = lexicon.words("VAGUE_COUNTS")

# Unit words: normalised form → (unit, count the word itself carries).
# Duals carry 2 (أسبوعين = two weeks); plurals carry no count; singulars carry 1.
UNIT_DESIGNATOR: dict[str, str] = {
    "day": "D",
    "week": "W",
    "month": "M",
    "year": "Y",
    "decade": "10Y",
    "hour": "H",
    "minute": "MIN",
}  # ISO 8601 designators
UNIT_WORDS: dict[str, tuple[str, int | None]] = {}
for _unit in UNIT_DESIGNATOR:
    for _forms, _count in (("UNIT_SINGULARS", 1), ("UNIT_DUALS", 2), ("UNIT_PLURALS", None)):
        for _w in lexicon.ordered(f"{_forms}.{_unit}"):
            UNIT_WORDS[_w] = (_unit, _count)
DUAL_UNITS: frozenset[str] = frozenset(w for w, (_, count) in UNIT_WORDS.items() if count == 2)

# Decade words: ``التسعينيات`` (the nineties) → 9, made of the oblique tens (تسعين).
DECADES: dict[str, int] = {}
for _tens in range(20, 100, 10):
    for _stem in (w for w in lexicon.raw(f"NUMBER_TENS.{_tens}") if w.endswith("ين")):
        for _suffix in lexicon.raw("DECADE_SUFFIXES"):
            DECADES[normalize(_stem + _suffix)] = _tens // 10

# Weekday-set and frequency adverbs.
FREQUENCY_ADVERBS: dict[str, str] = _keyed("FREQUENCY_ADVERBS")

# Ordinal days before ``من <month>``: الرابع من يوليو, الحادي والعشرين من مارس; غرة = the 1st.
_ORDINAL_UNITS = {word: int(k) for k, words in lexicon.raw_groups("ORDINAL_UNITS").items() for word in words}
_ORDINAL_TENS = {word: int(k) for k, words in lexicon.raw_groups("ORDINAL_TENS").items() for word in words}
_ORDINALS = dict(_ORDINAL_UNITS) | _ORDINAL_TENS | {"غرة": 1}
for _w, _v in _ORDINAL_UNITS.items():
    if _w != "الأول":
        _ORDINALS[f"{_w} عشر"] = 10 + _v
    for _tens_word, _tens in _ORDINAL_TENS.items():
        if _tens >= 20 and _tens + _v <= 31 and _w != "الأول":
            _ORDINALS[f"{_w} و{_tens_word}"] = _tens + _v
del _ORDINALS["الحادي"]
ORDINAL_DAYS: dict[str, int] = {normalize(k): v for k, v in _ORDINALS.items()}
