"""The layout of a scraped news page saved as text: header lines, dateline, body, furniture.

    محلي                                   ← optional category line
    <title> #hashtag_of_the_channel         ← title (hashtag tail dropped)
    14/3/2023                               ← optional date line
    وج – طرابلس                             ← dateline: SOURCE – PLACE
    <body …>
    مقالات ذات صلة / اترك تعليقاً / …       ← furniture, cut by ``boilerplate``

A text without a dateline in its first lines is a plain body; its first line is the
title when it is short and stands alone (a blank line after it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kg.ingest.dateline import dateline_line
from kg.ingest.dates import date_line

HEADER_LINES = 6  # a dateline further down than this is prose, not layout
TITLE_WORDS = 25
_SENTENCE_END = (".", "!", "?", "؟", "…")


@dataclass(frozen=True)
class TextLayout:
    body: str
    title: str = ""
    category: str | None = None
    source: str | None = None
    place: str | None = None
    dct: date | None = None


def clean_title(title: str) -> str:
    """One line, one space between words, no hashtag tail (``… #قناة_الجماهيرية``).

    Word by word from the end, not by a regex searched from every position: that was
    quadratic in a title of thousands of hashtags (a JSON record's title is any length).
    """
    words = title.split()
    end = len(words)
    while end > 1 and words[end - 1].startswith("#") and len(words[end - 1]) > 1:
        end -= 1  # the first word stays, even a hashtag: a title is never emptied
    return " ".join(words[:end])


def parse_text_layout(text: str) -> TextLayout:
    """Split a scraped page's text (already repaired and tidied) into its parts."""
    lines = text.split("\n")
    nonblank = [i for i, line in enumerate(lines) if line][:HEADER_LINES]
    found = None
    for pos, i in enumerate(nonblank):
        if len(lines[i].split()) > TITLE_WORDS:
            break  # a paragraph: the header is over
        dl = dateline_line(lines[i])
        if dl is not None:
            found = (pos, i, dl)  # the last one wins: a title may look like ``ليبيا – تركيا``
    if found is None:
        return _plain(lines)
    pos, i, dl = found
    header = [lines[j] for j in nonblank[:pos]]
    body_start = i + 1
    dct = None
    # A date line just under the dateline belongs to the header too.
    nxt = next((j for j in range(body_start, len(lines)) if lines[j]), None)
    if nxt is not None and date_line(lines[nxt]):
        dct = date_line(lines[nxt])
        body_start = nxt + 1
    title, category, header_dct = _read_header(header)
    return TextLayout(
        body="\n".join(lines[body_start:]).strip(),
        title=title,
        category=category,
        source=dl.source,
        place=dl.place,
        dct=header_dct or dct,
    )


def _read_header(header: list[str]) -> tuple[str, str | None, date | None]:
    """Title, category and date from the lines above the dateline."""
    dct = None
    rest = []
    for line in header:
        day = date_line(line)
        if day and dct is None:
            dct = day
        elif not day:
            rest.append(line)
    if not rest:
        return "", None, dct
    title_line = max(rest, key=len)  # the category and breadcrumbs are shorter than the title
    category = rest[0] if rest[0] is not title_line and _is_label(rest[0]) else None
    return clean_title(title_line), category, dct


def _plain(lines: list[str]) -> TextLayout:
    """No dateline: maybe ``category`` / ``title`` / (date) as stand-alone lines, then the body."""
    i = 0
    category = title = None
    dct = None
    blocks = _leading_single_lines(lines)
    for j in blocks:
        line = lines[j]
        day = date_line(line)
        if day and dct is None:
            dct, i = day, j + 1
        elif title is None and category is None and _is_label(line) and len(blocks) > 1:
            category, i = line, j + 1
        elif title is None and _is_title(line):
            title, i = line, j + 1
        else:
            break
    return TextLayout(
        body="\n".join(lines[i:]).strip(),
        title=clean_title(title) if title else "",
        category=category if title else None,
        dct=dct,
    )


def _leading_single_lines(lines: list[str]) -> list[int]:
    """Indexes of the first (up to 3) lines that stand alone between blank lines."""
    out: list[int] = []
    j = 0
    while j < len(lines) and len(out) < 3:
        if not lines[j]:
            j += 1
            continue
        if j + 1 < len(lines) and lines[j + 1]:
            break  # a line followed by text is part of a paragraph
        out.append(j)
        j += 1
    # The last stand-alone line must have text after it, or it is the body itself.
    while out and not any(lines[out[-1] + 1 :]):
        out.pop()
    return out


def _is_label(line: str) -> bool:
    return len(line.split()) <= 3 and len(line) <= 25 and not any(c in line for c in ".،,:؛!?؟")


def _is_title(line: str) -> bool:
    return len(line.split()) <= TITLE_WORDS and len(line) <= 200 and not line.endswith(_SENTENCE_END)
