"""Offsets, ordering and overlap of ``find_times`` on texts with diacritics, tatweel and
several expressions; plus a property test over random Arabic-ish text."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.timex import find_times

D = date(2020, 7, 3)


def _spans(text: str, dct: date | None = D) -> list[tuple[int, int, str]]:
    return [(t.start, t.end, t.text) for t in find_times(text, dct)]


def test_offsets_point_into_the_original_text() -> None:
    text = "قال الوزير أمس إن الاتفاق الموقع في 3 يوليو 2020 سيُنفذ الشهر المقبل."
    got = _spans(text)
    assert got == [
        (11, 14, "أمس"),
        (36, 48, "3 يوليو 2020"),
        (56, 68, "الشهر المقبل"),
    ]
    for start, end, written in got:
        assert text[start:end] == written


def test_diacritics_and_tatweel_stay_inside_the_span() -> None:
    text = "يَصِلُ الوَفْدُ غَداً، ووقع الاتفاق في 5 رمضان 1441 هـ"
    got = find_times(text, D)
    assert [t.text for t in got] == ["غَداً", "5 رمضان 1441 هـ"]
    assert got[0].value == "2020-07-04"
    assert got[1].value == "2020-04-28"
    assert all(text[t.start : t.end] == t.text for t in got)


def test_tatweel_inside_a_word() -> None:
    text = "التقى الوزير الـيـوم نظيره"
    (t,) = find_times(text, D)
    assert t.text == "الـيـوم" and t.value == "2020-07-03"


def test_arabic_indic_digits_keep_their_offsets() -> None:
    text = "صدر القرار في ٣/٧/٢٠٢٠ و١٥ مارس ٢٠١٩"
    got = find_times(text, D)
    assert [(t.text, t.value) for t in got] == [("٣/٧/٢٠٢٠", "2020-07-03"), ("١٥ مارس ٢٠١٩", "2019-03-15")]
    assert got[1].start == text.index("١٥")


def test_clitics_are_left_out_of_the_span() -> None:
    text = "وأمس التقى الوفد، وبالأمس أيضا، وللعام الماضي نتائج"
    assert [t for _, _, t in _spans(text)] == ["أمس", "الأمس", "لعام الماضي"]


def test_longest_match_wins_and_nothing_overlaps() -> None:
    text = "اجتمع المجلس اليوم الجمعة 3 يوليو 2020 ومن المقرر أن يجتمع مجددا الجمعة المقبلة"
    got = find_times(text, D)
    assert [t.text for t in got] == ["اليوم الجمعة 3 يوليو 2020", "الجمعة المقبلة"]
    assert got[1].value == "2020-07-10"


def test_a_longer_article_in_order() -> None:
    text = (
        "طرابلس – استقبل وزير الخارجية، اليوم (الأربعاء)، نظيره التركي.\n"
        "وأكد أن مذكرة التفاهم الموقعة في شهر الطير/أبريل الماضي دخلت حيز التنفيذ منذ أسبوعين، "
        "على أن تعقد اللجنة المشتركة اجتماعها المقبل مطلع العام المقبل في أنقرة، "
        "بعد اجتماعات عقدت بين عامي 2011 و2014 وتوقفت لمدة ثلاث سنوات."
    )
    got = find_times(text, date(2023, 5, 10))
    assert [(t.text, t.value) for t in got] == [
        ("اليوم (الأربعاء)", "2023-05-10"),
        ("شهر الطير/أبريل الماضي", "2023-04"),
        ("منذ أسبوعين", "2023-W17"),
        ("مطلع العام المقبل", "2024"),
        ("بين عامي 2011 و2014", "2011/2014"),
        ("لمدة ثلاث سنوات", None),
    ]
    starts = [t.start for t in got]
    assert starts == sorted(starts)


def test_empty_and_plain_text() -> None:
    assert find_times("", D) == []
    assert find_times("لا شيء هنا", None) == []


_WORDS = [
    "اليوم", "أمس", "غدا", "الجمعة", "يوم", "3", "يوليو", "2020", "/", "7", "من", "إلى", "الماضي", "المقبل",
    "شهر", "الحرث", "رمضان", "1441", "هـ", "عام", "منذ", "ثلاثة", "أيام", "كل", "مطلع", "الشهر", "ً", "ـ",
    "،", "(", ")", "و", "الوزير", "بين", "عامي", "2011", "و2014", "لمدة", "أسبوعين", "الأحد", "عشر",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=25), st.sampled_from([D, None]), st.sampled_from([" ", ""]))
def test_property_spans_are_exact_sorted_and_disjoint(words: list[str], dct: date | None, sep: str) -> None:
    # With sep "" words are glued in threes, to test clitics and words run together.
    text = sep.join(words) if sep else "".join(w + (" " if i % 3 else "") for i, w in enumerate(words))
    got = find_times(text, dct)
    last_end = -1
    for t in got:
        assert text[t.start : t.end] == t.text
        assert t.start >= last_end
        assert t.end > t.start
        last_end = t.end
        if t.value is None and t.kind == "date":
            assert t.precision in ("unresolved", "vague")
        if t.begin is not None and t.end_date is not None:
            assert t.begin <= t.end_date
