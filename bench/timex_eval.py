"""Evaluate ``kg.extract.timex.find_times`` on hand-annotated SaudiNewsNet articles.

Two sets: 50 articles of 2015-08-03 (``gold.jsonl``, used for error analysis) and 20
held-out articles of 2015-08-04 (``heldout.jsonl``). They hold only ``{url, start, end,
value}`` records (no text: the articles stay in ``../shared``); ``*articles.json`` name
the day and the articles. Annotation guidelines are in
``tests/data/timex/README.md``.

Prints detection precision/recall/F1 (lenient: spans overlap; strict: same span),
value accuracy over the lenient matches, and the speed of ``find_times`` over every
article of one day. ``--errors`` also prints each miss, false alarm and wrong value.

    python bench/timex_eval.py [--errors] [--shared ../shared]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.extract.timex import find_times  # noqa: E402
from kg.model import TimeExpression  # noqa: E402

DATA = ROOT / "tests" / "data" / "timex"
SPEED_DAY = "2015-08-02"


@dataclass(frozen=True)
class Gold:
    url: str
    start: int
    end: int
    value: str | None


@dataclass(frozen=True)
class Scores:
    gold: int
    predicted: int
    matched: int
    exact: int
    value_ok: int

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def strict_f1(self) -> float:
        p = self.exact / self.predicted if self.predicted else 0.0
        r = self.exact / self.gold if self.gold else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def value_accuracy(self) -> float:
        return self.value_ok / self.matched if self.matched else 0.0


def load_day(shared: Path, day: str) -> list[dict]:
    with zipfile.ZipFile(shared / "corpora" / "saudinewsnet" / f"{day}.zip") as z:
        return json.loads(z.read(z.namelist()[0]))


# name → (gold records, the articles they annotate). "gold" was used for error analysis while
# the rules were developed; "heldout" was annotated afterwards and scored once, blind.
SETS = {"gold": ("gold.jsonl", "articles.json"), "heldout": ("heldout.jsonl", "heldout_articles.json")}


def load_gold(name: str = "gold") -> tuple[dict, list[Gold]]:
    records, articles = SETS[name]
    meta = json.loads((DATA / articles).read_text(encoding="utf-8"))
    lines = (DATA / records).read_text(encoding="utf-8").splitlines()
    return meta, [Gold(**json.loads(line)) for line in lines]


def _dct(record: dict) -> date:
    return date.fromisoformat(record["date_extracted"][:10])


def match(gold: list[Gold], predicted: list[TimeExpression]) -> list[tuple[Gold, TimeExpression]]:
    """One-to-one pairs of overlapping spans, largest overlap first."""
    pairs = []
    for g in gold:
        for p in predicted:
            overlap = min(g.end, p.end) - max(g.start, p.start)
            if overlap > 0:
                pairs.append((overlap, g, p))
    pairs.sort(key=lambda x: -x[0])
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, g, p in pairs:
        if id(g) in used_g or id(p) in used_p:
            continue
        used_g.add(id(g))
        used_p.add(id(p))
        out.append((g, p))
    return out


def evaluate(shared: Path, show_errors: bool = False, name: str = "gold") -> Scores:
    meta, gold = load_gold(name)
    by_url = {r["url"]: r for r in load_day(shared, meta["day"])}
    totals = [0, 0, 0, 0, 0]
    for url in meta["urls"]:
        record = by_url[url]
        text = record["content"]
        want = [g for g in gold if g.url == url]
        got = find_times(text, _dct(record))
        pairs = match(want, got)
        totals[0] += len(want)
        totals[1] += len(got)
        totals[2] += len(pairs)
        totals[3] += sum(g.start == p.start and g.end == p.end for g, p in pairs)
        totals[4] += sum(g.value == p.value for g, p in pairs)
        if show_errors:
            _print_errors(url, text, want, got, pairs)
    return Scores(*totals)


def _print_errors(url: str, text: str, want: list[Gold], got: list[TimeExpression], pairs) -> None:
    matched_g = {id(g) for g, _ in pairs}
    matched_p = {id(p) for _, p in pairs}
    for g in want:
        if id(g) not in matched_g:
            print(f"MISS   {url} [{g.start}:{g.end}] {text[g.start : g.end]!r} gold={g.value}")
    for p in got:
        if id(p) not in matched_p:
            print(f"FALSE  {url} [{p.start}:{p.end}] {p.text!r} value={p.value}")
    for g, p in pairs:
        if g.value != p.value:
            print(f"VALUE  {url} {text[g.start : g.end]!r} gold={g.value} got {p.text!r}={p.value}")


def speed(shared: Path, day: str = SPEED_DAY) -> tuple[int, float]:
    records = load_day(shared, day)
    t0 = time.perf_counter()
    for r in records:
        find_times(r["content"], _dct(r))
    return len(records), time.perf_counter() - t0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="print misses, false alarms, wrong values")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    if not (args.shared / "corpora" / "saudinewsnet").is_dir():
        print(f"skipped: SaudiNewsNet not found under {args.shared} (needs ../shared)")
        return 0
    for name in SETS:
        meta, _ = load_gold(name)
        s = evaluate(args.shared, args.errors, name)
        print(f"[{name}] {meta['day']}: {len(meta['urls'])} articles, {s.gold} gold, {s.predicted} predicted")
        print(f"  detection (overlap): P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f}")
        print(f"  detection (exact span): F1={s.strict_f1:.3f} ({s.exact} exact of {s.matched} matched)")
        print(f"  value accuracy (on matches): {s.value_accuracy:.3f} ({s.value_ok}/{s.matched})")
    n, seconds = speed(args.shared)
    print(f"speed: {n} articles of {SPEED_DAY} in {seconds:.2f}s = {n / seconds:.0f} articles/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
