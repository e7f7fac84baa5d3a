"""Speed, size and accuracy of the statistical recogniser (the default ``kg build`` NER).

    python bench/bench_ner.py [--shared ../shared] [--day 2015-07-21] [--articles 300]
    python bench/bench_ner.py --scores       # also: dev split and AQMAR, per type

Prints, on one core (BLAS threads and CPU affinity pinned to 1):

- the model's size on disk (``kg/extract/ner/model/``);
- tokens/second of the whole recogniser (``get_recogniser("model")``: sentence split,
  tokenizer, features, Viterbi) over the first ``--articles`` articles of one SaudiNewsNet
  day, cold (every word form new to the process) and warm (the form cache filled, as in a
  long build);
- its share of the per-article extraction time: ``kg.extract.extract`` with ``ner="model"``
  against ``ner="rules"`` on the same articles (the rest of the build, RDF and pages, adds
  to the denominator, so the share of a whole ``kg build`` is lower);
- with ``--scores``: exact-span P/R/F1 per type on the ANERcorp dev split (last 10% of
  sentences, fixed by ``kg.extract.ner.conll.split_sentences``) and on AQMAR, for the
  ``rules``, ``model`` and ``combined`` backends.
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


def speed(texts: list[str], batch: int) -> tuple[int, float, float, float]:
    """(tokens, load seconds, cold seconds, warm seconds) of the ``model`` recogniser, given
    ``batch`` articles at a time (``pipe_documents``, as ``kg build`` does; 1: one call each)."""
    from kg.extract.ner import get_recogniser
    from kg.extract.ner.crf import split_words

    _clear_caches()
    t0 = time.perf_counter()
    rec = get_recogniser("model")
    rec("تسخين")  # loads the model, the clusters and the gazetteers
    load = time.perf_counter() - t0
    tokens = sum(len(split_words(t)) for t in texts)
    times = []
    for _ in range(2):
        t0 = time.perf_counter()
        for k in range(0, len(texts), batch):
            rec.pipe_documents(texts[k : k + batch])
        times.append(time.perf_counter() - t0)
    return tokens, load, times[0], times[1]


def _clear_caches() -> None:
    """Start cold: the model is loaded afresh, no word form is cached yet."""
    from kg.extract.ner import crf, get_recogniser, neural

    for cached in (get_recogniser, crf.load_tagger, crf.word_features, neural.load_tagger):
        cached.cache_clear()


def extract_share(texts: list[str]) -> tuple[float, float]:
    """Seconds of ``extract_batch`` over ``texts`` (as ``kg build`` batches them) with the
    rules only and with the model."""
    from kg.extract import EXTRACT_BATCH, extract, extract_batch
    from kg.model import Article

    articles = [Article(id=str(k), text=t) for k, t in enumerate(texts)]
    out = []
    for ner in ("rules", "model"):
        extract(articles[0], ner=ner)  # warm: resources loaded
        t0 = time.perf_counter()
        for k in range(0, len(articles), EXTRACT_BATCH):
            extract_batch(articles[k : k + EXTRACT_BATCH], ner=ner)
        out.append(time.perf_counter() - t0)
    return out[0], out[1]


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
    print(f"model size: {model_size() / 2**20:.1f} MiB (kg/extract/ner/model/)")
    texts = load_day(args.shared, args.day, args.articles)
    from kg.extract import EXTRACT_BATCH

    for batch in (1, EXTRACT_BATCH):
        tokens, load, cold, warm = speed(texts, batch)
        if batch == 1:
            print(f"{len(texts)} articles of {args.day}: {tokens} tokens; model load {load:.1f}s")
        print(f"  {batch} article(s) a call:")
        print(f"    recogniser cold: {cold:.1f}s, {tokens / cold:,.0f} tokens/s (1 core)")
        print(f"    recogniser warm: {warm:.1f}s, {tokens / warm:,.0f} tokens/s (1 core, form cache filled)")
    rules, model = extract_share(texts)
    print(
        f"  extract: rules {rules:.1f}s, rules+model {model:.1f}s; "
        f"the recogniser is {100 * (model - rules) / model:.0f}% of extraction time"
    )
    if args.scores:
        scores(args.shared)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
