"""The rules: one regular expression per kind of time expression and a reader for its match.

Each reader gets the match on the normalised text and returns ``Found`` (a span in
normalised offsets and the expression) or None when the context says it is not a
time (``اليوم الوطني``, ``مارس الضغط``, ``صلاة الجمعة``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TypedDict

from kg import lexicon
from kg.extract.timex import calendars as cal
from kg.extract.timex import lexicon as lx
from kg.extract.timex import resolve as rs
from kg.extract.timex.patterns import (
    AL,
    ART,
    CLITIC,
    DIR,
    MARK,
    MONTH,
    NUMWORD,
    PREP,
    RANGE_LEAD,
    RANGE_SEP,
    TOD,
    UNIT,
    VAGUE_COUNT,
    WD,
    WD_STEM,
    B,
    E,
    alt,
    mark_calendar,
    n,
    parse_number,
    phrases,
    squash,
    strip_article,
)
from kg.model import TimeExpression


@dataclass(frozen=True)
class Found:
    start: int  # offsets into the normalised text
    end: int
    expr: TimeExpression
    priority: int = 0  # breaks ties between equally long matches: lower wins


@dataclass(frozen=True)
class Ctx:
    norm: str
    dct: date | None


Reader = Callable[[re.Match[str], Ctx], Found | None]


def _prev_word(norm: str, pos: int) -> str:
    m = re.search(r"(\S+)\s*$", norm[max(0, pos - 40) : pos])
    return m.group(1) if m else ""


def _next_word(norm: str, pos: int) -> str:
    m = re.match(r"\s*(\S+)", norm[pos : pos + 40])
    return m.group(1) if m else ""


def _bare(word: str) -> str:
    """A neighbouring word without the conjunction and punctuation around it."""
    word = word.strip("«»\"'“”()[]،,.:؛;!؟?")
    return word[1:] if len(word) > 3 and word[0] in "وف" else word


def _weekday(word: str | None) -> int | None:
    return None if word is None else lx.WEEKDAY_STEMS.get(strip_article(word))


def _direction(word: str | None) -> str | None:
    return None if word is None else lx.DIRECTIONS.get(word)


# ---- today, yesterday, tomorrow ------------------------------------------------------------

# Normalised word → days from the publication day.
_REL_OFFSETS = {
    word: int(k) for k in lexicon.groups("RELATIVE_DAYS") for word in lexicon.ordered(f"RELATIVE_DAYS.{k}")
}
RELDAY = re.compile(
    B
    + CLITIC
    + n(
        rf"(?P<core>(?:(?P<tod>{TOD})\s+)?(?:(?P<yawm>يوم)\s+)?"
        rf"(?P<rel>{ART}يوم|{phrases('RELATIVE_DAY_FORMS')}){E}"
        rf"(?:\s*[،,]?\s*(?P<wpar>[(\[])?\s*(?P<wd>{WD})(?(wpar)\s*[)\]]))?)"
    )
)
# Words after اليوم that make it "the day" of something, not today.
_DAY_OF = lexicon.words("DAY_OF_WORDS")
# ``في ذلك اليوم`` is "on that day"; ``أعلن ذلك اليوم`` is "announced that today".
_THAT_DAY = lexicon.words("THAT_DAY_WORDS")
_THIS_THAT = lexicon.words("THIS_THAT_WORDS")
_DAY_PREPS = lexicon.words("DAY_PREPOSITIONS")
# The outlets "اليوم" and "عين اليوم" (its dateline: ``عين اليوم – بغداد``).
_PAPER = re.compile(n(rf"(?:{phrases('TODAY_OUTLET_HEADS')})\s*$"))


def read_relday(m: re.Match[str], ctx: Ctx) -> Found | None:
    rel = squash(m.group("rel"))
    key = rel if rel in _REL_OFFSETS else rel.replace("بعد ال", "بعد ")
    if key not in _REL_OFFSETS and key.startswith(("ال", "ل")):
        key = key[2:] if key.startswith("ال") else key[1:]
    k = _REL_OFFSETS.get(key)
    if k is None:
        return None
    start, end = m.span("core")
    wd = _weekday(m.group("wd"))
    if key == "غد" and not (m.group("tod") or m.group("yawm") or rel.startswith("بعد")):
        return None  # الغد alone: "the future", or a newspaper
    if k == 0:
        before = ctx.norm[max(0, start - 1) : start]
        after = ctx.norm[m.end("rel") : m.end("rel") + 1]
        if (before and before in "«\"“'") or (after and after in "»\"”'"):
            return None  # «اليوم»: the Saudi daily
        prev = _bare(_prev_word(ctx.norm, m.start()))
        if _PAPER.search(ctx.norm[max(0, m.start() - 30) : m.start()]):
            return None
        if wd is None and prev in _THAT_DAY | _THIS_THAT:
            before_prev = _bare(_prev_word(ctx.norm, ctx.norm.rfind(prev, 0, m.start())))
            if prev in _THAT_DAY or before_prev in _DAY_PREPS:
                return None
        if wd is None:
            nxt = _bare(_next_word(ctx.norm, m.end("rel")))
            if nxt in _DAY_OF or (nxt.startswith("ال") and len(nxt) > 4 and nxt.endswith("ي")):
                return None  # اليوم الوطني, اليوم الثاني, اليوم التالي
    direction = "present" if k == 0 else ("past" if k < 0 else "future")
    if ctx.dct is None:
        expr = rs.unresolved(weekday=wd, direction=direction)
    else:
        d = ctx.dct + timedelta(days=k)
        note = rs.weekday_note(wd, d)
        if wd is not None and note is not None:
            # ``يوم غد الأحد`` in a source's words of Saturday, ``اليوم الثلاثاء`` on a page
            # fetched on Wednesday: the weekday written is the day meant; the nearest one.
            d = d + timedelta(days=(wd - d.weekday() + 3) % 7 - 3)
            note = f"{note} from the publication date; the weekday written is taken: {d.isoformat()}"
        expr = rs.day_expr(d, relative=True, weekday=wd, direction=direction, note=note)
    return Found(start, end, expr)


# ---- weekdays --------------------------------------------------------------------------------

WEEKDAY = re.compile(
    B
    + CLITIC
    + n(
        rf"(?P<core>(?:(?P<tod>{TOD})\s+)?(?:(?P<yawm>يوم)\s+)?(?P<wd>{WD})"
        rf"(?:\s+(?P<dir>{DIR}))?(?:\s+من\s+(?P<wk>{ART}أسبوع\s+(?P<wdir>{DIR})))?)"
    )
)
_BOTH = lexicon.words("BOTH_BEFORE")
_BOTH_AFTER = lexicon.words("BOTH_AFTER")
# صلاة الجمعة, سورة الجمعة: the Friday prayer, a sura: names, not a day.
_PRAYER = lexicon.words("FRIDAY_NAMES")
# الواحد الأحد: God's name, not Sunday.
_GOD = lexicon.words("GOD_BEFORE_AHAD")


def read_weekday(m: re.Match[str], ctx: Ctx) -> Found | None:
    wd = _weekday(m.group("wd"))
    if wd is None:
        return None
    marked = m.group("yawm") or m.group("tod")
    prev = _bare(_prev_word(ctx.norm, m.start()))
    if not marked:
        if wd == 0 and (prev in _BOTH or _bare(_next_word(ctx.norm, m.end("wd"))) in _BOTH_AFTER):
            return None  # الاثنين: "the two"
        if wd == 4 and prev in _PRAYER:
            return None  # صلاة الجمعة: the Friday prayer, a name
        if wd == 6 and prev in _GOD:
            return None
        if ctx.norm[m.end("wd") : m.end("wd") + 1] == ":":
            return None  # وأضاف الخميس: — a man named Al-Khamis speaking
    start, end = m.span("core")
    direction = _direction(m.group("dir"))
    if direction == "present":
        direction = None
    week_dir = _direction(m.group("wdir"))
    if m.group("dir") is None:
        end = m.end("wd") if m.group("wk") is None else end
    elif m.group("wk") is None:
        end = m.end("dir")
    if ctx.dct is None:
        return Found(start, end, rs.unresolved(weekday=wd, direction=direction or week_dir))
    if week_dir is not None and m.group("wk") is not None:
        shift = {"past": -7, "future": 7}.get(week_dir, 0)
        monday = ctx.dct - timedelta(days=ctx.dct.weekday()) + timedelta(days=shift)
        d = monday + timedelta(days=wd)
        direction = direction or week_dir
    else:
        d = rs.weekday_date(ctx.dct, wd, direction)
    return Found(start, end, rs.day_expr(d, relative=True, weekday=wd, direction=direction))


# ---- calendar dates: [weekday] [day] month [year] [direction] -------------------------------

_PRE = (
    rf"(?P<pre>(?:(?:{TOD})\s+)?(?:يوم\s+)?(?:(?P<prel>{ART}يوم|{phrases('RELATIVE_DAYS_BEFORE_WEEKDAY')})\s*[،,]?\s*)?"
    rf"(?P<pwd>{WD}))"
    r"\s*[،,]?\s*(?:(?:ال)?موافق\s+)?"
)
_YEAR_UNITS = "|".join(lexicon.raw("PERIOD_UNITS.year"))  # عام, سنة
# ``عام 2015``, ``السنة 2015`` before a date's year.
_YEAR_KEYWORD = "(?:" + "|".join(rf"{AL}{w}\s+" for w in lexicon.raw("PERIOD_UNITS.year")) + ")?"
DATE = re.compile(
    B
    + CLITIC
    + n(
        rf"(?P<core>(?:{_PRE})?(?:(?P<lead>{RANGE_LEAD})\s+)?"
        rf"(?:(?P<dyawm>يوم\s+)?(?:(?P<d1>\d{{1,2}})(?!\d)(?:{RANGE_SEP}(?P<d2>\d{{1,2}})(?!\d))?\s*(?:من\s+)?"
        rf"|(?P<ord>{alt(lx.ORDINAL_DAYS)})\s+(?:من\s+)?))?"
        rf"(?P<shahr>شهري?\s+)?(?P<m1>{MONTH})"
        rf"(?:\s*[/\\\-–]\s*(?P<m2>{MONTH})|\s*\(\s*(?P<m3>{MONTH})\s*(?P<m3close>\))|\s+(?P<m4>{MONTH}))?"
        rf"(?:\s*[،,]?\s*(?:من\s+)?{_YEAR_KEYWORD}(?P<y>\d{{4}})(?!\d)(?:\s*(?P<ym>{MARK}))?)?"
        rf"(?:\s+(?P<dir>{DIR}))?"
        rf"(?:\s+من\s+(?P<yrel>{ART}(?:{_YEAR_UNITS})\s+(?P<ydir>{DIR})|{phrases('THIS_YEAR')}"
        rf"|العام\s+(?:{phrases('SAME_WORDS')})))?)"
    )
)


def _month_of(word: str) -> tuple[int, str] | None:
    w = squash(word)
    if w in lx.GREGORIAN_MONTHS:
        return lx.GREGORIAN_MONTHS[w], "gregorian"
    if w in lx.LIBYAN_MONTHS:
        return lx.LIBYAN_MONTHS[w], "libyan"
    if w in lx.HIJRI_MONTHS:
        return lx.HIJRI_MONTHS[w], "hijri"
    return None


def _year_calendar(y: int, mark: str | None, month_cal: str | None) -> tuple[int, str] | None:
    """(Gregorian-or-Hijri year, calendar) of a written year, or None if it is no year here."""
    written = mark_calendar(mark)
    if written == "bc":
        return None
    if month_cal == "hijri":
        return (y, "hijri") if y in cal.HIJRI_YEARS and written in (None, "hijri") else None
    if written == "libyan" or (month_cal == "libyan" and written is None and y in cal.LIBYAN_YEARS):
        return (y + cal.LIBYAN_ERA_OFFSET, "libyan") if y in cal.LIBYAN_YEARS else None
    if written == "hijri":
        return (y, "hijri") if y in cal.HIJRI_YEARS and month_cal is None else None
    if y in cal.GREGORIAN_YEARS:
        return y, "gregorian"
    return None


def read_date(m: re.Match[str], ctx: Ctx) -> Found | None:
    first = _month_of(m.group("m1"))
    if first is None:
        return None
    month, calendar = first
    m1 = squash(m.group("m1"))
    end = m.end("m1")
    tail_ok = True  # groups after the month still belong to this date
    partner = m.group("m2") or m.group("m3") or m.group("m4")
    partner_ok = False
    if partner:
        other = _month_of(partner)
        if other and other[0] == month and {calendar, other[1]} <= {"gregorian", "libyan"}:
            partner_ok = squash(partner) not in lx.STRICT_MONTHS | lx.AMBIGUOUS_MONTHS
            if other[1] == "libyan":
                calendar = "libyan"
            end = m.end("m3close") if m.group("m3") else m.end("m2" if m.group("m2") else "m4")
            partner_ok = partner_ok or m1 not in lx.STRICT_MONTHS | lx.AMBIGUOUS_MONTHS
        else:
            tail_ok = False
    year: int | None = None
    if tail_ok and m.group("y"):
        got = _year_calendar(int(m.group("y")), m.group("ym"), calendar)
        if got is None:
            tail_ok = False
        else:
            year = got[0]
            calendar = "libyan" if got[1] == "libyan" else calendar
            end = m.end("ym") if m.group("ym") else m.end("y")
    direction = None
    year_shift = None
    if tail_ok and year is None:
        if m.group("dir") and m.group("dir") not in lx.PLURAL_ONLY_PAST:
            direction = _direction(m.group("dir"))
            end = m.end("dir")
        if m.group("yrel"):
            ydir = _direction(m.group("ydir")) if m.group("ydir") else "present"
            year_shift = {"past": -1, "future": 1}.get(ydir or "present", 0)
            end = m.end("yrel")
    d1 = int(m.group("d1")) if m.group("d1") else None
    if m.group("ord"):
        d1 = lx.ORDINAL_DAYS[squash(m.group("ord"))]
    d2 = int(m.group("d2")) if m.group("d2") else None
    # A month name that is also a word needs a date around it.
    strict = m1 in lx.STRICT_MONTHS
    ambiguous = strict or m1 in lx.AMBIGUOUS_MONTHS
    if ambiguous and not (d1 or year or m.group("shahr") or partner_ok or year_shift is not None):
        prev = _bare(_prev_word(ctx.norm, m.start("m1") if not d1 else m.start()))
        if strict or not (direction or prev in lx.TIME_PREPOSITIONS):
            return None
    start = m.start("shahr") if m.group("shahr") else m.start("m1")
    weekday = None
    is_range = False
    if d1 is not None and 1 <= d1 <= 31:
        start = m.start("dyawm") if m.group("dyawm") else m.start("ord" if m.group("ord") else "d1")
        if d2 is not None and d1 < d2 <= 31:
            is_range = True
            if m.group("lead"):
                start = m.start("lead")
        elif d2 is not None:
            return None  # "3 و 2 يوليو": a list we do not read
        elif m.group("pre"):
            start = m.start("pre")
            weekday = _weekday(m.group("pwd"))
    else:
        d1 = None
    expr = _resolve_date(ctx.dct, calendar, month, year, year_shift, direction, d1, d2 if is_range else None)
    if expr is None:
        return None
    if weekday is not None:
        expr = replace(expr, weekday=weekday, note=rs.weekday_note(weekday, expr.begin))
    return Found(start, end, expr)


class _DateKw(TypedDict):
    """What a calendar date's expression says besides its span."""

    calendar: str
    relative: bool
    direction: str | None


def _resolve_date(
    dct: date | None,
    calendar: str,
    month: int,
    year: int | None,
    year_shift: int | None,
    direction: str | None,
    day: int | None,
    day2: int | None,
) -> TimeExpression | None:
    relative = year is None
    kw: _DateKw = {"calendar": calendar, "relative": relative, "direction": direction}
    if year is None and dct is None:
        partial = f"XXXX-{month:02d}" + (f"-{day:02d}" if day else "")
        if calendar == "hijri":
            partial += " AH"
        return rs.unresolved(note=partial, **kw)
    if calendar == "hijri":
        if year is None:
            assert dct is not None
            if year_shift is not None:
                today = cal.gregorian_to_hijri(dct)
                year = today[0] + year_shift if today else None
            else:
                year = rs.hijri_month_year(dct, month, direction)
        if year is None:
            return None
        if day is not None:
            first = cal.hijri_to_gregorian(year, month, day)
            if first is None:
                return None
            if day2 is None:
                return rs.day_expr(first, **kw)
            last = cal.hijri_to_gregorian(year, month, day2)
            return None if last is None else rs.range_expr("day", first, last, **kw)
        span = cal.hijri_month_span(year, month)
        return None if span is None else rs.span_expr("month", *span, **kw)
    if year is None:
        assert dct is not None
        if year_shift is not None:
            year = dct.year + year_shift
        elif day is not None:
            year = rs.day_year(dct, month, day, direction)
        else:
            year = rs.month_year(dct, month, direction)
        if year is None:
            return None
    if day is None:
        return rs.month_expr(year, month, **kw)
    if not cal.valid_day(year, month, day):
        return None
    if day2 is None:
        return rs.day_expr(date(year, month, day), **kw)
    if not cal.valid_day(year, month, day2):
        return None
    return rs.range_expr("day", date(year, month, day), date(year, month, day2), **kw)


# ---- numeric dates: 3/7/2020, 2020-07-03, 1441/11/12 هـ --------------------------------------

NUMERIC = re.compile(
    B
    + CLITIC
    + n(
        rf"(?P<core>(?:{_PRE})?(?:(?P<dyawm>يوم)\s+)?"
        rf"(?:(?:(?P<lead>{RANGE_LEAD})\s+)?(?P<a0>\d{{1,2}}){RANGE_SEP})?"
        r"(?:(?P<a>\d{1,2})\s*(?P<s>[/\-.])\s*(?P<b>\d{1,2})\s*(?P=s)\s*(?P<c>\d{4})"
        r"|(?P<c2>\d{4})\s*(?P<s2>[/\-.])\s*(?P<b2>\d{1,2})\s*(?P=s2)\s*(?P<a2>\d{1,2}))"
        rf"(?!\d|[/\-.]\d)(?:\s*(?P<ym>{MARK}))?)"
    )
)


def read_numeric(m: re.Match[str], ctx: Ctx) -> Found | None:
    if m.group("a"):
        day, month, y = int(m.group("a")), int(m.group("b")), int(m.group("c"))
        start = m.start("a")
    else:
        day, month, y = int(m.group("a2")), int(m.group("b2")), int(m.group("c2"))
        start = m.start("c2")
    if month > 12 >= day:
        day, month = month, day  # month-first: unambiguous only when the "month" cannot be one
    written = mark_calendar(m.group("ym"))
    hijri = written == "hijri" or (written is None and y in cal.HIJRI_YEARS)
    end = m.end("ym") if m.group("ym") else (m.end("c") if m.group("a") else m.end("a2"))
    d = _numeric_day(y, month, day, hijri)
    kw = {"calendar": "hijri" if hijri else "gregorian"}
    if d is None:
        return None
    first = int(m.group("a0")) if m.group("a0") and m.group("a") else None
    if first is not None and first < day:
        begin = _numeric_day(y, month, first, hijri)
        if begin is not None:
            start = m.start("lead") if m.group("lead") else m.start("a0")
            return Found(start, end, rs.range_expr("day", begin, d, **kw))
    weekday = None
    if m.group("pre"):
        start = m.start("pre")
        weekday = _weekday(m.group("pwd"))
    elif m.group("dyawm"):
        start = m.start("dyawm")
    return Found(start, end, rs.day_expr(d, weekday=weekday, note=rs.weekday_note(weekday, d), **kw))


def _numeric_day(y: int, month: int, day: int, hijri: bool) -> date | None:
    if hijri:
        if y not in cal.HIJRI_YEARS:
            return None
        # Day 30 of a month that Umm al-Qura gives 29 days (local sighting differs): its last day.
        return cal.hijri_to_gregorian(y, month, day) or (
            cal.hijri_to_gregorian(y, month, 29) if day == 30 else None
        )
    return date(y, month, day) if y in cal.GREGORIAN_YEARS and cal.valid_day(y, month, day) else None


# ---- years and year ranges ------------------------------------------------------------------

_YEAR_WORD = n(rf"(?:{ART}?عام|عامي|{ART}?سنة|سنتي)")
YEAR = re.compile(
    B
    + CLITIC
    + n(rf"(?:[{PREP}](?={_YEAR_UNITS}))?")  # بعام 2011, لعام 2015
    + n(
        # ``عام .2014``: scraped right-to-left text often moves a sentence's full stop there.
        rf"(?P<core>(?:(?P<lead>{RANGE_LEAD}|منذ)\s+)?(?:(?P<kw>{_YEAR_WORD})\s*(?:\.(?=\d{{4}}))?)?"
        rf"(?P<y>\d{{4}})(?!\d)(?:\s*(?P<ym>{MARK}))?"
        rf"(?:(?P<sep>{RANGE_SEP}|\s*/\s*)(?:(?:{ART}?عام)\s+)?(?P<y2>\d{{4}})(?!\d)(?:\s*(?P<ym2>{MARK}))?)?)"
    )
)
_YEAR_PREPS = lexicon.words("YEAR_PREPOSITIONS") | frozenset(lx.PERIOD_PARTS)


def _read_year(y: int, mark: str | None) -> tuple[int, str] | None:
    written = mark_calendar(mark)
    if written == "bc":
        return None
    if written == "libyan":
        return (y + cal.LIBYAN_ERA_OFFSET, "libyan") if y in cal.LIBYAN_YEARS else None
    if written == "hijri" or (written is None and 1400 <= y <= 1500):
        return (y, "hijri") if y in cal.HIJRI_YEARS else None
    return (y, "gregorian") if y in cal.GREGORIAN_YEARS else None


def _year_expr(y: int, calendar: str, **kw) -> TimeExpression | None:
    if calendar == "hijri":
        span = cal.hijri_year_span(y)
        return None if span is None else rs.span_expr("year", *span, calendar="hijri", **kw)
    return rs.year_expr(y, calendar=calendar, **kw)


def read_year(m: re.Match[str], ctx: Ctx) -> Found | None:
    first = _read_year(int(m.group("y")), m.group("ym"))
    if first is None:
        return None
    y, calendar = first
    lead = m.group("lead")
    kw = m.group("kw")
    end = m.end("ym") if m.group("ym") else m.end("y")
    start = m.start("kw") if kw else m.start("y")
    if m.group("y2"):
        second = _read_year(int(m.group("y2")), m.group("ym2") or m.group("ym"))
        sep = m.group("sep").strip()
        dash = sep in "-–—"
        if sep == "/" and second is not None and second[0] != y + 1:
            second = None  # 1435/1436: an academic or fiscal year; other slashes are not ranges
        plausible = second is not None and second[1] == calendar and 0 < second[0] - y <= 200
        joined = (lead and lead != "منذ") or (kw and kw.endswith(("ي", "تي"))) or (dash and y >= 1900)
        if plausible and (joined or sep == "/"):
            assert second is not None
            start = m.start("lead") if lead and lead != "منذ" else start
            end = m.end("ym2") if m.group("ym2") else m.end("y2")
            a, b = _year_expr(y, calendar), _year_expr(second[0], calendar)
            if a is None or b is None or a.begin is None or b.end_date is None:
                return None
            value = f"{a.value}/{b.value}"
            expr = rs.range_expr("year", a.begin, b.end_date, value=value, calendar=calendar)
            return Found(start, end, expr)
    if not kw and not m.group("ym"):
        prev = _bare(_prev_word(ctx.norm, m.start("y")))
        anchored = lead == "منذ" or prev in _YEAR_PREPS
        if not (anchored and (1900 <= y <= 2100 or calendar == "hijri")):
            return None  # 2000 شخص: a count, not a year
    expr = _year_expr(y, calendar)
    return None if expr is None else Found(start, end, expr)


# ---- this/last/next week, month, year ------------------------------------------------------

_PERIOD_UNIT_WORDS = lexicon.raw_groups("PERIOD_UNITS")  # unit → its words
_PERIOD_UNIT = n(f"(?:{'|'.join(w for words in _PERIOD_UNIT_WORDS.values() for w in words)})")
PERIOD = re.compile(
    B
    + CLITIC
    + n(
        rf"(?P<core>(?:(?P<unit>{ART}{_PERIOD_UNIT})\s+(?:(?P<before>قبل)\s+)?(?P<dir>{DIR})"
        rf"|(?P<this>هذا|هذه)\s+(?P<unit2>{ART}{_PERIOD_UNIT}){E})"
        rf"(?:\s*[،,]?\s*(?P<y>\d{{4}})(?!\d)(?:\s*(?P<ym>{MARK}))?)?"
        rf"|(?P<days>هذه\s+الأيام){E})"
    )
)
_UNIT_OF = {n(w): unit for unit, words in _PERIOD_UNIT_WORDS.items() for w in words}


def _period_expr(dct: date, unit: str, k: int, **kw) -> TimeExpression:
    if unit == "week":
        return rs.week_expr(dct + timedelta(weeks=k), **kw)
    if unit == "month":
        return rs.month_expr(*cal.shift_months(dct.year, dct.month, k), **kw)
    return rs.year_expr(dct.year + k, **kw)


def read_period(m: re.Match[str], ctx: Ctx) -> Found | None:
    start, end = m.span("core")
    if m.group("days"):  # هذه الأيام: "these days"
        return Found(start, end, rs.vague(direction="present", relative=True))
    direction: str | None
    if m.group("this"):
        unit = _UNIT_OF[strip_article(m.group("unit2"))]
        direction = "present"
    else:
        if m.group("dir") in lx.PLURAL_ONLY_PAST:
            return None  # العام الأخير: "the final year" of something
        unit = _UNIT_OF[strip_article(m.group("unit"))]
        direction = _direction(m.group("dir"))
    k = {"past": -1, "future": 1}.get(direction or "present", 0)
    if m.group("before"):
        if direction != "past":
            return None
        k = -2
    if m.group("y"):
        # العام الماضي 2014م: the year is written; keep it when it is the one meant.
        written = _read_year(int(m.group("y")), m.group("ym"))
        same = written is not None and (ctx.dct is None or written[0] == ctx.dct.year + k)
        if unit == "year" and written and written[1] == "gregorian" and same:
            return Found(start, end, rs.year_expr(written[0], direction=direction))
        end = m.end("unit2") if m.group("this") else m.end("dir")
    if ctx.dct is None:
        return Found(start, end, rs.unresolved(direction=direction))
    return Found(start, end, _period_expr(ctx.dct, unit, k, relative=True, direction=direction))


# ---- early/mid/late the month (no direction: the current one) --------------------------------

PART = f"(?:{alt(lx.PERIOD_PARTS)}){E}"
PERIOD_PART = re.compile(
    B
    + CLITIC
    + n(
        rf"(?P<core>(?P<part>{PART})\s+(?:(?:من)\s+)?(?P<unit>{ART}{_PERIOD_UNIT}))"
        rf"(?!\s+(?:قبل\s+)?{DIR}|\s+ال\w{{2,}}ي{E}|\w)"
    )
)


def read_period_part(m: re.Match[str], ctx: Ctx) -> Found | None:
    unit = _UNIT_OF[strip_article(m.group("unit"))]
    start, end = m.span("core")
    if ctx.dct is None:
        return Found(start, end, rs.unresolved(direction="present"))
    whole = _period_expr(ctx.dct, unit, 0, relative=True, direction="present")
    return Found(start, end, narrow(whole, lx.PERIOD_PARTS[m.group("part")]))


def narrow(expr: TimeExpression, part: int) -> TimeExpression:
    """``مطلع/منتصف/أواخر`` + a period: its first, middle or last third, precision vague."""
    if expr.begin is None or expr.end_date is None:
        return expr
    b, e = cal.part_of(expr.begin, expr.end_date, part)
    return replace(expr, precision="vague", begin=b, end_date=e)


# ---- decades --------------------------------------------------------------------------------

DECADE = re.compile(
    B
    + CLITIC
    + n(
        rf"(?P<core>(?:(?:{phrases('DECADE_HEADS')})\s+)?(?:ال)?(?P<dec>{alt(lx.DECADES)})"
        rf"(?:\s+(?:من\s+)?{AL}قرن\s+(?P<cent>{phrases('CENTURY_WORDS')}))?){E}"
    )
)


_THIS_CENTURY = lexicon.words("THIS_CENTURY")


def read_decade(m: re.Match[str], ctx: Ctx) -> Found | None:
    tens = lx.DECADES[m.group("dec")]
    cent = squash(m.group("cent") or "")
    base = 2000 if cent in _THIS_CENTURY else 1900
    start, end = m.span("core")
    return Found(start, end, rs.decade_expr(base + 10 * tens))


# ---- durations and "n days ago" ---------------------------------------------------------------

_SIGNAL = n(phrases("DURATION_SIGNALS"))
DURATION = re.compile(
    B
    + CLITIC
    # لعدة أيام, لثلاث سنوات, لعامين ("for"); not the article's ل of للعام.
    + rf"(?:(?<!ل)ل(?=(?:{VAGUE_COUNT}|{NUMWORD}|\d|(?:{alt(lx.DUAL_UNITS)}){E})))?"
    + n(
        rf"(?P<core>(?:(?P<sig>{_SIGNAL})\s+(?:(?:{phrases('ABOUT')})\s+)?)?(?:(?P<art>ال)?\s*\(?(?P<num>\d+|{NUMWORD}|{VAGUE_COUNT})\)?\s*)?"
        rf"(?P<unit>{ART}?{UNIT})(?:\s+(?P<num2>ال(?:{NUMWORD})|واحده?{E}))?(?:\s+(?P<dir>{DIR}))?)(?P<rel>\s+من\s+(?!(?:{phrases('FROM_NOW')}){E}))?"
    )
)
_ANCHOR_PAST = lexicon.words("SINCE_BEFORE")
_APPROX = lexicon.words("APPROX_SIGNALS")
_AFTER_SINCE_DECADES = lexicon.words("AFTER_SINCE_DECADES")


def _iso_duration(count: int | None, unit: str) -> str:
    c = "X" if count is None else str(count)
    if unit == "hour":
        return f"PT{c}H"
    if unit == "minute":
        return f"PT{c}M"
    if unit == "decade":
        return f"P{c}0Y" if count is None else f"P{count * 10}Y"
    return f"P{c}{lx.UNIT_DESIGNATOR[unit]}"


def _decade_ok(m: re.Match[str], ctx: Ctx, sig: str, has_num: bool, implied: int | None, direction) -> bool:
    if has_num or direction or implied == 2:
        return True
    if implied is None:  # عقود: only "for/since decades"
        return sig in _ANCHOR_PAST
    nxt = _next_word(ctx.norm, m.end("unit"))
    return sig in _ANCHOR_PAST and (not nxt or nxt in _AFTER_SINCE_DECADES or not nxt[0].isalpha())


def read_duration(m: re.Match[str], ctx: Ctx) -> Found | None:
    raw_unit = m.group("unit")
    definite = raw_unit.startswith("ال") or (raw_unit not in lx.UNIT_WORDS and raw_unit.startswith("ل"))
    unit_word = strip_article(raw_unit) if definite else raw_unit
    if unit_word not in lx.UNIT_WORDS:
        return None
    unit, implied = lx.UNIT_WORDS[unit_word]
    sig = squash(m.group("sig") or "")
    num2 = m.group("num2")
    num_word = m.group("num") or (num2 if num2 and num2.startswith("و") else num2[2:] if num2 else None)
    count = parse_number(num_word) if num_word else implied
    if num_word and num_word in lx.VAGUE_COUNTS:
        count = None
    direction = _direction(m.group("dir"))
    has_num = bool(num_word)
    if definite and implied == 1 and (not has_num or num2):
        return None  # اليوم, الشهر, العام: other rules; العام الثلاثين: "the thirtieth year"
    if unit == "decade" and not _decade_ok(m, ctx, sig, has_num, implied, direction):
        return None  # عقد/عقود: also "holding" and "contracts"
    if not (sig or has_num or direction) and implied != 2:
        return None  # أيام / يوم alone
    if definite and not (direction or m.group("num")):
        return None  # الأيام, اليومين, الأشهر الثلاثة: anaphoric without a direction
    nxt = _next_word(ctx.norm, m.end("unit"))
    if not (has_num or direction) and implied != 2 and (nxt.startswith("ال") or nxt[:1].isdigit()):
        return None  # خلال ساعات الزيارة, خلال عام 2014: the unit heads another phrase
    if count is not None and count > 1000:
        return None
    start, end = m.span("core")
    if sig in _APPROX:
        start = m.start("num") if m.group("num") else m.start("unit")
        if m.group("art"):
            start = m.start("art")
        sig = ""
        if not (has_num or implied == 2 or direction):
            return None
    if m.group("dir") is None:
        end = m.end("num2") if m.group("num2") else m.end("unit")
    duration = _iso_duration(count, unit)
    precision = "vague" if count is None else {"hour": "day", "minute": "day"}.get(unit, unit)
    anchored = sig in _ANCHOR_PAST or sig == n("بعد")
    if anchored and m.group("rel"):
        # "قبل ثلاثة أيام من الانتخابات": counted from an event, not from the article's day.
        return Found(start, end, rs.vague(kind="duration", duration=duration, note="anchored to an event"))
    if anchored:
        direction = "future" if sig == n("بعد") else "past"
        if count is None or ctx.dct is None:
            expr = (
                rs.vague(direction=direction, duration=duration, relative=True)
                if count is None
                else rs.unresolved(direction=direction, duration=duration)
            )
            return Found(start, end, expr)
        sign = -1 if direction == "past" else 1
        d = cal.shift_date(ctx.dct, sign * count, unit)
        kw = {"relative": True, "direction": direction, "duration": duration}
        if precision in ("day", "vague"):
            expr = rs.day_expr(d, **kw)
        elif precision == "week":
            expr = rs.week_expr(d, **kw)
        elif precision == "month":
            expr = rs.month_expr(d.year, d.month, **kw)
        else:
            expr = rs.year_expr(d.year, **kw)
        return Found(start, end, expr)
    if direction == "present":
        direction = None
    begin = end_day = None
    if direction and ctx.dct is not None and count is not None:
        other = cal.shift_date(ctx.dct, count if direction == "future" else -count, unit)
        begin, end_day = min(other, ctx.dct), max(other, ctx.dct)
    expr = TimeExpression(
        0,
        0,
        "",
        None,
        "vague" if count is None else precision,  # type: ignore[arg-type]
        begin,
        end_day,
        kind="duration",
        relative=direction is not None,
        direction=direction,  # type: ignore[arg-type]
        duration=duration,
    )
    return Found(start, end, expr)


# ---- sets: every Friday, every two years, daily ----------------------------------------------

SET = re.compile(
    B
    + CLITIC
    + n(
        rf"(?P<core>كل\s+(?:(?P<yawm>يوم)\s+)?(?P<wd>{WD_STEM}){E}"
        rf"|كل\s+(?:(?P<num>\d+|{NUMWORD})\s+)?(?P<unit>{UNIT})"
        rf"|(?P<adv>{alt(lx.FREQUENCY_ADVERBS)}){E})"
    )
)


def read_set(m: re.Match[str], ctx: Ctx) -> Found | None:
    start, end = m.span("core")
    if m.group("wd"):
        wd = lx.WEEKDAY_STEMS[m.group("wd")]
        expr = TimeExpression(0, 0, "", None, "week", kind="set", weekday=wd, duration="P1W")
        return Found(start, end, expr)
    if m.group("adv"):
        unit = lx.FREQUENCY_ADVERBS[m.group("adv")]
        expr = TimeExpression(0, 0, "", None, unit, kind="set", duration=_iso_duration(1, unit))  # type: ignore[arg-type]
        return Found(start, end, expr)
    unit, implied = lx.UNIT_WORDS[m.group("unit")]
    count = parse_number(m.group("num")) if m.group("num") else implied
    if count is None:
        return None  # كل الأيام / كل أيام ...: not a period
    precision = {"hour": "day", "minute": "day"}.get(unit, unit)
    expr = TimeExpression(0, 0, "", None, precision, kind="set", duration=_iso_duration(count, unit))  # type: ignore[arg-type]
    return Found(start, end, expr)


# Order matters only for ties in length: calendar dates before weekdays before durations.
RULES: tuple[tuple[re.Pattern[str], Reader], ...] = (
    (NUMERIC, read_numeric),
    (DATE, read_date),
    (YEAR, read_year),
    (RELDAY, read_relday),
    (WEEKDAY, read_weekday),
    (PERIOD, read_period),
    (PERIOD_PART, read_period_part),
    (DECADE, read_decade),
    (SET, read_set),
    (DURATION, read_duration),
)
