"""Visits the rules used to miss (issue #15, "missed: no system event"), on short articles
written for the tests: a delegation's tour told as ``الوفد`` after its head was named, a
tour's first leg (``وبدأت الجولة بـ…``), a visit noun fronted before its visitor's clause, a
support verb far from its noun or glued to و, and the sentences that must stay without one."""

from __future__ import annotations

from datetime import date

from kg.extract import extract
from kg.model import Article, ArticleFacts, Event

DCT = date(2015, 7, 30)


def facts(text: str) -> ArticleFacts:
    return extract(Article("t", text, dct=DCT))


def visits(f: ArticleFacts) -> list[Event]:
    return [e for e in f.events if e.type == "Visit"]


def visitors(f: ArticleFacts, ev: Event) -> set[str]:
    return {f.entities[r.entity].name for r in ev.roles if r.role == "visitor"}


def place(f: ArticleFacts, ev: Event) -> str | None:
    return f.entities[ev.place].name if ev.place is not None else None


def test_the_delegation_told_after_its_head_is_his_visit_at_each_site() -> None:
    f = facts(
        "وصل إلى الرياض أمس وفد وزارة النقل الأردنية برئاسة الوزير أيمن المصري في زيارة تستمر "
        "ثلاثة أيام. وبدأت الجولة بمطار الملك خالد الدولي بالرياض، ثم توجه الوفد إلى ميناء "
        "الدمام. وزار الوفد مدينة الجبيل الصناعية."
    )
    by_place = {place(f, ev): ev for ev in visits(f)}
    assert {"الدمام", "الجبيل"} <= set(by_place)
    head = visitors(f, by_place["الرياض"])
    assert len(head) == 1 and next(iter(head)).startswith("أيمن")  # the head, not a companion
    assert visitors(f, by_place["الدمام"]) == head
    assert visitors(f, by_place["الجبيل"]) == head


def test_a_visit_noun_fronted_before_the_main_clause_is_its_subjects() -> None:
    f = facts(
        "بعد زيارة ناجحة إلى باريس الأسبوع الماضي، يصل الرئيس الغاني جون ماهاما اليوم إلى الرباط "
        "لإجراء محادثات مع الملك محمد السادس."
    )
    by_place = {place(f, ev): ev for ev in visits(f)}
    assert set(by_place) >= {"باريس", "الرباط"}
    assert visitors(f, by_place["باريس"]) == visitors(f, by_place["الرباط"])
    assert visitors(f, by_place["باريس"])


def test_a_support_verb_past_a_long_subject_and_companions_names_the_visitor() -> None:
    f = facts(
        "قام معالي وزير الصحة خالد الفالح أمس، يرافقه وكيل الوزارة للشؤون التنفيذية سعد العتيبي، "
        "ومدير عام الشؤون الصحية بجدة سامي باداود بزيارة لمستشفى الملك فهد العام."
    )
    (visit,) = visits(f)
    assert visitors(f, visit) == {"خالد الفالح"}


def test_the_name_after_a_chain_of_posts_is_the_visitor() -> None:
    f = facts(
        "في الأثناء، أجرى نائب رئيس الوزراء، وزير الداخلية، سالم الكعبي، زيارة قصيرة، إلى الدمام "
        "أمس، تفقد خلالها الميناء."
    )
    (visit,) = [ev for ev in visits(f) if place(f, ev) == "الدمام"]
    assert visitors(f, visit) == {"سالم الكعبي"}


def test_a_support_verb_with_the_visitors_pronoun_ends_a_tour_of_families() -> None:
    f = facts(
        "زار الأمير فيصل بن سعد بن عبدالعزيز أمير المنطقة، يوم الأحد عددا من مجالس الأسر بالطائف، "
        "بعد ذلك قام بزيارة لأسرة العتيبي، وكان الشيخ سعد العتيبي في مقدمة مستقبليه، واختتم سموه "
        "زيارته بزيارة أسرة الحارثي."
    )
    legs = [ev for ev in visits(f) if ev.trigger.text == "بزيارة"]
    assert len(legs) == 2  # one per family; ``زيارته`` (the tour told before) is none
    assert all(visitors(f, ev) == {"فيصل بن سعد بن عبدالعزيز"} for ev in legs)


def test_no_visit_from_a_relative_clause_or_a_far_name() -> None:
    f = facts(
        "ووصفت الصحيفة الزيارة التي قام بها وزير الخارجية الإيطالي باولو جنتيلوني في الأسبوع الماضي "
        "إلى طهران بأنها "
        "زيارة بلا نتائج. وبدأ مزاد بيع القبعة المصممة خصيصا للمغني إلتون جون في جولة لندن عام "
        "1990 بسعر ألف دولار."
    )
    assert not [ev for ev in visits(f) if ev.trigger.text in ("زيارة", "جولة")]
