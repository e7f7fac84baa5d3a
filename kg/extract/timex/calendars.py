"""Calendar arithmetic: Gregorian spans, ISO weeks, Hijri via hijridate, Libyan years.

The Libyan calendar of 1986-2011 used Gregorian months under new names; from 1999
years were counted from the death of the Prophet (``من وفاة الرسول``, written و.ر),
so the Libyan year is the Gregorian year minus 632: AP reported 2001 as 1369 and
2008 as 1376. (Before that Libyan papers paired the new month names with Hijri years.)
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from hijridate import Gregorian, Hijri

LIBYAN_ERA_OFFSET = 632
# Plausible year ranges per calendar, for telling a year from any other 4-digit number.
GREGORIAN_YEARS = range(1800, 2101)
HIJRI_YEARS = range(1343, 1501)  # hijridate's Umm al-Qura table: 1343-1500 AH
LIBYAN_YEARS = range(1354, 1400)  # 1986-2031 as written in the Libyan era


def month_span(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def year_span(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def week_span(day: date) -> tuple[date, date]:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def week_value(day: date) -> str:
    iso = day.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def shift_months(year: int, month: int, k: int) -> tuple[int, int]:
    idx = year * 12 + (month - 1) + k
    return idx // 12, idx % 12 + 1


def shift_date(day: date, n: int, unit: str) -> date:
    """``day`` moved ``n`` units (day/week/month/year/decade; hours and minutes stay on the day)."""
    if unit == "day":
        return day + timedelta(days=n)
    if unit == "week":
        return day + timedelta(weeks=n)
    if unit in ("month", "year", "decade"):
        months = n * {"month": 1, "year": 12, "decade": 120}[unit]
        y, m = shift_months(day.year, day.month, months)
        return date(y, m, min(day.day, calendar.monthrange(y, m)[1]))
    return day


def valid_day(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


# ---- Hijri (Umm al-Qura, as hijridate computes it) ----------------------------------------


def _as_date(g: Gregorian) -> date:
    return date(g.year, g.month, g.day)


def hijri_to_gregorian(year: int, month: int, day: int) -> date | None:
    try:
        return _as_date(Hijri(year, month, day).to_gregorian())
    except (ValueError, OverflowError):
        return None


def hijri_month_span(year: int, month: int) -> tuple[date, date] | None:
    try:
        h = Hijri(year, month, 1)
        first = _as_date(h.to_gregorian())
        return first, first + timedelta(days=h.month_length() - 1)
    except (ValueError, OverflowError):
        return None


def hijri_year_span(year: int) -> tuple[date, date] | None:
    first = hijri_month_span(year, 1)
    last = hijri_month_span(year, 12)
    if first is None or last is None:
        return None
    return first[0], last[1]


def gregorian_to_hijri(day: date) -> tuple[int, int, int] | None:
    try:
        h = Gregorian(day.year, day.month, day.day).to_hijri()
    except (ValueError, OverflowError):
        return None
    return h.year, h.month, h.day


def midpoint(begin: date, end: date) -> date:
    return begin + (end - begin) // 2


def part_of(begin: date, end: date, part: int) -> tuple[date, date]:
    """The first, middle or last third (``part`` 0, 1, 2) of an inclusive day span."""
    days = (end - begin).days + 1
    cut1, cut2 = round(days / 3), round(2 * days / 3)
    bounds = [(0, cut1 - 1), (cut1, cut2 - 1), (cut2, days - 1)][part]
    return begin + timedelta(days=bounds[0]), begin + timedelta(days=max(bounds))
