"""Publication dates as crawlers and pages write them → ``datetime.date``.

Only the date part matters (the DCT is a day), and it is taken as written: a time zone
never moves the day, since the outlet's local day is the one its ``اليوم`` refers to.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timezone
from email.utils import parsedate_to_datetime

from kg.arabic.normalize import normalize

MAX_DATE_CHARS = 200  # the longest date written out in words, with weekday and time, is far shorter
_ISO = re.compile(r"^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s_]|\s*[+-]\d\d)")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:$|T)")
_DMY = re.compile(r"^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b")

# Gregorian month names: MSA, Levantine/Iraqi and Libyan, keyed by their matching form.
_MONTH_NAMES = {
    1: ("يناير", "كانون الثاني", "أي النار", "اي النار"),
    2: ("فبراير", "شباط", "النوار", "فبراير"),
    3: ("مارس", "آذار", "الربيع"),
    4: ("أبريل", "ابريل", "إبريل", "نيسان", "الطير"),
    5: ("مايو", "أيار", "الماء"),
    6: ("يونيو", "يونيه", "حزيران", "الصيف"),
    7: ("يوليو", "يوليه", "تموز", "ناصر"),
    8: ("أغسطس", "اغسطس", "آب", "هانيبال"),
    9: ("سبتمبر", "أيلول", "الفاتح"),
    10: ("أكتوبر", "اكتوبر", "تشرين الأول", "التمور"),
    11: ("نوفمبر", "تشرين الثاني", "الحرث"),
    12: ("ديسمبر", "كانون الأول", "الكانون"),
}
_MONTHS = {normalize(name): month for month, names in _MONTH_NAMES.items() for name in names}
_MONTH_ALT = "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True))
# ``14 مارس 2023`` with an optional second name (``مارس/آذار``) — matched on normalised text.
_DAY_MONTH_YEAR = re.compile(
    rf"(\d{{1,2}})\s+(?:شهر\s+)?({_MONTH_ALT})(?:\s*[/(]\s*[^\d\s)]+\)?)?\s*،?\s*(\d{{4}})"
)
_WEEKDAYS = r"(?:السبت|الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه)"
_LEADS = r"(?:نشر في|نشر بتاريخ|تاريخ النشر|بتاريخ|اخر تحديث|تم النشر|نشر)"
# A line that is only a date (what scraped pages put near the title), with the usual lead-ins.
_DATE_LINE = re.compile(
    rf"^\s*(?:{_LEADS}\s*:?\s*)?(?:{_WEEKDAYS}\s*،?\s*)?(?P<date>[\d/.\-]+|\d{{1,2}}\s+\D{{2,30}}?\s*\d{{4}})"
    r"\s*(?:م|مـ)?\s*(?:[-–|،,]?\s*(?:الساعه\s*)?\d{1,2}:\d{2}(?::\d{2})?\s*(?:ص|م|am|pm|AM|PM)?)?\s*$"
)


def parse_date(value: object, _depth: int = 0) -> date | None:
    """A date from a record field: ISO date/datetime, ``d/m/Y``, RFC 822, epoch seconds."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)):
        return _from_epoch(value)
    if isinstance(value, dict):  # {"$date": ...} (MongoDB exports)
        for key in ("$date", "date", "value"):
            if key in value:
                return parse_date(value[key], _depth + 1) if _depth < 4 else None  # not a date's depth
        return None
    if not isinstance(value, str) or len(value) > MAX_DATE_CHARS:
        return None  # a date field of a page's length is not a date: no need to scan it
    text = normalize(value.strip())  # Arabic-Indic digits → ASCII, one alef
    if not text:
        return None
    for pattern, order in ((_ISO, "ymd"), (_COMPACT, "ymd"), (_DMY, "dmy")):
        m = pattern.match(text)
        if m:
            a, b, c = (int(g) for g in m.groups())
            return _safe_date(a, b, c) if order == "ymd" else _safe_date(c, b, a)
    if re.fullmatch(r"\d{9,13}(?:\.\d+)?", text):
        return _from_epoch(text)
    m = _DAY_MONTH_YEAR.search(text)
    if m:
        return _safe_date(int(m.group(3)), _MONTHS[m.group(2)], int(m.group(1)))
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return None


def date_line(line: str) -> date | None:
    """The date if ``line`` is nothing but a date (``14/3/2023``, ``الثلاثاء 14 مارس 2023``)."""
    if len(line) > 60:
        return None
    norm = normalize(line)
    m = _DATE_LINE.match(norm)
    if not m:
        return None
    return parse_date(m.group("date"))


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day) if 1900 <= year <= 2100 else None
    except ValueError:
        return None


def _from_epoch(value: float | str) -> date | None:
    try:
        seconds = float(value)  # an int of 400 digits does not fit: OverflowError
        if seconds > 1e11:  # milliseconds
            seconds /= 1000
        day = datetime.fromtimestamp(seconds, tz=timezone.utc).date()
    except (OverflowError, OSError, ValueError):
        return None
    return day if 1990 <= day.year <= 2100 else None


# A day written in a url: /2015/20150724/, /2015/07/24/, /Issues/20150731/, -2015-07-24-.
_URL_DAY = re.compile(r"(?<!\d)(20\d\d)(?:([01]\d)([0-3]\d)|[/_-]([01]?\d)[/_-]([0-3]?\d))(?!\d)")
# A url day this many days before the record's date is still the same story's publication
# (pages crawled late); further back it is more likely an archive path than the story's day.
URL_DAY_SLACK = 400


def url_date(url: str | None) -> date | None:
    """The publication day a url states, or None."""
    if not url:
        return None
    for m in _URL_DAY.finditer(url):
        year = int(m.group(1))
        month, day = (m.group(2), m.group(3)) if m.group(2) else (m.group(4), m.group(5))
        found = _safe_date(year, int(month), int(day))
        if found is not None:
            return found
    return None


def publication_date(record_day: date | None, url: str | None) -> tuple[date | None, str | None]:
    """The article's day and where it came from: a crawler's date is when the page was
    fetched, so an earlier day in the url (within ``URL_DAY_SLACK`` days) is the publication
    day; a url day after the record's is not credible and is ignored."""
    from_url = url_date(url)
    if from_url is None:
        return record_day, "record" if record_day else None
    if record_day is None:
        return from_url, "url"
    if from_url < record_day and (record_day - from_url).days <= URL_DAY_SLACK:
        return from_url, "url"
    return record_day, "record"
