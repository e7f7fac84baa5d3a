"""Time anchoring at the level of the article: a date stated once dates the rest.

A report states the time once, in its lead (``استقبل … مساء أمس``), and the sentences
after it (``وخلال اللقاء``, ``وجرى خلال الاستقبال``, ``وفي بداية اللقاء``) carry none. An
event without a date of its own takes, in this order, the date of an earlier event of
the article that shares one of its actors, or the lead's date when the lead reports the
day's news (a day within three days before publication). Background (``وكان … قد زار``)
and planned events inherit nothing, but talks planned during a dated visit take its day;
a visit told as the time of another event (``خلال زيارته``) takes none from it, and a
visit named by its noun alone (``نتائج زيارة الأمير``) takes none from the lead, only the
date of the same visitor's visit told before (``جولة وانغ ستستغرق ثلاثة أيام``). An event
tied to the one told before (``وعلى هامش هذا اللقاء``) is of its day. A bare weekday of an
event still ahead (``سيتوجه … مساء الأحد``, ``يصل … الأحد``) is the next such day, not the
last. Each event records where its date came from (``date_source``: stated, inherited,
none), and an event dated after its article's day is planned whatever its verb says.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from kg import lexicon
from kg.arabic.normalize import normalize
from kg.arabic.tokens import bare_forms
from kg.extract.timex.lexicon import ALL_MONTHS
from kg.lexicon.triggers import verb_triggers, words
from kg.model import DateSource, Event, TimeExpression

# The lead: the first sentence, or this many characters, whichever ends later.
LEAD_CHARS = 400
# A lead date this many days before publication (or on its day) still reports the news.
LEAD_DAYS = 3
# How far back (in events) an undated event looks for the report it continues.
_LOOK_BACK = 6
_DURING = words("DURING")  # خلال أثناء …
_MARGIN = words("MARGIN")  # هامش: ``على هامش هذا اللقاء``
_MARGIN_OF_IT = words("MARGIN_OF_IT")  # هامشه هامشها
_DEMONSTRATIVES = words("DEMONSTRATIVES")  # هذا هذه ذلك تلك
_VERBS = verb_triggers()
_VISIT_NOUNS = words("VISIT_NOUNS")
# Just before a bare visit noun: the words that report the visit itself (أجرى زيارة, في زيارة).
_VISIT_SUPPORT = words("VISIT_SUPPORT")
_REPORTS_VISIT = _VISIT_SUPPORT | words("IN_PREPS")
_WAS_FORMS = "|".join(map(re.escape, lexicon.raw("PLUPERFECT_WAS")))
_ALREADY = "|".join(map(re.escape, lexicon.raw("ALREADY_VERBS")))
_PLUPERFECT = re.compile(rf"(?:^|\s)و?(?:{_WAS_FORMS})\s(?:\S+\s){{0,12}}?قد\s|(?:^|\s)(?:{_ALREADY})\s")


def anchor_times(
    events: list[Event], times: list[TimeExpression], text: str, dct: date | None, lead_end: int
) -> list[Event]:
    """``events`` with inherited dates, their date sources, and future dates planned."""
    lead = _lead_time(times, dct, max(lead_end, LEAD_CHARS))
    out: list[Event] = []
    for ev in events:
        source: DateSource = "stated" if ev.time is not None else "none"
        time = ev.time
        if time is None and ev.type != "Statement" and _on_its_margin(text, ev):
            # ``وعلى هامش هذا اللقاء، سيجري كيري محادثات``: the text ties it to the event before.
            time = _latest_dated(out)
            if time is not None:
                source = "inherited"
        if time is None and ev.status == "happened" and not _background(text, ev) and not _frame(text, ev):
            time = _from_earlier(ev, out)
            after_lead = lead is not None and ev.trigger.start >= times[lead].end
            if time is None and _named_visit(ev):
                # ``جولة وانغ ستستغرق ثلاثة أيام``: the visit told before, again; else a visit
                # referred to (``نتائج زيارة الأمير``), of no day the lead gives.
                time = _same_visit(ev, out)
            elif time is None and after_lead:
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


def ahead_weekdays(
    events: list[Event], times: list[TimeExpression], dct: date | None
) -> list[TimeExpression]:
    """``times`` with each bare weekday (``الأحد``, ``مساء الأحد``) that dates only events still
    ahead read as the next such day: the tagger takes the last one (news tells the past),
    but ``سيتوجه إلى إثيوبيا مساء الأحد`` and ``يصل إلى الخرطوم الأحد`` (a present verb) on a
    Friday are two days on. A weekday that also dates a past event keeps its reading."""
    if dct is None:
        return times
    ahead: set[int] = set()
    behind: set[int] = set()
    for ev in events:
        if ev.time is not None and ev.type != "Statement":
            (ahead if ev.status == "planned" or _present_tense(ev.trigger.text) else behind).add(ev.time)
    out = list(times)
    for k in ahead - behind:
        te = times[k]
        if _bare_weekday(te) and te.begin is not None and te.weekday is not None and te.begin < dct:
            d = dct + timedelta(days=(te.weekday - dct.weekday()) % 7)
            note = f"a weekday of an event ahead: the next one, {d.isoformat()}, not {te.value}"
            out[k] = replace(te, value=d.isoformat(), begin=d, end_date=d, note=note)
    return out


def _bare_weekday(te: TimeExpression) -> bool:
    """A weekday written alone (``الأحد``, ``مساء الأحد``): no direction (``الماضي``), no day
    number or month beside it (``الأحد 19 يوليو`` is that day whatever the verb)."""
    if te.kind != "date" or te.precision != "day" or te.weekday is None or te.direction is not None:
        return False
    words_ = normalize(te.text).split()
    return not any(ch.isdigit() for ch in te.text) and not any(
        stem in ALL_MONTHS for w in words_ for _, stem in bare_forms(w)
    )


def _present_tense(word: str) -> bool:
    """A trigger verb in the present (``يصل``, ``ويلتقي``, ``تستقبل``), which news uses for
    what is ahead; not a past verb that starts with ت (``توجه``, ``تلقى``)."""
    for prefix, stem in bare_forms(normalize(word)):
        if prefix not in ("", "و", "ف") or stem not in _VERBS:
            continue
        if stem[:1] == "ي" or (stem[:1] == "ت" and "ي" + stem[1:] in _VERBS):
            return True
    return False


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
    first actor) is the visitor, or the one it receives is (``سوف يستقبل الأمير لافروف``):
    his talks during his visit, not a visit of someone else he will meet (``الجبير سيزور
    موسكو … لافروف سيعقد اجتماعا مع الجبير``)."""
    visit = _latest_visit_by_subject(ev, earlier)
    if visit is None or visit.time is None or not _is_day(visit.time, times):
        return None  # a visit of some month is background, not the frame of these talks
    return visit.time


def _latest_visit_by_subject(ev: Event, earlier: list[Event]) -> Event | None:
    prev = next((p for p in reversed(earlier[-_LOOK_BACK:]) if p.type == "Visit"), None)
    if prev is None or not ev.roles:
        return None
    visitors = {r.entity for r in prev.roles if r.role == "visitor"}
    # A reception of the visitor is of his visit too: the host receives him where he went.
    received = {r.entity for r in ev.roles if r.role == "guest"}
    return prev if ev.roles[0].entity in visitors or received & visitors else None


def _from_earlier(ev: Event, earlier: list[Event]) -> int | None:
    """The date of the latest earlier dated event with an actor in common."""
    actors = {r.entity for r in ev.roles}
    for prev in reversed(earlier[-_LOOK_BACK:]):
        if prev.time is None or prev.type == "Statement" or prev.status != "happened":
            continue
        if actors & {r.entity for r in prev.roles}:
            return prev.time
    return None


def _latest_dated(earlier: list[Event]) -> int | None:
    """The date of the latest earlier event that is no statement (what ``هذا اللقاء`` is)."""
    for prev in reversed(earlier[-_LOOK_BACK:]):
        if prev.type != "Statement" and prev.time is not None:
            return prev.time
    return None


def _on_its_margin(text: str, ev: Event) -> bool:
    """``وعلى هامش هذا اللقاء``, ``على هامشه``: before the trigger in its sentence, the event
    is placed on the margin of the one just told (a pronoun or a demonstrative for it), not
    of some event the article has not told (``على هامش القمة العربية``)."""
    before = [normalize(w) for w in text[ev.sentence.start : ev.trigger.start].split()]
    for k, w in enumerate(before):
        if w in _MARGIN_OF_IT or (w in _MARGIN and k + 1 < len(before) and before[k + 1] in _DEMONSTRATIVES):
            return True
    return False


def _named_visit(ev: Event) -> bool:
    """A visit named by its bare noun after another noun (``نتائج زيارة الأمير``, ``أهمية
    زيارة``), not reported (``قام بزيارة``, ``أجرى زيارة``, ``في زيارة رسمية``): a visit
    referred to, whose day the lead's news does not give."""
    if ev.type != "Visit" or normalize(ev.trigger.text) not in _VISIT_NOUNS:
        return False  # a verb (زار, وصل), or a noun with its own preposition (بزيارة)
    before = ev.sentence.text[: ev.trigger.start - ev.sentence.start].split()
    after = ev.sentence.text[ev.trigger.end - ev.sentence.start :].split()[:2]
    if any(normalize(w) in _VISIT_SUPPORT for w in after):
        return False  # ``أول زيارة يقوم بها لافروف``: the verb after it reports it
    return bool(before) and normalize(before[-1]) not in _REPORTS_VISIT


def _same_visit(ev: Event, earlier: list[Event]) -> int | None:
    """The date of the latest earlier visit by the same visitor, planned or not."""
    visitors = {r.entity for r in ev.roles if r.role == "visitor"}
    for prev in reversed(earlier[-_LOOK_BACK:]):
        same = visitors & {r.entity for r in prev.roles if r.role == "visitor"}
        if prev.type == "Visit" and prev.time is not None and same:
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
        if ev.type in _PLACED_BY_THE_DAY and ev.place is None:
            place = _place_of_the_day(ev, out, times)
            if place is not None:
                ev = replace(ev, place=place)
        out.append(ev)
    return out


# A call is made from afar and a visit's place is where it went: neither is placed by another
# event; a meeting or a signing is.
_PLACED_BY_THE_DAY = frozenset({"Meeting", "Agreement"})


def _place_of_the_day(ev: Event, earlier: list[Event], times: list[TimeExpression]) -> int | None:
    """Where the latest earlier meeting or signing of one of its principals on the same day
    took place: ``التقى الأمير … في جدة أمس … وفي سياق آخر، اجتمع الأمير مع …``; a party
    is in one city on one day. Not a visit's destination: that is another trip."""
    if ev.time is None or not _is_day(ev.time, times):
        return None
    day = times[ev.time].value
    principals = {r.entity for r in ev.roles if r.role != "attendee"}
    for prev in reversed(earlier[-_LOOK_BACK:]):
        if prev.type == "Visit" and principals & {r.entity for r in prev.roles if r.role == "visitor"}:
            return None  # he travelled: where he was before is no guide
        if (
            prev.type in _PLACED_BY_THE_DAY
            and prev.place is not None
            and prev.time is not None
            and times[prev.time].value == day
            and principals & {r.entity for r in prev.roles if r.role != "attendee"}
        ):
            return prev.place
    return None


def _destination_of(ev: Event, earlier: list[Event], times: list[TimeExpression]) -> int | None:
    """Where the article's latest visit went, when the meeting's subject is its visitor and
    their days agree."""
    prev = _latest_visit_by_subject(ev, earlier)
    if prev is None or prev.place is None or (prev.time is not None and not _is_day(prev.time, times)):
        return None
    if ev.time is None or prev.time is None or times[ev.time].value == times[prev.time].value:
        return prev.place
    return None
