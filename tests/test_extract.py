"""Extraction on texts written for the tests: mentions, posts, chaining, events, roles."""

from __future__ import annotations

from datetime import date

import pytest

from kg.extract import extract
from kg.model import Article, ArticleFacts
from tests.texts import TRIPOLI_RECEPTION


def _facts(text: str, dct: date | None = date(2023, 5, 10), dateline: str | None = None) -> ArticleFacts:
    return extract(Article(id="t", text=text, dct=dct, dateline_place=dateline))


def _entity(f: ArticleFacts, name: str):
    hits = [e for e in f.entities if e.name == name]
    assert hits, f"{name!r} not among {[e.name for e in f.entities]}"
    return hits[0]


def _events(f: ArticleFacts, type_: str):
    return [e for e in f.events if e.type == type_]


def _roles(f: ArticleFacts, ev) -> dict[str, str]:
    return {f.entities[r.entity].name: r.role for r in ev.roles}


@pytest.fixture(scope="module")
def tripoli() -> ArticleFacts:
    return _facts(TRIPOLI_RECEPTION)


def test_person_with_post_and_affiliation(tripoli: ArticleFacts) -> None:
    bolat = _entity(tripoli, "محمد بولات")
    assert "وزير التجارة" in bolat.titles
    assert bolat.affiliation == "TR"
    zarrouq = _entity(tripoli, "عمر الزروق")
    assert zarrouq.titles[0].startswith("وكيل وزارة الخارجية")


def test_offsets_point_at_the_written_text(tripoli: ArticleFacts) -> None:
    text = TRIPOLI_RECEPTION
    for m in tripoli.mentions:
        assert text[m.start : m.end] == m.text
        assert m.text.strip() == m.text and m.text


def test_short_form_and_spelling_variant_chain_to_one_person(tripoli: ArticleFacts) -> None:
    zarrouq = next(i for i, e in enumerate(tripoli.entities) if e.name == "عمر الزروق")
    short = [m for m in tripoli.mentions if m.entity == zarrouq and m.text == "الزروق"]
    assert short, "the bare family name is a mention of the person named in full"
    names = [e.name for e in tripoli.entities if e.kind == "person"]
    assert sum("أوزتورك" in n for n in names) == 1, names  # ياشار / يشار: one person


def test_places_with_clitics() -> None:
    f = _facts("وصل الوفد إلى طرابلس قادما من بنغازي، ثم توجه لليبيا وتركيا وبطرابلس.")
    places = {e.name for e in f.entities if e.kind == "place"}
    assert {"طرابلس", "ليبيا", "تركيا"} <= places
    starts = [m for m in f.mentions if m.kind == "place"]
    assert any(m.text == "طرابلس" for m in starts)


def test_organisations() -> None:
    f = _facts("وأعلنت حكومة الوحدة الوطنية أن قناة “TRT” التركية نقلت بيان عملية بركان الغضب.")
    orgs = {e.name for e in f.entities if e.kind == "organization"}
    assert {"حكومة الوحدة الوطنية", "عملية بركان الغضب"} <= orgs
    assert any(o.startswith("قناة TRT") for o in orgs)


def test_reception_roles(tripoli: ArticleFacts) -> None:
    meetings = _events(tripoli, "Meeting")
    reception = next(ev for ev in meetings if ev.trigger.text == "استقبل")
    roles = _roles(tripoli, reception)
    assert roles["عمر الزروق"] == "host"
    assert roles["محمد بولات"] == "guest"
    assert any("أوزتورك" in n and r == "guest" for n, r in roles.items())
    assert tripoli.times[reception.time].value == "2023-05-10"


def test_visit_with_destination(tripoli: ArticleFacts) -> None:
    visit = _events(tripoli, "Visit")[0]
    roles = _roles(tripoli, visit)
    assert roles["محمد بولات"] == "visitor"
    assert roles["ليبيا"] == "destination"
    assert tripoli.entities[visit.place].name == "ليبيا"


def test_agreement_between_the_two_countries_dated_by_month(tripoli: ArticleFacts) -> None:
    agreement = _events(tripoli, "Agreement")[0]
    assert set(_roles(tripoli, agreement)) == {"ليبيا", "تركيا"}
    t = tripoli.times[agreement.time]
    assert (t.value, t.precision) == ("2023-04", "month")


def test_statement_speaker_and_greetings_sender_is_no_participant(tripoli: ArticleFacts) -> None:
    speakers = {n for ev in _events(tripoli, "Statement") for n in _roles(tripoli, ev)}
    assert {"عمر الزروق", "محمد بولات"} <= speakers
    for ev in tripoli.events:
        assert "رجب طيب أردوغان" not in _roles(tripoli, ev)


def test_attendees(tripoli: ArticleFacts) -> None:
    attendance = [ev for ev in tripoli.events if any(r.role == "attendee" for r in ev.roles)]
    names = {n for ev in attendance for n, r in _roles(tripoli, ev).items() if r == "attendee"}
    assert {"محمد الحويج", "خالد المبروك"} <= names


def test_planned_visit_is_not_happened(tripoli: ArticleFacts) -> None:
    planned = [ev for ev in tripoli.events if ev.status == "planned"]
    assert planned and planned[0].type == "Visit"
    assert all(ev.status == "happened" for ev in tripoli.events if ev.trigger.text == "استقبل")


def test_without_a_date_relative_time_stays_unresolved() -> None:
    f = _facts(TRIPOLI_RECEPTION, dct=None)
    reception = next(ev for ev in f.events if ev.trigger.text == "استقبل")
    t = f.times[reception.time]
    assert t.value is None and t.precision == "unresolved" and t.weekday == 2


def test_every_event_has_an_actor(tripoli: ArticleFacts) -> None:
    for ev in tripoli.events:
        assert any(r.role != "destination" for r in ev.roles)


def test_dateline_place_is_the_default_location() -> None:
    f = _facts(
        "استقبل وزير الخارجية الليبي عمر الزروق اليوم السفير الإيطالي جوزيبي بوتشينو.", dateline="بنغازي"
    )
    ev = _events(f, "Meeting")[0]
    assert f.entities[ev.place].name in ("بنغازي", "بنغازى")


def test_presentation_forms_and_diacritics_match() -> None:
    f = _facts("زار وزير الدفاع التركي خلوصي أكار ﻃﺮﺍﺑﻠﺲ اليوم.")
    assert any(e.key == "طرابلس" for e in f.entities)


def test_fast_normalisation_equals_the_character_rules() -> None:
    import random

    from kg.arabic import normalize as n

    rng = random.Random(7)
    chars = [
        chr(c) for c in [*range(0x600, 0x700), *range(0x20, 0x7F), 0x200F, 0x640, 0xFEFF, 0xFE8E, 0xFEF7]
    ]
    for _ in range(2000):
        text = "".join(rng.choice(chars) for _ in range(rng.randint(0, 30)))
        slow = "".join(n._fold_char(c) for c in text)
        slow_index = [i for i, c in enumerate(text) for _ in n._fold_char(c)]
        assert n.normalize_with_map(text) == (slow, slow_index)
        assert n.normalize(text) == slow
