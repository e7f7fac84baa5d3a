"""Speed, size and accuracy of the NER backends.

    python bench/bench_ner.py [--shared ../shared] [--day 2015-07-21] [--articles 300]
    python bench/bench_ner.py --scores       # also: dev split and AQMAR, rules/model/combined

Speed: tokens/second of the shipped model on one core (torch/BLAS threads pinned to 1)
over the first ``--articles`` articles of one SaudiNewsNet day.
"""

from __future__ import annotations

import os

for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_v, "1")

import argparse  # noqa: E402
import contextlib  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
import zipfile  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def model_size() -> int:
    path = ROOT / "kg" / "extract" / "ner" / "model"
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def load_day(shared: Path, day: str, n: int) -> list[str]:
    texts: list[str] = []
    with zipfile.ZipFile(shared / "corpora" / "saudinewsnet" / f"{day}.zip") as zf:
        for member in sorted(zf.namelist()):
            if member.endswith(".json"):
                texts += [r.get("content") or "" for r in json.loads(zf.read(member).decode("utf-8"))]
    return [t for t in texts if t.strip()][:n]


def speed(texts: list[str]) -> tuple[int, float]:
    from kg.extract.ner import get_recogniser
    from kg.extract.ner.features import split_words

    rec = get_recogniser("model")
    rec("تسخين")  # load and warm up
    tokens = sum(len(split_words(t)) for t in texts)
    t0 = time.perf_counter()
    for _ in rec.pipe(texts):
        pass
    return tokens, time.perf_counter() - t0


def scores(shared: Path) -> None:
    from kg.extract.ner import get_recogniser
    from kg.extract.ner.conll import parse_conll, read_conll, split_sentences
    from kg.extract.ner.evaluate import format_table, score_sentences

    _, dev = split_sentences(read_conll(shared / "corpora" / "anercorp" / "train.conll"))
    aqmar: list = []
    for f in sorted((shared / "corpora" / "aqmar").glob("*.txt")):
        aqmar += parse_conll(f.read_text(encoding="utf-8"))
    for name, sents in (("ANERcorp dev (last 10%)", dev), ("AQMAR (all 28 articles)", aqmar)):
        for ner in ("rules", "model", "combined"):
            print(format_table(score_sentences(sents, get_recogniser(ner)), f"{name} — {ner}"))
            print()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--day", default="2015-07-21")
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--scores", action="store_true")
    args = ap.parse_args()
    with contextlib.suppress(AttributeError, OSError):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    print(f"model size: {model_size() / 2**20:.1f} MiB")
    texts = load_day(args.shared, args.day, args.articles)
    tokens, secs = speed(texts)
    rate = tokens / secs
    print(f"{len(texts)} articles of {args.day}: {tokens} tokens, {secs:.1f}s, {rate:,.0f} tokens/s (1 core)")
    if args.scores:
        scores(args.shared)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
