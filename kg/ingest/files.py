"""Paths → documents: walk folders, dispatch on the extension, read zip members in memory.

Nothing is ever extracted to disk: a zip member named ``../../x.json`` is only a label.
Every fault of a file, member or record is written to the report with what to do, and
the walk goes on. Folders are walked in sorted order, records in file order, so a run
over the same inputs yields the same documents in the same order.
"""

from __future__ import annotations

import codecs
import io
import json
import lzma
import os
import re
import zipfile
import zlib
from collections import Counter
from collections.abc import Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import IO, AnyStr

from kg.ingest import json_stream
from kg.ingest.decode import Decoded, NotText, decode_bytes, decode_utf8, json_encoding
from kg.ingest.html import extract_html
from kg.ingest.json_stream import Element, iter_json_array, loads, too_deep_reason, too_large_reason
from kg.ingest.records import RecordFields, map_record
from kg.ingest.repair import remove_controls
from kg.ingest.report import IngestReport

TEXT_EXTS = {".txt": "txt", ".text": "txt"}
RECORD_EXTS = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl"}
HTML_EXTS = {".html": "html", ".htm": "html", ".xhtml": "html"}
KINDS = {**TEXT_EXTS, **RECORD_EXTS, **HTML_EXTS, ".zip": "zip"}
# Files a folder holds beside the articles: documentation, not input.
DOC_NAMES = ("readme", "license", "licence", "changelog", "notice", "copying")
DOC_EXTS = {".md", ".rst"}

# JSON bigger than this is parsed element by element (~1.7x slower); so is JSON bigger than
# one record may be (``json_stream.MAX_RECORD_SIZE``), since only the scanner enforces it.
STREAM_BYTES = 16 << 20
MAX_ARTICLE_BYTES = 32 << 20  # a single .txt/.html article larger than this is not one article
MAX_ZIP_DEPTH = 2  # zips inside zips, at most this deep
CHUNK = 1 << 18  # 256 KiB: the streaming window stays a few MB whatever the file size
_SURROGATE = re.compile("[\ud800-\udfff]")
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    lzma.LZMAError,
    OSError,
    EOFError,
    RuntimeError,
    NotImplementedError,
    ValueError,
)


@dataclass(frozen=True)
class Doc:
    """One article's raw material, before character repairs and layout parsing."""

    origin: str  # shown in the report and kept as ``Article.origin``
    key: str  # the stable part of the id: url, record id or the origin relative to its input
    kind: str  # txt | json | jsonl | html: only txt has a page layout to read
    text: str
    title: str = ""
    url: str | None = None
    source: str | None = None
    dct: date | None = None
    notes: tuple[str, ...] = field(default=())  # decoding repairs to report
    dct_source: str | None = None  # where ``dct`` came from (``Article.dct_source``)
    record_day: date | None = None  # a record's own date: what a dateline's day is weighed against


@dataclass(frozen=True)
class _Where:
    """A file or zip member: how to show it, and how to name it stably."""

    origin: str
    key: str

    def member(self, name: str) -> _Where:
        return _Where(f"{self.origin}!{name}", f"{self.key}!{name}")

    def record(self, n: int) -> _Where:
        return _Where(f"{self.origin}#{n}", f"{self.key}#{n}")


def iter_docs(paths: Sequence[Path], report: IngestReport) -> Iterator[Doc]:
    for path, rel, label in walk(paths, report):
        report.files_seen += 1
        # A file is named from the argument on (``news/a.txt``), not from the machine's root:
        # a graph built here carries none of this machine's folders (``hd:origin``).
        yield from read_path(path, _Where(shown(label), shown(rel)), report)


def walk(paths: Sequence[Path], report: IngestReport) -> Iterator[tuple[Path, str, str]]:
    """Each input file once, with its path relative to the input it was found under and
    that path with the input's own name before it (``examples/a.txt``)."""
    seen: set[Path] = set()
    roots = _display_roots([Path(p) for p in paths])
    for given in paths:
        given = Path(given)
        if not given.exists():
            report.skip(shown(str(given)), "no such file or folder: check the path")
            continue
        root = roots[given]
        if given.is_dir():
            found = list(_walk_dir(given, root, report))
            if not found:
                report.skip(
                    shown(str(given)), "no article files in this folder (.txt .json .jsonl .html .zip)"
                )
            for path in found:
                if _first_time(path, seen):
                    rel = path.relative_to(given).as_posix()
                    yield path, rel, f"{root}/{rel}" if root else rel
        elif _first_time(given, seen):
            yield given, given.name, root


def _display_roots(paths: list[Path]) -> dict[Path, str]:
    """How each input is named in origins: its own name (``news``, ``page.txt``), or as many
    of its parent folders as it takes to tell two inputs of one name apart (``x/news`` and
    ``y/news``). Never the machine's folders above that. Linear in the inputs: a shell glob
    may give tens of thousands."""
    full = {p: p.resolve().parts for p in paths}
    depth = dict.fromkeys(full, 1)
    pending = set(full)
    while pending:
        seen = Counter(full[p][-depth[p] :] for p in full)
        clash = {p for p in pending if seen[full[p][-depth[p] :]] > 1 and depth[p] < len(full[p])}
        for p in clash:
            depth[p] += 1
        pending = clash
    return {p: "/".join(full[p][-depth[p] :]).lstrip("/") for p in full}


def _walk_dir(root: Path, label: str, report: IngestReport) -> Iterator[Path]:
    found = []
    for folder, dirs, files in os.walk(root, followlinks=False):
        dirs[:] = [d for d in dirs if not d.startswith(".")]  # .git, .cache: never input
        for name in files:
            path = Path(folder) / name
            shown_as = shown(f"{label}/{path.relative_to(root).as_posix()}")
            if name.startswith("."):
                report.ignore(shown_as, "hidden file")
            elif _is_documentation(name):
                report.ignore(shown_as, "documentation, not an article")
            else:
                found.append(path)
    return iter(sorted(found, key=lambda p: p.relative_to(root).parts))


def shown(name: str) -> str:
    """A path as text that can be written out: a file name with bytes that are not UTF-8
    (``b"\\xff.txt"``, which Python holds as lone surrogates) shows them as ``\\xff``.

    Origins and ids are encoded as UTF-8 later (the report, the id hash), and a lone
    surrogate there would end the build.
    """
    if not _SURROGATE.search(name):
        return name
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate that no file system produced
        return name.encode("utf-8", "backslashreplace").decode("utf-8")


def _first_time(path: Path, seen: set[Path]) -> bool:
    try:
        real = path.resolve()
    except OSError:
        real = path
    if real in seen:
        return False
    seen.add(real)
    return True


def _is_documentation(name: str) -> bool:
    stem, ext = os.path.splitext(name.lower())
    return ext in DOC_EXTS or (stem in DOC_NAMES and ext in ("", ".txt"))


def read_path(path: Path, where: _Where, report: IngestReport) -> Iterator[Doc]:
    kind = KINDS.get(path.suffix.lower())
    if kind is None:
        report.skip(where.origin, _unknown(path.name))
        return
    try:
        size = path.stat().st_size
        if kind == "zip":
            yield from _read_zip(path, where, report, depth=1)
        elif kind in ("jsonl", "json"):
            with path.open("rb") as stream:
                yield from _read_records(stream, size, kind, where, report)
        else:
            if size > MAX_ARTICLE_BYTES:
                report.skip(where.origin, _too_big(size))
                return
            yield from _read_article(path.read_bytes(), kind, where, report)
    except OSError as exc:
        report.skip(where.origin, f"cannot read the file ({exc.strerror or exc}); check its permissions")


def _read_article(data: bytes, kind: str, where: _Where, report: IngestReport) -> Iterator[Doc]:
    decoded = decode_bytes(data)
    if isinstance(decoded, NotText):
        report.skip(where.origin, decoded.reason)
        return
    notes = (decoded.note,) if decoded.note else ()
    if kind == "txt":
        yield Doc(where.origin, where.key, "txt", decoded.text, notes=notes)
        return
    markup, removed = remove_controls(decoded.text)
    if removed:  # lxml would drop them silently: say so, as for text
        report.repair(where.origin, removed.what, removed.kind)
    page = extract_html(markup)
    if isinstance(page, str):
        report.skip(where.origin, page)
        return
    key = page.url or where.key
    yield Doc(
        where.origin,
        key,
        "html",
        page.text,
        page.title,
        page.url,
        page.source,
        page.dct,
        notes,
        dct_source="page" if page.dct else None,
    )


# ---- JSON and JSONL -------------------------------------------------------------------


def _read_records(
    stream: IO[bytes], size: int, kind: str, where: _Where, report: IngestReport
) -> Iterator[Doc]:
    if kind == "jsonl":
        yield from _read_jsonl(stream, where, report)
    elif size > min(STREAM_BYTES, json_stream.MAX_RECORD_SIZE):
        yield from _read_json_stream(stream, where, report)
    else:
        yield from _read_json(stream.read(), where, report)


def _read_jsonl(stream: IO[bytes], where: _Where, report: IngestReport) -> Iterator[Doc]:
    """One record a line, read as a stream: a bad line is reported with its number."""
    any_line = False
    for n, raw in _lines(stream, json_stream.MAX_RECORD_SIZE):
        here = where.record(n)
        if raw is None:
            any_line = True
            report.skip(here.origin, too_large_reason(f"line {n}", unit="bytes"))
            continue
        raw, nuls = _without_nuls(raw)
        _report_nuls(nuls, here, report)
        if not raw.strip():
            continue
        any_line = True
        decoded = decode_utf8(raw)
        try:
            value = loads(decoded.text)
        except json.JSONDecodeError as exc:
            report.skip(
                here.origin,
                f"line {n}: invalid JSON ({exc.msg}, column {exc.colno}); fix or remove the line",
            )
            continue
        except RecursionError:  # json.loads recursed past Python's limit (~1000 > MAX_DEPTH)
            report.skip(here.origin, too_deep_reason(f"line {n}"))
            continue
        notes = (decoded.note,) if decoded.note else ()
        yield from _record_doc(value, "jsonl", here, report, notes)
    if not any_line:
        report.skip(where.origin, "empty file: no JSON lines to read; remove it or add records")


def _lines(stream: IO[bytes], limit: int) -> Iterator[tuple[int, bytes | None]]:
    """Numbered lines; ``None`` for a line over ``limit`` bytes, read past without keeping it."""
    n = 0
    while raw := stream.readline(limit + 1):
        n += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):
                raw = stream.readline(CHUNK)
            yield n, None
        else:
            yield n, raw


def _read_json(data: bytes, where: _Where, report: IngestReport) -> Iterator[Doc]:
    if not data.strip():
        report.skip(where.origin, "empty file: no JSON to read; remove it or add records")
        return
    codec, skip = json_encoding(data[:4096])
    nuls = 0
    if codec == "utf-8":
        data, nuls = _without_nuls(data)
        decoded = decode_utf8(data)
    else:
        decoded = Decoded(data[skip:].decode(codec, errors="replace"), codec, f"JSON decoded as {codec}")
    if decoded.note:
        report.repair(where.origin, decoded.note, note_kind(decoded.note))
    text, more = _without_nuls(decoded.text)
    _report_nuls(nuls + more, where, report)
    del data, decoded
    try:
        value = loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        # Recover what can be recovered: every complete, well-formed record. The records
        # lost are reported one by one; only when none is, the file-level fault is said.
        errors = yield from _elements(iter_json_array([text]), where, report)
        if not errors:
            what = f"{exc.msg}, line {exc.lineno}" if isinstance(exc, json.JSONDecodeError) else "too deep"
            report.repair(
                where.origin,
                f"invalid JSON ({what}); read record by record",
                "JSON file damaged: read record by record",
            )
        return
    del text  # only the parsed records stay in memory
    records, wrapped = _records_of(value)
    if not records:  # None, or an empty list: a file that gives nothing must say so
        report.skip(where.origin, "JSON holds no records (expected an object or an array of objects)")
        return
    if len(records) == 1 and not wrapped:
        yield from _record_doc(records[0], "json", where, report, ())
        return
    for n, record in enumerate(records, start=1):
        yield from _record_doc(record, "json", where.record(n), report, ())


def _read_json_stream(stream: IO[bytes], where: _Where, report: IngestReport) -> Iterator[Doc]:
    head = stream.read(4096)
    codec, skip = json_encoding(head)
    # utf-8-sig: a BOM that only comes first once NULs before it are dropped goes too.
    decoder = codecs.getincrementaldecoder("utf-8-sig" if codec == "utf-8" else codec)(errors="replace")
    nuls = 0

    def chunks() -> Iterator[str]:
        nonlocal nuls
        for block in _blocks(stream, head[skip:]):
            if codec == "utf-8":
                block, n = _without_nuls(block)
                nuls += n
            text, n = _without_nuls(decoder.decode(block, final=not block))
            nuls += n
            yield text

    yield from _elements(iter_json_array(chunks()), where, report)
    _report_nuls(nuls, where, report)


def _blocks(stream: IO[bytes], head: bytes) -> Iterator[bytes]:
    """``head``, the rest of the stream in CHUNK blocks, then ``b""`` (the end)."""
    yield head
    while block := stream.read(CHUNK):
        yield block
    yield b""


def _without_nuls(data: AnyStr) -> tuple[AnyStr, int]:
    """NUL characters (padding after a crash, a write cut short) make JSON invalid wherever
    they stand; dropped (and reported), they cost nothing: repair would drop them anyway.

    In UTF-8 they are dropped as bytes, before decoding: a 0x00 byte is only ever NUL
    there, and one that split a character then costs no more than itself.
    """
    nul = b"\x00" if isinstance(data, bytes) else "\x00"
    n = data.count(nul)
    return (data.replace(nul, data[:0]) if n else data), n


def _report_nuls(n: int, where: _Where, report: IngestReport) -> None:
    if n:
        report.repair(where.origin, f"removed {n} NUL characters", "NUL characters removed")


def _elements(elements: Iterable[Element], where: _Where, report: IngestReport) -> Generator[Doc, None, int]:
    """The records' documents; returns how many elements were faulty (and reported)."""
    errors = seen = 0
    for el in elements:
        seen += 1
        if el.error:
            errors += 1
            origin = where.record(el.index).origin if el.index else where.origin
            report.skip(origin, el.error + _hint(el))
        else:
            yield from _record_doc(el.value, "json", where.record(el.index), report, ())
    if not seen:  # ``[]``
        report.skip(where.origin, "JSON holds no records (expected an object or an array of objects)")
    return errors


def _hint(element: Element) -> str:
    if element.over_limit:
        return ""  # the reason says what the limit is
    return "; re-export the file" if element.cut else "; fix the JSON or re-export the file"


def _records_of(value: object) -> tuple[list | None, bool]:
    """The records in a parsed JSON document; ``wrapped``: they came from a list."""
    if isinstance(value, list):
        return value, True
    if isinstance(value, dict):
        # ``{"articles": [...]}``: an export that wraps its records in one object.
        if not any(k in value for k in ("text", "content", "maintext", "body", "article")):
            for key in ("articles", "data", "items", "results", "records", "posts", "docs", "documents"):
                if isinstance(value.get(key), list):
                    return value[key], True
        return [value], False
    return None, False


def _record_doc(
    value: object, kind: str, where: _Where, report: IngestReport, notes: tuple[str, ...]
) -> Iterator[Doc]:
    try:
        fields = map_record(value)
    except RecursionError:  # a value nested past Python's limit: json.loads let it through
        fields = too_deep_reason("the record")
    if isinstance(fields, str):
        report.skip(where.origin, fields)
        return
    fields = _without_surrogates(fields, where, report)
    if fields.bad_date:
        report.repair(
            where.origin, f"unreadable date {fields.bad_date} ignored", "unreadable record date ignored"
        )
    if fields.url_day_over is not None:
        report.repair(
            where.origin,
            f"publication day {fields.dct} read from the url, not the record's {fields.url_day_over}",
            "publication day read from the url (earlier than the record's date)",
        )
    key = fields.url or (f"id:{fields.record_id}" if fields.record_id else where.key)
    yield Doc(
        where.origin,
        key,
        kind,
        fields.text,
        fields.title,
        fields.url,
        fields.source,
        fields.dct,
        notes,
        dct_source=fields.dct_source,
        record_day=fields.record_day,
    )


def _without_surrogates(fields: RecordFields, where: _Where, report: IngestReport) -> RecordFields:
    """JSON may escape half of a UTF-16 pair (``"\\ud83d"``: an emoji cut in two). Such a
    character cannot be encoded as UTF-8, so the id, the report and the graph could not be
    written: it becomes U+FFFD, and the repair is reported."""
    found = 0

    def fix(value: str) -> str:
        nonlocal found
        if not _SURROGATE.search(value):
            return value
        value, n = _SURROGATE.subn("\ufffd", value)
        found += n
        return value

    def fix_optional(value: str | None) -> str | None:
        return fix(value) if value else value

    fixed = replace(
        fields,
        text=fix(fields.text),
        title=fix(fields.title),
        url=fix_optional(fields.url),
        source=fix_optional(fields.source),
        record_id=fix_optional(fields.record_id),
    )
    if found:
        report.repair(where.origin, f"replaced {found} lone surrogates by U+FFFD", "lone surrogates replaced")
    return fixed


# ---- zip ------------------------------------------------------------------------------


def _read_zip(path: Path | IO[bytes], where: _Where, report: IngestReport, depth: int) -> Iterator[Doc]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
        report.skip(where.origin, f"corrupt zip ({exc}); re-download or re-create the archive")
        return
    with archive:
        files = [i for i in archive.infolist() if not i.is_dir()]
        if not files:
            report.skip(where.origin, "empty zip: no files in the archive")
        for info in sorted(files, key=lambda i: i.filename):
            name = info.filename
            here = where.member(name)
            base = name.rsplit("/", 1)[-1]
            if name.startswith("__MACOSX/") or base.startswith("."):
                report.ignore(here.origin, "hidden file or macOS metadata")
                continue
            if _is_documentation(base):
                report.ignore(here.origin, "documentation, not an article")
                continue
            report.members_seen += 1
            kind = KINDS.get(os.path.splitext(base)[1].lower())
            if kind is None:
                report.skip(here.origin, _unknown(base))
                continue
            if info.flag_bits & 0x1:
                report.skip(
                    here.origin,
                    "password-protected zip member: extract it with its password and give the files",
                )
                continue
            yield from _read_member(archive, info, kind, here, report, depth)


def _read_member(
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    kind: str,
    where: _Where,
    report: IngestReport,
    depth: int,
) -> Iterator[Doc]:
    try:
        if kind in ("json", "jsonl"):
            with archive.open(info) as stream:
                yield from _read_records(stream, info.file_size, kind, where, report)
        elif kind == "zip":
            if depth >= MAX_ZIP_DEPTH or info.file_size > STREAM_BYTES:
                report.skip(where.origin, "zip inside a zip too deep or too large; unpack it first")
                return
            with archive.open(info) as stream:
                yield from _read_zip(io.BytesIO(stream.read()), where, report, depth + 1)
        else:
            if info.file_size > MAX_ARTICLE_BYTES:
                report.skip(where.origin, _too_big(info.file_size))
                return
            with archive.open(info) as stream:
                data = stream.read()
            yield from _read_article(data, kind, where, report)
    except _ZIP_ERRORS as exc:  # bad CRC, damaged deflate data, unsupported compression
        report.skip(
            where.origin, f"unreadable zip member ({type(exc).__name__}: {exc}); re-create the archive"
        )


def note_kind(note: str) -> str:
    """Group decoding notes by what happened, without their counts."""
    return "invalid UTF-8 replaced" if note.startswith("invalid UTF-8") else note


def _unknown(name: str) -> str:
    ext = os.path.splitext(name)[1] or "(none)"
    return f"unknown extension {ext}: give .txt, .json, .jsonl, .html or .zip (convert the file first)"


def _too_big(size: int) -> str:
    return f"{size >> 20} MiB is too large for one article; split it, or give records as .jsonl"
