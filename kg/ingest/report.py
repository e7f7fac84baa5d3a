"""What an ingest run saw: files read, articles yielded, and every fault on the way.

Per-file faults never stop a run; they land here, each naming its origin (file, zip
member, record) and saying what to do. The report is the only mutable object of the
stage: ``iter_articles`` fills it while it yields.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

# Lists are capped so that a corpus with a fault in every record still gives a report
# one can open; the counters stay exact.
MAX_LISTED = 10_000
_DIGITS = re.compile(r"\d+")


@dataclass
class IngestReport:
    files_seen: int = 0  # files opened (a zip counts once; its members are in members_seen)
    members_seen: int = 0
    articles: int = 0
    duplicates: int = 0
    formats: Counter[str] = field(default_factory=Counter)  # articles per input kind
    skipped: list[dict[str, str]] = field(default_factory=list)
    repaired: list[dict[str, str]] = field(default_factory=list)
    ignored: list[dict[str, str]] = field(default_factory=list)  # READMEs, hidden files: not faults
    duplicate_of: list[dict[str, str]] = field(default_factory=list)
    skipped_total: int = 0
    repaired_total: int = 0
    repair_kinds: Counter[str] = field(default_factory=Counter)

    def skip(self, origin: str, reason: str) -> None:
        self.skipped_total += 1
        if len(self.skipped) < MAX_LISTED:
            self.skipped.append({"origin": origin, "reason": reason})

    def repair(self, origin: str, what: str, kind: str | None = None) -> None:
        """Record a repair; ``kind`` groups repairs in the summary (defaults to ``what``)."""
        self.repaired_total += 1
        self.repair_kinds[kind or what] += 1
        if len(self.repaired) < MAX_LISTED:
            self.repaired.append({"origin": origin, "what": what})

    def ignore(self, origin: str, reason: str) -> None:
        if len(self.ignored) < MAX_LISTED:
            self.ignored.append({"origin": origin, "reason": reason})

    def duplicate(self, origin: str, first: str) -> None:
        self.duplicates += 1
        if len(self.duplicate_of) < MAX_LISTED:
            self.duplicate_of.append({"origin": origin, "first": first})

    def to_dict(self) -> dict:
        return {
            "files_seen": self.files_seen,
            "members_seen": self.members_seen,
            "articles": self.articles,
            "formats": dict(sorted(self.formats.items())),
            "skipped": list(self.skipped),
            "skipped_total": self.skipped_total,
            "repaired": list(self.repaired),
            "repaired_total": self.repaired_total,
            "repair_kinds": dict(sorted(self.repair_kinds.items())),
            "duplicates": self.duplicates,
            "duplicate_of": list(self.duplicate_of),
            "ignored": list(self.ignored),
        }

    def summary(self, max_reasons: int = 5) -> str:
        """A few lines for stderr: counts, then the first skip reasons and repair kinds."""
        members = f" ({self.members_seen} zip members)" if self.members_seen else ""
        head = f"ingest: {self.files_seen} files{members} → {self.articles} articles"
        extras = []
        if self.skipped_total:
            extras.append(f"{self.skipped_total} skipped")
        if self.repaired_total:
            extras.append(f"{self.repaired_total} repairs")
        if self.duplicates:
            extras.append(f"{self.duplicates} duplicates dropped")
        lines = [head + (f"; {', '.join(extras)}" if extras else "")]
        # Skips grouped by reason (numbers aside), so 236 empty records make one line.
        groups: dict[str, list[dict[str, str]]] = {}
        for item in self.skipped:
            groups.setdefault(_DIGITS.sub("N", item["reason"]), []).append(item)
        ranked = sorted(groups.values(), key=len, reverse=True)
        for items in ranked[:max_reasons]:
            first = items[0]
            more = f" (and {len(items) - 1} more like it)" if len(items) > 1 else ""
            lines.append(f"  skipped {first['origin']}: {first['reason']}{more}")
        if len(ranked) > max_reasons:
            rest = sum(len(items) for items in ranked[max_reasons:])
            lines.append(f"  … {rest} more skipped for other reasons (see the report's 'skipped')")
        for kind, n in self.repair_kinds.most_common(max_reasons):
            lines.append(f"  repaired {n}×: {kind}")
        return "\n".join(lines)
