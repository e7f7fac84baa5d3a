"""Datelines: ``SOURCE – PLACE`` on a line of its own, or ``PLACE - SOURCE:`` opening the body.

Which side is the outlet and which the place is decided by cues, not by position alone:
a side that names an agency (``وكالات``, ``واس``, ``«أوج»``) is the source; else a side
that is a known place name (GeoNames' Arabic names, CLDR country names) is the place;
else the scraped-page convention ``SOURCE – PLACE`` holds. A source that lost its first
letter in scraping (``وج`` for ``أوج``) is restored from a quoted name in the body.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources

from kg import lexicon
from kg.arabic.normalize import normalize
from kg.ingest.dates import DatedLine, dated_line

_DASH = r"(?:[-–—‒]|(?<=\s)ـ(?=\s))"  # a lone tatweel between spaces is used as a dash
_SIDE = r"[^\s\d.,،:؛!?؟\-–—‒ـ()][^\n.,،:؛!?؟\-–—‒()]{0,28}?"
_LINE = re.compile(rf"^\s*(?P<a>{_SIDE})\s*{_DASH}\s*(?P<b>{_SIDE})\s*:?\s*$")
_PREFIX = re.compile(rf"^\s*(?P<a>{_SIDE})\s*{_DASH}\s*(?P<b>{_SIDE})\s*:\s*(?=\S)")
# ``فهد العتيبي- سبق- الطائف:``: reporter, outlet, place.
_TRIPLE_PREFIX = re.compile(
    rf"^\s*(?P<a>{_SIDE})\s*{_DASH}\s*(?P<b>{_SIDE})\s*{_DASH}\s*(?P<c>{_SIDE})\s*:\s*(?=\S)"
)
# ``الرياض (واس) -``: the place, then the outlet in brackets.
_PAREN_PREFIX = re.compile(rf"^\s*(?P<a>{_SIDE})\s*\((?P<b>[^()\n]{{1,25}})\)\s*(?:{_DASH}|:)\s*(?=\S)")
_QUOTES = "\"'“”«»„‟‘’"
# Words and acronyms that name a news agency or the outlet itself rather than a place.
_AGENCY_WORDS = lexicon.words("AGENCY_WORDS")


@dataclass(frozen=True)
class Dateline:
    source: str
    place: str


def dateline_line(line: str) -> Dateline | None:
    """``وج – طرابلس`` as a line of its own (a trailing colon is allowed)."""
    if len(line) > 70:
        return None
    m = _LINE.match(line)
    return _assign(m.group("a"), m.group("b")) if m else None


def dateline_prefix(body: str) -> Dateline | None:
    """``طرابلس - وكالات: ...`` / ``واس - الرياض: ...`` / ``الرياض (واس) - ...`` opening the body."""
    head = body[:90]
    m = _TRIPLE_PREFIX.match(head)
    if m:
        # Three sides: the place is the one at either end that is a known place.
        a, b, c = (m.group(k).strip() for k in "abc")
        if _is_place(c) and not _is_place(a):
            return Dateline(_strip_quotes(b), c)
        if _is_place(a) and not _is_place(c):
            return Dateline(_strip_quotes(b), a)
        return None
    m = _PREFIX.match(head)
    if m:
        return _assign(m.group("a"), m.group("b"), in_body=True)
    m = _PAREN_PREFIX.match(head)
    if m and len(m.group("a").split()) <= 3:
        return Dateline(source=_strip_quotes(m.group("b")), place=_strip_quotes(m.group("a")))
    return None


HEAD_LINES = 3  # a crawled body's dateline and date line stand in its first lines, if anywhere
HEAD_WORDS = 12  # a longer line is the first paragraph: the head is over


@dataclass(frozen=True)
class Head:
    """What the first lines of a crawled record's body say about the article itself."""

    place: str | None = None  # a known place: ``عين اليوم – الطائف``, ``واشنطن 15 شوال 1436 هـ … واس``
    day: date | None = None  # the day of a dateline's date line


def read_head(body: str) -> Head:
    """The dateline place and date at the top of a crawled record's body (JSON content
    has no page layout to read): after navigation words a crawler kept (``Next Previous``),
    each of the first lines that is a ``SOURCE – PLACE`` dateline or a date line is read;
    the first line that is neither is the body. A place counts only when it is a known
    place (the gazetteer): ``عمر إبراهيم – عين اليوم`` names a reporter and the outlet."""
    place, day = None, None
    lines = [line for line in body.split("\n") if line.strip()][:HEAD_LINES]
    for n, line in enumerate(lines):
        line = (strip_navigation(line) if n == 0 else line).strip()
        if not line:
            continue
        dated = dated_line(line)
        if dated is not None:
            if not _dated_dateline(dated):
                break
            day = day or dated.day
            if place is None and dated.lead:
                place = " ".join(line.split()[: dated.lead_words])
            continue
        if len(line.split()) > HEAD_WORDS:
            break
        dl = dateline_line(line)
        if dl is None:
            break
        place = place or _known_place(dl)
    return Head(place=place, day=day)


def _dated_dateline(dated: DatedLine) -> bool:
    """Only a place may stand before a dateline's date and only an agency after it: other
    words make the line a sentence about some date (``بتاريخ 15/7/1436هـ تحت عنوان``)."""
    lead_ok = not dated.lead or (len(dated.lead.split()) <= 3 and _is_place(dated.lead))
    tail_ok = not dated.tail or _is_agency(dated.tail)
    return lead_ok and tail_ok


def known_place(name: str | None) -> str | None:
    """``name`` when it is a known place (the gazetteer), else None."""
    return name if name and _is_place(name) else None


def _known_place(dl: Dateline) -> str | None:
    """The dateline's place when it is a known place and the other side is not: two places
    (``السعودية – إيران``) are a heading, not a dateline."""
    if _is_place(dl.place) and not _is_place(dl.source):
        return dl.place
    return None


@lru_cache(maxsize=1)
def _navigation_words() -> tuple[str, ...]:
    text = resources.files("kg.ingest").joinpath("data/navigation.txt").read_text(encoding="utf-8")
    words = (normalize(w.strip()).lower() for w in text.splitlines() if w.strip() and not w.startswith("#"))
    return tuple(sorted(set(words), key=len, reverse=True))  # longest first: ``الخبر التالي``


def strip_navigation(line: str) -> str:
    """``line`` without the navigation words in front of it (``Next Previous عين اليوم – واس``)."""
    rest = line.strip()
    while rest:
        words = rest.split()
        for phrase in _navigation_words():
            k = len(phrase.split())
            if " ".join(normalize(w).lower() for w in words[:k]) == phrase:
                rest = " ".join(words[k:])
                break
        else:
            return rest
    return rest


def restore_source(source: str, body: str) -> str:
    """``وج`` → ``أوج`` when the body quotes a name that is ``source`` with one more letter in front."""
    quoted = Counter(
        _strip_quotes(q) for q in re.findall(r"[“«\"]([^”»\"\n]{1,30})[”»\"]", body) if q.strip()
    )
    if source in quoted:
        return source
    candidates = [
        (n, q)
        for q, n in quoted.items()
        if len(q) == len(source) + 1 and q.endswith(source) and q[0].isalpha()
    ]
    if not candidates:
        return source
    return max(candidates)[1]


def _assign(a: str, b: str, in_body: bool = False) -> Dateline | None:
    a, b = a.strip(), b.strip()
    if not a or not b or len(a.split()) > 4 or len(b.split()) > 4:
        return None
    a_agency, b_agency = _is_agency(a), _is_agency(b)
    if a_agency != b_agency:
        return Dateline(_strip_quotes(a), b) if a_agency else Dateline(_strip_quotes(b), a)
    a_place, b_place = _is_place(a), _is_place(b)
    if a_place and not b_place:
        return Dateline(_strip_quotes(b), a)
    if b_place and not a_place:
        return Dateline(_strip_quotes(a), b)
    if not in_body:
        return Dateline(_strip_quotes(a), b)  # the scraped-page line: ``وج – طرابلس``
    if a_place:
        return Dateline(_strip_quotes(b), a)  # both could be places: bodies open with the place
    return None  # inside a body a dash-and-colon without a known side may be prose


def _strip_quotes(text: str) -> str:
    return text.strip().strip(_QUOTES).strip()


def _is_agency(side: str) -> bool:
    if side[:1] in _QUOTES or side[-1:] in _QUOTES:
        return True  # «الخليج», "أوج": outlets are quoted, places are not
    words = normalize(side).split()
    return bool(words) and (words[0] in _AGENCY_WORDS or " ".join(words) in _AGENCY_WORDS)


def _is_place(side: str) -> bool:
    return normalize(side) in _place_names()


def _place_names() -> dict:
    """Arabic names of countries and cities: the extractor's gazetteer (CLDR + GeoNames)."""
    from kg.lexicon.gazetteer import places

    return places()
