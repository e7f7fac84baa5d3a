"""Turn what was read (a day, a month, a weekday, a direction) into a ``TimeExpression``.

Builders return expressions with placeholder offsets (0, 0, ""); the recogniser sets
the real ones. Relative readings need the article's date (DCT); without it they stay
unresolved (value None) rather than guessed, keeping whatever they know (weekday,
direction, and in ``note`` a TIMEX3-style partial value such as ``XXXX-11``).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from kg.extract.timex import calendars as cal
from kg.extract.timex.lexicon import WEEKDAY_NAMES_EN
from kg.model import Precision, TimeExpression


def _te(value: str | None, precision: Precision, begin: date | None, end: date | None, **kw: Any):
    return TimeExpression(0, 0, "", value, precision, begin, end, **kw)


def day_expr(d: date, **kw: Any) -> TimeExpression:
    return _te(d.isoformat(), "day", d, d, **kw)


def month_expr(year: int, month: int, **kw: Any) -> TimeExpression:
    b, e = cal.month_span(year, month)
    return _te(f"{year:04d}-{month:02d}", "month", b, e, **kw)


def year_expr(year: int, **kw: Any) -> TimeExpression:
    b, e = cal.year_span(year)
    return _te(f"{year:04d}", "year", b, e, **kw)


def week_expr(day: date, **kw: Any) -> TimeExpression:
    b, e = cal.week_span(day)
    return _te(cal.week_value(day), "week", b, e, **kw)


def decade_expr(first_year: int, **kw: Any) -> TimeExpression:
    return _te(
        f"{first_year // 10:03d}", "decade", date(first_year, 1, 1), date(first_year + 9, 12, 31), **kw
    )


def span_expr(precision: Precision, begin: date, end: date, **kw: Any) -> TimeExpression:
    """A Hijri month or year: value is the Gregorian month/year holding the span's middle."""
    mid = cal.midpoint(begin, end)
    value = {"day": mid.isoformat(), "month": f"{mid.year:04d}-{mid.month:02d}", "year": f"{mid.year:04d}"}
    return _te(value.get(precision), precision, begin, end, **kw)


def range_expr(precision: Precision, begin: date, end: date, value: str | None = None, **kw: Any):
    kw.setdefault("kind", "range")
    return _te(value or f"{begin.isoformat()}/{end.isoformat()}", precision, begin, end, **kw)


def unresolved(**kw: Any) -> TimeExpression:
    kw.setdefault("relative", True)
    return _te(None, "unresolved", None, None, **kw)


def vague(begin: date | None = None, end: date | None = None, value: str | None = None, **kw: Any):
    return _te(value, "vague", begin, end, **kw)


# ---- relative readings ----------------------------------------------------------------------


def weekday_date(dct: date, weekday: int, direction: str | None) -> date:
    """A weekday named in news: the latest one on or before the DCT, strictly before it
    when marked past (الجمعة الماضية), the next one after it when marked future."""
    back = (dct.weekday() - weekday) % 7
    if direction == "future":
        return dct + timedelta(days=(weekday - dct.weekday()) % 7 or 7)
    if direction == "past" and back == 0:
        back = 7
    return dct - timedelta(days=back)


def month_year(dct: date, month: int, direction: str | None) -> int:
    """Year of a month written without one: the most recent such month strictly before the
    DCT's month when past, strictly after when future, else the DCT's year."""
    if direction == "past":
        return dct.year if month < dct.month else dct.year - 1
    if direction == "future":
        return dct.year if month > dct.month else dct.year + 1
    return dct.year


def day_year(dct: date, month: int, day: int, direction: str | None) -> int | None:
    """Year of a day-and-month without a year (``3 يوليو``; ``3 يوليو الماضي``)."""
    if direction not in ("past", "future"):
        return dct.year if cal.valid_day(dct.year, month, day) else None
    days = [date(y, month, day) for y in range(dct.year - 4, dct.year + 5) if cal.valid_day(y, month, day)]
    if direction == "past":
        before = [d for d in days if d < dct]
        return before[-1].year if before else None
    after = [d for d in days if d > dct]
    return after[0].year if after else None


def hijri_month_year(dct: date, month: int, direction: str | None) -> int | None:
    today = cal.gregorian_to_hijri(dct)
    if today is None:
        return None
    hy, hm, _ = today
    if direction == "past":
        return hy if month < hm else hy - 1
    if direction == "future":
        return hy if month > hm else hy + 1
    return hy


def weekday_note(written: int | None, actual: date | None) -> str | None:
    if written is None or actual is None or actual.weekday() == written:
        return None
    return (
        f"weekday {WEEKDAY_NAMES_EN[written]} written, but {actual.isoformat()} "
        f"is a {WEEKDAY_NAMES_EN[actual.weekday()]}"
    )
