"""Cut the page furniture that scrapers leave after an article body, by rule.

Each line gets a class: a *content* line is a sentence (ends with sentence punctuation,
or is too long to be a button or a link); a *cue* is a line that site furniture uses on
any site (share buttons, ``اترك تعليقاً``, ``جميع الحقوق محفوظة``); a *section* cue opens a
block of links (``مقالات ذات صلة``, ``اقرأ أيضا``), after which even longish non-sentence
lines (headlines of other articles) are furniture; *junk* is a line of hashtags, a URL,
numbers, or a short line with no Arabic letter (``88591 - Stc``); *short* lines (a few
words, no sentence end) are furniture only after a cue or junk line, since before one
they may be verse, a list or photo captions. The body is cut at the first cue or junk
line from which everything to the end is furniture. Lines that are whole
``اقرأ أيضا: …`` links inside the body are dropped too: they name another article.
"""

from __future__ import annotations

import re
from enum import Enum

from kg.arabic.normalize import normalize
from kg.lexicon import raw


class Line(Enum):
    BLANK = "blank"
    CONTENT = "content"
    CUE = "cue"
    SECTION = "section"
    SHORT = "short"
    HEADLINE = "headline"  # non-sentence line of up to 30 words: furniture only after a section cue
    JUNK = "junk"


def _norm_all(phrases: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(normalize(p).lower() for p in phrases)


# The word lists are data (kg/lexicon/lists/ingest.tsv), read as written and normalised
# here as the lines are (normalize, then lower-case: some labels are English).
# Phrases that open a block of links or comments (the line starts with one).
_SECTION = _norm_all(raw("PAGE_SECTION_CUES"))
# Lines that are nothing but a button or a label (the whole line, give or take a count).
_BUTTONS = frozenset(_norm_all(raw("PAGE_BUTTONS")))
# Phrases that mark furniture wherever they sit in a line.
_ANYWHERE = _norm_all(raw("PAGE_FURNITURE_PHRASES"))
# Labels of a link to another article (``str.startswith`` takes the tuple).
_INLINE_LINKS = _norm_all(raw("INLINE_LINK_CUES"))
_SENTENCE_END = set(".!?؟:؛")
_CLOSERS = "\"'”’»)]}*"
_ARABIC = re.compile("[\u0621-\u064a]")
_WORD = re.compile(r"[^\W\d_]+")
# Hashtags split at spaces only: ``^(?:#\S+\s*)+$`` could split ``#a#a#a…`` anywhere and
# backtracked exponentially on a line of them that ends in a word.
_HASHTAGS = re.compile(r"^#\S+(?:\s+#\S+)*\s*$")
_URL = re.compile(r"^(?:https?://|www\.)\S+$")
_BLANK_RUNS = re.compile(r"\n{3,}")
_NON_LETTERS = re.compile(r"[\W\d_]+")
SHORT_WORDS = 6
HEADLINE_WORDS = 30


def classify(line: str) -> Line:
    """The class of one (stripped) line of a body."""
    if not line:
        return Line.BLANK
    words = len(line.split())
    if _HASHTAGS.match(line) or _URL.match(line) or not _WORD.search(line):
        return Line.JUNK
    if words <= SHORT_WORDS and not _ARABIC.search(line) and not _ends_sentence(line):
        return Line.JUNK  # ``88591 - Stc``: codes and handles in an Arabic page
    if words > HEADLINE_WORDS:
        return Line.CONTENT  # no button or link label is this long
    norm = normalize(line).lower()
    bare = _NON_LETTERS.sub(" ", norm).strip()
    if bare in _BUTTONS:
        return Line.CUE
    if any(p in norm for p in _ANYWHERE) and words <= 30:
        return Line.CUE
    if words <= 12 and any(bare == p or bare.startswith(p + " ") for p in _SECTION):
        return Line.SECTION
    if _ends_sentence(line):
        return Line.CONTENT
    if words <= SHORT_WORDS:
        return Line.SHORT
    if words <= HEADLINE_WORDS:
        return Line.HEADLINE
    return Line.CONTENT


def cut_boilerplate(body: str) -> tuple[str, int]:
    """The body without its furniture tail and inline ``اقرأ أيضا`` links; lines dropped."""
    lines = body.split("\n")
    classes = [classify(line) for line in lines]
    first = next((i for i, c in enumerate(classes) if c is not Line.BLANK), len(lines))
    cut = _tail_start(classes, first)
    kept = [
        line
        for i, (line, c) in enumerate(zip(lines[:cut], classes[:cut], strict=True))
        if not (i > first and c in _LINK_LIKE and _is_inline_link(line))
    ]
    dropped = sum(1 for line in lines if line) - sum(1 for line in kept if line)
    return _BLANK_RUNS.sub("\n\n", "\n".join(kept)).strip(), dropped


_LINK_LIKE = (Line.SECTION, Line.HEADLINE, Line.SHORT)
_FURNITURE = (Line.BLANK, Line.CUE, Line.SECTION, Line.SHORT, Line.JUNK)
_STRONG = (Line.CUE, Line.SECTION, Line.JUNK)


def _tail_start(classes: list[Line], first: int) -> int:
    """Index of the first line of the furniture tail (``len(classes)`` when there is none)."""
    n = len(classes)
    start = n
    while start > first and classes[start - 1] in _FURNITURE:
        start -= 1
    # Short lines are furniture only after a cue (titles of linked articles, labels);
    # before any cue they may be verse, a list or captions, so the tail starts at a cue.
    while start < n and classes[start] not in _STRONG:
        start += 1
    cut = start
    # A section cue after the last sentence opens a block of links: headlines of other
    # articles follow it, long but not sentences.
    last_content = max((i for i, c in enumerate(classes) if c is Line.CONTENT), default=first)
    section = next((k for k in range(max(last_content, first) + 1, cut) if classes[k] is Line.SECTION), None)
    if section is not None:
        cut = section
        while cut > first + 1 and classes[cut - 1] in (Line.BLANK, Line.CUE, Line.JUNK):
            cut -= 1
    return cut


def _ends_sentence(line: str) -> bool:
    tail = line.rstrip().rstrip(_CLOSERS).rstrip()
    if tail.endswith(("...", "…")):
        return False  # teasers of linked articles end in an ellipsis
    return bool(tail) and tail[-1] in _SENTENCE_END


def _is_inline_link(line: str) -> bool:
    """``اقرأ أيضا: عنوان مقال آخر`` inside the body."""
    return normalize(line).lower().startswith(_INLINE_LINKS)
