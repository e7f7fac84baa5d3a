"""Train Hadath's statistical Arabic NER (spaCy) on ANERcorp.

    python training/train_ner.py ../shared OUTDIR [--max-steps N] [--install]

Reads ``SHARED/corpora/anercorp/train.conll`` (ANERcorp, CC BY-SA 4.0, Benajiba et al.
2007; CAMeL Lab split, Obeid et al. 2020), keeps the last 10% of its sentences as a fixed
dev split (used for monitoring only; the shipped model is the last step, not the best
on dev), writes ``OUTDIR/corpus/{train,dev}.spacy`` and trains with ``training/ner.cfg``
(spaCy ``blank("ar")`` + tok2vec + ner, with the clitic-aware tokenizer of
``kg.extract.ner.features``). The model is ``OUTDIR/model``; ``--install`` also copies it to
``kg/extract/ner/model/`` (the package data). Deterministic for a given seed and thread
count (the word2vec step with 2 workers is not bit-exact); ~3 minutes on 2 CPU cores.
The vectors need gensim (training only: ``pip install gensim``); ``--no-vectors`` skips them.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import spacy  # noqa: E402
from spacy.tokens import Doc, DocBin  # noqa: E402

import kg.extract.ner.features  # noqa: E402,F401  (registers the tokenizer)
from kg.extract.ner.conll import read_conll, repair_bio, split_sentences  # noqa: E402

CONFIG = ROOT / "training" / "ner.cfg"
PACKAGE_MODEL = ROOT / "kg" / "extract" / "ner" / "model"


def _docbin(nlp, sents, per_doc: int = 1) -> DocBin:
    db = DocBin(store_user_data=False)
    for k in range(0, len(sents), per_doc):
        words, tags = [], []
        for w, t in sents[k : k + per_doc]:
            words += w
            tags += t
        db.add(Doc(nlp.vocab, words=words, spaces=[True] * len(words), ents=repair_bio(tags)))
    return db


def build_vectors(shared: Path, out: Path, dim: int = 64, keep: int = 10000) -> Path:
    """Word vectors over the NORM forms of SaudiNewsNet text (word2vec, gensim).

    SaudiNewsNet: CC BY-NC-SA 4.0, M. Alhagri 2015; only the vector table is kept. The
    vectors are keyed by NORM (clitic-stripped normalised form), ``keep`` most frequent.
    """
    import json
    import zipfile

    from gensim.models import Word2Vec

    from kg.extract.ner.features import split_words, word_features

    sentences: list[list[str]] = []
    for zpath in sorted((shared / "corpora" / "saudinewsnet").glob("*.zip")):
        with zipfile.ZipFile(zpath) as zf:
            for member in zf.namelist():
                if not member.endswith(".json"):
                    continue
                for rec in json.loads(zf.read(member).decode("utf-8")):
                    text = rec.get("content") or ""
                    for para in text.split("\n"):
                        words = [word_features(para[s:e])[0] for s, e in split_words(para)]
                        if len(words) > 3:
                            sentences.append(words)
    # ANERcorp's own words too (text only, no labels), so its vocabulary is covered.
    for words, _ in read_conll(shared / "corpora" / "anercorp" / "train.conll"):
        sentences.append([word_features(w)[0] for w in words])
    print(f"vectors: {len(sentences)} paragraphs, {sum(map(len, sentences))} tokens")
    t0 = time.time()
    w2v = Word2Vec(sentences, vector_size=dim, window=5, min_count=3, workers=2, epochs=4, seed=0, sg=0)
    print(f"word2vec in {time.time() - t0:.0f}s, vocab {len(w2v.wv)}")
    txt = out / "vectors.txt"
    words = w2v.wv.index_to_key[:keep]
    with txt.open("w", encoding="utf-8") as f:
        f.write(f"{len(words)} {dim}\n")
        for w in words:
            f.write(w + " " + " ".join(f"{x:.4f}" for x in w2v.wv[w]) + "\n")
    vec_dir = out / "vectors"

    import subprocess

    subprocess.run(
        [sys.executable, "-m", "spacy", "init", "vectors", "ar", str(txt), str(vec_dir), "--attr", "NORM"],
        check=True,
    )
    return vec_dir


def _parse_sets(items: list[str]) -> dict:
    import json

    out = {}
    for item in items:
        key, _, value = item.partition("=")
        try:
            out[key] = json.loads(value)
        except json.JSONDecodeError:
            out[key] = value
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("shared", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--max-steps", type=int, default=1600)
    ap.add_argument("--eval-frequency", type=int, default=200)
    ap.add_argument("--no-vectors", action="store_true", help="skip the SaudiNewsNet word vectors")
    ap.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="config override, e.g. training.dropout=0.3 (value parsed as JSON if it can be)",
    )
    ap.add_argument("--install", action="store_true", help="copy the model into kg/extract/ner/model/")
    args = ap.parse_args(argv)

    sents = read_conll(args.shared / "corpora" / "anercorp" / "train.conll")
    train, dev = split_sentences(sents, 0.1)
    print(f"sentences: train {len(train)}, dev {len(dev)}")
    nlp = spacy.blank("ar")
    corpus = args.out / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    _docbin(nlp, train).to_disk(corpus / "train.spacy")
    _docbin(nlp, dev).to_disk(corpus / "dev.spacy")

    from spacy.cli.train import train as spacy_train

    overrides = {}
    if not args.no_vectors:
        vec = args.out / "vectors"
        if not (vec / "config.cfg").exists() and not (vec / "vocab").exists():
            vec = build_vectors(args.shared, args.out)
        overrides = {"paths.vectors": str(vec), "components.tok2vec.model.embed.include_static_vectors": True}

    t0 = time.time()
    spacy_train(
        CONFIG,
        args.out / "train",
        overrides={
            "paths.train": str(corpus / "train.spacy"),
            "paths.dev": str(corpus / "dev.spacy"),
            "training.max_steps": args.max_steps,
            "training.eval_frequency": args.eval_frequency,
            **overrides,
            **_parse_sets(args.set),
        },
    )
    print(f"trained in {time.time() - t0:.0f}s")
    model = args.out / "model"
    if model.exists():
        shutil.rmtree(model)
    shutil.copytree(args.out / "train" / "model-last", model)
    if args.install:
        keep = PACKAGE_MODEL / "README.md"
        readme = keep.read_text(encoding="utf-8") if keep.exists() else None
        if PACKAGE_MODEL.exists():
            shutil.rmtree(PACKAGE_MODEL)
        shutil.copytree(model, PACKAGE_MODEL)
        if readme is not None:
            keep.write_text(readme, encoding="utf-8")
        print(f"installed into {PACKAGE_MODEL}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
