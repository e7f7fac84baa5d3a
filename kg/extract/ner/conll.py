"""Reading CoNLL files (``token TAG`` per line, blank line between sentences)."""

from __future__ import annotations

from pathlib import Path

# ANERcorp writes PERS/MISC, other corpora PER/MIS (AQMAR: MIS0..MIS3, MIS-1, ...).
_TYPE = {"PER": "PERS", "PERS": "PERS", "LOC": "LOC", "ORG": "ORG", "MIS": "MISC", "MISC": "MISC"}


def norm_type(label: str) -> str | None:
    """Canonical entity type (PERS, LOC, ORG, MISC) of a label, None if unknown."""
    label = label.upper()
    if label in _TYPE:
        return _TYPE[label]
    if label.startswith("MIS"):
        return "MISC"
    if label.startswith("PER"):
        return "PERS"
    return None


def norm_tag(tag: str) -> str:
    """``B-PER`` → ``B-PERS``, ``I-MIS2`` → ``I-MISC``; anything odd (``OO``) → ``O``."""
    if "-" not in tag:
        return "O"
    bio, _, label = tag.partition("-")
    t = norm_type(label)
    if bio not in ("B", "I") or t is None:
        return "O"
    return f"{bio}-{t}"


def parse_conll(text: str) -> list[tuple[list[str], list[str]]]:
    """Sentences as (words, BIO tags with canonical types)."""
    sents: list[tuple[list[str], list[str]]] = []
    words: list[str] = []
    tags: list[str] = []
    for line in text.splitlines():
        parts = line.split()
        if not parts:
            if words:
                sents.append((words, tags))
                words, tags = [], []
            continue
        if len(parts) == 1:  # a tag with no token, or a token with no tag
            continue
        words.append(parts[0])
        tags.append(norm_tag(parts[-1]))
    if words:
        sents.append((words, tags))
    return sents


def read_conll(path: str | Path) -> list[tuple[list[str], list[str]]]:
    return parse_conll(Path(path).read_text(encoding="utf-8"))


def bio_spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """Token spans ``(first, end_exclusive, type)``; a stray ``I-`` opens an entity (conlleval)."""
    out: set[tuple[int, int, str]] = set()
    opened: tuple[int, str] | None = None  # (first token, type) of the entity being read
    for i, tag in enumerate([*tags, "O"]):
        bio, _, t = tag.partition("-")
        if opened is not None and (bio != "I" or t != opened[1]):
            out.add((opened[0], i, opened[1]))
            opened = None
        if bio == "B" or (bio == "I" and opened is None):
            opened = (i, t)
    return out


def split_sentences(sents: list, dev_fraction: float = 0.1) -> tuple[list, list]:
    """The fixed split used for training: the last ``dev_fraction`` of sentences is dev."""
    cut = len(sents) - round(len(sents) * dev_fraction)
    return sents[:cut], sents[cut:]


def repair_bio(tags: list[str]) -> list[str]:
    """Make a valid BIO sequence: an ``I-X`` not after ``B-X``/``I-X`` becomes ``B-X``."""
    out: list[str] = []
    prev = "O"
    for tag in tags:
        if tag.startswith("I-") and prev[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        out.append(tag)
        prev = tag
    return out
