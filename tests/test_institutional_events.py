"""Events whose parties are states or bodies, or that a text tells with no named party at
all (issue #15): a summit held in a city, two meetings at a body's seat, a delegation's
visit, the signing of one protocol at a meeting. They are emitted (with no actor when the
text names none) only when specific: a place, a date, a seat, one document; never from a
general mention (``الاجتماعات``, ``توقيع اتفاقيات``). Short articles written for the tests."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import rdflib
from pyshacl import validate

from kg.extract import extract
from kg.model import Article, ArticleFacts, Event
from kg.resolve import resolve
from tests.conftest import ROOT

DCT = date(2015, 7, 26)
SHAPES = ROOT / "ontology" / "hadath-shapes.ttl"


def facts(text: str, dct: date | None = DCT, aid: str = "t") -> ArticleFacts:
    return extract(Article(aid, text, dct=dct))


def of_type(f: ArticleFacts, kind: str) -> list[Event]:
    return [e for e in f.events if e.type == kind]


def roles(f: ArticleFacts, ev: Event) -> set[tuple[str, str]]:
    return {(f.entities[r.entity].name, r.role) for r in ev.roles}


def place(f: ArticleFacts, ev: Event) -> str | None:
    return f.entities[ev.place].name if ev.place is not None else None


def day(f: ArticleFacts, ev: Event) -> str | None:
    return f.times[ev.time].value if ev.time is not None else None


# ---- with no named party ------------------------------------------------------------


def test_a_summit_told_as_held_is_a_meeting_with_no_actor() -> None:
    f = facts("وتبنى القادة العرب المبادرة في القمة العربية التي عقدت بالرياض يوم 5 مارس الماضي.")
    (meeting,) = of_type(f, "Meeting")
    assert meeting.roles == ()
    assert place(f, meeting) == "الرياض"
    assert day(f, meeting) == "2015-03-05"
    assert meeting.status == "happened"


def test_a_summit_to_be_held_is_planned() -> None:
    f = facts("وأعلنت الأمانة أن الدورة المقبلة للقمة والتي ستعقد في الدوحة مطلع مارس المقبل.")
    (meeting,) = of_type(f, "Meeting")
    assert meeting.status == "planned"
    assert place(f, meeting) == "الدوحة"


def test_two_meetings_told_by_a_dual_noun_are_two_events() -> None:
    f = facts("وأعد خبراء الدول الأعضاء مسودة الاتفاق بعد اجتماعين بجدة خلال الأسابيع الماضية.")
    meetings = of_type(f, "Meeting")
    assert len(meetings) == 2
    assert all(m.roles == () and place(f, m) == "جدة" for m in meetings)


def test_two_meetings_at_a_bodys_seat_count_without_a_place_name() -> None:
    f = facts("واتفق الخبراء في اجتماعين متتاليين بمقر الأمانة العامة على الصيغة النهائية للوثيقة.")
    assert len(of_type(f, "Meeting")) == 2


def test_vague_mentions_make_no_event() -> None:
    for text in (
        "وتحدث الوزير عن أهمية الاجتماعات والاتفاقيات في تعزيز العلاقات بين الدول.",
        "وأشار إلى أن الاجتماعين كانا مثمرين.",  # the two meetings told before: no new ones
        "وقال إن البلدين يعملان على توقيع اتفاقيات جديدة في مجالات عدة.",  # several documents
        "وأقر الخبراء الخطة بعد اجتماعين.",  # no place, day or seat
    ):
        f = facts(text)
        assert not [e for e in f.events if e.type in ("Meeting", "Agreement", "Visit")], text


def test_a_signing_that_a_meeting_is_for_takes_its_day() -> None:
    f = facts(
        "تستضيف جامعة الدول العربية يوم الأربعاء المقبل اجتماعا مشتركا لوزراء الخارجية والدفاع "
        "العرب، وذلك للتوقيع على البروتوكول الخاص بإنشاء القوة المشتركة."
    )
    (meeting,) = of_type(f, "Meeting")
    assert roles(f, meeting) == {("جامعة الدول العربية", "host")}
    (signing,) = of_type(f, "Agreement")
    assert signing.roles == ()
    assert signing.status == "planned"
    assert day(f, signing) == day(f, meeting) == "2015-07-29"


def test_a_planned_signing_of_one_protocol_with_no_party() -> None:
    f = facts("وناقش الجانبان مشروع القوة المشتركة المزمع توقيع بروتوكول خاص بها قريبا.")
    (signing,) = of_type(f, "Agreement")
    assert signing.roles == () and signing.status == "planned" and signing.time is None


def test_an_unnamed_delegations_visit_has_its_destination_only() -> None:
    f = facts("وكانت الفترة الماضية قد شهدت زيارة وفد تجاري سعودي إلى العاصمة الصينية بكين.")
    (visit,) = of_type(f, "Visit")
    assert roles(f, visit) == {("بكين", "destination")}
    # ``الوفد`` is the one told before, whose head may be named there: no visit of its own.
    f = facts("وزار الوفد المعرض الدولي للصناعات.")
    assert not of_type(f, "Visit")


def test_a_reception_or_a_call_needs_someone() -> None:
    f = facts("وجرى استقبال الضيوف في القاعة الكبرى بالرياض أمس.")
    assert not [e for e in f.events if e.type in ("Meeting", "Call")]


# ---- states and bodies as parties -----------------------------------------------------


def test_two_states_sign() -> None:
    # (``المملكة`` alone is no place mention yet: the recogniser's, not the event rules', gap.)
    f = facts("وقعت السعودية والصين أمس اتفاقية للتعاون في مجال الطاقة المتجددة.")
    (signing,) = of_type(f, "Agreement")
    assert {r for _, r in roles(f, signing)} == {"signatory"}
    assert len(signing.roles) == 2
    assert day(f, signing) == "2015-07-25"


def test_a_signing_noun_with_its_signers_after_it() -> None:
    f = facts("وقام بتوقيع المذكرة الدكتور خالد بن سعيد الغامدي رئيس الجامعة.")
    (signing,) = of_type(f, "Agreement")
    assert ("خالد بن سعيد الغامدي", "signatory") in roles(f, signing)


# ---- resolution across articles ---------------------------------------------------------


def test_events_with_no_party_never_merge_on_place_and_day_alone() -> None:
    one = facts("وأقر الخبراء الخطة في القمة التي عقدت بالقاهرة أمس.", aid="a1")
    two = facts("وجاء ذلك في القمة التي عقدت بالقاهرة أمس.", aid="a2")
    three = facts("وقالت المصادر إن زيارة وفد تجاري إلى القاهرة أمس كانت ناجحة.", aid="a3")
    four = facts("وشهدت القاهرة أمس زيارة وفد صناعي إلى القاهرة.", aid="a4")
    graph = resolve([one, two, three, four])
    meetings = [e for e in graph.events if e.type == "Meeting"]
    visits = [e for e in graph.events if e.type == "Visit"]
    assert len(meetings) == 2 and all(e.participants == () for e in meetings)
    assert all(e.label.startswith("لقاء: ") and e.label != "لقاء: " for e in meetings)
    assert len(visits) == 2


def test_one_agreement_of_two_states_told_twice_merges() -> None:
    one = facts("وقعت السعودية والصين أمس اتفاقية للتعاون في مجال الطاقة.", aid="b1")
    two = facts("وقعت الصين والسعودية أمس اتفاقية للتعاون في الطاقة المتجددة.", aid="b2")
    graph = resolve([one, two])
    (agreement,) = [e for e in graph.events if e.type == "Agreement"]
    assert len(agreement.articles) == 2


# ---- end to end: the real CLI, the Turtle against the shapes ---------------------------


def test_an_actorless_agreement_builds_and_validates(tmp_path: Path) -> None:
    record = {
        "url": "https://www.example.test/news/arab-force-protocol",
        "date": "2015-07-26T10:00:00+03:00",
        "source": "www.example.test",
        "title": "اجتماع وزاري عربي لإقرار بروتوكول القوة المشتركة",
        "content": (
            "تستضيف جامعة الدول العربية يوم الأربعاء المقبل اجتماعا مشتركا لوزراء الخارجية والدفاع "
            "العرب، وذلك للتوقيع على البروتوكول الخاص بإنشاء القوة المشتركة. "
            "وكان الخبراء قد أعدوا المشروع بعد اجتماعين بالقاهرة خلال الأشهر الماضية."
        ),
    }
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    proc = subprocess.run(
        [sys.executable, "-m", "kg.cli", "build", str(src), "--out", str(out), "--jobs", "1"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    g = rdflib.Graph().parse(out / "graph.ttl", format="turtle")
    hd = rdflib.Namespace("https://w3id.org/hadath/ontology#")
    sem = rdflib.Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
    agreements = set(g.subjects(rdflib.RDF.type, hd.Agreement))
    assert agreements and all(not list(g.objects(a, sem.hasActor)) for a in agreements)
    conforms, _, report = validate(g, shacl_graph=rdflib.Graph().parse(SHAPES), inference="none")
    assert conforms, report
    # The CSV export and the pages carry it too.
    assert "اتفاق" in (out / "events.csv").read_text(encoding="utf-8")
    assert any((out / "pages").rglob("*.html"))
