"""Tokens with offsets, sentences, and Arabic proclitic handling.

Arabic glues conjunctions (و، ف), prepositions (ب، ل، ك) and the article (ال) to the
word: ``وبطرابلس`` is ``و+ب+طرابلس``. Matching needs the bare form; facts need the
offsets of the whole written word. ``Token`` keeps both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.arabic.normalize import normalize

# A word: Arabic/Latin letters and digits, with inner diacritics/tatweel; punctuation is its own token.
_TOKEN = re.compile(r"[\w\u0610-\u061A\u064B-\u065F\u0670\u0640\u06D6-\u06ED]+|[^\w\s]", re.UNICODE)


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    norm: str  # normalised form (see kg.arabic.normalize)

    @property
    def is_word(self) -> bool:
        return self.norm[:1].isalnum() if self.norm else False

    @property
    def is_arabic(self) -> bool:
        return bool(self.norm) and "\u0600" <= self.norm[0] <= "\u06ff"


def tokenize(text: str, offset: int = 0) -> list[Token]:
    out = []
    for m in _TOKEN.finditer(text):
        norm = normalize(m.group())
        if not norm:
            continue
        out.append(Token(m.start() + offset, m.end() + offset, m.group(), norm))
    return out


# Sentence ends: full stops, question/exclamation marks (Arabic too), and line breaks.
_SENT_END = re.compile(r"(?<=[.!?؟!])\s+|\n+")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of sentences (without surrounding whitespace)."""
    spans = []
    pos = 0
    for m in _SENT_END.finditer(text):
        _add_span(text, pos, m.start(), spans)
        pos = m.end()
    _add_span(text, pos, len(text), spans)
    return spans


def _add_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


_CONJ = ("و", "ف")
_PREP = ("ب", "ل", "ك")


@lru_cache(maxsize=1 << 17)
def bare_forms(norm: str) -> tuple[tuple[str, str], ...]:
    """Candidate (proclitics, stem) splits of a normalised word, longest stem first.

    ``وبطرابلس`` → (('', 'وبطرابلس'), ('و', 'بطرابلس'), ('وب', 'طرابلس')); ``لليبيا``
    (ل + الليبيا with the alef of ال dropped) → includes ('لل', 'ليبيا') and ('ل', 'ليبيا')…
    Callers look each stem up in a lexicon and keep the first hit.
    """
    out: list[tuple[str, str]] = [("", norm)]
    rest, prefix = norm, ""
    if len(rest) > 3 and rest[0] in _CONJ:
        prefix, rest = rest[0], rest[1:]
        out.append((prefix, rest))
    if len(rest) > 3 and rest[0] in _PREP:
        if rest.startswith("لل") and len(rest) > 4:
            # ل + ال: the article loses its alef (للدفاع = ل + الدفاع)
            out.append((prefix + "ل", "ال" + rest[2:]))
            out.append((prefix + "لل", rest[2:]))
        out.append((prefix + rest[0], rest[1:]))
    for p, stem in list(out):
        if stem.startswith("ال") and len(stem) > 4:
            out.append((p + "ال", stem[2:]))
    seen, unique = set(), []
    for p, s in out:
        if s not in seen:
            seen.add(s)
            unique.append((p, s))
    return tuple(unique)


def without_article(norm: str) -> str:
    return norm[2:] if norm.startswith("ال") and len(norm) > 4 else norm
