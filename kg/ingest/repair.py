"""Character repairs on decoded text, each one counted so the report can say what changed.

Ingest is where the text that later offsets refer to is fixed, so everything done here
is done once: mojibake (UTF-8 read as Windows-1252), control characters, bidi and
zero-width marks, Arabic presentation forms (NFKC on those code points only), tatweel
inside words, Persian letters in Arabic text. Layout normalisation (line ends, spaces,
blank lines) is silent: it changes no letters.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Repair:
    kind: str  # stable wording, for grouping in the report
    what: str  # the same with counts and an example


@dataclass(frozen=True)
class Repaired:
    text: str
    repairs: tuple[Repair, ...] = ()


# UTF-8 Arabic read as Windows-1252/Latin-1: a lead byte D8–DB shows as Ø Ù Ú Û, its
# continuation byte as one of these.
_CP1252_CONT = (
    "\x80-\xbf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
)
_MOJIBAKE = re.compile(f"(?:[\u00d8\u00d9\u00da\u00db][{_CP1252_CONT}])+")
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_INVISIBLE = re.compile("[\u200b-\u200f\u061c\u202a-\u202e\u2060\u2066-\u2069\ufeff\u00ad]")
_PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]")
_ARABIC_LETTER = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3"
_HARAKAT = "\u064b-\u0652"
# Tatweel between letters stretches a word (طـــرابلس); after a detached clitic before
# a space or quote (بـ "أوج", الـ 20) it carries meaning and stays.
_TATWEEL = re.compile(f"(?<=[{_ARABIC_LETTER}{_HARAKAT}])\u0640+(?=[{_ARABIC_LETTER}])")
_PERSIAN = str.maketrans({"\u06cc": "\u064a", "\u06a9": "\u0643"})  # ی → ي, ک → ك
_PERSIAN_CHARS = re.compile("[\u06cc\u06a9]")
_SPACES = re.compile("[ \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_BLANKS = re.compile(r"\n{3,}")


def repair_text(text: str) -> Repaired:
    """The text with character faults fixed, and what was fixed."""
    repairs: list[Repair] = []
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\u00d8" in text or "\u00d9" in text:
        text, n = _fix_mojibake(text)
        if n:
            repairs.append(Repair("mojibake fixed (UTF-8 read as Windows-1252)", f"fixed {n} mojibake runs"))

    text, removed = remove_controls(text)
    if removed:
        repairs.append(removed)
    text, n = _INVISIBLE.subn("", text)
    if n:
        repairs.append(Repair("bidi/zero-width marks removed", f"removed {n} bidi/zero-width marks"))
    # Again once controls and invisible marks are gone: a run they split is whole now.
    if "\u00d8" in text or "\u00d9" in text:
        text, n = _fix_mojibake(text)
        if n and not any(r.kind.startswith("mojibake") for r in repairs):
            repairs.append(Repair("mojibake fixed (UTF-8 read as Windows-1252)", f"fixed {n} mojibake runs"))
    if _PRESENTATION.search(text):
        before = text
        text, n = _PRESENTATION.subn(_nfkc, text)
        if text != before:
            repairs.append(
                Repair(
                    "Arabic presentation forms folded (NFKC)",
                    f"folded {n} Arabic presentation-form characters to letters (NFKC)",
                )
            )
    text, n = _TATWEEL.subn("", text)
    if n:
        repairs.append(Repair("tatweel removed inside words", f"removed tatweel inside {n} words"))
    n = len(_PERSIAN_CHARS.findall(text))
    if n:
        text = text.translate(_PERSIAN)
        repairs.append(Repair("Persian letters mapped (ی→ي, ک→ك)", f"mapped {n} Persian letters (ی→ي, ک→ك)"))
    return Repaired(tidy_layout(text), tuple(repairs))


def remove_controls(text: str) -> tuple[str, Repair | None]:
    """The text without C0/C1 control characters (tabs and newlines kept), and the repair.

    NUL bytes are named apart: they are the usual trace of a write cut short.
    """
    nuls = text.count("\x00")
    text, n = _CONTROLS.subn("", text)
    if not n:
        return text, None
    nul = f"{nuls} of them NUL; " if nuls else ""
    return text, Repair(
        "control characters removed", f"removed {n} control characters ({nul}kept newlines/tabs)"
    )


def tidy_layout(text: str) -> str:
    """One space between words, no blank-line runs, no spaces at line ends (silent)."""
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    return _BLANKS.sub("\n\n", text).strip()


def _nfkc(match: re.Match[str]) -> str:
    return unicodedata.normalize("NFKC", match.group())


def _fix_mojibake(text: str) -> tuple[str, int]:
    fixed = 0

    def undo(match: re.Match[str]) -> str:
        nonlocal fixed
        run = match.group()
        try:
            raw = bytes(ord(c) if ord(c) < 256 else c.encode("cp1252")[0] for c in run)
            out = raw.decode("utf-8")
        except (UnicodeError, ValueError):
            return run
        fixed += 1
        return out

    # A word of Arabic mojibake is a run of pairs; spaces between words are plain ASCII.
    return _MOJIBAKE.sub(undo, text), fixed
