"""Event classes of issue #15 on short articles written for the tests: calls, dates stated
once and inherited, meetings told in passing, one visit per destination, journeys that need
a place, trigger words inside names, signings with their parties."""

from __future__ import annotations

from datetime import date

from kg.extract import extract
from kg.model import Article, ArticleFacts, Event

DCT = date(2015, 8, 2)


def facts(text: str, dct: date | None = DCT) -> ArticleFacts:
    return extract(Article("t", text, dct=dct))


def roles(f: ArticleFacts, ev: Event) -> set[tuple[str, str]]:
    return {(f.entities[r.entity].name, r.role) for r in ev.roles}


def of_type(f: ArticleFacts, kind: str) -> list[Event]:
    return [e for e in f.events if e.type == kind]


def test_a_call_received_has_its_caller_and_callee() -> None:
    f = facts("تلقى الملك سلمان بن عبدالعزيز اتصالاً هاتفياً من الملك عبدالله الثاني ملك الأردن مساء أمس.")
    (call,) = of_type(f, "Call")
    assert roles(f, call) == {("سلمان بن عبدالعزيز", "callee"), ("عبدالله الثاني", "caller")}
    assert f.times[call.time].value == "2015-08-01" and call.date_source == "stated"


def test_a_call_made_and_talks_by_phone_are_calls() -> None:
    made = facts("أجرى وزير الخارجية عادل الجبير اتصالاً هاتفياً بنظيره الأمريكي جون كيري.")
    (call,) = of_type(made, "Call")
    assert ("عادل الجبير", "caller") in roles(made, call) and ("جون كيري", "callee") in roles(made, call)
    phoned = facts("بحث الأمير محمد بن نايف هاتفياً مع جون كيري الأوضاع في اليمن.")
    assert of_type(phoned, "Call") and not of_type(phoned, "Meeting")
    direct = facts("هاتف الرئيس رجب طيب أردوغان الرئيس فلاديمير بوتين أمس.")
    assert {r for _, r in roles(direct, of_type(direct, "Call")[0])} == {"caller", "callee"}


def test_a_date_stated_in_the_lead_dates_the_sentences_after_it() -> None:
    f = facts(
        "استقبل أمير منطقة الرياض الأمير فيصل بن بندر أمس السفير الياباني نوبوهيرو كاتو. "
        "وجرى خلال الاستقبال بحث العلاقات الثنائية. "
        "وأكد الأمير فيصل بن بندر خلال استقباله السفير نوبوهيرو كاتو عمق العلاقات بين البلدين."
    )
    meetings = of_type(f, "Meeting")
    assert len(meetings) >= 2
    first, later = meetings[0], meetings[-1]
    assert first.date_source == "stated" and later.date_source == "inherited"
    assert f.times[later.time].value == "2015-08-01"
    # The meeting told in passing keeps its host and guest.
    assert roles(f, later) == {("فيصل بن بندر", "host"), ("نوبوهيرو كاتو", "guest")}


def test_background_and_undated_articles_inherit_nothing() -> None:
    f = facts(
        "استقبل الأمير فيصل بن بندر أمس السفير الياباني نوبوهيرو كاتو. "
        "وكان الأمير فيصل بن بندر قد زار طوكيو والتقى رئيس الوزراء شينزو آبي."
    )
    visit = of_type(f, "Visit")[0]
    assert visit.time is None and visit.date_source == "none"
    no_dct = facts("استقبل الأمير فيصل بن بندر السفير الياباني نوبوهيرو كاتو.", dct=None)
    assert all(e.date_source == "none" for e in no_dct.events)


def test_an_event_dated_after_its_article_is_planned() -> None:
    f = facts("يستقبل الأمير فيصل بن بندر السفير الياباني نوبوهيرو كاتو يوم 5 أغسطس 2015.")
    (meeting,) = of_type(f, "Meeting")
    assert meeting.status == "planned"


def test_a_tour_is_one_visit_per_destination() -> None:
    f = facts("يبدأ وزير الخارجية الإيراني محمد جواد ظريف غدا جولة تشمل الكويت وقطر والعراق.")
    visits = of_type(f, "Visit")
    assert [f.entities[v.place].name for v in visits] == ["الكويت", "قطر", "العراق"]
    assert all(("محمد جواد ظريف", "visitor") in roles(f, v) for v in visits)
    assert all(v.status == "planned" for v in visits)
    listed = facts("زار الرئيس الصيني شي جين بينغ الكويت وقطر أمس.")
    destinations = [r for v in of_type(listed, "Visit") for _, r in roles(listed, v) if r == "destination"]
    assert len(destinations) == 2


def test_a_journey_verb_needs_a_place_and_a_name_is_no_trigger() -> None:
    assert not of_type(facts("توجه الأمير سعود بن نايف بالشكر للمواطنين على تعاونهم."), "Visit")
    f = facts("استقبل الأمير فيصل بن بندر أمس السفير نوبوهيرو كاتو.")
    # ``فيصل`` is not ``ف`` + ``يصل`` (arrives): no visit, and the date goes to the reception.
    assert not of_type(f, "Visit")
    (meeting,) = of_type(f, "Meeting")
    assert meeting.date_source == "stated"


def test_a_visit_noun_with_a_place_after_it_names_where_not_who() -> None:
    f = facts("غادر الأمير محمد بن سلمان القاهرة أمس بعد زيارة لمصر.")
    assert not any(("مصر", "visitor") in roles(f, v) for v in of_type(f, "Visit"))
    assert any(("محمد بن سلمان", "visitor") in roles(f, v) for v in of_type(f, "Visit"))


def test_a_signing_far_from_its_verb_and_the_party_after_bayn() -> None:
    f = facts(
        "وقعت المملكة العربية السعودية في نيويورك الثلاثاء الماضي مع جمهورية ناميبيا على "
        "بروتوكول إقامة علاقات دبلوماسية."
    )
    assert of_type(f, "Agreement")
    g = facts("وقع وزير التعليم عزام الدخيل مذكرة تفاهم بينه وبين وزير الصحة خالد الفالح.")
    (signing,) = of_type(g, "Agreement")
    assert {r for _, r in roles(g, signing)} == {"signatory"} and len(signing.roles) == 2


def test_who_received_a_visitor_is_the_host_of_the_visit() -> None:
    f = facts(
        "وصل الأمير محمد بن سلمان إلى القاهرة أمس في زيارة رسمية. "
        "وكان في استقباله لدى وصوله الرئيس عبد الفتاح السيسي ووزير الدفاع صدقي صبحي."
    )
    (visit,) = of_type(f, "Visit")
    assert {("محمد بن سلمان", "visitor"), ("عبد الفتاح السيسي", "host"), ("صدقي صبحي", "attendee")} <= roles(
        f, visit
    )
    assert f.entities[visit.place].name == "القاهرة"
    assert not of_type(f, "Meeting")  # the receiving is part of the visit, no meeting of its own
