"""JSON arrays read element by element, so a big file never sits in memory twice, and one
bad record does not lose the others.

The scanner only finds where each top-level element begins and ends (brackets and
strings, with regex jumps over long runs of text); ``json.loads`` then parses each
element on its own. A malformed element is reported and skipped; a file cut off in the
middle gives every complete element before the cut.

The scan is linear in the input whatever its shape: its state (depth, inside a string,
a backslash split from the character it escapes) is kept across refills, so a value that
spans many chunks is scanned once, and its text is gathered as a list of pieces, never by
growing one string. Two limits bound what one element may cost (module constants: change
them here):

- ``MAX_RECORD_SIZE`` (64 Mi characters): a record whose JSON text is longer is skipped;
  the scan goes on to its end holding none of it, and the records after it still load.
  The same limit applies, in bytes, to one line of a ``.jsonl`` file (``kg.ingest.files``).
- ``MAX_DEPTH`` (512 levels): far above any real article (a few levels), far below what
  would exhaust Python's recursion in ``json.loads``; a record nested deeper is skipped.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

MAX_RECORD_SIZE = 64 << 20  # characters of one record's JSON text
MAX_DEPTH = 512  # nesting levels of one record

_STRUCT = re.compile(r'["{}\[\]]')
# From inside a string: the text up to its closing quote, or up to a backslash that ends
# the window (the character it escapes comes with the next chunk).
_STRING_PART = re.compile(r'[^"\\]*(?:\\.[^"\\]*)*', re.S)
_BARE_END = re.compile(r"[,\]\s]")  # where a number, true/false/null (or junk) ends
_SPACE_COMMA = re.compile(r"[\s,]*")
_SPACE = re.compile(r"\s*")
_WHERE = "kg/ingest/json_stream.py"


@dataclass(frozen=True)
class Element:
    index: int  # 1-based position in the array (0: the file as a whole)
    line: int  # line where the element starts
    value: object = None
    error: str | None = None
    cut: bool = False  # the input ended inside this element: nothing follows it
    over_limit: bool = False  # well-formed, maybe, but over MAX_DEPTH or MAX_RECORD_SIZE


def loads(text: str) -> object:
    """``json.loads`` that lets raw control characters stand inside strings: a NUL or a
    tab pasted into an article's text is a fault the repair stage removes and reports,
    not a reason to lose the article. Every fault of the text is a ``JSONDecodeError``."""
    try:
        return json.loads(text, strict=False)
    except json.JSONDecodeError:
        raise
    except ValueError as exc:  # a number of over 4300 digits: Python's limit, not JSON's
        raise json.JSONDecodeError(f"unreadable value ({str(exc).split(':')[0]})", text, 0) from None


def too_deep_reason(what: str) -> str:
    return f"{what} is nested deeper than {MAX_DEPTH} levels (MAX_DEPTH in {_WHERE}); no article is"


def too_large_reason(what: str, size: int | None = None, unit: str = "characters") -> str:
    has = f"has {_human(size)} {unit}, over" if size else "is over"
    limit = f"{_human(MAX_RECORD_SIZE)} {unit}"
    return (
        f"{what} {has} the limit for one record ({limit}, MAX_RECORD_SIZE in {_WHERE}); "
        "no article is that long"
    )


def iter_json_array(chunks: Iterable[str]) -> Iterator[Element]:
    """The elements of a top-level JSON array (or the one top-level object) in ``chunks``."""
    reader = _Buffer(iter(chunks))
    if not reader.skip_space():
        yield Element(0, 1, error="no JSON value in the file")
        return
    first = reader.peek()
    if first == "{":
        element = _parse_value(reader, 1, read=0, single=True)
        yield element
        if not element.cut and reader.skip_space():
            yield Element(0, reader.line(), error="extra data after the top-level object was ignored")
        return
    if first != "[":
        yield Element(0, reader.line(), error=f"not a JSON array or object (starts with {first!r})")
        return
    reader.advance(1)
    index = read = 0
    while True:
        reader.skip(_SPACE_COMMA)
        ch = reader.peek()
        if ch is None:
            yield Element(
                0,
                reader.line(),
                error=f"truncated: the file ends after record #{index} with the array not closed; "
                f"the {read} records before the cut were read",
                cut=True,
            )
            return
        if ch == "]":
            reader.advance(1)
            if reader.skip_space():
                yield Element(0, reader.line(), error="extra data after the top-level array was ignored")
            return
        index += 1
        element = _parse_value(reader, index, read=read, single=False)
        yield element
        if element.cut:
            return
        read += element.error is None


def _parse_value(reader: _Buffer, index: int, read: int, single: bool) -> Element:
    line = reader.line()
    what = f"record #{index} (line {line})"
    taken = reader.take_value()
    if taken.problem == "cut":
        before = "" if single else f"; the {read} records before it were read"
        return Element(index, line, error=f"truncated: the file ends inside {what}{before}", cut=True)
    if taken.problem == "deep":
        return Element(index, line, error=too_deep_reason(what), over_limit=True)
    if taken.problem == "large":
        return Element(index, line, error=too_large_reason(what, taken.size), over_limit=True)
    assert taken.text is not None
    try:
        return Element(index, line, value=loads(taken.text))
    except json.JSONDecodeError as exc:
        return Element(
            index, line, error=f"malformed JSON in record #{index} (line {line + exc.lineno - 1}): {exc.msg}"
        )
    except RecursionError:  # under MAX_DEPTH, but the stack was already deep
        return Element(index, line, error=too_deep_reason(what), over_limit=True)


@dataclass(frozen=True)
class _Taken:
    text: str | None  # None when not kept: cut off, or over a limit
    problem: str | None = None  # "cut" | "deep" | "large"
    size: int = 0


class _Scan:
    """Where the scan of one value stands; it survives refills, so nothing is scanned twice."""

    def __init__(self, first: str) -> None:
        self.bare = first not in '{["'  # a number, true/false/null, or junk up to , ] or space
        self.depth = 0
        self.in_string = False
        self.too_deep = False

    def run(self, buf: str, pos: int) -> tuple[int, bool]:
        """Scan ``buf`` from ``pos``: (the value's end, True), or (where to resume, False)."""
        if self.bare:
            m = _BARE_END.search(buf, pos)
            return (m.start(), True) if m else (len(buf), False)
        while True:
            if self.in_string:
                pos, closed = _string_rest(buf, pos)
                if not closed:
                    return pos, False
                self.in_string = False
                if self.depth == 0:
                    return pos, True  # the value was a string
            m = _STRUCT.search(buf, pos)
            if m is None:
                return len(buf), False
            ch, pos = m.group(), m.end()
            if ch == '"':
                self.in_string = True
            elif ch in "{[":
                self.depth += 1
                self.too_deep = self.too_deep or self.depth > MAX_DEPTH
            else:
                self.depth -= 1
                if self.depth <= 0:
                    return pos, True


def _string_rest(buf: str, pos: int) -> tuple[int, bool]:
    """From inside a string: (after its closing quote, True), or (where to resume, False)."""
    quote = buf.find('"', pos)
    stop = quote if quote >= 0 else len(buf)
    if buf.find("\\", pos, stop) < 0:  # no escape before the quote: one C-speed jump
        return (quote + 1, True) if quote >= 0 else (len(buf), False)
    end = _STRING_PART.match(buf, pos).end()  # type: ignore[union-attr]  # always matches
    if end < len(buf) and buf[end] == '"':
        return end + 1, True
    return end, False  # the window ends in the string, or right after a backslash


class _Buffer:
    """A sliding window over text chunks with line counting; refills on demand.

    The window only ever holds what is not consumed yet plus one new chunk: a refill
    drops the consumed text, so no refill copies more than the unread rest.
    """

    def __init__(self, chunks: Iterator[str]) -> None:
        self._chunks = chunks
        self._buf = ""
        self._pos = 0
        self._eof = False
        # Lines are counted incrementally: up to ``_counted`` the count is ``_line``.
        self._counted = 0
        self._line = 1

    def _slide(self, keep: int) -> bool:
        """Drop the window before ``keep`` and append the next chunk; False at the end."""
        if self._eof:
            return False
        for chunk in self._chunks:
            if chunk:
                self._line += self._buf.count("\n", self._counted, keep)
                self._buf = self._buf[keep:] + chunk
                self._pos = self._counted = 0
                return True
        self._eof = True
        return False

    def _refill(self) -> bool:
        return self._slide(self._pos)

    def line(self) -> int:
        if self._pos > self._counted:
            self._line += self._buf.count("\n", self._counted, self._pos)
            self._counted = self._pos
        return self._line

    def peek(self) -> str | None:
        while self._pos >= len(self._buf):
            if not self._refill():
                return None
        return self._buf[self._pos]

    def advance(self, n: int) -> None:
        self._pos += n

    def skip(self, pattern: re.Pattern[str]) -> None:
        while True:
            m = pattern.match(self._buf, self._pos)
            self._pos = m.end()  # type: ignore[union-attr]  # the patterns match the empty string
            if self._pos < len(self._buf) or not self._refill():
                return

    def skip_space(self) -> bool:
        """Skip whitespace; False at the end of the input."""
        self.skip(_SPACE)
        return self._pos < len(self._buf)

    def take_value(self) -> _Taken:
        """The text of the value starting here (call after ``peek``), or why it is not kept.

        A value over ``MAX_RECORD_SIZE`` or ``MAX_DEPTH`` is scanned to its end with its
        text dropped as it goes, so the next value is found without holding this one.
        """
        scan = _Scan(self._buf[self._pos])
        pieces: list[str] = []
        size = 0  # characters of the value scanned so far
        start = pos = self._pos
        while True:
            pos, done = scan.run(self._buf, pos)
            size += pos - start
            keep = size <= MAX_RECORD_SIZE and not scan.too_deep
            if keep:
                pieces.append(self._buf[start:pos])
            else:
                pieces.clear()
            if done:
                self._pos = pos
                return self._finish(scan, pieces, size)
            self._pos = pos  # the unscanned rest (a trailing backslash) moves to the next window
            if not self._slide(pos):
                return self._finish(scan, pieces, size) if scan.bare else _Taken(None, "cut", size)
            start = pos = 0

    def _finish(self, scan: _Scan, pieces: list[str], size: int) -> _Taken:
        if scan.too_deep:
            return _Taken(None, "deep", size)
        if size > MAX_RECORD_SIZE:
            return _Taken(None, "large", size)
        return _Taken("".join(pieces), None, size)


def _human(n: int) -> str:
    for unit, shift in (("Gi", 30), ("Mi", 20), ("Ki", 10)):
        if n >= 1 << shift:
            return f"{n / (1 << shift):.3g} {unit}"
    return str(n)
