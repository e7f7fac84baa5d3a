"""Annotation helper for ``persons.tsv``: find candidate mentions and show their context.

Prints each regex match in ``Article.text`` (as ``kg.ingest.iter_articles`` gives it) with
its offsets and the text around it, so that an annotator can read and decide; it decides
nothing itself. Hits of the last search are kept in a temporary file (outside the
repository) so that chosen ones can be appended to the gold file by number::

    python bench/er_gold/candidates.py find 'الجبير' --days 2015-08-03 --limit 30
    python bench/er_gold/candidates.py add jubeir_adel name 3 7 12

A named group ``n`` in the pattern, when present, gives the span (to leave out a clitic
or an honorific: ``(?:و|ل)?(?P<n>الجبير)``).
"""

from __future__ import annotations

import argparse
import json
import pickle
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from kg.ingest import iter_articles  # noqa: E402
from kg.model import Article  # noqa: E402

GOLD = Path(__file__).with_name("persons.tsv")
CACHE = Path(tempfile.gettempdir()) / "hadath-er-annotate"


def load_day(shared: Path, day: str) -> list[Article]:
    CACHE.mkdir(exist_ok=True)
    cached = CACHE / f"{day}.pkl"
    if cached.exists():
        return pickle.loads(cached.read_bytes())
    arts = list(iter_articles([shared / "corpora" / "saudinewsnet" / f"{day}.zip"]))
    cached.write_bytes(pickle.dumps(arts))
    return arts


def find(args: argparse.Namespace) -> None:
    rx = re.compile(args.pattern)
    hits = []
    for day in args.days:
        for art in load_day(args.shared, day):
            if args.url and args.url not in (art.url or ""):
                continue
            for k, m in enumerate(rx.finditer(art.text)):
                if k >= args.per_article:
                    break
                s, e = m.span("n") if "n" in rx.groupindex and m.group("n") else m.span()
                hits.append({"day": day, "url": art.url, "start": s, "end": e})
                ctx = art.text[max(0, s - args.width) : s] + "[[" + art.text[s:e] + "]]"
                ctx += art.text[e : e + args.width]
                i = len(hits) - 1
                tail = art.url.rstrip("/").rsplit("/", 1)[-1][-12:]
                print(f"{i:3d} {day} {tail} {s}-{e} | {ctx.replace(chr(10), ' / ')}")
                if len(hits) >= args.limit:
                    break
            if len(hits) >= args.limit:
                break
    (CACHE / "last.json").write_text(json.dumps(hits), encoding="utf-8")


def add(args: argparse.Namespace) -> None:
    hits = json.loads((CACHE / "last.json").read_text(encoding="utf-8"))
    have = set()
    if GOLD.exists():
        for line in GOLD.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#") and not line.startswith("url\t"):
                u, s, e = line.split("\t")[:3]
                have.add((u, int(s), int(e)))
    with GOLD.open("a", encoding="utf-8") as f:
        for i in args.ids:
            h = hits[i]
            if (h["url"], h["start"], h["end"]) in have:
                print("already in gold:", i)
                continue
            f.write(f"{h['url']}\t{h['start']}\t{h['end']}\t{args.cluster}\t{args.kind}\t{h['day']}\n")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    f = sub.add_parser("find")
    f.add_argument("pattern")
    f.add_argument("--days", nargs="+", required=True)
    f.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    f.add_argument("--limit", type=int, default=40)
    f.add_argument("--width", type=int, default=70)
    f.add_argument("--url", default="")
    f.add_argument("--per-article", type=int, default=2)
    a = sub.add_parser("add")
    a.add_argument("cluster")
    a.add_argument("kind", choices=["name", "title"])
    a.add_argument("ids", nargs="+", type=int)
    args = p.parse_args()
    find(args) if args.cmd == "find" else add(args)


if __name__ == "__main__":
    main()
