"""Scraped-page layout: category, title, dateline, body prefix datelines, furniture tails.

All texts are written for these tests.
"""

from datetime import date

import pytest

from kg.ingest.boilerplate import Line, classify, cut_boilerplate
from kg.ingest.dateline import dateline_line, dateline_prefix, restore_source
from kg.ingest.dates import date_line, parse_date
from kg.ingest.repair import repair_text
from kg.ingest.text_layout import clean_title, parse_text_layout

BODY_1 = (
    "استقبل وزير الداخلية عماد الطرابلسي، اليوم الأحد، بطرابلس سفير إيطاليا لدى ليبيا، "
    "وبحث معه ملف الهجرة غير النظامية وتأمين الحدود الجنوبية."
)
BODY_2 = "وأكد الوزير، في تصريحات طالعتها “الوسط”، أن التعاون الأمني بين البلدين يشهد تطورًا ملحوظًا."

SCRAPED = f"""أمن

الطرابلسي يبحث مع السفير الإيطالي ملف الهجرة #قناة_ليبيا_الأولى #عاجل

لوسط – طرابلس
{BODY_1}

{BODY_2}

مقالات ذات صلة

وزير الداخلية يتفقد منفذ رأس اجدير الحدودي ويطلع على سير العمل فيه

اترك رداً

لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *

زر الذهاب إلى الأعلى
إغلاق
"""


def test_scraped_page_parts():
    layout = parse_text_layout(repair_text(SCRAPED).text)
    assert layout.category == "أمن"
    assert layout.title == "الطرابلسي يبحث مع السفير الإيطالي ملف الهجرة"
    assert (layout.source, layout.place) == ("لوسط", "طرابلس")
    assert layout.body.startswith("استقبل وزير الداخلية")
    body, dropped = cut_boilerplate(layout.body)
    assert body == f"{BODY_1}\n\n{BODY_2}"
    assert dropped == 6


def test_lost_first_letter_restored_from_quoted_name():
    assert restore_source("لوسط", BODY_2) == "الوسط"
    assert restore_source("وج", "وطالعته «أوج» أمس") == "أوج"
    assert restore_source("الوسط", BODY_2) == "الوسط"  # nothing lost: unchanged
    assert restore_source("وج", "لا اسم مقتبسًا هنا") == "وج"


@pytest.mark.parametrize(
    ("line", "source", "place"),
    [
        ("وج – طرابلس", "وج", "طرابلس"),
        ("بوابة الوسط — بنغازي", "بوابة الوسط", "بنغازي"),
        ("«المرصد» - مصراتة:", "المرصد", "مصراتة"),
        ("طرابلس - وكالات", "وكالات", "طرابلس"),  # the agency side is the source, whatever the order
    ],
)
def test_dateline_lines(line, source, place):
    dl = dateline_line(line)
    assert dl is not None and (dl.source, dl.place) == (source, place)


@pytest.mark.parametrize("line", ["استقبل وزير الخارجية ضيفه اليوم", "محلي", "الطرابلسي يبحث ملف الهجرة"])
def test_not_datelines(line):
    assert dateline_line(line) is None


@pytest.mark.parametrize(
    ("body", "source", "place"),
    [
        ("طرابلس - وكالات: استقبل رئيس الحكومة وفدًا تركيًا.", "وكالات", "طرابلس"),
        ("واس - الرياض: استقبل ولي العهد وزير الخارجية الإيطالي.", "واس", "الرياض"),
        ("الرياض (واس) - استقبل ولي العهد وزير الخارجية.", "واس", "الرياض"),
        ("بنغازي ـ «الساعة 24»: افتتح وزير الصحة مستشفى جديدًا.", "الساعة 24", "بنغازي"),
    ],
)
def test_dateline_prefix_of_body(body, source, place):
    dl = dateline_prefix(body)
    assert dl is not None and (dl.source, dl.place) == (source, place)


def test_prose_with_dash_and_colon_is_not_a_dateline():
    assert dateline_prefix("قال الوزير - في تصريح مقتضب: إن الاجتماع كان مثمرًا.") is None
    assert dateline_prefix("استقبل وزير الخارجية نظيره التركي.") is None


def test_body_prefix_dateline_keeps_the_text():
    text = "العنوان القصير\n\nطرابلس - وكالات: استقبل رئيس الحكومة وفدًا تركيًا رفيع المستوى."
    layout = parse_text_layout(text)
    assert layout.title == "العنوان القصير"
    assert layout.body.startswith("طرابلس - وكالات:")  # facts are never cut off


def test_plain_text_first_line_is_title_only_when_alone():
    assert parse_text_layout(f"عنوان قصير للخبر\n\n{BODY_1}").title == "عنوان قصير للخبر"
    assert parse_text_layout(f"{BODY_1}\n{BODY_2}").title == ""
    plain = parse_text_layout(f"{BODY_1}\n\n{BODY_2}")
    assert plain.title == "" and plain.body.startswith("استقبل")  # a sentence is not a title


def test_plain_text_with_category_title_and_date():
    text = f"اقتصاد\n\nالمركزي يعلن سعر الصرف الجديد\n\nالأربعاء 15 مارس 2023\n\n{BODY_1}"
    layout = parse_text_layout(text)
    assert (layout.category, layout.title, layout.dct) == (
        "اقتصاد",
        "المركزي يعلن سعر الصرف الجديد",
        date(2023, 3, 15),
    )
    assert layout.body == BODY_1


def test_date_line_under_the_dateline():
    text = f"عنوان الخبر\n\nوج – طرابلس\n14/3/2023\n{BODY_1}"
    layout = parse_text_layout(text)
    assert layout.dct == date(2023, 3, 14) and layout.body == BODY_1


def test_title_hashtag_tail():
    assert clean_title("المنفي يستقبل السفير #ليبيا #قناة_ليبيا_الأحرار") == "المنفي يستقبل السفير"
    assert clean_title("#عاجل") == "#عاجل"  # nothing else: keep it
    assert clean_title("  عنوان   بمسافات  ") == "عنوان بمسافات"


@pytest.mark.parametrize(
    ("line", "cls"),
    [
        ("", Line.BLANK),
        ("شارك", Line.CUE),
        ("واتساب", Line.CUE),
        ("جميع الحقوق محفوظة © 2023", Line.CUE),
        ("اقرأ أيضا: الدبيبة يستقبل وفدًا", Line.SECTION),
        ("تابعونا على", Line.SECTION),
        ("#ليبيا #تركيا", Line.JUNK),
        ("https://example.org/x", Line.JUNK),
        ("12:30", Line.JUNK),
        ("الدبيبة يستقبل السفير", Line.SHORT),
        ("شاركت الوزيرة في افتتاح المؤتمر.", Line.CONTENT),
        (BODY_1, Line.CONTENT),
    ],
)
def test_line_classes(line, cls):
    assert classify(line) is cls


def test_no_cut_without_cues():
    # Verse, lists and captions are short lines without sentence ends: they stay.
    verse = f"{BODY_1}\n\nيا دار عزٍّ في العلا\nمجدٌ تليدٌ لا يزول\nوالخير فيك مؤصلٌ"
    assert cut_boilerplate(verse) == (verse, 0)


def test_inline_read_also_link_dropped():
    text = f"{BODY_1}\n\nاقرأ أيضا: الحكومة تعلن موعد صرف المرتبات\n\n{BODY_2}"
    body, dropped = cut_boilerplate(text)
    assert body == f"{BODY_1}\n\n{BODY_2}" and dropped == 1


def test_a_body_of_nothing_but_furniture_is_emptied():
    assert cut_boilerplate("شارك\nاترك تعليقاً\n#ليبيا") == ("", 3)
    assert cut_boilerplate("الدبيبة يستقبل السفير") == ("الدبيبة يستقبل السفير", 0)  # short, but no cue


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2015-07-21 02:51:32", date(2015, 7, 21)),
        ("2023-03-14T23:30:00-05:00", date(2023, 3, 14)),  # the date as written, not moved to UTC
        ("2023-03-14", date(2023, 3, 14)),
        ("14/3/2023", date(2023, 3, 14)),
        ("١٤/٣/٢٠٢٣", date(2023, 3, 14)),
        ("Tue, 14 Mar 2023 10:00:00 +0000", date(2023, 3, 14)),
        ("14 آذار 2023", date(2023, 3, 14)),
        ("14 الربيع 2023", date(2023, 3, 14)),
        (1678780800, date(2023, 3, 14)),
        ({"$date": "2023-03-14T10:00:00Z"}, date(2023, 3, 14)),
        ("غدًا", None),
        ("2023-02-30", None),
        (None, None),
    ],
)
def test_parse_date(value, day):
    assert parse_date(value) == day


def test_date_lines():
    assert date_line("نشر في: الثلاثاء 14 مارس/آذار 2023 - 10:30 ص") == date(2023, 3, 14)
    assert date_line("وزير الخارجية 2023") is None
