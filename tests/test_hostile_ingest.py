"""Inputs built to hurt ingest (issue #14): huge records, deep nesting, cut-off files, NUL
bytes, lone surrogates, lines that make a regex backtrack. Each is generated here, small
enough for CI; each must be skipped or repaired with a clear reason while the good
articles beside it load, and none may end the build or take time out of proportion.
"""

from __future__ import annotations

import json
import multiprocessing
import subprocess
import sys
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest
import rdflib

from kg.ingest import IngestReport, iter_articles, json_stream
from kg.ingest import files as ingest_files
from kg.ingest.boilerplate import Line, classify
from kg.ingest.dates import parse_date
from kg.ingest.json_stream import iter_json_array
from kg.ingest.records import map_record
from kg.ingest.text_layout import clean_title
from tests.conftest import ROOT

# Short news items written for these tests (two or three sentences each).
ARTICLES = (
    "افتتح وزير الصحة مستشفى جديدا في مدينة سبها يوم الاثنين. ويضم المستشفى مئة وعشرين سريرا "
    "وقسما للطوارئ. وقال الوزير إن المشروع سيخدم سكان الجنوب.",
    "أعلنت شركة الكهرباء عن خطة لصيانة محطات التوليد في بنغازي خلال الشهر المقبل. وتهدف الخطة "
    "إلى تقليل ساعات انقطاع التيار في فصل الصيف.",
    "التقى رئيس الحكومة وفدا من رجال الأعمال في مصراتة لبحث فرص الاستثمار. واتفق الطرفان على "
    "تشكيل لجنة مشتركة لمتابعة المشروعات.",
    "وصلت قافلة مساعدات إنسانية إلى مدينة غات محملة بالأدوية والمواد الغذائية. وأشرف الهلال الأحمر "
    "على توزيع المساعدات على الأسر المحتاجة.",
    "فاز فريق الاتحاد على منافسه الأهلي بهدفين مقابل هدف في مباراة أقيمت في طرابلس. وسجل المهاجم "
    "الهدف الثاني في الدقائق الأخيرة.",
    "قررت وزارة التعليم تأجيل امتحانات الشهادة الثانوية أسبوعا بسبب الأحوال الجوية. ودعت الوزارة "
    "الطلاب إلى متابعة الإعلانات الرسمية.",
)
FAST_BUILD = ("--no-pages", "--no-exports", "--ner", "rules", "--jobs", "1", "-q")
DEEP = 100_000  # levels: json.loads gives RecursionError far below this

T = TypeVar("T")


def ingest(*paths: Path) -> tuple[list, IngestReport]:
    report = IngestReport()
    return list(iter_articles(list(paths), report=report)), report


def within(seconds: float, work: Callable[[], T]) -> T:
    """``work()``, failing (not hanging) if it takes more than ``seconds``: a generous bound
    that only a super-linear pass misses, however loaded the CI machine is.

    The work runs in a forked child that is killed at the bound: a thread would not do, as
    a regex that backtracks is one C call that never lets go of the GIL.
    """
    if "fork" not in multiprocessing.get_all_start_methods():  # Windows: no bound, same checks
        return work()
    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)

    def run() -> None:
        try:
            send.send((True, work()))
        except BaseException as exc:  # re-raised in the test's process
            send.send((False, exc))

    child = ctx.Process(target=run, daemon=True)
    child.start()
    try:
        if not receive.poll(seconds):
            pytest.fail(f"still running after {seconds} s: not linear in its input")
        ok, value = receive.recv()
    finally:
        child.kill()
        child.join()
    if not ok:
        raise value
    return value


def record(i: int, **extra: object) -> str:
    return json.dumps({"text": ARTICLES[i], **extra}, ensure_ascii=False)


def all_entries(report: IngestReport) -> list[dict[str, str]]:
    return report.skipped + report.repaired


# ---- 1. one record over the size limit -------------------------------------------------


def huge_string_zip(path: Path, chars: int, char: bytes = b"x") -> Path:
    """A zip of a few hundred KB whose one JSON member holds a ``chars``-long string."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z, z.open("day/feed.json", "w") as w:
        w.write(f'[{record(0)},\n{{"content": "'.encode())
        block = char * (1 << 20)
        for _ in range(chars >> 20):
            w.write(block)
        w.write(f'"}},\n{record(1)}]'.encode())
    return path


def test_a_record_over_the_size_limit_is_skipped_in_linear_time_without_holding_it(tmp_path, monkeypatch):
    monkeypatch.setattr(json_stream, "MAX_RECORD_SIZE", 1 << 20)
    monkeypatch.setattr(ingest_files, "CHUNK", 1 << 16)  # many refills: a rescan per refill shows
    path = huge_string_zip(tmp_path / "big.zip", 48 << 20)
    assert path.stat().st_size < 1 << 20

    def measured() -> tuple[list, IngestReport, int]:
        tracemalloc.start()
        articles, report = ingest(path)
        return articles, report, tracemalloc.get_traced_memory()[1]

    articles, report, peak = within(60, measured)
    assert [a.text for a in articles] == [ARTICLES[0], ARTICLES[1]]
    [skipped] = report.skipped
    assert skipped["origin"].endswith("big.zip!day/feed.json#2")
    assert "record #2 (line 2) has 48 Mi characters" in skipped["reason"]
    assert "over the limit for one record (1 Mi characters, MAX_RECORD_SIZE" in skipped["reason"]
    assert peak < 12 << 20, f"{peak >> 20} MiB held for a 48 MiB record"  # the window, not the record


def test_a_string_of_escapes_split_across_every_chunk_edge(tmp_path, monkeypatch):
    r"""Backslashes cut from the character they escape at refills (``\\``, ``\"``) keep
    the scan exact, and a long run of them is still one pass."""
    monkeypatch.setattr(ingest_files, "STREAM_BYTES", 1000)
    monkeypatch.setattr(ingest_files, "CHUNK", 777)
    tricky = ('\\"' + "\\\\" * 3 + "}]{[") * 20_000
    records = [{"text": ARTICLES[2]}, {"text": ARTICLES[3], "note": tricky}, {"text": ARTICLES[4]}]
    path = tmp_path / "escapes.json"
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    articles, report = within(30, lambda: ingest(path))
    assert [a.text for a in articles] == [ARTICLES[2], ARTICLES[3], ARTICLES[4]]
    assert not report.skipped


def test_a_jsonl_line_over_the_limit_is_read_past_without_keeping_it(tmp_path, monkeypatch):
    monkeypatch.setattr(json_stream, "MAX_RECORD_SIZE", 1 << 16)
    lines = [record(0), '{"text": "' + "ب" * (1 << 20) + '"}', record(1)]
    with zipfile.ZipFile(tmp_path / "feed.zip", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("feed.jsonl", "\n".join(lines) + "\n")
    (tmp_path / "feed.jsonl").write_text("\n".join(lines), encoding="utf-8")  # no final newline
    for path in (tmp_path / "feed.zip", tmp_path / "feed.jsonl"):
        articles, report = ingest(path)
        assert [a.text for a in articles] == [ARTICLES[0], ARTICLES[1]]
        [skipped] = report.skipped
        assert skipped["origin"].endswith("feed.jsonl#2")
        assert "line 2 is over the limit for one record (64 Ki bytes" in skipped["reason"]


def test_a_small_json_file_over_the_record_limit_is_scanned_too(tmp_path, monkeypatch):
    """Below STREAM_BYTES a file is parsed whole; one bigger than a record may be is not."""
    monkeypatch.setattr(json_stream, "MAX_RECORD_SIZE", 4096)
    path = tmp_path / "small.json"
    path.write_text(f'[{record(0)}, {{"text": "{"ت" * 10_000}"}}, {record(1)}]', encoding="utf-8")
    articles, report = ingest(path)
    assert [a.text for a in articles] == [ARTICLES[0], ARTICLES[1]]
    assert "record #2" in report.skipped[0]["reason"] and "4 Ki characters" in report.skipped[0]["reason"]


# ---- 2. nesting deeper than any article ------------------------------------------------


def test_deep_nesting_in_every_format_is_skipped_through_the_real_cli(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    deep = "[" * DEEP + "]" * DEEP
    (src / "deep.json").write_text(deep, encoding="utf-8")
    (src / "deep_object.json").write_text('{"a": ' * DEEP + "1" + "}" * DEEP, encoding="utf-8")
    (src / "feed.jsonl").write_text(f'{record(0)}\n{{"text": {deep}}}\n{record(1)}\n', encoding="utf-8")
    with zipfile.ZipFile(src / "day.zip", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("day/items.json", f'[{record(2)}, {{"text": "x", "t": {deep}}}, {record(3)}]')
    (src / "good.txt").write_text(ARTICLES[4], encoding="utf-8")
    (src / "good.json").write_text(record(5, url="https://news.example/6"), encoding="utf-8")
    out = tmp_path / "out"
    proc = subprocess.run(
        [sys.executable, "-m", "kg.cli", "build", str(src), "--out", str(out), *FAST_BUILD],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert proc.returncode == 3, proc.stderr  # built, with skips
    assert "recursion" not in proc.stderr
    skipped = json.loads((out / "build-report.json").read_text(encoding="utf-8"))["ingest"]["skipped"]
    by_origin = {s["origin"]: s["reason"] for s in skipped}  # named from the folder argument on
    assert set(by_origin) == {
        "in/deep.json#1",
        "in/deep_object.json#1",
        "in/feed.jsonl#2",
        "in/day.zip!day/items.json#2",
    }
    for reason in by_origin.values():
        assert "nested deeper than 512 levels" in reason, reason
    graph = rdflib.Graph().parse(out / "graph.ttl", format="turtle")
    nif = rdflib.Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
    assert {str(o) for o in graph.objects(None, nif.isString)} == set(ARTICLES)


def test_the_depth_limit_is_exact_and_the_records_after_a_deep_one_load(monkeypatch):
    monkeypatch.setattr(json_stream, "MAX_DEPTH", 5)
    at_limit = {"text": ARTICLES[0], "t": [[[["x"]]]]}  # 5 levels with the record's own braces
    over = {"text": ARTICLES[1], "t": [[[[["x"]]]]]}
    text = json.dumps([at_limit, over, {"text": ARTICLES[2]}], ensure_ascii=False)
    for size in (3, 50, len(text)):  # chunk edges everywhere
        elements = list(iter_json_array([text[i : i + size] for i in range(0, len(text), size)]))
        assert [e.value for e in elements] == [at_limit, None, {"text": ARTICLES[2]}]
        assert "record #2 (line 1) is nested deeper than 5 levels" in (elements[1].error or "")


def test_walking_a_deep_field_never_recurses_as_deep_as_the_input():
    nested: object = ARTICLES[0]
    for _ in range(50):  # deeper than any paragraph list: not text
        nested = [nested]
    assert isinstance(map_record({"text": nested}), str)
    assert map_record({"text": [[ARTICLES[0]]], "title": nested}).title == ""  # type: ignore[union-attr]
    date = {"$date": "2020-07-03"}
    for _ in range(3000):  # a {"$date": {"$date": ...}} chain
        date = {"$date": date}  # type: ignore[dict-item]
    assert parse_date(date) is None


def test_a_recursion_error_while_reading_a_record_skips_only_that_record(tmp_path, monkeypatch):
    original = ingest_files.map_record

    def fragile(value: object):
        if isinstance(value, dict) and "bad" in value:
            raise RecursionError("maximum recursion depth exceeded")
        return original(value)

    monkeypatch.setattr(ingest_files, "map_record", fragile)
    path = tmp_path / "r.json"
    path.write_text(f"[{record(0)}, {record(1, bad=1)}, {record(2)}]", encoding="utf-8")
    articles, report = ingest(path)
    assert [a.text for a in articles] == [ARTICLES[0], ARTICLES[2]]
    assert report.skipped[0]["origin"].endswith("r.json#2")
    assert "nested deeper than" in report.skipped[0]["reason"]


# ---- 3. a truncated file: one entry that says where it was cut --------------------------


@pytest.mark.parametrize("streamed", [False, True], ids=["whole", "streamed"])
def test_a_truncated_json_gives_one_entry_with_the_record_and_what_was_read(tmp_path, monkeypatch, streamed):
    if streamed:
        monkeypatch.setattr(ingest_files, "STREAM_BYTES", 100)
        monkeypatch.setattr(ingest_files, "CHUNK", 64)
    full = json.dumps([{"text": t} for t in ARTICLES[:3]], ensure_ascii=False, indent=1)
    inside = tmp_path / "inside.json"
    inside.write_text(full[: full.rindex("لجنة")], encoding="utf-8")  # cut inside record 3
    between = tmp_path / "between.json"
    between.write_text(full[: full.rindex("{")], encoding="utf-8")  # cut after record 2
    articles, report = ingest(inside)
    assert [a.text for a in articles] == list(ARTICLES[:2])
    [entry] = all_entries(report)
    assert entry["origin"].endswith("inside.json#3")
    assert entry["reason"].startswith("truncated: the file ends inside record #3 (line 8)")
    assert "the 2 records before it were read" in entry["reason"]
    articles, report = ingest(between)
    assert [a.text for a in articles] == list(ARTICLES[:2])
    [entry] = all_entries(report)
    assert entry["origin"].endswith("between.json")
    assert (
        "the file ends after record #2" in entry["reason"] and "2 records before the cut" in entry["reason"]
    )


def test_a_json_that_is_only_damaged_still_says_it_was_read_record_by_record(tmp_path):
    path = tmp_path / "commas.json"
    path.write_text(f"[{record(0)} {record(1)},]", encoding="utf-8")  # no comma, then a trailing one
    articles, report = ingest(path)
    assert len(articles) == 2 and not report.skipped
    assert "read record by record" in report.repaired[0]["what"]


# ---- 4. NUL bytes and other characters nothing can write --------------------------------


def test_a_few_nul_bytes_cost_no_article_in_txt_json_jsonl_and_html(tmp_path):
    cut = ARTICLES[0].replace("،", "").replace(". ", ".\x00\x00 ", 2)
    (tmp_path / "a.txt").write_text(cut + "\x00", encoding="utf-8")
    padded = json.dumps({"text": ARTICLES[1]}, ensure_ascii=False).replace(". ", ".\x00 ") + "\x00" * 64
    (tmp_path / "b.json").write_text(padded, encoding="utf-8")  # NULs in the text, then padding
    (tmp_path / "c.jsonl").write_text(
        record(2).replace(". ", ". \x00") + "\n\x00\x00\n" + record(3) + "\n", encoding="utf-8"
    )
    body = "".join(f"<p>{s}</p>" for s in ARTICLES[4].split(". "))
    (tmp_path / "d.html").write_text(
        f"<html><body><article>{body}\x00</article></body></html>", encoding="utf-8"
    )
    articles, report = ingest(tmp_path)
    texts = {Path(a.origin).name: a.text for a in articles}
    assert texts["a.txt"] == ARTICLES[0].replace("،", "")
    assert texts["b.json"] == ARTICLES[1]
    assert texts["c.jsonl#1"] == ARTICLES[2] and texts["c.jsonl#3"] == ARTICLES[3]
    assert "d.html" in texts and "\x00" not in texts["d.html"]
    assert not report.skipped
    repaired = {Path(r["origin"]).name: r["what"] for r in report.repaired}
    assert repaired["a.txt"] == "removed 5 control characters (5 of them NUL; kept newlines/tabs)"
    assert repaired["b.json"] == f"removed {padded.count(chr(0))} NUL characters"
    assert repaired["c.jsonl#1"] == "removed 1 NUL characters"
    assert repaired["c.jsonl#2"] == "removed 2 NUL characters"  # a line of NULs is a blank line
    assert "NUL" in repaired["d.html"]


def test_raw_control_characters_inside_json_strings_are_repaired_not_fatal(tmp_path):
    text = ARTICLES[0].replace(" ", " \x07", 2).replace(". ", ".\t")  # raw, not escaped as \u0007
    (tmp_path / "ctl.json").write_text('{"text": "' + text + '"}', encoding="utf-8")
    [article], report = ingest(tmp_path / "ctl.json")
    assert "\x07" not in article.text and "control characters" in report.repaired[0]["what"]


def test_binary_and_all_nul_files_are_still_refused(tmp_path):
    (tmp_path / "zeros.txt").write_bytes(bytes(4096))
    (tmp_path / "blob.txt").write_bytes(bytes(range(256)) * 16 + bytes(400))
    (tmp_path / "good.txt").write_text(ARTICLES[0], encoding="utf-8")
    articles, report = ingest(tmp_path)
    assert [a.text for a in articles] == [ARTICLES[0]]
    reasons = {Path(s["origin"]).name: s["reason"] for s in report.skipped}
    assert "only NUL bytes" in reasons["zeros.txt"] and "binary" in reasons["blob.txt"]


def test_lone_surrogates_and_undecodable_file_names_do_not_end_the_build(tmp_path):
    (tmp_path / "s.json").write_text(
        '{"text": "'
        + ARTICLES[0]
        + r' \ud83d", "title": "\udc00عنوان", "url": "https://news.example/\ud800"}',
        encoding="utf-8",
    )
    name = b"\xff\xfe-item.txt".decode("utf-8", "surrogateescape")  # how Python holds such a name
    try:
        (tmp_path / name).write_text(ARTICLES[1], encoding="utf-8")
        odd_name = True
    except (OSError, UnicodeEncodeError):  # a file system that refuses names that are not UTF-8
        odd_name = False
    articles, report = ingest(tmp_path)
    for a in articles:
        (a.id + a.origin + a.text + a.title + (a.url or "")).encode("utf-8")  # all writable
    json.dumps(report.to_dict(), ensure_ascii=False).encode("utf-8")
    by_name = {Path(a.origin).name: a for a in articles}
    assert by_name["s.json"].text == ARTICLES[0] + " \ufffd"
    assert report.repaired[0]["what"] == "replaced 3 lone surrogates by U+FFFD"
    if odd_name:
        assert by_name["\\xff\\xfe-item.txt"].text == ARTICLES[1]


def test_numbers_python_cannot_read_are_a_bad_record_not_a_crash(tmp_path):
    (tmp_path / "n.json").write_text(
        f'[{record(0)}, {{"text": "x", "n": {"9" * 5000}}}, {record(1, date=int("1" + "0" * 400))}]',
        encoding="utf-8",
    )
    articles, report = ingest(tmp_path / "n.json")
    assert [a.text for a in articles] == [ARTICLES[0], ARTICLES[1]]
    assert (
        report.skipped[0]["origin"].endswith("n.json#2") and "unreadable value" in report.skipped[0]["reason"]
    )
    assert any("unreadable date" in r["what"] for r in report.repaired)


def test_empty_arrays_and_empty_zips_are_reported(tmp_path):
    (tmp_path / "none.json").write_text("[]", encoding="utf-8")
    (tmp_path / "wrapped.json").write_text('{"articles": []}', encoding="utf-8")
    zipfile.ZipFile(tmp_path / "empty.zip", "w").close()
    _, report = ingest(tmp_path)
    names = {Path(s["origin"]).name for s in report.skipped}
    assert names == {"none.json", "wrapped.json", "empty.zip"}


# ---- super-linear passes over one long line ----------------------------------------------


def test_a_line_of_hashtags_does_not_backtrack():
    """``^(?:#\\S+\\s*)+$`` took 1 s for 24 ``#a`` and doubled with each one more."""
    assert within(10, lambda: classify("#وسم" * 5000 + " نص")) is not Line.JUNK
    assert within(10, lambda: classify("#وسم " * 5000)) is Line.JUNK
    assert classify("#وسم#آخر #ثالث") is Line.JUNK


def test_a_title_of_many_hashtags_is_cleaned_in_linear_time():
    title = "عنوان الخبر " + "#وسم " * 200_000 + "نهاية"  # quadratic before: minutes
    assert within(10, lambda: clean_title(title)).endswith("#وسم نهاية")
    assert within(10, lambda: clean_title("عنوان الخبر " + "#وسم " * 200_000)) == "عنوان الخبر"
    assert clean_title("#وسم #آخر") == "#وسم"  # never emptied


def test_a_five_megabyte_single_line_article_is_read_in_linear_time(tmp_path):
    units = ("#وسم#وسم ", "«أوج» ", "طرابلس - وكالات: ", "14 مارس 2023 ", "طـــرابلس ", "Ø§Ù", ARTICLES[0])
    line = "".join(units) * (5_000_000 // len("".join(units).encode()))
    (tmp_path / "long.txt").write_text("وج – طرابلس\n" + line, encoding="utf-8")
    (tmp_path / "long.json").write_text(
        json.dumps(
            {
                "text": line,
                "title": line[:1_000_000],
                "date": line[:100_000],
                "url": "https://news.example/5mb",
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    lengths = within(60, lambda: [len(a.text) for a in ingest(tmp_path)[0]])
    assert len(lengths) == 2 and min(lengths) > 2_000_000
