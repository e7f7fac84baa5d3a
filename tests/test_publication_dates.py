"""The article's date (#15 class 8): crawl date, url day and dateline day, the earliest
credible one, with its source; and the dateline place at the top of a crawled record."""

import json
from datetime import date
from pathlib import Path

from kg.ingest import IngestReport, iter_articles
from kg.ingest.dateline import dateline_prefix, read_head, strip_navigation
from kg.ingest.dates import date_line, dated_line, hijri_to_gregorian, text_day, with_dateline

BODY = "افتتح أمير المنطقة اليوم معرضا للكتاب في المدينة بحضور عدد من المسؤولين والزوار."


def _records(tmp_path: Path, *rows: dict) -> tuple[list, IngestReport]:
    feed = tmp_path / "crawl.json"
    feed.write_text(json.dumps(list(rows), ensure_ascii=False), encoding="utf-8")
    report = IngestReport()
    return list(iter_articles([feed], report=report)), report


# ---- dates written in a dateline ----


def test_hijri_dateline_is_converted_on_the_umm_al_qura_calendar() -> None:
    assert hijri_to_gregorian(1436, 10, 18) == date(2015, 8, 3)
    assert hijri_to_gregorian(1436, 13, 1) is None and hijri_to_gregorian(1200, 1, 1) is None
    line = dated_line("تبوك 12 ذو القعدة 1436 هـ واس")
    assert line is not None and line.day == date(2015, 8, 27)
    assert (line.lead, line.tail, line.lead_words) == ("تبوك", "واس", 1)
    assert dated_line("1436/10/18 هـ").day == date(2015, 8, 3)


def test_gregorian_dateline_in_words_and_in_figures() -> None:
    assert dated_line("جدة 03 أغسطس 2015 م").day == date(2015, 8, 3)
    assert dated_line("2015/08/04").day == date(2015, 8, 4)
    assert dated_line("الثلاثاء ، 04-08-2015").day == date(2015, 8, 4)


def test_a_stated_gregorian_day_beside_the_hijri_one_is_the_day() -> None:
    # Umm al-Qura puts 20 Shawwal 1436 on 5 August; the page says 4 August: it is stated.
    line = dated_line("الثلاثاء 20 شوال 1436 - 04 أغسطس 2015")
    assert line is not None and line.day == date(2015, 8, 4)
    assert date_line("الثلاثاء 20 شوال 1436 - 04 أغسطس 2015") == date(2015, 8, 4)
    # Two dates far apart are not one day written twice.
    assert dated_line("الأحد 10 شوال 1436 - 01 يناير 2015") is None


def test_a_sentence_with_a_date_is_not_a_dateline() -> None:
    assert dated_line("أقيم الحفل في 4 يناير 2015 بحضور جمهور كبير من الأهالي") is None
    assert dated_line("من 4 يوليو 2015 حتى 8 أغسطس 2015") is None
    # A date the text refers to, at the top of the body: the words around it are not a place or agency.
    assert read_head("بالإشارة إلى ما نشر بتاريخ 15/7/1436هـ تحت عنوان\n" + BODY).day is None


# ---- the earliest credible day, and its source ----


def test_earliest_credible_day_rules() -> None:
    crawl = date(2015, 8, 5)
    assert with_dateline(crawl, "crawl", crawl, date(2015, 8, 3)) == (date(2015, 8, 3), "dateline")
    assert with_dateline(crawl, "crawl", crawl, date(2015, 8, 9)) == (crawl, "crawl")  # later: ignored
    assert with_dateline(crawl, "crawl", crawl, date(2012, 1, 1)) == (crawl, "crawl")  # too far back
    assert with_dateline(date(2015, 8, 1), "url", crawl, date(2015, 8, 3)) == (date(2015, 8, 1), "url")
    assert with_dateline(None, None, None, date(2015, 8, 3)) == (date(2015, 8, 3), "dateline")


def test_a_hijri_dateline_before_the_crawl_date_is_the_publication_day(tmp_path: Path) -> None:
    articles, report = _records(
        tmp_path,
        {
            "url": "http://news.example/node/1",
            "date_extracted": "2015-08-05 22:00:00",
            "content": f"تبوك 18 شوال 1436 هـ الموافق 03 أغسطس 2015 م واس\n{BODY}",
        },
    )
    (a,) = articles
    assert (a.dct, a.dct_source, a.dateline_place) == (date(2015, 8, 3), "dateline", "تبوك")
    assert report.repair_kinds["publication day read from the dateline (earlier than the record's date)"] == 1
    assert a.text.startswith("تبوك 18 شوال")  # the text keeps its dateline: offsets are into it


def test_a_dateline_later_than_the_crawl_date_is_ignored(tmp_path: Path) -> None:
    (a,), _ = _records(
        tmp_path,
        {
            "url": "http://news.example/node/2",
            "date_extracted": "2015-08-05 22:00:00",
            "content": f"الأربعاء 12 أغسطس 2015\n{BODY}",
        },
    )
    assert read_head(a.text).day == date(2015, 8, 12)  # read, then found not credible
    assert (a.dct, a.dct_source) == (date(2015, 8, 5), "crawl")


def test_url_and_dateline_the_earliest_wins(tmp_path: Path) -> None:
    crawl = "2015-08-06 09:00:00"
    articles, _ = _records(
        tmp_path,
        {  # url 2 August, dateline 4 August: the url's
            "url": "http://news.example/2015/08/02/a.html",
            "date_extracted": crawl,
            "content": f"2015/08/04\n{BODY}",
        },
        {  # url 4 August, dateline 3 August: the dateline's
            "url": "http://news.example/2015/20150804/b.htm",
            "date_extracted": crawl,
            "content": f"الاثنين 03 أغسطس 2015\n{BODY}",
        },
        {  # the url's day alone
            "url": "http://news.example/2015/20150805/c.htm",
            "date_extracted": crawl,
            "content": BODY,
        },
    )
    got = [(a.dct, a.dct_source) for a in articles]
    assert got == [(date(2015, 8, 2), "url"), (date(2015, 8, 3), "dateline"), (date(2015, 8, 5), "url")]


def test_no_usable_date_stays_none(tmp_path: Path) -> None:
    (a,), _ = _records(tmp_path, {"url": "http://news.example/node/3", "content": BODY})
    assert (a.dct, a.dct_source) == (None, None)
    (b,), _ = _records(
        tmp_path, {"url": "http://news.example/node/4", "date_extracted": "soon", "content": BODY}
    )
    assert (b.dct, b.dct_source) == (None, None)


def test_a_publication_field_is_the_record_source_and_a_default_is_said(tmp_path: Path) -> None:
    (a,), _ = _records(
        tmp_path, {"url": "http://news.example/n/5", "published": "2015-08-01", "content": BODY}
    )
    assert (a.dct, a.dct_source) == (date(2015, 8, 1), "record")
    feed = tmp_path / "crawl.json"
    (b,) = iter_articles([feed], default_dct=date(2015, 8, 9))
    assert (b.dct, b.dct_source) == (date(2015, 8, 1), "record")
    feed.write_text(json.dumps([{"content": BODY}], ensure_ascii=False), encoding="utf-8")
    (c,) = iter_articles([feed], default_dct=date(2015, 8, 9))
    assert (c.dct, c.dct_source) == (date(2015, 8, 9), "default")


def test_a_hijri_date_line_under_a_scraped_pages_dateline(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(
        f"افتتاح معرض الكتاب في تبوك\nالمرصد – تبوك\nالثلاثاء 18 شوال 1436\n{BODY}\n", encoding="utf-8"
    )
    (a,) = iter_articles([page])
    assert (a.dct, a.dct_source, a.dateline_place) == (date(2015, 8, 3), "dateline", "تبوك")


# ---- the dateline place at the top of a crawled record ----


def test_the_place_after_navigation_words(tmp_path: Path) -> None:
    assert strip_navigation(" Next Previous \xa0") == ""
    assert read_head(f"Next Previous نبأ اليوم – الطائف\n{BODY}").place == "الطائف"
    assert read_head(f" Next Previous \xa0\nنبأ اليوم – أبها\n{BODY}").place == "أبها"
    assert read_head(f"مكة المكرمة – سالم الغامدي\n{BODY}").place == "مكة المكرمة"
    (a,), _ = _records(
        tmp_path,
        {
            "url": "http://news.example/n/6",
            "date_extracted": "2015-08-05",
            "content": f"Next Previous نبأ اليوم – الطائف\n{BODY}",
        },
    )
    assert a.dateline_place == "الطائف"


def test_a_place_must_be_a_known_place() -> None:
    assert read_head(f"سالم الغامدي – نبأ اليوم\n{BODY}").place is None  # reporter and outlet
    assert read_head(f"نبأ اليوم – متابعات\n{BODY}").place is None
    assert read_head(f"السعودية – إيران\n{BODY}").place is None  # two places: a heading


def test_reporter_outlet_place_prefix(tmp_path: Path) -> None:
    dl = dateline_prefix(f"سالم الغامدي- المرصد- جازان: {BODY}")
    assert dl is not None and (dl.source, dl.place) == ("المرصد", "جازان")
    (a,), _ = _records(
        tmp_path,
        {
            "url": "http://news.example/n/7",
            "date_extracted": "2015-08-05",
            "content": f"المرصد- وكالات: {BODY}",
        },
    )
    assert a.dateline_place is None  # outlet and agency, no place


# ---- the day the text calls today ----


def test_the_weekday_the_lead_calls_today(tmp_path: Path) -> None:
    assert text_day("قال المتحدث اليوم الأربعاء إن الاجتماع انتهى.", date(2015, 7, 31)) == date(2015, 7, 29)
    assert text_day("أعلنت الشركة، اليوم (الجمعة)، نتائجها.", date(2015, 7, 31)) == date(2015, 7, 31)
    assert text_day("أعلنت الشركة أمس الخميس نتائجها.", date(2015, 7, 31)) is None  # not "today"
    crawl = "2015-07-31 23:00:00"  # a Friday
    articles, report = _records(
        tmp_path,
        {
            "url": "http://news.example/n/8",
            "date_extracted": crawl,
            "content": "افتتح الوزير مساء اليوم الأربعاء المعرض.",
        },
        {  # a day the url states stays: it is not inferred
            "url": "http://news.example/2015/07/31/n9.html",
            "date_extracted": crawl,
            "content": "افتتح الوزير مساء اليوم الأربعاء المعرض.",
        },
        {"url": "http://news.example/n/10", "date_extracted": crawl, "content": BODY},
    )
    got = [(a.dct, a.dct_source) for a in articles]
    assert got == [(date(2015, 7, 29), "text"), (date(2015, 7, 31), "url"), (date(2015, 7, 31), "crawl")]
    assert (
        report.repair_kinds["publication day read from the text's weekday (earlier than the record's date)"]
        == 1
    )
