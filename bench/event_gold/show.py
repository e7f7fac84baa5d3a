"""Print one SaudiNewsNet article as the project ingests it, with character offsets.

    python bench/event_gold/show.py URL [--day 2015-08-02] [--find STRING ...] [--span S-E ...]
    python bench/event_gold/show.py --list --day 2015-08-02 [--grep WORD ...]

Offsets are into ``Article.text`` (what ``kg.ingest.iter_articles`` yields), the offsets the
event gold set uses. Every line of the text is printed prefixed by its start offset; within
long lines a ``[offset]`` marker is inserted every ``--every`` characters at a word boundary.
``--find`` prints each occurrence of a substring as ``start-end`` with a little context;
``--span`` prints the slice of a ``start-end`` pair (to check a gold row). ``--list`` prints the
day's urls with outlet and title (``--grep`` keeps those whose title or text holds every word).
Without ``--day`` all days under ``--shared`` are searched for the url.
"""

from __future__ import annotations

import argparse
import sys
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

SHARED = ROOT.parent / "shared"


def zip_path(shared: Path, day: str) -> Path:
    return shared / "corpora" / "saudinewsnet" / f"{day}.zip"


@lru_cache(maxsize=16)
def day_articles(shared: Path, day: str) -> dict:
    """url → Article for one day's zip, as ingested."""
    from kg.ingest import iter_articles

    return {a.url: a for a in iter_articles([zip_path(shared, day)])}


def find_article(url: str, shared: Path, day: str | None = None):
    days = [day] if day else sorted(p.stem for p in (shared / "corpora" / "saudinewsnet").glob("*.zip"))
    for d in days:
        art = day_articles(shared, d).get(url)
        if art is not None:
            return d, art
    raise SystemExit(f"url not found in {', '.join(days)}: {url}")


def numbered(text: str, every: int = 80) -> str:
    """The text with each line prefixed by its start offset and ``[n]`` markers inside."""
    out = []
    pos = 0
    for line in text.split("\n"):
        parts = []
        i = 0
        while i < len(line):
            j = min(len(line), i + every)
            if j < len(line):
                k = line.rfind(" ", i + 1, j)
                j = k if k > i else j
            seg = line[i:j]
            parts.append(seg if i == 0 else f"[{pos + i}]{seg}")
            i = j
        out.append(f"{pos:6d}| " + "".join(parts))
        pos += len(line) + 1
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("url", nargs="?")
    ap.add_argument("--day")
    ap.add_argument("--shared", type=Path, default=SHARED)
    ap.add_argument("--find", action="append", default=[])
    ap.add_argument("--span", action="append", default=[])
    ap.add_argument("--every", type=int, default=80)
    ap.add_argument("--no-text", action="store_true", help="with --find/--span: skip the text")
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--grep", action="append", default=[])
    args = ap.parse_args(argv)
    if args.list:
        if not args.day:
            ap.error("--list needs --day")
        for url, a in day_articles(args.shared, args.day).items():
            hay = a.title + "\n" + a.text
            if all(w in hay for w in args.grep):
                print(f"{a.source}\t{len(a.text)}\t{a.title}\t{url}")
        return 0
    if not args.url:
        ap.error("a url (or --list)")
    day, art = find_article(args.url, args.shared, args.day)
    text = art.text
    if not (args.no_text and (args.find or args.span)):
        print(f"day: {day}\nsource: {art.source}\ndct: {art.dct}\ntitle: {art.title}\nurl: {art.url}")
        print(f"length: {len(text)}\n")
        print(numbered(text, args.every))
    for s in args.find:
        i = text.find(s)
        hits = 0
        while i >= 0:
            hits += 1
            ctx = text[max(0, i - 30) : i + len(s) + 30].replace("\n", " ")
            print(f"find {s!r}: {i}-{i + len(s)}   …{ctx}…")
            i = text.find(s, i + 1)
        if not hits:
            print(f"find {s!r}: not found")
    for sp in args.span:
        a, b = (int(x) for x in sp.split("-"))
        print(f"span {a}-{b}: {text[a:b]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
