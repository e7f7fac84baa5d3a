"""Benchmark: build SaudiNewsNet days and print articles/s, peak memory and stage shares.

    python bench/bench_build.py                       # one day (2015-07-22)
    python bench/bench_build.py --days 2015-07-22 2015-07-23 --jobs 2

Figures compare within one run (ratios); absolute seconds depend on the machine.
Reads ../shared/corpora/saudinewsnet; exits with a message when it is absent.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "saudinewsnet"


def _peak_mib() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", nargs="+", default=["2015-07-22"])
    parser.add_argument("--jobs", type=int, default=0, help="worker processes (0: one per core)")
    parser.add_argument("--no-pages", action="store_true")
    parser.add_argument(
        "--ner", default="model", help="entity recogniser: model (the kg build default), rules or combined"
    )
    parser.add_argument(
        "--without-timex",
        action="store_true",
        help="skip the time tagger (to measure what it adds to the build)",
    )
    args = parser.parse_args()
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} is absent (the benchmark needs the project's ../shared data)")
        return 0
    from kg.build import build

    if args.without_timex:
        import kg.extract

        kg.extract._find_times = lambda text, dct: []  # workers are forked: they see this too

    inputs = [CORPUS / f"{d}.zip" for d in args.days]
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        result = build(
            inputs, Path(tmp) / "out", jobs=args.jobs or None, pages=not args.no_pages, ner=args.ner
        )
        wall = time.perf_counter() - t0
        ttl_mib = (Path(tmp) / "out" / "graph.ttl").stat().st_size / 2**20
    own, children = _peak_mib()
    print(f"days: {' '.join(args.days)}  ner: {args.ner}")
    print(
        f"articles: {result.articles}  entities: {result.entities}  events: {result.events}"
        f"  triples: {result.triples}"
    )
    print(f"wall: {wall:.1f}s  articles/s: {result.articles / wall:.1f}")
    print(f"peak RSS: main {own:.0f} MiB, largest worker {children:.0f} MiB; graph.ttl {ttl_mib:.1f} MiB")
    total = sum(result.timings.values())
    for stage, secs in result.timings.items():
        print(f"  {stage:<8} {secs:7.2f}s  {100 * secs / total:5.1f}%")
    if result.page:
        print(f"page: {result.page}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
