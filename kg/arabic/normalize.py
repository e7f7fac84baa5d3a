"""Arabic orthographic normalisation for matching, with a map back to the original offsets.

Facts keep offsets into the text as ingested; matching works on a normalised copy.
``normalize_with_map`` returns both the normalised string and, for each of its
characters, the index of the original character it came from, so a regex match on
the normalised text maps back to exact original offsets.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Harakat, shadda, sukun, superscript alef, Quranic marks: dropped for matching.
_DIACRITICS = set(range(0x0610, 0x061B)) | set(range(0x064B, 0x0660)) | {0x0670} | set(range(0x06D6, 0x06EE))
_TATWEEL = "\u0640"
# Bidi controls and zero-width characters that scraped text carries.
_INVISIBLE = set(
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\u00ad"
)

_LETTER_MAP = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ى": "ي",
    "ة": "ه",
    "ؤ": "و",
    "ئ": "ي",
    # Persian/Urdu letters that appear in scraped Arabic text.
    "ی": "ي",
    "ې": "ي",
    "ک": "ك",
    "ڪ": "ك",
    "ھ": "ه",
    "ہ": "ه",
    "ۀ": "ه",
    "گ": "ك",
}
_DIGITS = {ord(c): str(i) for i, c in enumerate("٠١٢٣٤٥٦٧٨٩")} | {
    ord(c): str(i) for i, c in enumerate("۰۱۲۳۴۵۶۷۸۹")
}


def _fold_char(ch: str) -> str:
    """Normalise one character; returns '' to drop it, possibly several chars (ligatures)."""
    code = ord(ch)
    if code in _DIACRITICS or ch == _TATWEEL or ch in _INVISIBLE:
        return ""
    if 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF:
        # Presentation forms: NFKC gives the base letters (ﻃﺮﺍﺑﻠﺲ → طرابلس, ﻻ → لا).
        folded = unicodedata.normalize("NFKC", ch)
        if folded == ch:  # ornate parentheses and other forms with no decomposition
            return ch
        return "".join(_fold_char(c) for c in folded)
    ch = _LETTER_MAP.get(ch, ch)
    return ch.translate(_DIGITS)


# The same folding as ``_fold_char`` as one translation table, for text without
# presentation forms (nearly all text): ``str.translate`` runs in C.
_DROPPED = [*_DIACRITICS, ord(_TATWEEL), *(ord(c) for c in _INVISIBLE)]
_TABLE = str.maketrans(
    {**{chr(c): None for c in _DROPPED}, **_LETTER_MAP, **{chr(k): v for k, v in _DIGITS.items()}}
)
_PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")
_DROPPED_RUN = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(set(_DROPPED))) + "]+")


@lru_cache(maxsize=1 << 16)
def normalize(text: str) -> str:
    """Matching form: one alef, ي for ى, ه for ة, no diacritics/tatweel, Western digits."""
    if _PRESENTATION.search(text):
        return "".join(_fold_char(c) for c in text)
    return text.translate(_TABLE)


def normalize_with_map(text: str) -> tuple[str, list[int]]:
    """Normalise ``text`` and give, for each output char, the index of its source char.

    A match ``[i, j)`` in the normalised text covers ``[index[i], index[j-1] + 1)`` in
    the original (see ``to_original``).
    """
    if not _PRESENTATION.search(text):
        # Letters map one to one; only dropped characters change positions.
        index: list[int] = []
        prev = 0
        for m in _DROPPED_RUN.finditer(text):
            index.extend(range(prev, m.start()))
            prev = m.end()
        index.extend(range(prev, len(text)))
        return text.translate(_TABLE), index
    out: list[str] = []
    index = []
    for i, ch in enumerate(text):
        folded = _fold_char(ch)
        for f in folded:
            out.append(f)
            index.append(i)
    return "".join(out), index


def to_original(index: list[int], start: int, end: int, original_length: int) -> tuple[int, int]:
    """Map a normalised span ``[start, end)`` back to original offsets (``end`` exclusive)."""
    if start >= len(index):
        return original_length, original_length
    o_start = index[start]
    o_end = index[end - 1] + 1 if end > start else o_start
    return o_start, o_end


_SPACES = re.compile(r"\s+")


def clean_spaces(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def display_form(text: str) -> str:
    """A label for people: diacritics, tatweel and invisible marks removed, letters kept."""
    out = []
    for ch in text:
        code = ord(ch)
        if code in _DIACRITICS or ch == _TATWEEL or ch in _INVISIBLE:
            continue
        if 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF:
            out.append(unicodedata.normalize("NFKC", ch))
            continue
        out.append(ch)
    return clean_spaces("".join(out))
