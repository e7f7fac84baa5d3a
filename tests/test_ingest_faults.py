"""Hostile inputs, generated here: every fault is reported with its origin and the run goes on."""

import codecs
import json
import struct
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.ingest import IngestReport, iter_articles
from kg.ingest import files as ingest_files
from kg.ingest.decode import decode_bytes
from kg.ingest.json_stream import iter_json_array
from kg.ingest.repair import repair_text

TEXT = (
    "استقبل رئيس المجلس الرئاسي في طرابلس، اليوم الأربعاء، سفير اليابان لدى ليبيا، "
    "وبحث معه سبل دعم مشروعات الكهرباء والمياه في المدن الليبية."
)
TEXT_2 = "وقّع وزير التعليم اتفاقية مع منظمة اليونسكو لتدريب المعلمين في المناطق الجنوبية خلال العام المقبل."


def ingest(*paths):
    report = IngestReport()
    articles = list(iter_articles(list(paths), report=report))
    return articles, report


def reasons(report):
    return {Path(s["origin"]).name: s["reason"] for s in report.skipped}


def whats(report):
    return " | ".join(r["what"] for r in report.repaired)


# ---- files that are not articles ---------------------------------------------------


@pytest.mark.parametrize("name", ["empty.txt", "empty.json", "empty.jsonl", "empty.html"])
def test_empty_files(tmp_path, name):
    (tmp_path / name).write_bytes(b"" if name != "empty.txt" else b"  \n\n ")
    articles, report = ingest(tmp_path / name)
    assert articles == []
    assert "empty file" in reasons(report)[name]


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG"),
        (b"%PDF-1.7\n" + bytes(200), "PDF"),
        (bytes(range(256)) * 8, "binary"),
        (b"\x01\x02\x03\x04\x05\x06abc\x07\x08\x0e\x0f" * 40, "binary"),
    ],
    ids=["png", "pdf", "all-bytes", "controls"],
)
def test_binary_file_named_txt(tmp_path, data, says):
    (tmp_path / "blob.txt").write_bytes(data)
    articles, report = ingest(tmp_path / "blob.txt")
    assert articles == [] and says in reasons(report)["blob.txt"]


def test_unknown_extension_and_missing_paths(tmp_path):
    (tmp_path / "notes.docx").write_bytes(b"x")
    (tmp_path / "empty_dir").mkdir()
    _, report = ingest(tmp_path / "notes.docx", tmp_path / "nope.txt", tmp_path / "empty_dir")
    r = reasons(report)
    assert "unknown extension .docx" in r["notes.docx"]
    assert "no such file" in r["nope.txt"]
    assert "no article files" in r["empty_dir"]


# ---- encodings ----------------------------------------------------------------------


def test_windows_1256(tmp_path):
    (tmp_path / "old.txt").write_bytes(TEXT.encode("cp1256"))
    [a], report = ingest(tmp_path / "old.txt")
    assert a.text == TEXT
    assert "Windows-1256" in whats(report)


@pytest.mark.parametrize(
    ("codec", "bom"),
    [("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE), ("utf-16-le", b"")],
)
def test_utf16_with_and_without_bom(tmp_path, codec, bom):
    (tmp_path / "wide.txt").write_bytes(bom + TEXT.encode(codec))
    [a], report = ingest(tmp_path / "wide.txt")
    assert a.text == TEXT
    assert "UTF-16" in whats(report)


def test_utf8_bom_is_silent(tmp_path):
    (tmp_path / "bom.txt").write_bytes(codecs.BOM_UTF8 + TEXT.encode())
    [a], report = ingest(tmp_path / "bom.txt")
    assert a.text == TEXT and report.repaired == []


def test_invalid_utf8_replaced_and_reported(tmp_path):
    data = TEXT.encode() + b" \xff\xfe " + TEXT_2.encode()
    (tmp_path / "bad.txt").write_bytes(data)
    [a], report = ingest(tmp_path / "bad.txt")
    assert "\ufffd" in a.text and a.text.startswith(TEXT)
    assert "invalid UTF-8: 2 bad bytes" in whats(report)


def test_invalid_utf8_in_one_jsonl_line(tmp_path):
    good = json.dumps({"text": TEXT}, ensure_ascii=False).encode()
    bad = json.dumps({"text": TEXT_2}, ensure_ascii=False).encode().replace("اليونسكو".encode(), b"\xc3\x28")
    (tmp_path / "feed.jsonl").write_bytes(good + b"\n" + bad + b"\n")
    articles, report = ingest(tmp_path / "feed.jsonl")
    assert len(articles) == 2
    assert report.repaired[0]["origin"].endswith("feed.jsonl#2")


# ---- character repairs --------------------------------------------------------------


def test_control_characters_removed_newlines_and_tabs_kept(tmp_path):
    (tmp_path / "ctl.txt").write_text(f"{TEXT}\x00\x07\x1b\n\n\t{TEXT_2}\x0c\x85", encoding="utf-8")
    [a], report = ingest(tmp_path / "ctl.txt")
    assert a.text == f"{TEXT}\n\n{TEXT_2}"
    assert "removed 5 control characters" in whats(report)


def test_tabs_inside_lines_kept(tmp_path):
    (tmp_path / "tab.txt").write_text(f"{TEXT}\n\nالمدينة\tالسكان\tالمساحة\n\n{TEXT_2}", encoding="utf-8")
    [a], _ = ingest(tmp_path / "tab.txt")
    assert "المدينة\tالسكان\tالمساحة" in a.text


def test_presentation_forms_tatweel_and_bidi_marks(tmp_path):
    text = "زار الوزير \ufec3\ufeae\ufe8d\ufe91\ufee0\ufeb2 \u200fأمس\u200f وطـــرابلس بـ «الوسط» " + TEXT_2
    (tmp_path / "forms.txt").write_text(text, encoding="utf-8")
    [a], report = ingest(tmp_path / "forms.txt")
    assert a.text.startswith("زار الوزير طرابلس أمس وطرابلس بـ «الوسط»")  # the clitic's tatweel stays
    kinds = report.to_dict()["repair_kinds"]
    assert {
        "Arabic presentation forms folded (NFKC)",
        "tatweel removed inside words",
        "bidi/zero-width marks removed",
    } <= set(kinds)


def test_persian_letters_mapped(tmp_path):
    (tmp_path / "fa.txt").write_text("التقی وزیر الخارجیة نظیره الترکی " + TEXT_2, encoding="utf-8")
    [a], report = ingest(tmp_path / "fa.txt")
    assert a.text.startswith("التقي وزير الخارجية نظيره التركي")
    assert "mapped 6 Persian letters" in whats(report)


def test_mojibake_repaired(tmp_path):
    broken = TEXT.encode("utf-8").decode("latin-1")  # UTF-8 bytes shown one character each
    (tmp_path / "moji.json").write_text(json.dumps({"text": broken}), encoding="utf-8")
    [a], report = ingest(tmp_path / "moji.json")
    assert a.text == TEXT
    assert "mojibake" in whats(report)


# ---- JSON and JSONL faults ----------------------------------------------------------


def test_truncated_json_array_keeps_complete_records(tmp_path):
    full = json.dumps(
        [{"text": TEXT}, {"text": TEXT_2}, {"text": TEXT + " ثالث"}], ensure_ascii=False, indent=1
    )
    (tmp_path / "cut.json").write_text(full[: full.rindex("ثالث")], encoding="utf-8")
    articles, report = ingest(tmp_path / "cut.json")
    assert [a.text for a in articles] == [TEXT, TEXT_2]
    skipped = report.skipped[0]
    assert skipped["origin"].endswith("cut.json#3") and "truncated" in skipped["reason"]


def test_malformed_record_in_the_middle_of_an_array(tmp_path):
    good1 = json.dumps({"text": TEXT}, ensure_ascii=False)
    good3 = json.dumps({"text": TEXT_2}, ensure_ascii=False)
    (tmp_path / "mid.json").write_text(f'[\n{good1},\n{{"text" "x"}},\n{good3}\n]', encoding="utf-8")
    articles, report = ingest(tmp_path / "mid.json")
    assert [a.text for a in articles] == [TEXT, TEXT_2]
    assert report.skipped[0]["origin"].endswith("mid.json#2")
    assert "line 3" in report.skipped[0]["reason"]


def test_bad_jsonl_line_reported_with_its_number(tmp_path):
    lines = [json.dumps({"text": TEXT}, ensure_ascii=False), '{"text": "نص مقطوع', "", "[1, 2]"]
    lines.append(json.dumps({"text": TEXT_2}, ensure_ascii=False))
    (tmp_path / "feed.jsonl").write_text("\n".join(lines), encoding="utf-8")
    articles, report = ingest(tmp_path / "feed.jsonl")
    assert [a.origin.rsplit("#", 1)[1] for a in articles] == ["1", "5"]
    r = {s["origin"].rsplit("#", 1)[1]: s["reason"] for s in report.skipped}
    assert r["2"].startswith("line 2: invalid JSON") and "not an object" in r["4"]


def test_records_without_text(tmp_path):
    records = [{"title": "عنوان فقط", "url": "https://x.example/1"}, {"text": "   "}, 42, {"text": TEXT}]
    (tmp_path / "notext.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    articles, report = ingest(tmp_path / "notext.json")
    assert [a.text for a in articles] == [TEXT]
    assert [s["origin"].rsplit("#", 1)[1] for s in report.skipped] == ["1", "2", "3"]
    assert "record has no text (looked for text|content|maintext|body|article)" in report.skipped[0]["reason"]


def test_unreadable_record_date_falls_back_and_is_reported(tmp_path):
    from datetime import date

    (tmp_path / "d.json").write_text(json.dumps({"text": TEXT, "date": "قريبا"}), encoding="utf-8")
    report = IngestReport()
    [a] = iter_articles([tmp_path / "d.json"], default_dct=date(2023, 1, 2), report=report)
    assert a.dct == date(2023, 1, 2)
    assert "unreadable date date='قريبا'" in whats(report)


def test_not_json_at_all(tmp_path):
    (tmp_path / "x.json").write_text("<html>not json</html>", encoding="utf-8")
    articles, report = ingest(tmp_path / "x.json")
    assert articles == [] and "not a JSON array or object" in reasons(report)["x.json"]


def test_big_json_is_streamed_with_the_same_result(tmp_path, monkeypatch):
    records = [{"text": f"{TEXT} رقم {i}", "url": f"https://x.example/{i}"} for i in range(300)]
    path = tmp_path / "big.json"
    path.write_text(json.dumps(records, ensure_ascii=False, indent=1), encoding="utf-8")
    whole, _ = ingest(path)
    monkeypatch.setattr(ingest_files, "STREAM_BYTES", 1000)
    monkeypatch.setattr(ingest_files, "CHUNK", 777)  # chunk edges inside strings and escapes
    streamed, report = ingest(path)
    assert streamed == whole and len(streamed) == 300 and not report.skipped
    path.write_bytes(path.read_bytes()[:-5000])  # cut off: complete records still come through
    cut, report = ingest(path)
    assert 250 < len(cut) < 300 and "truncated" in report.skipped[0]["reason"]


def test_streamed_json_memory_stays_well_below_its_size(tmp_path, monkeypatch):
    paragraph = (TEXT + " ") * 8
    records = [{"text": f"{paragraph} {i}", "url": f"https://x.example/{i}"} for i in range(2000)]
    path = tmp_path / "big.json"
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    size = path.stat().st_size
    monkeypatch.setattr(ingest_files, "STREAM_BYTES", 1 << 20)
    monkeypatch.setattr(ingest_files, "CHUNK", 1 << 16)
    report = IngestReport()
    tracemalloc.start()
    count = sum(1 for _ in iter_articles([path], report=report))  # articles are not kept
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert count == 2000
    assert size > 4_000_000 and peak < size / 4, (size, peak)


# ---- zip faults ----------------------------------------------------------------------


def make_zip(path, members):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return path


def test_corrupt_and_truncated_zip(tmp_path):
    (tmp_path / "junk.zip").write_bytes(b"this is not a zip file at all" * 10)
    good = make_zip(tmp_path / "good.zip", {"a.json": json.dumps([{"text": TEXT}] * 50, ensure_ascii=False)})
    data = good.read_bytes()
    (tmp_path / "half.zip").write_bytes(data[: len(data) // 2])
    articles, report = ingest(tmp_path / "junk.zip", tmp_path / "half.zip")
    r = reasons(report)
    assert articles == []
    assert "corrupt zip" in r["junk.zip"] and "corrupt zip" in r["half.zip"]


def test_damaged_member_data_does_not_stop_the_other_members(tmp_path):
    path = make_zip(
        tmp_path / "d.zip",
        {"a.txt": (TEXT + " ") * 40, "b.txt": TEXT_2},
    )
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as z:
        info = z.getinfo("a.txt")
    start = info.header_offset + 30 + len(info.filename) + 10
    data[start : start + 20] = b"\xff" * 20  # garble the deflate stream of a.txt
    path.write_bytes(bytes(data))
    articles, report = ingest(path)
    assert [a.text for a in articles] == [TEXT_2]
    assert "d.zip!a.txt" in report.skipped[0]["origin"] and "zip member" in report.skipped[0]["reason"]


def _set_encrypted_flag(path: Path, name: str) -> None:
    """Mark one member as encrypted in both headers (zipfile cannot write encrypted zips)."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as z:
        info = z.getinfo(name)
    local = info.header_offset
    flags = struct.unpack_from("<H", data, local + 6)[0]
    struct.pack_into("<H", data, local + 6, flags | 1)
    central = data.index(b"PK\x01\x02" + data[0:0], 0)
    while central != -1:
        if data[central + 46 : central + 46 + len(name)] == name.encode():
            flags = struct.unpack_from("<H", data, central + 8)[0]
            struct.pack_into("<H", data, central + 8, flags | 1)
        central = data.find(b"PK\x01\x02", central + 4)
    path.write_bytes(bytes(data))


def test_password_protected_member(tmp_path):
    path = make_zip(
        tmp_path / "p.zip",
        {"secret.json": json.dumps({"text": TEXT}), "open.jsonl": json.dumps({"text": TEXT_2})},
    )
    _set_encrypted_flag(path, "secret.json")
    articles, report = ingest(path)
    assert [a.origin for a in articles] == ["p.zip!open.jsonl#1"]
    assert "password-protected" in report.skipped[0]["reason"]


def test_zip_slip_member_names_are_labels_only(tmp_path):
    inner = tmp_path / "in"
    inner.mkdir()
    path = make_zip(
        inner / "evil.zip",
        {
            "../../escaped.json": json.dumps({"text": TEXT}, ensure_ascii=False),
            "/abs/root.jsonl": json.dumps({"text": TEXT_2}, ensure_ascii=False),
            "ok/readme.exe": "MZ",
        },
    )
    before = sorted(p.name for p in tmp_path.rglob("*"))
    articles, report = ingest(path)
    assert sorted(p.name for p in tmp_path.rglob("*")) == before  # nothing written anywhere
    assert not (tmp_path.parent / "escaped.json").exists()
    assert [a.origin for a in articles] == ["evil.zip!../../escaped.json", "evil.zip!/abs/root.jsonl#1"]
    assert "unknown extension .exe" in report.skipped[0]["reason"]


def test_macos_metadata_in_zip_is_ignored(tmp_path):
    path = make_zip(
        tmp_path / "m.zip", {"__MACOSX/._a.json": b"\x00\x05\x16\x07", "a.json": json.dumps({"text": TEXT})}
    )
    articles, report = ingest(path)
    assert len(articles) == 1 and report.skipped == [] and report.ignored


# ---- everything at once --------------------------------------------------------------


def test_a_folder_of_faults_never_stops_the_run(tmp_path):
    (tmp_path / "01-good.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "02-empty.txt").write_bytes(b"")
    (tmp_path / "03-binary.txt").write_bytes(bytes(range(256)))
    (tmp_path / "04-bad.json").write_text('[{"text": ', encoding="utf-8")
    (tmp_path / "05-junk.zip").write_bytes(b"PK\x03\x04garbage")
    (tmp_path / "06-page.html").write_text("<html><body><nav>الرئيسية</nav></body></html>", encoding="utf-8")
    (tmp_path / "07-furniture.txt").write_text(
        "عنوان\n\nشارك\nاترك تعليقاً\nزر الذهاب إلى الأعلى", encoding="utf-8"
    )
    (tmp_path / "08-other.xml").write_text("<x/>", encoding="utf-8")
    (tmp_path / "09-good.jsonl").write_text(
        json.dumps({"text": TEXT_2}, ensure_ascii=False), encoding="utf-8"
    )
    articles, report = ingest(tmp_path)
    assert [Path(a.origin.split("#")[0]).name for a in articles] == ["01-good.txt", "09-good.jsonl"]
    r = reasons(report)
    assert set(r) == {
        "02-empty.txt",
        "03-binary.txt",
        "04-bad.json#1",
        "05-junk.zip",
        "06-page.html",
        "07-furniture.txt",
        "08-other.xml",
    }
    assert "no main text" in r["06-page.html"]
    assert all(";" in reason or ":" in reason for reason in r.values())  # each says what to do
    assert report.files_seen == 9


# ---- properties: no input makes the readers raise ---------------------------------------

ARABICISH = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
        st.characters(min_codepoint=0xFE70, max_codepoint=0xFEFF),
        st.sampled_from(list(" \n\t\r\x00\x07\u200f\u0640ØÙ§„.،:#-–")),
    ),
    max_size=200,
)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=600))
def test_decode_never_raises(data):
    decode_bytes(data)


@settings(max_examples=200, deadline=None)
@given(ARABICISH)
def test_repair_is_idempotent(text):
    once = repair_text(text).text
    assert repair_text(once).text == once
    assert repair_text(once).repairs == ()


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.dictionaries(st.sampled_from(["text", "url", "t"]), ARABICISH, max_size=3), max_size=5),
    st.integers(min_value=1, max_value=50),
)
def test_json_scanner_agrees_with_json_loads(records, chunk):
    text = json.dumps(records, ensure_ascii=False)
    chunks = [text[i : i + chunk] for i in range(0, len(text), chunk)]
    assert [e.value for e in iter_json_array(chunks)] == records


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet='[]{}",:\\ ab1\n', max_size=80))
def test_json_scanner_never_raises_on_garbage(text):
    for element in iter_json_array([text]):
        assert element.error is None or element.value is None
