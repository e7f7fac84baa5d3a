"""Event dates (issue #15, error class EVENT DATES), on short articles written for the tests:
a bare weekday of an event still ahead, talks tied to the event told before, a reception
of the visitor during his dated visit, and a visit named by its noun that the lead does not
date. Each class is checked with the date source the event records."""

from __future__ import annotations

from datetime import date

from kg.extract import extract
from kg.model import Article, ArticleFacts, Event

FRIDAY = date(2015, 7, 24)


def facts(text: str, dct: date | None = FRIDAY) -> ArticleFacts:
    return extract(Article("t", text, dct=dct))


def of_type(f: ArticleFacts, kind: str) -> list[Event]:
    return [e for e in f.events if e.type == kind]


def day(f: ArticleFacts, ev: Event) -> str | None:
    return f.times[ev.time].value if ev.time is not None else None


def names(f: ArticleFacts, ev: Event) -> set[str]:
    return {f.entities[r.entity].name for r in ev.roles}


def test_a_bare_weekday_of_an_event_ahead_is_the_next_one() -> None:
    # Published on a Friday: the Sunday he will leave for Cairo is two days on, not five back;
    # a present verb (يصل) tells what is ahead as well; a past verb keeps the last Sunday.
    f = facts(
        "قال مصدر رسمي إن الرئيس التونسي الباجي قائد السبسي سيتوجه إلى القاهرة مساء الأحد. "
        "ويصل إلى الرياض الثلاثاء وفد من وزارة التجارة المغربية. "
        "وكان الرئيس الفرنسي فرانسوا هولاند قد وصل إلى الجزائر الأحد."
    )
    ahead, delegation, done = of_type(f, "Visit")
    assert day(f, ahead) == "2015-07-26" and ahead.status == "planned"
    assert day(f, delegation) == "2015-07-28" and delegation.status == "planned"
    assert ahead.date_source == delegation.date_source == "stated"
    assert day(f, done) == "2015-07-19" and done.status == "happened"


def test_a_weekday_with_its_day_number_keeps_its_date() -> None:
    f = facts("سيزور الرئيس التونسي الباجي قائد السبسي القاهرة يوم الأحد 19 يوليو.")
    (visit,) = of_type(f, "Visit")
    assert day(f, visit) == "2015-07-19"


def test_talks_on_the_margin_of_the_meeting_told_before_are_of_its_day() -> None:
    f = facts(
        "يلتقي وزير الخارجية الأمريكي جون كيري غداً في الدوحة نظراءه في دول الخليج. "
        "وعلى هامش هذا الاجتماع، سيجري كيري محادثات مع وزير الخارجية الروسي سيرغي لافروف."
    )
    talks = [e for e in of_type(f, "Meeting") if "سيرغي لافروف" in names(f, e)]
    assert talks, f.events
    assert all(day(f, e) == "2015-07-25" and e.date_source == "inherited" for e in talks)


def test_a_margin_of_an_event_not_told_takes_no_date() -> None:
    f = facts(
        "استقبل الرئيس عبدالفتاح السيسي أمس في القاهرة وزير الخارجية الأردني ناصر جودة. "
        "وعلى هامش القمة الأفريقية، سيجري السيسي محادثات مع الرئيس الكيني أوهورو كينياتا."
    )
    (talks,) = [e for e in of_type(f, "Meeting") if any("أوهورو" in n for n in names(f, e))]
    assert talks.time is None and talks.date_source == "none"


def test_a_planned_reception_of_the_visitor_is_of_his_visit() -> None:
    f = facts(
        "وصل وزير الخارجية الروسي سيرغي لافروف اليوم إلى الدوحة في زيارة رسمية. "
        "وقالت الخارجية الروسية إن أمير قطر الشيخ تميم بن حمد آل ثاني سوف يستقبل لافروف."
    )
    (reception,) = [e for e in of_type(f, "Meeting") if "تميم بن حمد آل ثاني" in names(f, e)]
    assert day(f, reception) == "2015-07-24" and reception.date_source == "inherited"


def test_a_visit_named_by_its_noun_takes_no_date_from_the_lead() -> None:
    # The cabinet met yesterday; the visit whose results it heard is of some other day.
    f = facts(
        "عقد مجلس الوزراء جلسته أمس برئاسة الأمير محمد بن نايف بن عبدالعزيز في جدة. "
        "واستمع المجلس إلى نتائج زيارة الأمير محمد بن سلمان بن عبدالعزيز إلى الأردن."
    )
    (visit,) = of_type(f, "Visit")
    assert visit.time is None and visit.date_source == "none"


def test_a_tour_named_again_is_the_tour_told_before() -> None:
    f = facts(
        "أعلنت وزارة الخارجية الصينية اليوم أن الوزير وانغ يي سيبدأ يوم الاثنين جولة أفريقية. "
        "وأضافت أن جولة وانغ ستستغرق ثلاثة أيام وتشمل كينيا وتنزانيا."
    )
    legs = [e for e in of_type(f, "Visit") if e.place is not None]
    assert legs, f.events
    assert all(day(f, e) == "2015-07-27" and e.date_source == "inherited" for e in legs)


def test_a_date_before_a_new_clause_dates_the_clause_it_ends() -> None:
    # ``أمس`` stands nearer the next verb, but ``، وسيزور`` opens a new clause: the arrival was
    # yesterday, the visit to Basra is tomorrow.
    f = facts("وصل وزير الخارجية الأردني ناصر جودة إلى بغداد أمس، وسيزور البصرة غدا.")
    arrival, ahead = of_type(f, "Visit")
    assert day(f, arrival) == "2015-07-23"
    assert day(f, ahead) == "2015-07-25" and ahead.status == "planned"


def test_a_date_inside_a_relative_clause_does_not_date_the_meeting_before_it() -> None:
    # ``الشهر الماضي`` dates the accord the relative clause tells, not the planned meeting.
    f = facts(
        "ومن المقرر أن يلتقي وزير الخارجية الروسي سيرغي لافروف مع نظيره الأمريكي جون كيري "
        "بشأن الاتفاق الذي توصلت إليه القوى الكبرى مع إيران الشهر الماضي."
    )
    (meeting,) = of_type(f, "Meeting")
    assert day(f, meeting) is None and meeting.status == "planned"


def test_a_meeting_told_in_the_present_is_ahead_unless_a_past_day_dates_it() -> None:
    f = facts(
        "وصل وزير الدفاع الأمريكي آشتون كارتر إلى بغداد أمس، حيث يلتقي رئيس الوزراء حيدر العبادي. "
        "وكان الرئيس الفرنسي فرانسوا هولاند يبحث أمس مع الملك عبدالله الثاني الأوضاع."
    )
    ahead, past = of_type(f, "Meeting")
    assert ahead.status == "planned"
    assert past.status == "happened"
