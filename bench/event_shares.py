"""Per SaudiNewsNet day: Meeting/Visit/Call events and the shares dated, placed, with two principals.

    python bench/event_shares.py                                   # all 12 days
    python bench/event_shares.py --days 2015-08-02 2015-08-03 --out-root /tmp/shares

Each day is built with the real CLI (``kg build ZIP --out OUT --no-pages --no-exports
--jobs 2``; ``--out-root DIR`` builds into DIR/DAY, or reuses a build there), then read with
SPARQL on ``OUT/store``: events typed ``hd:Meeting``/``hd:Visit``/``hd:Call``, the share with a
``sem:hasTimeStamp``, with a ``sem:hasPlace``, and with two principals or more (actors named
by a ``sem:Role`` whose ``sem:roleType`` is neither ``hd:attendee`` nor ``hd:destination``),
beside all events and the share of ``hd:Statement``. One row a day, a total row, the targets.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpora" / "saudinewsnet"
TARGETS = {"dated": 0.90, "placed": 0.70, "two": 0.85}

PREFIXES = """PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX hd: <https://w3id.org/hadath/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
"""
# One row per Meeting/Visit/Call event: whether it is dated, placed, and its principals.
CONSULT = """SELECT ?e (MAX(?d) AS ?dated) (MAX(?p) AS ?placed) (COUNT(DISTINCT ?x) AS ?principals) WHERE {
  VALUES ?t { hd:Meeting hd:Visit hd:Call }
  ?e a ?t .
  OPTIONAL { ?e sem:hasTimeStamp ?ts } BIND(IF(BOUND(?ts), 1, 0) AS ?d)
  OPTIONAL { ?e sem:hasPlace ?pl } BIND(IF(BOUND(?pl), 1, 0) AS ?p)
  OPTIONAL { ?e sem:hasActor ?r . ?r a sem:Role ; rdf:value ?x ; sem:roleType ?rt .
             FILTER(?rt NOT IN (hd:attendee, hd:destination)) }
} GROUP BY ?e"""
TOTALS = """SELECT (COUNT(DISTINCT ?e) AS ?events) (COUNT(DISTINCT ?s) AS ?statements) WHERE {
  ?e a sem:Event . OPTIONAL { ?e a hd:Statement BIND(?e AS ?s) } }"""


def kg_command() -> list[str]:
    exe = Path(sys.executable).with_name("kg")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "kg.cli"]


def build_day(zip_path: Path, out: Path, jobs: int = 2) -> None:
    cmd = [*kg_command(), "build", str(zip_path), "--out", str(out), "--no-pages", "--no-exports"]
    proc = subprocess.run([*cmd, "--jobs", str(jobs), "--quiet"], cwd=ROOT, capture_output=True, text=True)
    if proc.returncode not in (0, 3):
        raise RuntimeError(f"kg build failed ({proc.returncode}): {proc.stderr.strip()[-2000:]}")


def select(store: Path, sparql: str) -> list[dict[str, str]]:
    from kg.store.query import run_query

    answer = json.loads(run_query(store, PREFIXES + sparql, fmt="json"))
    return [{k: v["value"] for k, v in b.items()} for b in answer["results"]["bindings"]]


def day_counts(store: Path) -> dict[str, int]:
    rows = select(store, CONSULT)
    totals = select(store, TOTALS)[0]
    return {
        "consult": len(rows),
        "dated": sum(int(r["dated"]) for r in rows),
        "placed": sum(int(r["placed"]) for r in rows),
        "two": sum(int(r["principals"]) >= 2 for r in rows),
        "events": int(totals["events"]),
        "statements": int(totals["statements"]),
    }


def _share(n: int, of: int) -> str:
    return f"{n / of:.3f}" if of else "  -  "


def row(name: str, c: dict[str, int]) -> str:
    m = c["consult"]
    return (
        f"{name:<11} {m:>6} {_share(c['dated'], m):>7} {_share(c['placed'], m):>7} {_share(c['two'], m):>7}"
        f" {c['events']:>7} {_share(c['statements'], c['events']):>7}"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--days", nargs="+", help="YYYY-MM-DD (default: every zip in the corpus)")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--out-root", type=Path, help="build into DIR/DAY, or reuse the build there")
    ap.add_argument("--rebuild", action="store_true", help="with --out-root: build again")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    if not args.corpus.exists():
        print(f"skipped: {args.corpus} is absent (the benchmark needs the project's ../shared data)")
        return 0
    days = args.days or sorted(p.stem for p in args.corpus.glob("*.zip"))
    print(f"{'day':<11} {'M/V/C':>6} {'dated':>7} {'placed':>7} {'2 princ':>7} {'events':>7} {'stmt':>7}")
    total = dict.fromkeys(("consult", "dated", "placed", "two", "events", "statements"), 0)
    with tempfile.TemporaryDirectory(prefix="event-shares-") as tmp:
        root = args.out_root or Path(tmp)
        for day in days:
            out = root / day
            if args.rebuild or not (out / "store").exists():
                build_day(args.corpus / f"{day}.zip", out, args.jobs)
            c = day_counts(out / "store")
            for k in total:
                total[k] += c[k]
            print(row(day, c), flush=True)
    print(row("total", total))
    goals = " ".join(f"{'>=' + str(TARGETS[k]):>7}" for k in ("dated", "placed", "two"))
    print(f"{'target':<11} {'':>6} {goals}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
