"""Publication dates as crawlers and pages write them → ``datetime.date``.

Only the date part matters (the DCT is a day), and it is taken as written: a time zone
never moves the day, since the outlet's local day is the one its ``اليوم`` refers to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from functools import lru_cache

from hijridate import Hijri

from kg import lexicon
from kg.arabic.normalize import normalize

MAX_DATE_CHARS = 200  # the longest date written out in words, with weekday and time, is far shorter
_ISO = re.compile(r"^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s_]|\s*[+-]\d\d)")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:$|T)")
_DMY = re.compile(r"^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b")


def _numbered(*names: str) -> dict[str, int]:
    """Keyed groups with number keys (``GREGORIAN_MONTHS.1``): normalised word → number, key by
    key, each key's words in the order of ``names``, then of the list."""
    keys = lexicon.groups(names[0])
    return {word: int(key) for key in keys for name in names for word in lexicon.ordered(f"{name}.{key}")}


# Gregorian month names: MSA, Levantine/Iraqi and Libyan, keyed by their matching form.
_MONTHS = _numbered("GREGORIAN_MONTHS", "LIBYAN_MONTHS")
_MONTH_ALT = "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True))
# ``14 مارس 2023`` with an optional second name (``مارس/آذار``) — matched on normalised text.
_DAY_MONTH_YEAR = re.compile(
    rf"(\d{{1,2}})\s+(?:شهر\s+)?({_MONTH_ALT})(?:\s*[/(]\s*[^\d\s)]+\)?)?\s*،?\s*(\d{{4}})"
)
# Weekday → ``date.weekday()`` number, on the normalised form: ال and each day's standard stem.
_WEEKDAY_NUMBERS = {
    "ال" + lexicon.ordered(f"WEEKDAY_STEMS.{k}")[0]: int(k) for k in lexicon.groups("WEEKDAY_STEMS")
}
_WEEK = list(_WEEKDAY_NUMBERS)
_WEEKDAYS = f"(?:{'|'.join(_WEEK[5:] + _WEEK[:5])})"  # Saturday first; no name is a prefix of another
_LEADS = f"(?:{'|'.join(lexicon.ordered('DATE_LEADS'))})"
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
    day = parse_date(m.group("date")) if m else None
    if day is None:
        # Hijri, or Hijri and Gregorian together: ``الثلاثاء 20 شوال 1436 - 04 أغسطس 2015``.
        dated = dated_line(line)
        if dated is not None and not dated.lead and not dated.tail:
            return dated.day
    return day


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


def publication_date(
    record_day: date | None, url: str | None, record_source: str = "record"
) -> tuple[date | None, str | None]:
    """The article's day and where it came from: a crawler's date is when the page was
    fetched, so an earlier day in the url (within ``URL_DAY_SLACK`` days) is the publication
    day; a url day after the record's is not credible and is ignored. ``record_source``
    names the record's date (``crawl`` for a crawler's fetch time). On the same day the
    url is the source: it states the publication day, a crawl date only agrees with it."""
    from_url = url_date(url)
    if from_url is None:
        return record_day, record_source if record_day else None
    if record_day is None:
        return from_url, "url"
    if is_credible(from_url, record_day):
        return from_url, "url"
    return record_day, record_source


def is_credible(day: date, anchor: date) -> bool:
    """A day written in the url or the text can be the publication day of a page dated
    ``anchor`` (its crawl day): not after it, and not so long before it that it is more
    likely an archive path or a date the story quotes."""
    return day <= anchor and (anchor - day).days <= URL_DAY_SLACK


def with_dateline(
    current: date | None, source: str | None, anchor: date | None, dateline_day: date
) -> tuple[date | None, str | None]:
    """The earliest credible day once the dateline's is known: the dateline's day replaces
    ``current`` (the record's or the url's) when it is earlier and credible against
    ``anchor`` (the record's own date, else ``current``); with no other day it is the day.
    On a crawl date's own day the dateline is the source (it states the day; the crawler
    only fetched the page then); a url or a publication field keeps a tie."""
    anchor = anchor or current
    if anchor is None:
        return dateline_day, "dateline"
    if not is_credible(dateline_day, anchor):
        return current, source
    if current is None or dateline_day < current or (dateline_day == current and source == "crawl"):
        return dateline_day, "dateline"
    return current, source


# ---- The day the text calls today: ``أعلنت الوزارة اليوم الأربعاء`` ----

_TODAY_IS = re.compile(
    rf"(?<!\S)(?:(?:{'|'.join(lexicon.ordered('TODAY_TIMES'))})\s+)?اليوم\s*[(،\-]?\s*(?:يوم\s+)?"
    rf"(?P<wd>{'|'.join(_WEEKDAY_NUMBERS)})(?![^\W\d_])"
)
LEAD_CHARS = 400  # the lead: where a story says when it was written, before any quoted past


def text_day(text: str, anchor: date) -> date | None:
    """The day the lead calls today (``اليوم الأربعاء``), counted back from ``anchor`` (the
    best day known so far): a page fetched on Thursday that says "today, Wednesday" was
    written on the Wednesday. None when the lead names no weekday for today."""
    m = _TODAY_IS.search(normalize(text[:LEAD_CHARS]))
    if m is None:
        return None
    back = (anchor.weekday() - _WEEKDAY_NUMBERS[m.group("wd")]) % 7
    return anchor - timedelta(days=back)


# ---- Dates in a dateline: ``واشنطن 15 شوال 1436 هـ الموافق 31 يوليو 2015 م واس`` ----

HIJRI_YEARS = range(1343, 1501)  # hijridate's Umm al-Qura table: 1343-1500 AH


@lru_cache(maxsize=1)
def hijri_months() -> dict[str, int]:
    """Normalised Hijri month name → month number (the lexicon's ``HIJRI_MONTHS``, which the
    time tagger reads too)."""
    return _numbered("HIJRI_MONTHS")


def hijri_to_gregorian(year: int, month: int, day: int) -> date | None:
    """A Hijri day on the Umm al-Qura calendar (the Saudi civil one), or None if no such day."""
    if year not in HIJRI_YEARS:
        return None
    try:
        g = Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return date(g.year, g.month, g.day)  # a plain date: hijridate's subclass does not compare as one


@lru_cache(maxsize=1)
def _written_day() -> re.Pattern:
    hijri = "|".join(sorted((re.escape(m) for m in hijri_months()), key=len, reverse=True))
    # ``15 شوال 1436 هـ`` / ``31 يوليو 2015 م`` / ``2015/08/04`` / ``1436/10/20 هـ`` / ``04-08-2015``
    return re.compile(
        rf"(?<!\d)(?:(?P<d>\d{{1,2}})\s*(?:من\s+)?(?:شهر\s+)?(?:(?P<gm>{_MONTH_ALT})|(?P<hm>{hijri}))"
        rf"\s*،?\s*(?P<y>\d{{4}})"
        r"|(?P<ny>\d{4})[/.\-](?P<nm>\d{1,2})[/.\-](?P<nd>\d{1,2})"
        r"|(?P<rd>\d{1,2})[/.\-](?P<rm>\d{1,2})[/.\-](?P<ry>\d{4}))(?!\d)"
        r"(?:\s*(?P<era>ه|م)(?![^\W\d_]))?"
    )


_WEEKDAY = re.compile(rf"(?:يوم\s+)?{_WEEKDAYS}")
# What a dateline puts between and around its dates: ``الموافق``, dashes, commas, brackets.
_DATE_GLUE = re.compile(r"الموافق|[-–—ـ/|،,()\[\]:]")
_SENTENCE = re.compile(r"[.!?؟؛]")
DATELINE_WORDS = 5  # the place and the agency around a dateline's dates: a few words at most
HIJRI_GREGORIAN_DAYS = 2  # Umm al-Qura and a sighted month may differ by a day (or two)


@dataclass(frozen=True)
class DatedLine:
    """A line that is a dateline's date: its day and the words around the dates, which the
    caller judges (a place before, an agency after: ``واشنطن 15 شوال 1436 هـ … واس``)."""

    day: date
    lead: str  # normalised words before the first date (weekdays and glue removed)
    tail: str  # normalised words after the last date
    lead_words: int  # how many words of the line as written ``lead`` was


def dated_line(line: str) -> DatedLine | None:
    """The day of a line that is a dateline's date and little else:
    ``الثلاثاء 20 شوال 1436 - 04 أغسطس 2015``, ``الرياض 2015/08/04 واس``.
    A Gregorian date written beside a Hijri one is the day (it is stated, not converted);
    when the two disagree by more than a day or two the line is not trusted."""
    if len(line) > 140:
        return None
    norm = normalize(line)
    found = list(_written_day().finditer(norm))
    if not found or len(found) > 2:
        return None
    between = norm[found[0].end() : found[-1].start()] if len(found) == 2 else ""
    if _strip_glue(between):
        return None  # words between two dates: prose (``من 4 يوليو حتى 8 أغسطس``), not a dateline
    head, tail = norm[: found[0].start()], norm[found[-1].end() :]
    lead, tail = _strip_glue(head), _strip_glue(tail)
    words = len(lead.split()) + len(tail.split())
    if _SENTENCE.search(lead + tail) or re.search(r"\d", lead + tail) or words > DATELINE_WORDS:
        return None
    days: list[date] = []
    for m in found:
        d = _match_day(m)
        if d is None:
            return None
        days.append(d)
    gregorian = [d for d, m in zip(days, found, strict=True) if not _is_hijri(m)]
    day = gregorian[0] if gregorian else days[0]
    if any(abs((d - day).days) > HIJRI_GREGORIAN_DAYS for d in days):
        return None
    return DatedLine(day=day, lead=lead, tail=tail, lead_words=_leading_words(head))


def _leading_words(head: str) -> int:
    """How many words open ``head`` before a weekday or a dash: normalising keeps words
    whole, so the same count of the line as written is the lead as written."""
    n = 0
    for word in head.split():
        if _WEEKDAY.fullmatch(word) or word == "يوم" or not _strip_glue(word):
            break
        n += 1
    return n


def _strip_glue(text: str) -> str:
    return " ".join(_DATE_GLUE.sub(" ", _WEEKDAY.sub(" ", text)).split())


def _is_hijri(m: re.Match) -> bool:
    if m.group("hm"):
        return True
    if m.group("gm"):
        return False
    # Figures only: ``هـ`` says Hijri, and so does a year no Gregorian date of news has.
    year = m.group("y") or m.group("ny") or m.group("ry")
    return m.group("era") == "ه" or int(year) in HIJRI_YEARS


def _match_day(m: re.Match) -> date | None:
    if m.group("y"):
        y, d = int(m.group("y")), int(m.group("d"))
        month = _MONTHS[m.group("gm")] if m.group("gm") else hijri_months()[m.group("hm")]
    elif m.group("ny"):
        y, month, d = int(m.group("ny")), int(m.group("nm")), int(m.group("nd"))
    else:
        y, month, d = int(m.group("ry")), int(m.group("rm")), int(m.group("rd"))
    if _is_hijri(m):
        return hijri_to_gregorian(y, month, d)
    return _safe_date(y, month, d)
