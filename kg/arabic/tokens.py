"""Tokens with offsets, sentences, and Arabic proclitic handling.

Arabic glues conjunctions (و، ف), prepositions (ب، ل، ك) and the article (ال) to the
word: ``وبطرابلس`` is ``و+ب+طرابلس``. Matching needs the bare form; facts need the
offsets of the whole written word. ``Token`` keeps both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from kg.arabic.normalize import normalize

# A word: Arabic/Latin letters and digits, with inner diacritics/tatweel; punctuation is its own token.
_TOKEN = re.compile(r"[\w\u0610-\u061A\u064B-\u065F\u0670\u0640\u06D6-\u06ED]+|[^\w\s]", re.UNICODE)


@dataclass(frozen=True)
class Token:
    """A written word with its offsets and the forms every rule reads, computed once here
    (as spaCy's lexeme attributes are) rather than again by each rule that asks."""

    start: int
    end: int
    text: str
    norm: str  # normalised form (see kg.arabic.normalize)
    # (proclitics, stem) splits of ``norm``, longest stem first (see ``bare_forms``).
    forms: tuple[tuple[str, str], ...] = field(init=False, repr=False, compare=False)
    # The shortest of them: the word without every proclitic it may carry.
    stem: str = field(init=False, repr=False, compare=False)
    is_arabic: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        forms = bare_forms(self.norm)
        object.__setattr__(self, "forms", forms)
        object.__setattr__(self, "stem", forms[-1][1])
        object.__setattr__(self, "is_arabic", bool(self.norm) and "\u0600" <= self.norm[0] <= "\u06ff")

    @property
    def is_word(self) -> bool:
        return self.norm[:1].isalnum() if self.norm else False

    def stem_start(self, stem: str) -> int:
        """Where ``stem``, one of ``forms``, starts in the written word (its offset)."""
        return self.start + len(self.text) - len(strip_proclitics(self.text, stem))


# A title abbreviated to one letter and a period (``د.`` doctor, ``م.`` engineer, ``أ.``
# professor), with و or ف before it: one token, as ``HONORIFICS`` writes it, and no
# sentence end (``وقّع المذكرة د. جمعان بن رقوش وأ. د. ماهر سليم`` is one sentence).
_ABBREVIATION = re.compile(r"(?<!\d\s)(?<![\w\u0610-\u061A\u064B-\u065F\u0670\u0640])[وف]?[دمأ]\.(?=\s)")


def tokenize(text: str, offset: int = 0) -> list[Token]:
    out = []
    for m in _tokens(text):
        norm = normalize(m.group())
        if not norm:
            continue
        out.append(Token(m.start() + offset, m.end() + offset, m.group(), norm))
    return out


def _tokens(text: str) -> list[re.Match[str]]:
    if "." not in text:
        return list(_TOKEN.finditer(text))
    out: list[re.Match[str]] = []
    pos = 0
    for a in _ABBREVIATION.finditer(text):
        out.extend(_TOKEN.finditer(text, pos, a.start()))
        out.append(a)
        pos = a.end()
    out.extend(_TOKEN.finditer(text, pos))
    return out


# Sentence ends: full stops, question/exclamation marks (Arabic too), and line breaks;
# not the period of an abbreviated title (``_ABBREVIATION``).
_SENT_END = re.compile(r"(?<=[.!?؟!])\s+|\n+")

# A text that lost its punctuation is one "sentence" of a whole article, and every stage
# that looks across a sentence (events, the recogniser's BiLSTM, the pages' evidence) then
# costs its square. Past this many characters a sentence is cut at a space, so work per
# sentence is bounded and an article costs linear time. The longest sentence of the 20k
# SaudiNewsNet articles is 3,745 characters (630 words): real sentences are never cut.
MAX_SENTENCE_CHARS = 4000


def sentence_spans(text: str, max_chars: int = MAX_SENTENCE_CHARS) -> list[tuple[int, int]]:
    """Character spans of sentences (without surrounding whitespace), none longer than
    ``max_chars``: a longer run is cut at its last whitespace before the limit (at the
    limit itself when the run has no whitespace in its second half). Every recogniser
    splits with this function, so they all see the same sentences."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _SENT_END.finditer(text):
        if "\n" not in m.group() and _ABBREVIATION.search(text, max(0, m.start() - 3), m.start() + 1):
            continue
        _add_bounded(text, pos, m.start(), spans, max_chars)
        pos = m.end()
    _add_bounded(text, pos, len(text), spans, max_chars)
    return spans


def _add_bounded(text: str, start: int, end: int, spans: list[tuple[int, int]], max_chars: int) -> None:
    while True:
        while start < end and text[start].isspace():
            start += 1
        if end - start <= max_chars:
            break
        cut = start + max_chars
        # Back to a whitespace, but no further than half the limit (each step is O(limit),
        # so the whole split stays linear); a run without one is cut where it stands.
        k = cut
        while k > start + max_chars // 2 and not text[k].isspace():
            k -= 1
        if k > start and text[k].isspace():
            cut = k
        _add_span(text, start, cut, spans)
        start = cut
    _add_span(text, start, end, spans)


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


def strip_proclitics(text: str, stem: str) -> str:
    """Drop written proclitics so that only the stem's letters remain."""
    # Count the stem's letters from the end of the written word.
    letters = sum(1 for ch in stem if "\u0621" <= ch <= "\u064a")
    k = len(text)
    seen = 0
    while k > 0 and seen < letters:
        k -= 1
        if "\u0621" <= text[k] <= "\u064a":
            seen += 1
    return text[k:]
