"""Benchmark: extraction alone (the build's largest stage) on the first N articles of one
SaudiNewsNet day, as ``kg build`` runs it in one worker: articles/s and peak memory.

    python bench/bench_extract.py                    # 600 articles of 2015-07-22, --ner model
    python bench/bench_extract.py --articles 300 --ner rules --repeat 3

To compare two versions of the code, run it from each checkout in turn, interleaved, and
compare the figures of one session (absolute seconds depend on the machine).
Reads ../shared/corpora/saudinewsnet; exits with a message when it is absent.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "saudinewsnet"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--day", default="2015-07-22")
    parser.add_argument("--articles", type=int, default=600)
    parser.add_argument("--ner", default="model", choices=("model", "rules", "combined", "crf"))
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    day = CORPUS / f"{args.day}.zip"
    if not day.is_file():
        print(f"{day} not found: this benchmark reads ../shared/corpora/saudinewsnet", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT))
    from kg.extract import extract_batch
    from kg.ingest import iter_articles

    articles = []
    for a in iter_articles([str(day)]):
        articles.append(a)
        if len(articles) >= args.articles:
            break
    extract_batch(articles[:30], ner=args.ner)  # load the model and warm the caches
    print(f"day: {args.day}  articles: {len(articles)}  ner: {args.ner}  code: {ROOT}")
    for run in range(1, args.repeat + 1):
        t = time.perf_counter()
        extract_batch(articles, ner=args.ner)
        dt = time.perf_counter() - t
        print(f"run {run}: {dt:.2f}s  articles/s: {len(articles) / dt:.1f}")
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
