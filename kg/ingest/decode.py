"""Bytes → str: find the encoding of a text file, or say why it is not text.

Order of trust: a byte-order mark; the NUL pattern of BOM-less UTF-16; strict UTF-8;
UTF-8 with a few damaged bytes (replaced, reported); the Arabic legacy code pages
(Windows-1256, ISO-8859-6) when they give Arabic letters; charset-normalizer's guess;
last, UTF-8 with replacement. A file that is none of these is binary.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    note: str | None = None  # a repair worth reporting (non-UTF-8 input, replaced bytes)


@dataclass(frozen=True)
class NotText:
    reason: str


_BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", None),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a zip archive (name it .zip to read its members)"),
    (b"\x1f\x8b", "gzip-compressed data (decompress it first)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\xd0\xcf\x11\xe0", "an old MS Office document (save it as .txt)"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"SQLite format 3", "an SQLite database"),
)
_ARABIC = re.compile(r"[\u0621-\u064a]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_LETTER = re.compile(r"[^\W\d_]")
# C0/C1 controls other than tab/newline/CR: many of them in decoded text means binary.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def decode_bytes(data: bytes) -> Decoded | NotText:
    """Decode a text file's bytes; ``note`` says what was guessed or repaired."""
    if not data.strip():
        return NotText("empty file: there is no text to read; remove it or add the article")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return NotText(f"binary file ({what}), not text: give .txt, .json, .jsonl, .html or .zip")
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            text = data[len(bom) :].decode(codec, errors="replace")
            return _checked(Decoded(text, codec, f"decoded as {label} (byte-order mark)" if label else None))
    utf16 = _sniff_utf16(data)
    if utf16:
        text = data.decode(utf16, errors="replace")
        return _checked(Decoded(text, utf16, "decoded as UTF-16 (no byte-order mark)"))
    if data[:1] == b"\x00" and not data.strip(b"\x00 \t\r\n"):
        return NotText("empty file: only NUL bytes (a write that never finished?); remove it")
    # Valid UTF-8 first: NUL bytes in it are damage (a write cut short), removed and reported
    # by the repair stage, unless there are so many that ``_checked`` calls it binary.
    try:
        return _checked(Decoded(data.decode("utf-8"), "utf-8"))
    except UnicodeDecodeError:
        pass
    if data.count(b"\x00", 0, 65536) > 0.01 * min(len(data), 65536):  # not UTF-8, and NULs: binary
        return NotText("binary file (contains NUL bytes), not text: give .txt, .json, .jsonl, .html or .zip")
    damaged = _damaged_utf8(data)
    if damaged:
        return _checked(damaged)
    for codec, label in (("cp1256", "Windows-1256"), ("iso8859_6", "ISO-8859-6")):
        arabic = _arabic_decode(data, codec)
        if arabic is not None:
            return _checked(Decoded(arabic, codec, f"decoded as {label} (not UTF-8)"))
    best = from_bytes(data).best()
    if best is not None and best.encoding not in ("utf_8", "ascii"):
        return _checked(
            Decoded(str(best), best.encoding, f"decoded as {best.encoding} (detected, not UTF-8)")
        )
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    return _checked(Decoded(text, "utf-8", f"invalid UTF-8: {bad} bad bytes replaced by U+FFFD"))


def decode_utf8(data: bytes) -> Decoded:
    """Decode bytes that should be UTF-8 (JSON, JSONL lines): replace bad bytes and say so."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        text = data.decode("utf-8", errors="replace")
        bad = text.count("\ufffd")
        return Decoded(text, "utf-8", f"invalid UTF-8: {bad} bad bytes replaced by U+FFFD")


def json_encoding(head: bytes) -> tuple[str, int]:
    """The codec of a JSON document from its first bytes (RFC 8259 allows UTF-8/16/32)."""
    for bom, codec, _ in _BOMS:
        if head.startswith(bom):
            return codec, len(bom)
    return _sniff_utf16(head) or "utf-8", 0


def _checked(decoded: Decoded) -> Decoded | NotText:
    """Reject 'text' that is mostly control characters or replacement marks."""
    sample = decoded.text[:20000]
    if not sample.strip():
        return NotText("empty file: there is no text to read; remove it or add the article")
    junk = len(_CONTROLS.findall(sample)) + sample.count("\ufffd")
    if junk > 0.1 * len(sample):
        return NotText(
            "binary file (mostly control bytes), not text: give .txt, .json, .jsonl, .html or .zip"
        )
    return decoded


def _sniff_utf16(data: bytes) -> str | None:
    """BOM-less UTF-16: Arabic and ASCII put 0x06 or 0x00 in every high byte."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    sample = sample[: len(sample) - len(sample) % 2]
    even, odd = sample[0::2], sample[1::2]

    def high_share(half: bytes) -> float:
        return sum(1 for b in half if b in (0x00, 0x06)) / len(half)

    if b"\x00" not in sample:
        return None
    # The text must start as UTF-16 too: ``[{"url": …`` in UTF-8 followed by UTF-16 debris is
    # a UTF-8 file with damage at its end, whatever share of the first 4 KiB the debris takes.
    if high_share(odd) > 0.9 and high_share(even) < 0.5 and high_share(odd[:2]) == 1:
        return "utf-16-le"
    if high_share(even) > 0.9 and high_share(odd) < 0.5 and high_share(even[:2]) == 1:
        return "utf-16-be"
    return None


def _damaged_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with a few bad bytes: many good multi-byte characters, few errors."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = _count(_NON_ASCII, text) - bad
    if good >= 10 * bad:
        return Decoded(text, "utf-8", f"invalid UTF-8: {bad} bad bytes replaced by U+FFFD")
    return None


def _arabic_decode(data: bytes, codec: str) -> str | None:
    """The text if this code page turns the bytes into mostly Arabic letters, else None."""
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    letters = _count(_LETTER, text)
    if letters and _count(_ARABIC, text) >= 0.6 * letters:
        return text
    return None


def _count(pattern: re.Pattern[str], text: str) -> int:
    """How many characters of ``text`` match a one-character ``pattern`` (no list of them:
    on a 30 MB article ``findall`` would hold one string object per character)."""
    return len(text) - len(pattern.sub("", text))
