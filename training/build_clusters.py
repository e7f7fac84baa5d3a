"""Word clusters for the CRF recogniser: k-means over word2vec vectors of raw news text.

    python training/build_clusters.py ../shared [--out kg/extract/ner/crf/clusters.tsv]

Word2vec (gensim, skip-gram, 100 dims) is trained on the normalised tokens of every
SaudiNewsNet day (CC BY-NC-SA 4.0, M. Alhagri 2015) plus the *training* part of ANERcorp
(text only; the dev split's sentences are left out so that the dev score stays honest).
The vectors of the most frequent words are clustered by k-means at three granularities
(32, 128, 512 and 2048 clusters); only the ``word → cluster ids`` table is shipped. Names that
behave alike (given names, cities, ministries) land in the same clusters, which is what
lets the CRF tag names it never saw in ANERcorp. Needs gensim (training only). ~4 minutes
on 2 CPU cores.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import zipfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.arabic.normalize import normalize  # noqa: E402
from kg.extract.ner.conll import read_conll, split_sentences  # noqa: E402
from kg.extract.ner.crf import split_words  # noqa: E402

OUT = ROOT / "kg" / "extract" / "ner" / "crf" / "clusters.tsv"
SIZES = (32, 128, 512, 2048)


def corpus(shared: Path) -> list[list[str]]:
    sentences: list[list[str]] = []
    for zpath in sorted((shared / "corpora" / "saudinewsnet").glob("*.zip")):
        with zipfile.ZipFile(zpath) as zf:
            for member in zf.namelist():
                if not member.endswith(".json"):
                    continue
                for rec in json.loads(zf.read(member).decode("utf-8")):
                    for para in (rec.get("content") or "").split("\n"):
                        words = [normalize(para[s:e]) for s, e in split_words(para)]
                        if len(words) > 3:
                            sentences.append(words)
    train, _dev = split_sentences(read_conll(shared / "corpora" / "anercorp" / "train.conll"))
    for words, _ in train:
        sentences.append([normalize(w) for w in words])
    return sentences


def kmeans(x: np.ndarray, k: int, iters: int = 25, seed: int = 0) -> np.ndarray:
    """Plain Lloyd k-means on unit vectors (cosine); returns each row's cluster id."""
    rng = np.random.default_rng(seed)
    centres = x[rng.choice(len(x), k, replace=False)].copy()
    labels = np.zeros(len(x), dtype=np.int64)
    for _ in range(iters):
        labels = np.concatenate(
            [np.argmax(x[i : i + 8192] @ centres.T, axis=1) for i in range(0, len(x), 8192)]
        )
        sums = np.zeros_like(centres)
        np.add.at(sums, labels, x)
        norms = np.linalg.norm(sums, axis=1)
        empty = norms == 0  # an empty cluster restarts at a random word
        centres = sums / (norms[:, None] + 1e-9)
        centres[empty] = x[rng.integers(len(x), size=int(empty.sum()))]
    return labels


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("shared", type=Path)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--keep", type=int, default=100000, help="most frequent words kept")
    ap.add_argument("--dim", type=int, default=100)
    ap.add_argument("--window", type=int, default=2, help="narrow: clusters of word *type*, not topic")
    ap.add_argument("--sg", type=int, default=0, help="1: skip-gram (slower), 0: CBOW")
    ap.add_argument("--epochs", type=int, default=10)
    args = ap.parse_args(argv)
    from gensim.models import Word2Vec

    t0 = time.time()
    sents = corpus(args.shared)
    print(f"{len(sents)} paragraphs, {sum(map(len, sents))} tokens ({time.time() - t0:.0f}s)")
    w2v = Word2Vec(
        sents,
        vector_size=args.dim,
        window=args.window,
        min_count=3,
        workers=2,
        epochs=args.epochs,
        seed=0,
        sg=args.sg,
    )
    print(f"word2vec: vocab {len(w2v.wv)} ({time.time() - t0:.0f}s)")
    words = [w for w in w2v.wv.index_to_key if any(ch.isalpha() for ch in w)][: args.keep]
    x = np.stack([w2v.wv[w] for w in words]).astype(np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True) + 1e-9
    columns = [kmeans(x, k) for k in SIZES]
    print(f"k-means {SIZES} ({time.time() - t0:.0f}s)")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as f:
        f.write("# word\t" + "\t".join(f"k{k}" for k in SIZES) + "\n")
        f.write(
            "# k-means over word2vec of SaudiNewsNet (CC BY-NC-SA 4.0, Alhagri 2015)"
            " + ANERcorp training-part text (CC BY-SA 4.0)\n"
        )
        for i, w in enumerate(words):
            f.write(w + "\t" + "\t".join(str(int(c[i])) for c in columns) + "\n")
    print(f"{len(words)} words → {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
