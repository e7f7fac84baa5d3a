"""Benchmark: does resolution keep pace with the corpus? 1, 4 and 12 SaudiNewsNet days.

    python bench/bench_resolve.py                          # 1, 4, 12 days; extraction once
    python bench/bench_resolve.py --slices 1 4 12 --facts-cache /tmp/facts.pkl   # reuse facts
    python bench/bench_resolve.py --incremental 12         # also: --add of day 12 vs a full build
    python bench/bench_resolve.py --profile 12             # cProfile of resolution on 12 days

Extraction is a pure function of one article, so the days are extracted once (day by day,
each day timed) and the 1- and 4-day figures are slices of the 12 (sorted by day); the
extraction seconds of a slice are the sum of its days. Resolution is run on each slice.

Per slice it prints: articles; local entities (sum of ``len(f.entities)``, per kind)
against resolved entities; event mentions against merged events; extraction and
resolution seconds, their ratio and resolution seconds per 1,000 articles; and the
peak of Python allocations during resolution (tracemalloc, a second, untimed run: it
slows the code it watches). The process's peak RSS (``getrusage`` ru_maxrss, which
includes the extracted facts of all 12 days) is printed at the end.

Figures compare within one run (ratios); absolute seconds depend on the machine.
Reads ../shared/corpora/saudinewsnet; exits with a message when it is absent.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import pickle
import pstats
import resource
import shutil
import sys
import tempfile
import time
import tracemalloc
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpora" / "saudinewsnet"

from kg.build import build, extract_all  # noqa: E402
from kg.ingest import iter_articles  # noqa: E402
from kg.model import ArticleFacts  # noqa: E402
from kg.resolve import resolve  # noqa: E402

KINDS = ("person", "organization", "place")


def extract_days(days: list[Path], jobs: int) -> tuple[list[list[ArticleFacts]], list[float]]:
    """Facts per day and extraction seconds per day (ingest not counted)."""
    per_day, secs = [], []
    for day in days:
        articles = list(iter_articles([day]))
        t0 = time.perf_counter()
        per_day.append(extract_all(articles, jobs=jobs))
        secs.append(time.perf_counter() - t0)
        print(f"  extracted {day.stem}: {len(articles)} articles in {secs[-1]:.1f}s", flush=True)
    return per_day, secs


def measure(facts: list[ArticleFacts], extract_s: float, memory: bool) -> dict:
    # The build resolves facts in article-id order (its canonical order); so does the benchmark.
    facts = sorted(facts, key=lambda f: f.article.id)
    local = Counter(e.kind for f in facts for e in f.entities)
    mentions = sum(len(f.events) for f in facts)
    gc.collect()
    t0 = time.perf_counter()
    graph = resolve(facts)
    resolve_s = time.perf_counter() - t0
    resolved = Counter(e.kind for e in graph.entities)
    peak_mib = None
    if memory:
        del graph
        gc.collect()
        tracemalloc.start()
        graph = resolve(facts)
        peak_mib = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    return {
        "articles": len(facts),
        "local": local,
        "resolved": resolved,
        "mentions": mentions,
        "events": len(graph.events),
        "extract_s": extract_s,
        "resolve_s": resolve_s,
        "peak_mib": peak_mib,
    }


def report(n_days: int, m: dict) -> None:
    per_kind = "  ".join(f"{k} {m['local'][k]}→{m['resolved'][k]}" for k in KINDS)
    ratio = m["resolve_s"] / m["extract_s"] if m["extract_s"] else float("nan")
    per_k = 1000 * m["resolve_s"] / max(1, m["articles"])
    peak = f"{m['peak_mib']:.0f} MiB" if m["peak_mib"] is not None else "not measured"
    print(f"{n_days} day(s): {m['articles']} articles")
    print(f"  entities (local→resolved): {per_kind}")
    print(f"  events (mentions→merged): {m['mentions']}→{m['events']}")
    print(
        f"  extract {m['extract_s']:.1f}s  resolve {m['resolve_s']:.2f}s  resolve/extract {ratio:.3f}"
        f"  resolve s per 1,000 articles {per_k:.3f}"
    )
    print(f"  peak Python allocations during resolve (tracemalloc): {peak}", flush=True)


def incremental(days: list[Path], jobs: int) -> None:
    """Wall seconds: a full build of all days, against --add of the last day to the others."""
    with tempfile.TemporaryDirectory() as tmp:
        base, full = Path(tmp) / "inc", Path(tmp) / "full"
        opts = {"jobs": jobs, "pages": False, "exports": False}
        t0 = time.perf_counter()
        build(days[:-1], base, **opts)
        first = time.perf_counter() - t0
        t0 = time.perf_counter()
        added = build(days[-1:], base, add=True, **opts)
        add_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        whole = build(days, full, **opts)
        full_s = time.perf_counter() - t0
        same = (base / "graph.ttl").read_bytes() == (full / "graph.ttl").read_bytes()
        print(f"incremental (--no-pages --no-exports, jobs {jobs}):")
        print(f"  build of days 1–{len(days) - 1}: {first:.1f}s")
        print(f"  --add of day {len(days)}: {add_s:.1f}s  stages {_stages(added.timings)}")
        print(f"  full build of {len(days)} days: {full_s:.1f}s  stages {_stages(whole.timings)}")
        print(f"  graph.ttl identical: {same}; articles {added.articles} vs {whole.articles}")
        shutil.rmtree(tmp, ignore_errors=True)


def _stages(timings: dict[str, float]) -> str:
    return " ".join(f"{k} {v:.1f}" for k, v in timings.items())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--slices", type=int, nargs="+", default=[1, 4, 12], help="numbers of days")
    parser.add_argument("--jobs", type=int, default=0, help="worker processes (0: one per core)")
    parser.add_argument("--facts-cache", type=Path, help="pickle of the extracted days: read if present")
    parser.add_argument("--no-memory", action="store_true", help="skip the tracemalloc run")
    parser.add_argument(
        "--incremental", type=int, metavar="DAYS", help="time --add of day DAYS onto the days before it"
    )
    parser.add_argument("--profile", type=int, metavar="DAYS", help="cProfile resolution on DAYS days")
    args = parser.parse_args()
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} is absent (the benchmark needs the project's ../shared data)")
        return 0
    import os

    jobs = args.jobs or os.cpu_count() or 1
    all_days = sorted(CORPUS.glob("*.zip"))
    days = all_days[: max([*args.slices, args.profile or 0])]
    if args.facts_cache and args.facts_cache.exists():
        per_day, secs = pickle.loads(args.facts_cache.read_bytes())
        print(
            f"facts of {len(per_day)} days read from {args.facts_cache} (extraction times as measured then)"
        )
    else:
        print(f"extracting {len(days)} days with {jobs} processes")
        per_day, secs = extract_days(days, jobs)
        if args.facts_cache:
            args.facts_cache.write_bytes(pickle.dumps((per_day, secs), protocol=pickle.HIGHEST_PROTOCOL))
    if args.profile:
        facts = sorted((f for d in per_day[: args.profile] for f in d), key=lambda f: f.article.id)
        prof = cProfile.Profile()
        prof.enable()
        resolve(facts)
        prof.disable()
        s = io.StringIO()
        pstats.Stats(prof, stream=s).sort_stats("cumulative").print_stats(25)
        print(s.getvalue())
        return 0
    # Resources (lexicon, gazetteer) loaded before any timing, as after extraction in a build.
    from kg.build import _warm_resources

    _warm_resources()
    resolve([f for d in per_day[:1] for f in d][:50])
    rows = []
    for n in args.slices:
        facts = [f for d in per_day[:n] for f in d]
        m = measure(facts, sum(secs[:n]), memory=not args.no_memory)
        rows.append((n, m))
        report(n, m)
    if len(rows) > 1:
        (n0, a), (n1, b) = rows[0], rows[-1]
        growth_art = b["articles"] / max(1, a["articles"])
        growth_res = b["resolve_s"] / max(1e-9, a["resolve_s"])
        print(
            f"{n0}→{n1} days: articles ×{growth_art:.1f}, resolve seconds ×{growth_res:.1f}, "
            f"extract seconds ×{b['extract_s'] / max(1e-9, a['extract_s']):.1f}"
        )
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak RSS (getrusage ru_maxrss): this process {own:.0f} MiB, largest worker {children:.0f} MiB")
    if args.incremental:
        incremental(all_days[: args.incremental], jobs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
