"""Train Hadath's statistical Arabic NER (a linear-chain CRF, python-crfsuite) on ANERcorp.

    python training/train_ner.py ../shared [--out OUTDIR] [--c1 C1] [--c2 C2] [--install]
    python training/train_ner.py ../shared --write-dev /tmp/anercorp-dev.conll  # for kg eval ner

Reads ``SHARED/corpora/anercorp/train.conll`` (ANERcorp, CC BY-SA 4.0, Benajiba et al.
2007; CAMeL Lab split, Obeid et al. 2020) and keeps the last 10% of its sentences as the
fixed dev split (``kg.extract.ner.conll.split_sentences``). The CRF is trained on the other
90% only, scored on dev (exact spans, through the same text interface as ``kg eval ner``),
and written to ``OUTDIR/ner.crfsuite``; ``--install`` copies it into
``kg/extract/ner/model/`` (the package data). The word clusters the features use
(``kg/extract/ner/model/clusters.tsv``) come first from ``training/build_clusters.py``.
``--final`` trains on all of ANERcorp instead (then the dev score is no longer held out; the
shipped model is *not* trained that way, so the dev figure in the model README is honest).

Deterministic (L-BFGS, no sampling). ~3 minutes on one CPU core (feature extraction
~20 s, 150 L-BFGS iterations over ~120k tokens).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.extract.ner.conll import read_conll, repair_bio, split_sentences  # noqa: E402
from kg.extract.ner.crf import MODEL_FILE, export, sentence_features  # noqa: E402

PACKAGE_MODEL = ROOT / "kg" / "extract" / "ner" / "model"


def train(sents: list, out: Path, c1: float, c2: float, iterations: int, algorithm: str = "lbfgs") -> Path:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(algorithm=algorithm, verbose=False)
    for words, tags in sents:
        trainer.append(sentence_features(words), repair_bio(tags))
    params: dict = {"max_iterations": iterations, "feature.possible_transitions": True}
    if algorithm == "lbfgs":
        # L1 drops most of the million candidate features (a small model); L2 smooths.
        params |= {"c1": c1, "c2": c2}
    trainer.set_params(params)
    out.mkdir(parents=True, exist_ok=True)
    raw = out / "ner.crfsuite"
    trainer.train(str(raw))
    path = out / MODEL_FILE
    export(raw, path)  # what ships: numpy weights, decoded by kg.extract.ner.crf.Tagger
    return path


def evaluate(model: Path, sents: list) -> dict:
    """Exact-span scores on ``sents`` through the recogniser's text interface."""
    from kg.extract.ner import CRFRecogniser
    from kg.extract.ner.evaluate import score_sentences

    return score_sentences(sents, CRFRecogniser(model))


def _use_clusters(path: Path) -> None:
    """Point the feature code at another ``word<TAB>ids...`` table, for this process only."""
    from kg.extract.ner import crf

    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            word, *ids = line.split("\t")
            table[word] = tuple(ids)
    crf.clusters = lambda: table
    crf.ranks.cache_clear()
    crf.word_features.cache_clear()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("shared", type=Path)
    ap.add_argument("--out", type=Path, default=Path("/tmp/hadath-ner"))
    ap.add_argument("--c1", type=float, default=0.05)
    ap.add_argument("--c2", type=float, default=0.01)
    ap.add_argument("--iterations", type=int, default=150)
    ap.add_argument("--algorithm", default="lbfgs", help="crfsuite trainer: lbfgs, ap, pa, l2sgd, arow")
    ap.add_argument("--final", action="store_true", help="train on all of ANERcorp (dev included)")
    ap.add_argument("--install", action="store_true", help="copy the model into the package")
    ap.add_argument(
        "--inner",
        action="store_true",
        help="train on the first 90%% of the training part, score its last 10%% (model selection)",
    )
    ap.add_argument("--extra-conll", type=Path, help="more training sentences (silver), CoNLL")
    ap.add_argument("--extra-every", type=int, default=1, help="keep every n-th extra sentence")
    ap.add_argument("--clusters", type=Path, help="experiment with another cluster table (not shipped)")
    ap.add_argument("--write-dev", type=Path, help="only write the dev split as CoNLL (for kg eval ner)")
    args = ap.parse_args(argv)
    if args.write_dev:
        _dev = split_sentences(read_conll(args.shared / "corpora" / "anercorp" / "train.conll"))[1]
        args.write_dev.write_text(
            "".join("".join(f"{w} {t}\n" for w, t in zip(*s, strict=True)) + "\n" for s in _dev),
            encoding="utf-8",
        )
        print(f"{len(_dev)} dev sentences → {args.write_dev}")
        return 0
    if args.clusters:
        _use_clusters(args.clusters)
    sents = read_conll(args.shared / "corpora" / "anercorp" / "train.conll")
    train_part, dev = split_sentences(sents)
    if args.inner:
        train_part, dev = split_sentences(train_part)
    t0 = time.time()
    data = sents if args.final else train_part
    if args.extra_conll:
        data = data + read_conll(args.extra_conll)[:: args.extra_every]
    path = train(data, args.out, args.c1, args.c2, args.iterations, args.algorithm)
    print(f"trained in {time.time() - t0:.0f}s → {path} ({path.stat().st_size / 2**20:.1f} MiB)")
    from kg.extract.ner.evaluate import format_table

    print(format_table(evaluate(path, dev), "inner validation" if args.inner else "ANERcorp dev (last 10%)"))
    if args.install:
        shutil.copy(path, PACKAGE_MODEL / MODEL_FILE)
        print(f"installed → {PACKAGE_MODEL / MODEL_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
