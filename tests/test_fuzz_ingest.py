"""Property-based fuzz of ingest (issue #14): random bytes, JSON-ish junk (deep nesting, huge
and odd strings, fields of the wrong type, NULs, escaped lone surrogates, BOMs, bytes in
other encodings, cut-off files) and random zip members, each beside a good record.

For every example: ``iter_articles`` never raises; every input file (and zip member)
yields articles or is reported (skipped, ignored, or a duplicate); the good record beside
the junk is always kept; and the example finishes within the deadline (a hang or a
super-linear pass fails it).

Bounded for CI: about 100 examples a test, the file runs in well under 30 s on 2 cores.
A longer local run: ``HADATH_FUZZ_EXAMPLES=5000 pytest tests/test_fuzz_ingest.py``.
"""

from __future__ import annotations

import io
import json
import os
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.ingest import IngestReport, iter_articles, json_stream
from kg.ingest import files as ingest_files
from kg.ingest.json_stream import iter_json_array
from tests.test_hostile_ingest import ARTICLES

FUZZ = settings(
    max_examples=int(os.environ.get("HADATH_FUZZ_EXAMPLES", "100")),
    deadline=timedelta(seconds=5),  # generous on a loaded machine; a hang still fails
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)

FIELDS = ["text", "content", "maintext", "body", "title", "url", "date", "published", "source", "id"]
ODD_STRINGS = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["", " ", "\x00", "\ufeff", "\u200f", "ـــ", "Ø§Ù", "\\", '"', "\ufffd", "\n\n\n"]),
    st.integers(0, 200_000).map(lambda n: "ب" * n),  # huge strings
    st.builds(
        lambda a, n: a * n, st.sampled_from(["#وسم", "#وسم ", ". ", "\n", "x "]), st.integers(0, 20_000)
    ),
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.integers(-(10**40), 10**40),
    ODD_STRINGS,
)
VALUES = st.recursive(
    SCALARS,
    lambda kids: (
        st.lists(kids, max_size=4)
        | st.dictionaries(
            st.sampled_from([*FIELDS, "articles", "$date", "name"]) | st.text(max_size=5), kids, max_size=4
        )
    ),
    max_leaves=12,
)
# JSON text no serialiser writes: deep nests, escaped lone surrogates, numbers Python will
# not read, strings and containers left open, stray brackets.
FRAGMENTS = st.one_of(
    st.integers(1, 3000).map(lambda n: "[" * n + "]" * n),
    st.integers(1, 3000).map(lambda n: '{"text": ' * n + '"x"' + "}" * n),
    st.integers(1, 3000).map(lambda n: "[" * n),
    st.sampled_from(
        [
            '{"text": "\\ud800"}',
            '{"text": "نص \\udc00", "url": "\\ud83d"}',
            '{"title": "\\ud800\\ud800"}',
            '{"text": ' + "9" * 5000 + "}",
            '"unterminated',
            '{"text": "x"',
            "}",
            "]]",
            "{",
            "\\",
            '{"text": NaN, "date": Infinity}',
            '{"text": ["a", {"name": "b"}, [[["c"]]]], "date": {"$date": {"$date": 1}}}',
            '{"text": 5, "title": {"x": 1}, "url": [], "date": [1, 2], "source": true}',
            "\ufeff",
            "\x00\x00\x00",
        ]
    ),
    st.text(max_size=30),
)
JUNK = st.one_of(VALUES.map(lambda v: json.dumps(v, ensure_ascii=False)), VALUES.map(json.dumps), FRAGMENTS)


def good_record(k: int) -> tuple[str, dict]:
    url = f"https://news.example/fuzz/{k}"
    return url, {"text": ARTICLES[k % len(ARTICLES)], "url": url, "date": "2024-03-0" + str(1 + k % 9)}


@contextmanager
def ingest_limits(streamed: bool, chunk: int, record_limit: int | None) -> Iterator[None]:
    """Set the module limits for one example (no pytest fixture: hypothesis runs many)."""
    saved = ingest_files.STREAM_BYTES, ingest_files.CHUNK, json_stream.MAX_RECORD_SIZE
    try:
        if streamed:
            ingest_files.STREAM_BYTES = 64
            ingest_files.CHUNK = chunk
        if record_limit:
            json_stream.MAX_RECORD_SIZE = record_limit
        yield
    finally:
        ingest_files.STREAM_BYTES, ingest_files.CHUNK, json_stream.MAX_RECORD_SIZE = saved


def run_ingest(folder: Path) -> tuple[list, IngestReport]:
    report = IngestReport()
    articles = list(iter_articles([folder], report=report))  # must never raise
    json.dumps(report.to_dict(), ensure_ascii=False).encode("utf-8")  # and stay writable
    for a in articles:
        (a.id + a.origin + a.text + a.title + (a.url or "") + (a.source or "")).encode("utf-8")
    return articles, report


def accounted(report: IngestReport, articles: list, origin: str) -> bool:
    """Some article or report entry comes from ``origin`` (a file, or a zip member)."""
    origins = [a.origin for a in articles]
    origins += [e["origin"] for e in report.skipped + report.ignored + report.duplicate_of]
    return any(o == origin or o.startswith((origin + "#", origin + "!")) for o in origins)


def assert_kept(articles: list, url: str, k: int) -> None:
    texts = [a.text for a in articles if a.url == url]
    assert texts == [ARTICLES[k % len(ARTICLES)]], (url, [a.origin for a in articles])


# ---- JSON arrays: a good record first, then junk, maybe cut off --------------------------


@FUZZ
@given(
    junk=st.lists(JUNK, max_size=6),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]),
    cut=st.none() | st.integers(0, 10_000),
    nuls=st.lists(st.integers(0, 10_000), max_size=4),
    foreign=st.lists(st.sampled_from(["cp1256", "latin-1", "utf-16-le"]), max_size=2),
    streamed=st.booleans(),
    chunk=st.integers(1, 300),
    record_limit=st.sampled_from([None, 1500]),
)
def test_a_good_record_before_any_junk_in_a_json_array_is_kept(
    junk, encoding, cut, nuls, foreign, streamed, chunk, record_limit
):
    url, good = good_record(1)
    head = "[" + json.dumps(good, ensure_ascii=False)
    tail = "".join("," + j for j in junk) + "]"
    if cut is not None:
        tail = tail[: cut % (len(tail) + 1)]
    data = head.encode(encoding) + tail.encode(encoding, errors="surrogatepass")
    if encoding != "utf-16":  # bytes of other encodings, NULs anywhere: damage, not structure
        data += "".join(junk[:1]).encode(foreign[0], errors="replace") if foreign and junk else b""
        for pos in nuls:
            at = pos % (len(data) + 1)
            data = data[:at] + b"\x00" + data[at:]
    with tempfile.TemporaryDirectory() as tmp, ingest_limits(streamed, chunk, record_limit):
        path = Path(tmp) / "feed.json"
        path.write_bytes(data)
        articles, report = run_ingest(Path(tmp))
        assert_kept(articles, url, 1)
        assert accounted(report, articles, f"{Path(tmp).name}/feed.json")


# ---- JSONL: a good line anywhere among junk lines ---------------------------------------


@FUZZ
@given(
    junk=st.lists(JUNK | st.binary(max_size=200).map(lambda b: b.decode("latin-1")), max_size=8),
    at=st.integers(0, 8),
    crlf=st.booleans(),
    bom=st.booleans(),
    record_limit=st.sampled_from([None, 1500]),
)
def test_a_good_line_among_junk_lines_is_kept(junk, at, crlf, bom, record_limit):
    url, good = good_record(2)
    lines = [j.encode("utf-8", errors="surrogatepass").replace(b"\n", b" ") for j in junk]
    lines.insert(at % (len(lines) + 1), json.dumps(good, ensure_ascii=False).encode())
    data = (b"\r\n" if crlf else b"\n").join(lines)
    with tempfile.TemporaryDirectory() as tmp, ingest_limits(False, 0, record_limit):
        path = Path(tmp) / "feed.jsonl"
        path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
        articles, report = run_ingest(Path(tmp))
        assert_kept(articles, url, 2)
        assert accounted(report, articles, f"{Path(tmp).name}/feed.jsonl")


# ---- random files of every kind beside a good one -----------------------------------------

NAMES = st.sampled_from(
    ["a.txt", "b.json", "c.jsonl", "d.html", "e.zip", "f.bin", "README.md", ".hidden.txt", "g.TXT", "noext"]
)
CONTENTS = st.one_of(
    st.binary(max_size=3000),
    JUNK.map(lambda s: s.encode("utf-8", errors="surrogatepass")),
    st.sampled_from(["utf-16", "cp1256", "utf-8-sig", "latin-1"]).flatmap(
        lambda enc: st.text(max_size=300).map(lambda t: t.encode(enc, errors="replace"))
    ),
    st.just(ARTICLES[3].encode("utf-8")).map(lambda b: b.replace(b" ", b" \x00", 3)),
)


@FUZZ
@given(files=st.dictionaries(NAMES, CONTENTS, min_size=1, max_size=5))
def test_every_random_file_is_read_or_reported_and_the_good_one_is_kept(files):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name, data in files.items():
            (folder / name).write_bytes(data)
        (folder / "good.txt").write_text(ARTICLES[0], encoding="utf-8")
        articles, report = run_ingest(folder)
        assert any(a.origin == f"{folder.name}/good.txt" and a.text == ARTICLES[0] for a in articles)
        for name in files:
            assert accounted(report, articles, f"{folder.name}/{name}"), name


# ---- zips: random members beside a good one ---------------------------------------------

MEMBER_NAMES = st.sampled_from(
    [
        "x.json",
        "day/y.jsonl",
        "../../evil.json",
        "/abs/z.txt",
        "__MACOSX/._x.json",
        "docs/README.txt",
        "w.html",
        "inner.zip",
        "v.exe",
        "دليل/خبر.txt",
    ]
)


def inner_zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


MEMBER_DATA = CONTENTS | st.dictionaries(
    st.sampled_from(["a.json", "b.txt", "c.zip"]), CONTENTS, max_size=2
).map(inner_zip)


@FUZZ
@given(
    members=st.dictionaries(MEMBER_NAMES, MEMBER_DATA, max_size=5),
    compression=st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED]),
)
def test_every_zip_member_is_read_or_reported_and_the_good_one_is_kept(members, compression):
    url, good = good_record(4)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "day.zip"
        with zipfile.ZipFile(path, "w", compression) as z:
            z.writestr("good/item.json", json.dumps(good, ensure_ascii=False))
            for name, data in members.items():
                z.writestr(name, data)
        articles, report = run_ingest(Path(tmp))
        assert_kept(articles, url, 4)
        for name in members:
            assert accounted(report, articles, f"{Path(tmp).name}/day.zip!{name}"), name


# ---- the scanner alone: any chunking, any limits ------------------------------------------


@FUZZ
@given(
    records=st.lists(VALUES, max_size=6),
    deep=st.lists(st.integers(1, 700), max_size=3),
    chunk=st.integers(1, 500),
    depth_limit=st.sampled_from([3, 512]),
    size_limit=st.sampled_from([64, 1 << 20]),
)
def test_the_scanner_gives_every_element_or_says_why_not(records, deep, chunk, depth_limit, size_limit):
    pieces = [json.dumps(r) for r in records] + ["[" * n + "]" * n for n in deep]
    text = "[" + ", ".join(pieces) + "]"
    chunk = max(chunk, len(text) // 1000)  # edges everywhere, but not a million refills
    saved = json_stream.MAX_DEPTH, json_stream.MAX_RECORD_SIZE
    json_stream.MAX_DEPTH, json_stream.MAX_RECORD_SIZE = depth_limit, size_limit
    try:
        elements = list(iter_json_array([text[i : i + chunk] for i in range(0, len(text), chunk)]))
    finally:
        json_stream.MAX_DEPTH, json_stream.MAX_RECORD_SIZE = saved
    assert len(elements) == len(pieces)
    for element, piece in zip(elements, pieces, strict=True):
        if element.error is None:
            assert element.value == json.loads(piece)
        else:  # only a limit may refuse what json.dumps wrote
            assert element.over_limit, element.error
            assert len(piece) > size_limit or "nested deeper" in element.error


def test_utf16_debris_after_a_utf8_record_is_damage_not_the_files_encoding() -> None:
    # Found by the fuzz above: a good record, then a UTF-16 run longer than the record.
    url, good = good_record(1)
    data = ("[" + json.dumps(good, ensure_ascii=False) + ",").encode("utf-8")
    data += ("[" * 707 + "]" * 707).encode("utf-16-le")
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "feed.json").write_bytes(data)
        articles, _ = run_ingest(Path(tmp))
        assert_kept(articles, url, 1)
