"""JSON arrays read element by element, so a big file never sits in memory twice, and one
bad record does not lose the others.

The scanner only finds where each top-level element begins and ends (brackets and
strings, with regex jumps over long runs of text); ``json.loads`` then parses each
element on its own. A malformed element is reported and skipped; a file cut off in the
middle gives every complete element before the cut.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

_STRUCT = re.compile(r'["{}\[\]]')
_STRING_REST = re.compile(r'[^"\\]*(?:\\.[^"\\]*)*"', re.S)  # from inside a string to its closing quote
_SPACE_COMMA = re.compile(r"[\s,]*")
_SPACE = re.compile(r"\s*")
_SCALAR = re.compile(r'"(?:[^"\\]|\\.)*"|[^,\]\s]+', re.S)


@dataclass(frozen=True)
class Element:
    index: int  # 1-based position in the array (0: the file as a whole)
    line: int  # line where the element starts
    value: object = None
    error: str | None = None


def iter_json_array(chunks: Iterable[str]) -> Iterator[Element]:
    """The elements of a top-level JSON array (or the one top-level object) in ``chunks``."""
    reader = _Buffer(iter(chunks))
    if not reader.skip_space():
        yield Element(0, 1, error="no JSON value in the file")
        return
    first = reader.peek()
    if first == "{":
        yield _parse_container(reader, 1)
        if reader.skip_space():
            yield Element(0, reader.line(), error="extra data after the top-level object was ignored")
        return
    if first != "[":
        yield Element(0, reader.line(), error=f"not a JSON array or object (starts with {first!r})")
        return
    reader.advance(1)
    index = 0
    while True:
        reader.skip(_SPACE_COMMA)
        ch = reader.peek()
        if ch is None:
            yield Element(
                0, reader.line(), error=f"the array is not closed (file truncated?) after {index} records"
            )
            return
        if ch == "]":
            reader.advance(1)
            if reader.skip_space():
                yield Element(0, reader.line(), error="extra data after the top-level array was ignored")
            return
        index += 1
        if ch in "{[":
            element = _parse_container(reader, index)
            yield element
            if element.error and element.error.startswith("truncated"):
                return
        else:
            yield _parse_scalar(reader, index)


def _parse_container(reader: _Buffer, index: int) -> Element:
    line = reader.line()
    raw = reader.take_container()
    if raw is None:
        return Element(
            index, line, error=f"truncated: record #{index} (line {line}) is cut off at the end of the file"
        )
    try:
        return Element(index, line, value=json.loads(raw))
    except json.JSONDecodeError as exc:
        return Element(
            index, line, error=f"malformed JSON in record #{index} (line {line + exc.lineno - 1}): {exc.msg}"
        )


def _parse_scalar(reader: _Buffer, index: int) -> Element:
    line = reader.line()
    raw = reader.take(_SCALAR)
    if raw is None:  # a stray '}' or the like: skip one character
        reader.advance(1)
        return Element(index, line, error=f"unexpected character in the array at line {line}")
    try:
        return Element(index, line, value=json.loads(raw))
    except json.JSONDecodeError as exc:
        return Element(index, line, error=f"malformed JSON in record #{index} (line {line}): {exc.msg}")


class _Buffer:
    """A sliding window over text chunks with line counting; refills on demand."""

    def __init__(self, chunks: Iterator[str]) -> None:
        self._chunks = chunks
        self._buf = ""
        self._pos = 0
        self._eof = False
        # Lines are counted incrementally: up to ``_counted`` the count is ``_line``.
        self._counted = 0
        self._line = 1

    def _refill(self) -> bool:
        if self._eof:
            return False
        for chunk in self._chunks:
            if chunk:
                if self._pos > 1 << 16 and self._pos > len(self._buf) // 2:
                    self.line()  # count the lines about to be dropped
                    self._buf = self._buf[self._pos :]
                    self._counted -= self._pos
                    self._pos = 0
                self._buf += chunk
                return True
        self._eof = True
        return False

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
            self._pos = m.end()
            if self._pos < len(self._buf) or not self._refill():
                return

    def skip_space(self) -> bool:
        """Skip whitespace; False at the end of the input."""
        while True:
            m = _SPACE.match(self._buf, self._pos)
            self._pos = m.end()
            if self._pos < len(self._buf):
                return True
            if not self._refill():
                return False

    def take(self, pattern: re.Pattern[str]) -> str | None:
        while True:
            m = pattern.match(self._buf, self._pos)
            # A match that reaches the buffer's end may continue in the next chunk.
            if m and (m.end() < len(self._buf) or self._eof):
                self._pos = m.end()
                return m.group()
            if not self._refill():
                if m:
                    self._pos = m.end()
                    return m.group()
                return None

    def take_container(self) -> str | None:
        """The text of the object/array starting here, or None if the input ends first."""
        start = self._pos
        pos, depth, in_string = start, 0, False
        while True:
            if in_string:
                m = _STRING_REST.match(self._buf, pos)
                if m is None:
                    if not self._refill_keep(start):
                        return None
                    start, pos = self._rebase(start, pos)
                    continue
                pos, in_string = m.end(), False
            m = _STRUCT.search(self._buf, pos)
            if m is None:
                pos = len(self._buf)
                if not self._refill_keep(start):
                    return None
                start, pos = self._rebase(start, pos)
                continue
            ch, pos = m.group(), m.end()
            if ch == '"':
                in_string = True
            elif ch in "{[":
                depth += 1
            else:
                depth -= 1
                if depth == 0:
                    self._pos = pos
                    return self._buf[start:pos]

    # Refilling inside a container must not drop the container's own start.
    def _refill_keep(self, start: int) -> bool:
        self._pos = start
        return self._refill()

    def _rebase(self, start: int, pos: int) -> tuple[int, int]:
        shift = start - self._pos
        return self._pos, pos - shift
