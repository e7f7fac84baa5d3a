"""Time anchoring at the level of the article: a date stated once dates the rest.

A report states the time once, in its lead (``استقبل … مساء أمس``), and the sentences
after it (``وخلال اللقاء``, ``وجرى خلال الاستقبال``, ``وفي بداية اللقاء``) carry none. An
event without a date of its own takes, in this order, the date of an earlier event of
the article that shares one of its actors, or the lead's date when the lead reports the
day's news (a day within three days before publication). Background (``وكان … قد زار``)
and planned events inherit nothing, but talks planned during a dated visit take its day;
a visit told as the time of another event (``خلال زيارته``) takes none from it. Each event
records where its date came from (``date_source``: stated, inherited, none), and an event
dated after its article's day is planned whatever its verb says.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from kg.arabic.normalize import normalize
from kg.extract.events.lexicon import words
from kg.model import Event, TimeExpression

# The lead: the first sentence, or this many characters, whichever ends later.
LEAD_CHARS = 400
# A lead date this many days before publication (or on its day) still reports the news.
LEAD_DAYS = 3
# How far back (in events) an undated event looks for the report it continues.
_LOOK_BACK = 6
_DURING = words("DURING")  # خلال أثناء …
_PLUPERFECT = re.compile(r"(?:^|\s)و?كان(?:ت|ا|وا)?\s(?:\S+\s){0,12}?قد\s|(?:^|\s)(?:سبق|سبقت)\s")


def anchor_times(
    events: list[Event], times: list[TimeExpression], text: str, dct: date | None, lead_end: int
) -> list[Event]:
    """``events`` with inherited dates, their date sources, and future dates planned."""
    lead = _lead_time(times, dct, max(lead_end, LEAD_CHARS))
    out: list[Event] = []
    for ev in events:
        source = "stated" if ev.time is not None else "none"
        time = ev.time
        if time is None and ev.status == "happened" and not _background(text, ev) and not _frame(text, ev):
            time = _from_earlier(ev, out)
            if time is None and lead is not None and ev.trigger.start >= times[lead].end:
                time = lead
            if time is not None:
                source = "inherited"
        elif time is None and ev.type in ("Meeting", "Call") and ev.status == "planned":
            # ``وصل فابيوس يوم الأربعاء إلى طهران … ومن المقرر أن يلتقي ظريف``: talks planned
            # during a dated visit are of its day.
            time = _visit_of(ev, out, times)
            if time is not None:
                source = "inherited"
        status = ev.status
        te = times[time] if time is not None else None
        if te is not None and te.begin is not None and dct is not None and te.begin > dct:
            status = "planned"
        out.append(replace(ev, time=time, status=status, date_source=source))
    return out


def _lead_time(times: list[TimeExpression], dct: date | None, lead_end: int) -> int | None:
    """The first day-precise date of the lead that reports the news of the day."""
    if dct is None:
        return None
    for k, te in enumerate(times):
        if te.start >= lead_end:
            break
        recent = te.begin is not None and dct - timedelta(days=LEAD_DAYS) <= te.begin <= dct
        if te.kind == "date" and te.precision == "day" and recent:
            return k
    return None


def _is_day(time: int, times: list[TimeExpression]) -> bool:
    return times[time].precision == "day"


def _visit_of(ev: Event, earlier: list[Event], times: list[TimeExpression]) -> int | None:
    """The date of the article's latest visit told before, when the event's subject (its
    first actor) is the visitor: his talks during his visit, not a visit of someone else
    he will meet (``الجبير سيزور موسكو … لافروف سيعقد اجتماعا مع الجبير``)."""
    visit = _latest_visit_by_subject(ev, earlier)
    if visit is None or visit.time is None or not _is_day(visit.time, times):
        return None  # a visit of some month is background, not the frame of these talks
    return visit.time


def _latest_visit_by_subject(ev: Event, earlier: list[Event]) -> Event | None:
    prev = next((p for p in reversed(earlier[-_LOOK_BACK:]) if p.type == "Visit"), None)
    if prev is None or not ev.roles:
        return None
    visitors = {r.entity for r in prev.roles if r.role == "visitor"}
    return prev if ev.roles[0].entity in visitors else None


def _from_earlier(ev: Event, earlier: list[Event]) -> int | None:
    """The date of the latest earlier dated event with an actor in common."""
    actors = {r.entity for r in ev.roles}
    for prev in reversed(earlier[-_LOOK_BACK:]):
        if prev.time is None or prev.type == "Statement" or prev.status != "happened":
            continue
        if actors & {r.entity for r in prev.roles}:
            return prev.time
    return None


def _frame(text: str, ev: Event) -> bool:
    """``خلال زيارته الخاصة لفرنسا``: a visit told as the time of another event began
    before it; it takes no date from the event it frames."""
    if ev.type != "Visit":
        return False
    before = text[ev.sentence.start : ev.trigger.start].split()
    return bool(before) and normalize(before[-1]) in _DURING


def _background(text: str, ev: Event) -> bool:
    """``وكان الجانبان قد وقّعا``, ``سبق أن زار``: an earlier event told as background."""
    before = text[ev.sentence.start : ev.trigger.end]
    return bool(_PLUPERFECT.search(before))


def anchor_places(events: list[Event], times: list[TimeExpression]) -> list[Event]:
    """``events`` with talks held during a visit placed where the visit went: ``وصل كارتر
    إلى أربيل … ويلتقي بارزاني`` is a meeting in Erbil, not about it."""
    out: list[Event] = []
    for ev in events:
        if ev.type == "Meeting" and ev.place is None:
            place = _destination_of(ev, out, times)
            if place is not None:
                ev = replace(ev, place=place)
        out.append(ev)
    return out


def _destination_of(ev: Event, earlier: list[Event], times: list[TimeExpression]) -> int | None:
    """Where the article's latest visit went, when the meeting's subject is its visitor and
    their days agree."""
    prev = _latest_visit_by_subject(ev, earlier)
    if prev is None or prev.place is None or (prev.time is not None and not _is_day(prev.time, times)):
        return None
    if ev.time is None or prev.time is None or times[ev.time].value == times[prev.time].value:
        return prev.place
    return None
