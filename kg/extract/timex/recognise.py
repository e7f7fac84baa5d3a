"""``find_times``: every rule over the normalised text, longest match wins, then ranges
(``من 3 يوليو إلى 5 أغسطس``) and early/mid/late (``أواخر يوليو``) are joined, and
spans are mapped back to the original text."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import replace
from datetime import date

from kg import lexicon
from kg.arabic.normalize import normalize_with_map, to_original
from kg.extract.timex import lexicon as lx
from kg.extract.timex import resolve as rs
from kg.extract.timex.patterns import CONJ, PREP, RANGE_LEAD, RANGE_SEP, alt, n
from kg.extract.timex.rules import RULES, Ctx, Found, narrow
from kg.model import TimeExpression


def find_times(text: str, dct: date | None) -> list[TimeExpression]:
    """Time expressions in ``text``, sorted, non-overlapping, with offsets into ``text``.

    ``dct`` is the article's date; relative expressions (اليوم, الشهر الماضي, 3 يوليو)
    are resolved against it, or left unresolved (value None) when it is None.
    """
    norm, index = normalize_with_map(text)
    ctx = Ctx(norm, dct)
    found: list[Found] = []
    windows = _windows(norm)
    for priority, (pattern, reader) in enumerate(RULES):
        for start, end in windows:
            for m in pattern.finditer(norm, start, end):
                got = reader(m, ctx)
                if got is not None and got.end > got.start:
                    found.append(replace(got, priority=priority))
    chosen = _longest_first(found)
    chosen = _join_ranges(chosen, norm, dct)
    chosen = _join_parts(chosen, norm)
    return [_to_text(f, text, index) for f in chosen]


# Every rule needs a digit or one of these words; the rules run only on the text around
# them (most of an article has no date), which keeps the tagger a small share of a build.
_ANCHOR_WORDS = sorted(
    {
        *lx.ALL_MONTHS,
        *lx.WEEKDAY_STEMS,
        *lx.DIRECTIONS,
        *lx.UNIT_WORDS,
        *lx.DECADES,
        *lx.FREQUENCY_ADVERBS,
        *lx.PERIOD_PARTS,
        *lexicon.words("ANCHOR_TIME_WORDS"),
    },
    key=len,
    reverse=True,
)
_PROCLITICS = rf"(?<!\w)(?:[{CONJ}]?[{PREP}]?(?:ال|ل)?)"
_SUFFIXES = "|".join(lexicon.raw("ANCHOR_SUFFIXES"))
_LONG = [w.removeprefix("ال") if len(w) > 5 else w for w in _ANCHOR_WORDS if len(w) > 3]
_SHORT = [w for w in _ANCHOR_WORDS if 0 < len(w) <= 3]
_ANCHOR = re.compile(
    # Digits anchor only as a year or a numeric date: a day number always has a month or
    # a unit word within the margin, which anchors it.
    r"(?<!\d)(?:1[3-4]\d\d|19\d\d|20\d\d)(?!\d)|\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}|\d{1,2}[/-]\d{4}"
    + rf"|{_PROCLITICS}(?:{'|'.join(map(re.escape, _LONG))})(?:{_SUFFIXES})?(?!\w)"
    + rf"|{_PROCLITICS}(?:{'|'.join(map(re.escape, _SHORT))})(?!\w)"
)
_MARGIN = 30  # characters of context on each side: more than any expression spans


def _windows(norm: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for m in _ANCHOR.finditer(norm):
        start = max(0, m.start() - _MARGIN)
        end = min(len(norm), m.end() + _MARGIN)
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    # Windows end at a space so that no word is cut (a match never sees half a word).
    out = []
    for start, end in spans:
        while start > 0 and not norm[start - 1].isspace():
            start -= 1
        while end < len(norm) and not norm[end].isspace():
            end += 1
        out.append((start, end))
    return out


def _longest_first(found: list[Found]) -> list[Found]:
    taken: list[Found] = []
    starts: list[int] = []  # of ``taken`` sorted by start (they never overlap)
    for f in sorted(found, key=lambda f: (f.start - f.end, f.start, f.priority)):
        k = bisect_left(starts, f.start)
        if (k > 0 and taken[k - 1].end > f.start) or (k < len(taken) and taken[k].start < f.end):
            continue
        taken.insert(k, f)
        starts.insert(k, f.start)
    return taken


_LEAD_BEFORE = re.compile(n(rf"(?<!\w)(?:[وف])?(?P<lead>{RANGE_LEAD})\s+$"))
_SEP_ONLY = re.compile(n(rf"^{RANGE_SEP}$"))


def _join_ranges(found: list[Found], norm: str, dct: date | None) -> list[Found]:
    """``من <date> إلى <date>`` and ``بين <date> و<date>``: one range from two dates."""
    out: list[Found] = []
    i = 0
    while i < len(found):
        a = found[i]
        b = found[i + 1] if i + 1 < len(found) else None
        lead = _LEAD_BEFORE.search(norm[max(0, a.start - 30) : a.start])
        if (
            b is not None
            and lead is not None
            and _SEP_ONLY.match(norm[a.end : b.start])
            and _joinable(a.expr, b.expr)
        ):
            first = _year_from(a.expr, b.expr)
            assert first.begin is not None and b.expr.end_date is not None
            if first.begin <= b.expr.end_date:
                lead_start = a.start - (len(norm[max(0, a.start - 30) : a.start]) - lead.start("lead"))
                if not out or out[-1].end <= lead_start:
                    expr = rs.range_expr(
                        first.precision if first.precision == b.expr.precision else "day",
                        first.begin,
                        b.expr.end_date,
                        value=f"{first.value}/{b.expr.value}",
                        calendar=first.calendar,
                        relative=first.relative or b.expr.relative,
                    )
                    out.append(Found(lead_start, b.end, expr))
                    i += 2
                    continue
        out.append(a)
        i += 1
    return out


def _joinable(a: TimeExpression, b: TimeExpression) -> bool:
    return (
        a.kind == b.kind == "date"
        and a.value is not None
        and b.value is not None
        and a.begin is not None
        and b.end_date is not None
        and a.precision != "vague"
    )


def _year_from(a: TimeExpression, b: TimeExpression) -> TimeExpression:
    """``من 3 يوليو إلى 5 أغسطس 2020``: the first date takes the year written with the second."""
    if not a.relative or b.relative or a.precision != "day" or a.calendar != "gregorian" or a.begin is None:
        return a
    assert b.begin is not None
    try:
        d = a.begin.replace(year=b.begin.year)
    except ValueError:
        return a
    if d > b.begin:
        return a
    return replace(a, value=d.isoformat(), begin=d, end_date=d, relative=False)


_PART_BEFORE = re.compile(n(rf"(?<!\w)(?:[وف]?[بل]?)(?P<part>{alt(lx.PERIOD_PARTS)})\s+(?:من\s+)?$"))


def _join_parts(found: list[Found], norm: str) -> list[Found]:
    """``مطلع``/``منتصف``/``أواخر`` before a month, year, week or decade: a vague third of it."""
    out: list[Found] = []
    for f in found:
        window = norm[max(0, f.start - 20) : f.start]
        m = _PART_BEFORE.search(window)
        coarse = f.expr.precision in ("week", "month", "year", "decade") or (
            f.expr.precision == "unresolved" and f.expr.kind == "date"
        )
        if m and coarse and f.expr.kind == "date":
            start = f.start - (len(window) - m.start("part"))
            if not out or out[-1].end <= start:
                out.append(Found(start, f.end, narrow(f.expr, lx.PERIOD_PARTS[m.group("part")])))
                continue
        out.append(f)
    return out


def _to_text(f: Found, text: str, index: list[int]) -> TimeExpression:
    start, end = to_original(index, f.start, f.end, len(text))
    # Keep the marks that folding dropped from the last letter (غداً, هـ) inside the span.
    while end < len(text) and (unicodedata.category(text[end]) == "Mn" or text[end] == "\u0640"):
        end += 1
    return replace(f.expr, start=start, end=end, text=text[start:end])


__all__ = ["find_times"]
