"""CAMEO actor codes from a PETRARCH-style actor dictionary (``kg build --actor-dict FILE``).

The dictionary lists actors as lemmatised, ``_``-joined names, each followed by its codes,
either on the same line (``حماس  [PSEREB]``) or on indented lines with date ranges
(``[IRQGOV 20101221-20140908]``). An entity gets the codes of the entry its label or an
alias names, the code chosen for the dates it was seen (GDELT and Phoenix do the same).
The file is read from where the user keeps it; nothing of it is copied into the project.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kg.arabic.normalize import normalize

_CODE = re.compile(r"\[\s*~?([A-Z0-9]+)\s*(?:(\d{8})\s*-\s*(\d{8}))?\s*\]")


@dataclass(frozen=True)
class CodeSpan:
    code: str
    start: date | None
    end: date | None

    def covers(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


def _day(text: str | None) -> date | None:
    # PETRARCH writes open ends as 18000101 or 99999999.
    if not text or text.startswith(("1800", "9999")):
        return None
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        return None


def match_key(name: str) -> str:
    """The form both sides are compared in: normalised, without the article on any word
    (the dictionary is lemmatised: ``وزارة_دفاع_أميركي``)."""
    words = normalize(name.replace("_", " ")).split()
    return " ".join(w[2:] if w.startswith("ال") and len(w) > 4 else w for w in words)


def read_actor_dict(path: Path) -> dict[str, tuple[CodeSpan, ...]]:
    """Name key → its code spans. Raises ValueError naming the file on a file with no entry."""
    table: dict[str, list[CodeSpan]] = {}
    current: str | None = None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        head = line.split("#", 1)[0]
        if not line[0].isspace() and not head.lstrip().startswith("["):
            name = head.split("[", 1)[0].strip()
            current = match_key(name) if name else None
            if current:
                table.setdefault(current, [])
        if current is None:
            continue
        for m in _CODE.finditer(head):
            table[current].append(CodeSpan(m.group(1), _day(m.group(2)), _day(m.group(3))))
    coded = {k: tuple(v) for k, v in table.items() if v}
    if not coded:
        raise ValueError(f"{path}: no actor entries with [CODE] found; give a PETRARCH actor dictionary")
    return coded


def codes_for(
    names: Iterable[str], days: Iterable[date], table: dict[str, tuple[CodeSpan, ...]]
) -> tuple[str, ...]:
    """CAMEO codes for an actor known by ``names`` and seen on ``days``."""
    spans: tuple[CodeSpan, ...] = ()
    for name in names:
        spans = table.get(match_key(name), ())
        if spans:
            break
    if not spans:
        return ()
    seen = sorted(set(days))
    dated = [s for s in spans if any(s.covers(d) for d in seen)] if seen else []
    undated = [s for s in spans if s.start is None and s.end is None]
    chosen = dated or undated or list(spans)
    return tuple(dict.fromkeys(s.code for s in chosen))
