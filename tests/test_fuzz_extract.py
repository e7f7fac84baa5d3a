"""Property-based fuzzing of extraction: Arabic-ish text of every awkward kind never makes
``extract`` raise, and every fact it returns points at exactly the text it names.

Bounded for CI (about 100 examples a property, the file in well under 30 s on 2 cores).
"""

from __future__ import annotations

import os
import time
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.arabic.tokens import sentence_spans
from kg.extract import extract
from kg.model import Article, ArticleFacts

_LETTERS = st.characters(min_codepoint=0x0621, max_codepoint=0x064A)
_DIACRITICS = st.characters(min_codepoint=0x064B, max_codepoint=0x0652)
_WORDS = st.sampled_from(
    "استقبل التقى وزير الخارجية الرياض طرابلس عادل الجبير سيرغي لافروف أمس اليوم 2015 "
    "بن عبدالله خادم الحرمين الشريفين الملك سلمان مع بحضور الجانبان مذكرة تفاهم".split()
)
_CLITICS = st.sampled_from(["و", "ف", "ب", "ل", "ك", "ال", "وال", "بال", "لل", "وب", "فل", "س"])
_PIECES = st.one_of(
    _LETTERS,
    _DIACRITICS,
    st.just("\u0640"),  # tatweel
    st.characters(min_codepoint=0x0660, max_codepoint=0x0669),  # Arabic-Indic digits
    st.characters(min_codepoint=0x06F0, max_codepoint=0x06F9),  # Persian digits
    st.sampled_from(list("0123456789")),
    st.sampled_from([*".،؛؟!:«»()-–\"'/\\<>&", "...", "؟!"]),
    st.sampled_from([" ", "  ", "\n", "\t", "\u00a0", "\r\n"]),
    st.sampled_from(["\u200f", "\u200e", "\u061c", "\u202b", "\u202c", "\u200d", "\ufeff"]),  # bidi marks
    st.tuples(_CLITICS, _WORDS).map("".join),
    _WORDS.map(lambda w: w + " "),
    st.characters(blacklist_categories=("Cs",)),  # any character but a lone surrogate
)
ARABICISH = st.lists(_PIECES, max_size=80).map("".join)
# A word of thousands of letters: no space to cut a sentence at.
LONG_WORD = st.tuples(st.lists(_LETTERS, min_size=1, max_size=8).map("".join), st.integers(50, 1200)).map(
    lambda t: t[0] * t[1]
)
ONLY_SPACES = st.text(alphabet=" \t\n\u00a0\u3000", max_size=200)
NO_SPACES = st.lists(st.one_of(_LETTERS, _DIACRITICS, st.just("\u0640"), _WORDS), max_size=300).map("".join)
TEXTS = st.one_of(ARABICISH, ARABICISH, LONG_WORD, ONLY_SPACES, NO_SPACES, st.text(max_size=200))
DCT = st.one_of(st.none(), st.dates(date(1990, 1, 1), date(2030, 12, 31)))

# Bounded for CI (.ci/run sets HADATH_FUZZ_EXAMPLES); raise it locally for a longer hunt.
_SETTINGS = settings(
    max_examples=int(os.environ.get("HADATH_FUZZ_EXAMPLES", "100")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def _check(text: str, facts: ArticleFacts) -> None:
    n = len(text)
    for m in facts.mentions:
        assert 0 <= m.start < m.end <= n and text[m.start : m.end] == m.text, m
        assert 0 <= m.entity < len(facts.entities)
    for t in facts.times:
        assert 0 <= t.start < t.end <= n and text[t.start : t.end] == t.text, t
    for ev in facts.events:
        for span in (ev.trigger, ev.sentence):
            assert 0 <= span.start < span.end <= n and text[span.start : span.end] == span.text
        assert ev.sentence.start <= ev.trigger.start and ev.trigger.end <= ev.sentence.end
        assert all(0 <= r.entity < len(facts.entities) for r in ev.roles)
        assert all(-1 <= r.mention < len(facts.mentions) for r in ev.roles)
        assert ev.place is None or 0 <= ev.place < len(facts.entities)
        assert ev.time is None or 0 <= ev.time < len(facts.times)


def _extract_quickly(text: str, dct: date | None, ner: str) -> ArticleFacts:
    t0 = time.perf_counter()
    facts = extract(Article(id="fuzz", text=text, dct=dct), ner=ner)
    # Texts of at most a few thousand characters: a second is a hundred times what it takes.
    assert time.perf_counter() - t0 < 5, len(text)
    return facts


@_SETTINGS
@given(text=TEXTS, dct=DCT)
def test_rules_extraction_never_raises_and_offsets_hold(text: str, dct: date | None) -> None:
    _check(text, _extract_quickly(text, dct, "rules"))


@_SETTINGS
@given(text=TEXTS, dct=DCT)
def test_model_extraction_never_raises_and_offsets_hold(text: str, dct: date | None) -> None:
    _check(text, _extract_quickly(text, dct, "model"))


@_SETTINGS
@given(text=st.one_of(TEXTS, st.lists(_WORDS, max_size=200).map(" ".join)), limit=st.integers(1, 60))
def test_sentences_are_bounded_and_cover_the_text(text: str, limit: int) -> None:
    spans = sentence_spans(text, max_chars=limit)
    covered = 0
    for k, (s, e) in enumerate(spans):
        assert 0 <= s < e <= len(text) and e - s <= limit
        assert not text[s].isspace() and not text[e - 1].isspace()
        assert k == 0 or spans[k - 1][1] <= s
        covered += sum(1 for c in text[s:e] if not c.isspace())
    # Nothing but whitespace falls between sentences.
    assert covered == sum(1 for c in text if not c.isspace())
