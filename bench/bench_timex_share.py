"""What the time tagger adds to a build: CPU time of extraction with and without it.

    python bench/bench_timex_share.py [--day 2015-08-02] [--articles 800]

CPU time (``time.process_time``) in one process, so that other load on the machine does
not blur the ratio. Reads ../shared/corpora/saudinewsnet; says so and exits when absent.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "saudinewsnet"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--day", default="2015-08-02")
    parser.add_argument("--articles", type=int, default=800)
    args = parser.parse_args()
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} is absent")
        return 0
    import kg.extract
    from kg.extract.timex import find_times
    from kg.ingest import IngestReport, iter_articles

    articles = list(iter_articles([CORPUS / f"{args.day}.zip"], report=IngestReport()))[: args.articles]
    kg.extract.extract(articles[0])  # load package data before timing

    def cpu(fn) -> float:
        t = time.process_time()
        for a in articles:
            fn(a)
        return time.process_time() - t

    tagger = cpu(lambda a: find_times(a.text, a.dct))
    with_timex = cpu(kg.extract.extract)
    kg.extract._find_times = lambda text, dct: []
    without = cpu(kg.extract.extract)
    print(f"{len(articles)} articles of {args.day}")
    print(f"time tagger alone: {tagger:.2f}s CPU ({len(articles) / tagger:.0f} articles/s)")
    print(f"extraction with dates: {with_timex:.2f}s, without: {without:.2f}s")
    print(f"the tagger adds {100 * (with_timex - without) / without:.1f}% to extraction")
    print("(extraction is about two thirds of a build; see bench_build.py for the stages)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
