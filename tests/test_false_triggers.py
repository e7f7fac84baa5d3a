"""Words that look like a meeting or a visit and tell none (issue #15, class 12: "a meeting
built from a sentence with no meeting in it"), found on a SaudiNewsNet day among the meetings
and visits with fewer than two principals, and checked on short articles written for the
tests: attending a match or an evening, an investigation "conducted", talks or a rate that
"reach" a stage; beside each, the sentence that must still tell its event."""

from __future__ import annotations

from datetime import date

from kg.extract import extract
from kg.model import Article, ArticleFacts

DCT = date(2015, 8, 2)


def facts(text: str) -> ArticleFacts:
    return extract(Article("t", text, dct=DCT))


def types(text: str) -> list[str]:
    return [e.type for e in facts(text).events if e.type != "Statement"]


def test_attending_a_match_or_an_evening_is_no_meeting() -> None:
    assert types("شارك اللاعب سالم الدوسري في تدريبات الفريق أمس بعد تعافيه من الإصابة.") == []
    assert types("وحضر الشاعر فهد المطيري الأمسية الشعرية في مهرجان الربيع.") == []


def test_attending_a_named_meeting_still_is_one() -> None:
    f = facts("شارك وزير المالية إبراهيم العساف في الاجتماع الوزاري الخليجي بالدوحة أمس.")
    assert [e.type for e in f.events] == ["Meeting"]


def test_a_pronoun_of_conducting_is_talks_only_after_talks() -> None:
    assert types("وأحيل المتهمون إلى المحكمة بعدما أسفرت التحقيقات التي أجرتها النيابة العامة عن أدلة.") == []
    f = facts(
        "استقبل الأمير خالد الفيصل أمس السفير الفرنسي فرانسوا غويات. وتناولت المباحثات التي "
        "أجراها الأمير مع السفير العلاقات الثنائية."
    )
    assert "Meeting" in [e.type for e in f.events]


def test_what_reaches_a_stage_or_a_rate_travels_nowhere() -> None:
    assert types("وصلت مفاوضات إدارة النادي مع اللاعب إلى مراحلها النهائية.") == []
    assert types("وارتفعت الصفقات بنسبة وصلت إلى 48 في المائة في العام الأخير.") == []


def test_a_person_arriving_is_a_visit_with_or_without_a_place() -> None:
    assert types("وصل اللاعب محمد نور إلى معسكر الفريق أمس.") == ["Visit"]
    assert types("وصل وزير الخارجية عادل الجبير إلى الدوحة أمس.") == ["Visit"]


def test_teams_that_meet_in_a_match_hold_no_meeting() -> None:
    assert types("ويلتقي المنتخب السعودي نظيره الإماراتي في المباراة النهائية مساء الغد.") == []
    assert types("وتعادل الفريق بهدف لمثله في اللقاء الودي الذي جمع الفريقين مساء أمس.") == []


def test_a_general_who_meets_a_minister_still_meets() -> None:
    # الفريق is also a general's rank: no word of a match
    f = facts("التقى الفريق أول ركن عبدالرحمن البنيان وزير الدفاع الأردني أمس في عمان.")
    assert "Meeting" in [e.type for e in f.events]


def parties(f: ArticleFacts) -> list[set[str]]:
    return [
        {f.entities[r.entity].name for r in e.roles if r.role not in ("attendee", "destination")}
        for e in f.events
        if e.type == "Meeting"
    ]


def test_what_is_discussed_takes_no_part_in_the_talks() -> None:
    f = facts("وبحث الأمير سعود بن نايف وضع خطة لتسلم إدارة المدينة من شركة أرامكو.")
    assert parties(f) == [{"سعود بن نايف"}]


def test_a_partner_of_the_talks_comes_with_ma_or_joined_to_the_subject() -> None:
    f = facts("وبحث الأمير سعود بن نايف مع السفير الياباني نوريهيرو أوكودا العلاقات بين البلدين.")
    assert parties(f) == [{"سعود بن نايف", "نوريهيرو أوكودا"}]


def test_the_subject_of_discussing_may_stand_after_a_long_post() -> None:
    f = facts(
        "واستعرض المشرف العام على مركز الملك سلمان للإغاثة والأعمال الإنسانية، الدكتور عبدالله "
        "الربيعة، آلية إيصال المعونات إلى اليمن."
    )
    assert [p for p in parties(f) if p] == [{"عبدالله الربيعة"}]


def test_after_a_journey_the_one_named_after_a_conjoined_meeting_verb_is_whom_he_met() -> None:
    f = facts("وصل وزير الخارجية عادل الجبير إلى الدوحة أمس، والتقى أمير قطر الشيخ تميم بن حمد آل ثاني.")
    assert parties(f) == [{"عادل الجبير", "تميم بن حمد آل ثاني"}]


def test_talking_by_phone_is_a_call() -> None:
    f = facts("وتباحث الرئيس عبدالفتاح السيسي هاتفيا مع الملك عبدالله الثاني أمس.")
    (call,) = [e for e in f.events if e.type == "Call"]
    assert {f.entities[r.entity].name for r in call.roles} == {"عبدالفتاح السيسي", "عبدالله الثاني"}
    assert types("وتحدث وزير الخارجية عادل الجبير للصحفيين أمس عن الأزمة.") == []
