"""Print a random sample of the mentions the model adds to the rules' in SaudiNewsNet articles,
with their context, for a person to judge (no gold exists for SaudiNewsNet names).

    python bench/audit_model_mentions.py [--day 2015-08-01] [--articles 150] [--sample 40]

Reads ../shared/corpora/saudinewsnet; exits with a message when it is absent.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "saudinewsnet"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--day", default="2015-08-01")
    ap.add_argument("--articles", type=int, default=150)
    ap.add_argument("--sample", type=int, default=40)
    args = ap.parse_args()
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} is absent (the audit needs the project's ../shared data)")
        return 0
    from kg.extract import extract
    from kg.ingest import iter_articles

    arts = [a for a in iter_articles([CORPUS / f"{args.day}.zip"]) if hasattr(a, "text")]
    arts = random.Random(7).sample(arts, min(args.articles, len(arts)))
    added = []
    for a in arts:
        rules = [(m.start, m.end) for m in extract(a, ner="rules").mentions]
        for m in extract(a, ner="model").mentions:
            if not any(s < m.end and m.start < e for s, e in rules):
                added.append((a, m))
    print(f"{len(added)} mentions added by the model in {len(arts)} articles of {args.day}", file=sys.stderr)
    for a, m in random.Random(1).sample(added, min(args.sample, len(added))):
        t = a.text
        context = f"{t[max(0, m.start - 60) : m.start]}【{t[m.start : m.end]}】{t[m.end : m.end + 40]}"
        print(f"[{m.kind}] {m.text} || ...{context}...".replace("\n", " "))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
