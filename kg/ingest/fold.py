"""A fast matching form for cue lists: ``str.translate`` only, so it costs nothing per line.

``kg.arabic.normalize.normalize`` is the project's matching form, but it works character by
character; ingest compares every line of every article with its cue lists, so it uses this
subset of the same folding (one alef, ي for ى, ه for ة, no diacritics/tatweel/marks,
Western digits), done by a translation table.
"""

from __future__ import annotations

_TABLE = str.maketrans(
    {
        **{c: "ا" for c in "أإآٱ"},
        "ى": "ي",
        "ة": "ه",
        "ؤ": "و",
        "ئ": "ي",
        "ی": "ي",
        "ک": "ك",
        **{chr(c): None for c in [*range(0x064B, 0x0660), 0x0670, 0x0640]},
        **{c: None for c in "\u200b\u200c\u200d\u200e\u200f\u061c\ufeff\u00ad"},
        **{chr(0x0660 + i): str(i) for i in range(10)},
        **{chr(0x06F0 + i): str(i) for i in range(10)},
    }
)


def fold(text: str) -> str:
    """The matching form of ``text`` (same length or shorter; offsets not kept)."""
    return text.translate(_TABLE)
