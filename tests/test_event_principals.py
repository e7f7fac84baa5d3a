"""The principal actors of an event (issue #15): stray mentions that are no party (a body
talked about in a content clause, a post with no name, a facility named after a person, the
body in a post's unit) and a visitor's host told by the reception before his relative clause.
Short articles written for the tests."""

from __future__ import annotations

from datetime import date

from kg.extract import extract
from kg.model import Article, ArticleFacts, Event

DCT = date(2015, 7, 30)


def facts(text: str) -> ArticleFacts:
    return extract(Article("t", text, dct=DCT))


def roles(f: ArticleFacts, ev: Event) -> set[tuple[str, str]]:
    return {(f.entities[r.entity].name, r.role) for r in ev.roles}


def names(f: ArticleFacts, ev: Event, *wanted: str) -> set[str]:
    return {f.entities[r.entity].name for r in ev.roles if r.role in wanted}


def of_type(f: ArticleFacts, kind: str) -> list[Event]:
    return [e for e in f.events if e.type == kind]


def test_a_body_in_a_content_clause_after_the_meeting_is_no_participant() -> None:
    f = facts(
        "وقال المتحدث إن الرئيس التونسي الباجي قائد السبسي سيجري محادثات مع الرئيس الجزائري "
        "عبدالعزيز بوتفليقة، وأن ملف حركة النهضة سيكون في صلب المحادثات."
    )
    (meeting,) = of_type(f, "Meeting")
    assert "عبدالعزيز بوتفليقة" in names(f, meeting, "participant")
    assert not any("النهضة" in n for n in names(f, meeting, "participant", "host", "guest"))


def test_a_post_with_no_name_is_no_guest() -> None:
    f = facts(
        "استقبل الأمير خالد الفيصل أمير منطقة مكة المكرمة أمس رئيس مفوضية الاتحاد الأفريقي لدى "
        "المملكة السفير جون ماكاي ومستشار الشؤون الثقافية بمفوضية الاتحاد الأفريقي."
    )
    (meeting,) = of_type(f, "Meeting")
    assert roles(f, meeting) == {("خالد الفيصل", "host"), ("جون ماكاي", "guest")}


def test_the_host_of_a_reception_hosts_the_visit_of_the_relative_clause() -> None:
    f = facts(
        "استقبل الأمير خالد الفيصل أمير منطقة مكة المكرمة أمس وزير الداخلية الماليزي أحمد زاهد "
        "حميدي الذي يزور المملكة حاليا."
    )
    (visit,) = of_type(f, "Visit")
    assert roles(f, visit) >= {("أحمد زاهد حميدي", "visitor"), ("خالد الفيصل", "host")}


def test_the_host_of_a_reception_noun_hosts_the_visit_of_the_relative_clause() -> None:
    f = facts(
        "أشاد الشيخ محمد بن راشد بجهود المملكة، وذلك خلال استقباله أمس الدكتور عبدالله المعلمي "
        "مندوب المملكة، والوفد المرافق له، الذي يزور دبي."
    )
    (visit,) = of_type(f, "Visit")
    assert ("عبدالله المعلمي", "visitor") in roles(f, visit)
    assert names(f, visit, "host") == {"محمد بن راشد"}
    (meeting,) = of_type(f, "Meeting")
    assert roles(f, meeting) == {("محمد بن راشد", "host"), ("عبدالله المعلمي", "guest")}


def test_a_relative_clause_with_no_reception_has_no_host() -> None:
    f = facts("أكد وزير الداخلية الماليزي أحمد زاهد حميدي الذي يزور المملكة حاليا متانة العلاقات.")
    (visit,) = of_type(f, "Visit")
    assert names(f, visit, "visitor") == {"أحمد زاهد حميدي"}
    assert not names(f, visit, "host")


def test_an_airport_written_with_a_preposition_is_no_receiver() -> None:
    f = facts(
        "وصل رئيس الوزراء الباكستاني نواز شريف إلى المدينة المنورة أمس، وكان في استقباله بمطار "
        "الأمير محمد بن عبدالعزيز الدولي وكيل إمارة المنطقة المساعد سعد الماضي."
    )
    (visit,) = of_type(f, "Visit")
    assert "محمد بن عبدالعزيز" not in names(f, visit, "host", "attendee")


def test_the_body_of_a_posts_unit_is_no_guest() -> None:
    f = facts(
        "استقبل الأمير سعود بن نايف أمير المنطقة الشرقية أمس الشيخ سالم العمري ومدير فرع هيئة "
        "التحقيق والادعاء العام بالمنطقة الشرقية سعد الدوسري."
    )
    (meeting,) = of_type(f, "Meeting")
    assert roles(f, meeting) == {("سعود بن نايف", "host"), ("سالم العمري", "guest"), ("سعد الدوسري", "guest")}
