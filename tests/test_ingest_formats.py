"""Each input format through ``iter_articles``: field mapping, ids, order, dates, duplicates."""

import json
import zipfile
from datetime import date
from pathlib import Path

import rdflib

from kg.build import build
from kg.ingest import IngestReport, article_id, iter_articles
from kg.rdf.terms import ORIGIN

TEXT_A = (
    "استقبل وزير الخارجية الجزائري نظيره التونسي، اليوم الاثنين، بالعاصمة الجزائر، "
    "وبحث الجانبان تعزيز التعاون في مجال الطاقة والربط الكهربائي بين البلدين."
)
TEXT_B = (
    "وقّعت مصر والسودان، أمس، اتفاقية للتعاون في مجال النقل النهري، خلال اجتماع "
    "اللجنة العليا المشتركة الذي عقد في القاهرة برئاسة وزيري النقل في البلدين."
)
TEXT_C = (
    "أعلن وزير الصحة المغربي افتتاح مستشفى جامعي جديد في مدينة طنجة، مؤكدًا أن المشروع "
    "سيخدم أكثر من مليون مواطن في جهة الشمال."
)

PAGE = """<!DOCTYPE html><html lang="ar"><head><meta charset="utf-8">
<title>وزيرا الخارجية يبحثان الربط الكهربائي | موقع المثال</title>
<meta property="og:site_name" content="موقع المثال">
<meta property="article:published_time" content="2023-05-08T09:00:00+01:00">
<link rel="canonical" href="https://news.example/a/42">
</head><body><nav><a href="/">الرئيسية</a> <a href="/x">سياسة</a></nav>
<article><h1>وزيرا الخارجية يبحثان الربط الكهربائي</h1>
<p>{p1}</p><p>{p2}</p></article>
<footer>جميع الحقوق محفوظة</footer></body></html>"""


def ingest(*paths, default_dct=None):
    report = IngestReport()
    articles = list(iter_articles(list(paths), default_dct=default_dct, report=report))
    return articles, report


def test_txt_scraped_page(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(
        f"دولي\n\nالجزائر وتونس تبحثان الربط الكهربائي #أخبار_المغرب_العربي\n\nوج – الجزائر\n{TEXT_A}\n\n"
        "مقالات ذات صلة\n\nاترك تعليقاً\n\nزر الذهاب إلى الأعلى\n",
        encoding="utf-8",
    )
    [a], report = ingest(page, default_dct=date(2023, 5, 8))
    assert a.text == TEXT_A
    assert a.title == "الجزائر وتونس تبحثان الربط الكهربائي"
    assert (a.source, a.dateline_place) == ("وج", "الجزائر")  # no quoted name to restore it from
    assert a.dct == date(2023, 5, 8)  # the default: a .txt page carries no date here
    assert a.origin == "page.txt" and a.url is None  # named from the argument on, not the machine
    assert report.to_dict()["articles"] == 1 and not report.skipped


def test_json_array_field_names(tmp_path):
    records = [
        {
            "url": "https://news.example/1",
            "date": "2023-05-08T10:00:00+03:00",
            "source": "www.news.example",
            "title": "عنوان أول",
            "content": TEXT_A,
        },
        {
            "link": "https://news.example/2",
            "datePublished": "08/05/2023",
            "publisher": {"name": "المثال"},
            "headline": "عنوان ثان",
            "maintext": [TEXT_B, TEXT_C],  # paragraphs as a list
            "_id": {"$oid": "64590c"},
        },
        {"article": TEXT_C, "guid": "g-3", "pubDate": "Mon, 08 May 2023 07:00:00 GMT", "link": None},
    ]
    path = tmp_path / "feed.json"
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    a, b, c = ingest(path)[0]
    assert (a.url, a.source, a.dct, a.title, a.text) == (
        "https://news.example/1",
        "www.news.example",
        date(2023, 5, 8),
        "عنوان أول",
        TEXT_A,
    )
    assert (b.source, b.dct, b.title) == ("المثال", date(2023, 5, 8), "عنوان ثان")
    assert b.text == f"{TEXT_B}\n\n{TEXT_C}"
    assert (c.url, c.source, c.dct) == (None, None, date(2023, 5, 8))
    assert [x.origin for x in (a, b, c)] == ["feed.json#1", "feed.json#2", "feed.json#3"]


def test_json_single_object_and_wrapped_list(tmp_path):
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"text": TEXT_A, "url": "https://x.example/1"}), encoding="utf-8")
    wrapped = tmp_path / "wrapped.json"
    wrapped.write_text(json.dumps({"articles": [{"text": TEXT_B}, {"text": TEXT_C}]}), encoding="utf-8")
    articles, _ = ingest(one, wrapped)
    assert [a.origin for a in articles] == ["one.json", "wrapped.json#1", "wrapped.json#2"]
    assert articles[0].source == "x.example"  # from the url when the record names no source


def test_jsonl_and_record_dates(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [
        {"text": TEXT_A, "date_publish": "2023-05-08 12:00:00", "source_domain": "a.example"},
        {"text": TEXT_B, "date_extracted": "2023-05-09 02:00:00", "hostname": "b.example"},
        {"text": TEXT_C},
    ]
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    articles, _ = ingest(path, default_dct=date(2023, 1, 1))
    assert [a.dct for a in articles] == [date(2023, 5, 8), date(2023, 5, 9), date(2023, 1, 1)]
    assert [a.source for a in articles] == ["a.example", "b.example", None]
    assert [a.origin for a in articles] == ["feed.jsonl#1", "feed.jsonl#2", "feed.jsonl#3"]


def test_html_page(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE.format(p1=TEXT_A, p2=TEXT_B), encoding="utf-8")
    [a], report = ingest(path)
    assert a.title == "وزيرا الخارجية يبحثان الربط الكهربائي"
    assert a.text == f"{TEXT_A}\n{TEXT_B}"
    assert (a.url, a.source, a.dct) == ("https://news.example/a/42", "موقع المثال", date(2023, 5, 8))
    assert report.formats["html"] == 1


def test_zip_members_in_nested_folders(tmp_path):
    path = tmp_path / "bundle.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("2023/05/day.json", json.dumps([{"text": TEXT_A}, {"text": TEXT_B}], ensure_ascii=False))
        z.writestr("2023/05/more.jsonl", json.dumps({"text": TEXT_C}, ensure_ascii=False) + "\n")
        z.writestr("2023/page.txt", f"عنوان\n\n{TEXT_C} وأضاف الوزير أن العمل سيبدأ قريبًا.")
        z.writestr("2023/", "")
    articles, report = ingest(path)
    assert [a.origin for a in articles] == [
        "bundle.zip!2023/05/day.json#1",
        "bundle.zip!2023/05/day.json#2",
        "bundle.zip!2023/05/more.jsonl#1",
        "bundle.zip!2023/page.txt",
    ]
    assert report.files_seen == 1 and report.members_seen == 3


def test_folders_walked_sorted_and_ids_stable(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text(TEXT_A, encoding="utf-8")
    (tmp_path / "a.txt").write_text(TEXT_B, encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(
        json.dumps({"text": TEXT_C, "url": "https://u.example/c"}), encoding="utf-8"
    )
    first, _ = ingest(tmp_path)
    again, _ = ingest(tmp_path)
    name = tmp_path.name  # a folder argument: its files are named from the folder's own name on
    assert [a.origin for a in first] == [f"{name}/a.txt", f"{name}/b/z.txt", f"{name}/c.jsonl#1"]
    assert [a.id for a in first] == [a.id for a in again]
    assert all(len(a.id) == 16 and a.id[0] == "a" and int(a.id[1:], 16) >= 0 for a in first)
    assert len({a.id for a in first}) == 3


def test_ids_do_not_depend_on_how_the_folder_is_named(tmp_path, monkeypatch):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "x.txt").write_text(TEXT_A, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    relative, _ = ingest(Path("corpus"))
    absolute, _ = ingest(tmp_path / "corpus")
    assert relative[0].id == absolute[0].id


def test_id_is_url_plus_text():
    assert article_id("https://u.example/1", TEXT_A) == article_id("https://u.example/1", TEXT_A)
    assert article_id("https://u.example/1", TEXT_A) != article_id("https://u.example/1", TEXT_B)
    assert article_id("https://u.example/1", TEXT_A) != article_id("https://u.example/2", TEXT_A)


def test_exact_duplicates_dropped_and_counted(tmp_path):
    rec = {"url": "https://u.example/1", "text": TEXT_A}
    same_url_other_text = {"url": "https://u.example/1", "text": TEXT_B}
    path = tmp_path / "dups.jsonl"
    path.write_text(
        "\n".join(json.dumps(x, ensure_ascii=False) for x in (rec, same_url_other_text, rec)),
        encoding="utf-8",
    )
    articles, report = ingest(path, path)  # the same file given twice is read once
    assert [a.origin for a in articles] == ["dups.jsonl#1", "dups.jsonl#2"]
    assert report.duplicates == 1
    assert report.to_dict()["duplicate_of"] == [{"origin": "dups.jsonl#3", "first": "dups.jsonl#1"}]
    assert report.files_seen == 1


def test_documentation_and_hidden_files_are_ignored_not_skipped(tmp_path):
    (tmp_path / "README.md").write_text("# corpus", encoding="utf-8")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x01")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(TEXT_A, encoding="utf-8")
    (tmp_path / "a.txt").write_text(TEXT_B, encoding="utf-8")
    articles, report = ingest(tmp_path)
    assert len(articles) == 1
    assert report.skipped == []
    assert {Path(i["origin"]).name for i in report.ignored} == {"README.md", ".DS_Store"}


def test_report_is_json_and_summary_is_short(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT_A, encoding="utf-8")
    (tmp_path / "b.docx").write_bytes(b"PK\x03\x04")
    _, report = ingest(tmp_path)
    data = json.loads(json.dumps(report.to_dict()))
    assert {"files_seen", "articles", "skipped", "repaired", "duplicates"} <= set(data)
    assert data["skipped"][0]["origin"].endswith("b.docx")
    summary = report.summary(max_reasons=5)
    assert summary.startswith("ingest: 2 files → 1 articles")
    assert "unknown extension .docx" in summary
    assert len(summary.splitlines()) <= 1 + 5 + 1 + 5


def test_a_built_graph_names_origins_from_the_folder_not_the_machine(tmp_path):
    """Issue #14: ``hd:origin`` in graph.ttl carries no folder of the machine it was built on."""
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT_A, encoding="utf-8")
    (folder / "b.txt").write_text(TEXT_B, encoding="utf-8")
    out = tmp_path / "out"
    build([folder], out, jobs=1, pages=False, exports=False)
    graph = rdflib.Graph().parse(out / "graph.ttl", format="turtle")
    origins = {str(o) for o in graph.objects(None, ORIGIN)}
    assert origins == {"news/a.txt", "news/b.txt"}
    for origin in origins:
        assert str(tmp_path) not in origin and "/tmp" not in origin
        assert origin.startswith(f"{folder.name}/")


def test_two_inputs_of_one_name_keep_apart_in_their_origins(tmp_path: Path) -> None:
    for side in ("x", "y"):
        folder = tmp_path / side / "news"
        folder.mkdir(parents=True)
        (folder / "a.txt").write_text(f"التقى وزير الخارجية نظيره في {side} أمس.", encoding="utf-8")
    articles = list(iter_articles([tmp_path / "x" / "news", tmp_path / "y" / "news"]))
    assert sorted(a.origin for a in articles) == ["x/news/a.txt", "y/news/a.txt"]


def test_a_day_in_the_url_before_the_crawl_date_is_the_publication_day(tmp_path: Path) -> None:
    feed = tmp_path / "crawl.jsonl"
    rows = [
        {"url": "http://news.example/2015/20150724/a1.htm", "date_extracted": "2015-07-26 10:00:00"},
        {"url": "http://news.example/2015/07/25/story.html", "date_extracted": "2015-07-26 10:00:00"},
        {"url": "http://news.example/2019/01/01/archive.html", "date_extracted": "2015-07-26 10:00:00"},
        {"url": "http://news.example/node/12345", "date_extracted": "2015-07-26 10:00:00"},
    ]
    feed.write_text(
        "\n".join(
            json.dumps({**r, "content": f"استقبل الأمير فيصل بن بندر أمس السفير {k}."}, ensure_ascii=False)
            for k, r in enumerate(rows)
        ),
        encoding="utf-8",
    )
    report = IngestReport()
    days = [a.dct for a in iter_articles([feed], report=report)]
    # a later url day is not credible; no day in the url keeps the record's
    assert days == [date(2015, 7, 24), date(2015, 7, 25), date(2015, 7, 26), date(2015, 7, 26)]
    assert report.repair_kinds["publication day read from the url (earlier than the record's date)"] == 2
