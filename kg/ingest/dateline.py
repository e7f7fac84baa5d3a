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

from kg.arabic.normalize import normalize

_DASH = r"(?:[-–—‒]|(?<=\s)ـ(?=\s))"  # a lone tatweel between spaces is used as a dash
_SIDE = r"[^\s\d.,،:؛!?؟\-–—‒ـ()][^\n.,،:؛!?؟\-–—‒()]{0,28}?"
_LINE = re.compile(rf"^\s*(?P<a>{_SIDE})\s*{_DASH}\s*(?P<b>{_SIDE})\s*:?\s*$")
_PREFIX = re.compile(rf"^\s*(?P<a>{_SIDE})\s*{_DASH}\s*(?P<b>{_SIDE})\s*:\s*(?=\S)")
# ``الرياض (واس) -``: the place, then the outlet in brackets.
_PAREN_PREFIX = re.compile(rf"^\s*(?P<a>{_SIDE})\s*\((?P<b>[^()\n]{{1,25}})\)\s*(?:{_DASH}|:)\s*(?=\S)")
_QUOTES = "\"'“”«»„‟‘’"
# Words and acronyms that name a news agency or the outlet itself rather than a place.
_AGENCY_WORDS = {
    normalize(w)
    for w in (
        "وكالة",
        "وكالات",
        "الوكالة",
        "الوكالات",
        "خاص",
        "خاص ب",
        "متابعات",
        "مراسلنا",
        "مراسلون",
        "صحيفة",
        "قناة",
        "موقع",
        "بوابة",
        "شبكة",
        "إذاعة",
        "تلفزيون",
        "رويترز",
        "الأناضول",
        "شينخوا",
        "واس",
        "وام",
        "قنا",
        "كونا",
        "بنا",
        "سبأ",
        "سانا",
        "وفا",
        "بترا",
        "وال",
        "لانا",
        "أ ف ب",
        "ا ف ب",
        "د ب أ",
        "أ ش أ",
        "يو بي آي",
        "أسوشيتد برس",
        "سبوتنيك",
        "إرنا",
        "تاس",
        "afp",
        "reuters",
        "ap",
    )
}


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
    m = _PREFIX.match(head)
    if m:
        return _assign(m.group("a"), m.group("b"), in_body=True)
    m = _PAREN_PREFIX.match(head)
    if m and len(m.group("a").split()) <= 3:
        return Dateline(source=_strip_quotes(m.group("b")), place=_strip_quotes(m.group("a")))
    return None


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
    from kg.extract.resources import places

    return places()
