"""Train Hadath's neural Arabic NER: a BiLSTM-CRF, exported for numpy inference.

    python training/train_neural_ner.py ../shared [--vectors W2VDIR] [--out OUTDIR] [--install]
    python training/train_neural_ner.py ../shared --only-vectors   # word2vec only

Each token is one cached vector per word form: its word2vec vector (CBOW, 100 dims, window
4, trained on SaudiNewsNet + the *training* part of ANERcorp, the same text as
``training/build_clusters.py``; frozen, so the ~86% of dev names never seen in ANERcorp
still get a vector) next to a summed bag of the CRF's own-token features
(``kg.extract.ner.crf.word_features``: form, stem, affixes, clusters, gazetteer classes).
A one-layer BiLSTM reads the sentence, a linear layer gives tag scores, and a CRF layer
(transitions, start and end scores) is trained with the sentence log-likelihood.

Data: ANERcorp (CC BY-SA 4.0, Benajiba et al. 2007); the fixed dev split (last 10% of
sentences, ``kg.extract.ner.conll.split_sentences``) is *not* used for training or model
selection: the epoch is chosen on the last 10% of the training part, then the dev split is
scored once. Needs torch and gensim (the ``train`` extra); inference is numpy only
(``kg.extract.ner.neural``). Writes ``OUTDIR/neural.npz``; ``--install`` copies it into
``kg/extract/ner/model/``.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.arabic.normalize import normalize  # noqa: E402
from kg.extract.ner.conll import read_conll, repair_bio, split_sentences  # noqa: E402
from kg.extract.ner.crf import stem, word_features  # noqa: E402

PACKAGE_MODEL = ROOT / "kg" / "extract" / "ner" / "model"
MODEL_FILE = "neural.npz"
LABELS = ["O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"]


def train_vectors(shared: Path, out: Path, dim: int = 100) -> None:
    """word2vec over SaudiNewsNet + ANERcorp training-part text → ``out/w2v.npy``, ``w2v.vocab``."""
    sys.path.insert(0, str(ROOT / "training"))
    from build_clusters import corpus
    from gensim.models import Word2Vec

    t0 = time.time()
    sents = corpus(shared)
    w2v = Word2Vec(sents, vector_size=dim, window=4, min_count=3, workers=2, epochs=8, seed=0, sg=0)
    out.mkdir(parents=True, exist_ok=True)
    np.save(out / "w2v.npy", w2v.wv.vectors.astype(np.float32))
    (out / "w2v.vocab").write_text("\n".join(w2v.wv.index_to_key), encoding="utf-8")
    print(f"word2vec: {len(w2v.wv)} words ({time.time() - t0:.0f}s)")


def load_vectors(folder: Path, keep: int) -> tuple[list[str], np.ndarray]:
    words = (folder / "w2v.vocab").read_text(encoding="utf-8").split("\n")[:keep]
    vecs = np.load(folder / "w2v.npy")[:keep]
    vecs = vecs / (np.linalg.norm(vecs, axis=1, keepdims=True) + 1e-9)
    return words, vecs.astype(np.float32)


class Featuriser:
    """Word form → (embedding row, feature ids); feature vocabulary from the training part."""

    def __init__(self, words: list[str], train_forms, min_count: int = 2):
        from collections import Counter

        self.emb_index = {w: k + 1 for k, w in enumerate(words)}  # row 0: unknown
        counts = Counter()
        for w in train_forms:
            counts.update(self.raw_features(w))
        self.feats = ["<none>", *sorted(f for f, c in counts.items() if c >= min_count)]
        self.feat_index = {f: k for k, f in enumerate(self.feats)}

    def raw_features(self, word: str) -> list[str]:
        return list(word_features(word)[0])

    def embedding_row(self, word: str) -> int:
        norm = normalize(word) or word
        return self.emb_index.get(norm) or self.emb_index.get(stem(norm)) or 0

    def feature_ids(self, word: str) -> list[int]:
        ids = [k for k in map(self.feat_index.get, self.raw_features(word)) if k is not None]
        return ids or [0]


def build_model(vectors: np.ndarray, n_feats: int, feat_dim: int, hidden: int, dropout: float):
    import torch
    from torch import nn

    class BiLSTMCRF(nn.Module):
        def __init__(self):
            super().__init__()
            emb = np.vstack([np.zeros((1, vectors.shape[1]), np.float32), vectors])
            self.emb = nn.Embedding.from_pretrained(torch.from_numpy(emb), freeze=True)
            self.bag = nn.EmbeddingBag(n_feats, feat_dim, mode="sum")
            nn.init.normal_(self.bag.weight, std=0.05)
            self.drop = nn.Dropout(dropout)
            self.lstm = nn.LSTM(vectors.shape[1] + feat_dim, hidden, batch_first=True, bidirectional=True)
            self.out = nn.Linear(2 * hidden, len(LABELS))
            n = len(LABELS)
            self.trans = nn.Parameter(torch.zeros(n, n))
            self.start = nn.Parameter(torch.zeros(n))
            self.end = nn.Parameter(torch.zeros(n))

        def states(self, emb_ids, feat_ids, feat_offsets, lengths):
            """BiLSTM states, batch x time x 2H (forward half, then backward half)."""
            x = torch.cat([self.emb(emb_ids), self.bag(feat_ids, feat_offsets).view(*emb_ids.shape, -1)], -1)
            x = self.drop(x)
            packed = nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
            h, _ = self.lstm(packed)
            h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=emb_ids.shape[1])
            return h

        def emissions(self, emb_ids, feat_ids, feat_offsets, lengths):
            return self.out(self.drop(self.states(emb_ids, feat_ids, feat_offsets, lengths)))

        def nll(self, e, tags, mask):
            """Negative log-likelihood of the gold tag paths (batch mean)."""
            b, t, _n = e.shape
            idx = torch.arange(b)
            gold = self.start[tags[:, 0]] + e[idx, 0, tags[:, 0]]
            alpha = self.start + e[:, 0]
            for i in range(1, t):
                m = mask[:, i]
                step = e[idx, i, tags[:, i]] + self.trans[tags[:, i - 1], tags[:, i]]
                gold = gold + step * m
                nxt = torch.logsumexp(alpha[:, :, None] + self.trans + e[:, i, None, :], dim=1)
                alpha = torch.where(m[:, None] > 0, nxt, alpha)
            last = tags[idx, mask.sum(1).long() - 1]
            gold = gold + self.end[last]
            z = torch.logsumexp(alpha + self.end, dim=1)
            return (z - gold).mean()

    return BiLSTMCRF()


def lm_sequences(shared: Path, width: int = 40) -> list[list[str]]:
    """Raw news for pretraining: SaudiNewsNet paragraphs + ANERcorp's training-part text
    (the word2vec corpus), cut into pieces of at most ``width`` tokens."""
    sys.path.insert(0, str(ROOT / "training"))
    from build_clusters import corpus

    out = []
    for words in corpus(shared):
        words = [w for w in words if w]
        for k in range(0, len(words), width):
            if len(words[k : k + width]) >= 4:
                out.append(words[k : k + width])
    return out


def pretrain(model, fz: Featuriser, seqs: list[list[str]], args) -> None:
    """Language-model pretraining of the bag and the BiLSTM on raw news: the forward states
    predict the next word's cluster (2,048 k-means classes of ``clusters.tsv``; rare words,
    punctuation and numbers a class each), the backward states the previous word's.

    ANERcorp's 100k training tokens teach the LSTM little about context; millions of tokens
    of news teach it which positions hold names (after ``قال``, before ``بن``). The NER
    training then starts from these weights; inference is unchanged (same network).
    """
    import torch
    from torch import nn

    from kg.extract.ner.crf import clusters

    table = clusters()
    forms: dict[str, int] = {}
    ids = [np.asarray([forms.setdefault(w, len(forms)) for w in s]) for s in seqs]
    vocab = list(forms)
    n_cls = 2048

    def cls(w: str) -> int:
        c = table.get(w)
        if c:
            return int(c[-1])
        if w and not w[0].isalnum():
            return n_cls + 1
        return n_cls + 2 if w.isdigit() else n_cls

    emb_row = np.asarray([fz.embedding_row(w) for w in vocab])
    feats = [fz.feature_ids(w) for w in vocab]
    target = torch.tensor([cls(w) for w in vocab])
    hd = model.lstm.hidden_size
    heads = nn.Linear(hd, n_cls + 3), nn.Linear(hd, n_cls + 3)
    params = [*model.bag.parameters(), *model.lstm.parameters()]
    params += [*heads[0].parameters(), *heads[1].parameters()]
    opt = torch.optim.Adam(params, lr=args.pretrain_lr)
    rng = np.random.default_rng(args.seed)
    total_tokens = sum(map(len, ids))
    print(f"pretraining on {len(ids)} pieces, {total_tokens} tokens, {len(vocab)} forms", flush=True)
    t0, seen = time.time(), 0
    model.train()
    for epoch in range(args.pretrain_epochs):
        order = rng.permutation(len(ids))
        run = 0.0
        for n, k in enumerate(range(0, len(order), args.pretrain_batch), 1):
            chunk = [ids[j] for j in order[k : k + args.pretrain_batch]]
            lengths = [len(c) for c in chunk]
            t = max(lengths)
            f = np.zeros((len(chunk), t), dtype=np.int64)
            mask = np.zeros((len(chunk), t), dtype=bool)
            for r, c in enumerate(chunk):
                f[r, : len(c)] = c
                mask[r, : len(c)] = True
            flat, offsets = [], []
            for form, m in zip(f.ravel(), mask.ravel(), strict=True):
                offsets.append(len(flat))
                flat.extend(feats[form] if m else [0])
            h = model.states(
                torch.from_numpy(emb_row[f]), torch.tensor(flat), torch.tensor(offsets), torch.tensor(lengths)
            )
            y = target[torch.from_numpy(f)]
            y[~torch.from_numpy(mask)] = -100
            fwd = heads[0](h[:, :-1, :hd]).reshape(-1, n_cls + 3)
            bwd = heads[1](h[:, 1:, hd:]).reshape(-1, n_cls + 3)
            loss = nn.functional.cross_entropy(fwd, y[:, 1:].reshape(-1)) + nn.functional.cross_entropy(
                bwd, y[:, :-1].reshape(-1)
            )
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 5.0)
            opt.step()
            run += loss.item()
            seen += sum(lengths)
            if n % 500 == 0:
                rate = seen / (time.time() - t0)
                print(f"  epoch {epoch + 1} step {n}: LM loss {run / 500:.3f} ({rate:.0f} tok/s)", flush=True)
                run = 0.0
            if args.pretrain_tokens and seen >= args.pretrain_tokens:
                print(f"pretrained on {seen} tokens in {time.time() - t0:.0f}s", flush=True)
                return
    print(f"pretrained on {seen} tokens in {time.time() - t0:.0f}s", flush=True)


def batches(data, size, rng=None, feat_drop: float = 0.0):
    import torch

    order = np.arange(len(data))
    if rng is not None:
        rng.shuffle(order)
    for k in range(0, len(order), size):
        chunk = [data[j] for j in order[k : k + size]]
        lengths = [len(c[0]) for c in chunk]
        t = max(lengths)
        emb = torch.zeros(len(chunk), t, dtype=torch.long)
        tags = torch.zeros(len(chunk), t, dtype=torch.long)
        mask = torch.zeros(len(chunk), t)
        feats, offsets = [], []
        for r, (e_ids, f_ids, y) in enumerate(chunk):
            n = len(e_ids)
            emb[r, :n] = torch.tensor(e_ids)
            tags[r, :n] = torch.tensor(y)
            mask[r, :n] = 1
            for i in range(t):
                offsets.append(len(feats))
                ids = f_ids[i] if i < n else [0]
                if feat_drop and rng is not None:  # drop single features: no one feature is relied on
                    ids = [f for f in ids if rng.random() >= feat_drop] or [0]
                feats.extend(ids)
        yield (
            emb,
            torch.tensor(feats),
            torch.tensor(offsets),
            torch.tensor(lengths),
            tags,
            mask,
            order[k : k + size],
        )


def encode(sents, fz: Featuriser):
    lab = {x: k for k, x in enumerate(LABELS)}
    out = []
    for words, tags in sents:
        out.append(
            (
                [fz.embedding_row(w) for w in words],
                [fz.feature_ids(w) for w in words],
                [lab[t] for t in repair_bio(tags)],
            )
        )
    return out


def export(model, fz: Featuriser, words: list[str], path: Path) -> None:
    sd = {k: v.detach().cpu().numpy() for k, v in model.state_dict().items()}

    def text(xs):
        return np.frombuffer("\n".join(xs).encode("utf-8"), dtype=np.uint8)

    np.savez_compressed(
        path,
        labels=text(LABELS),
        words=text(words),
        vectors=sd["emb.weight"][1:].astype(np.float16),  # row 0 (unknown) is zeros
        feats=text(fz.feats),
        bag=sd["bag.weight"].astype(np.float16),
        w_ih=sd["lstm.weight_ih_l0"],
        w_hh=sd["lstm.weight_hh_l0"],
        b=sd["lstm.bias_ih_l0"] + sd["lstm.bias_hh_l0"],
        w_ih_r=sd["lstm.weight_ih_l0_reverse"],
        w_hh_r=sd["lstm.weight_hh_l0_reverse"],
        b_r=sd["lstm.bias_ih_l0_reverse"] + sd["lstm.bias_hh_l0_reverse"],
        out_w=sd["out.weight"],
        out_b=sd["out.bias"],
        trans=sd["trans"],
        start=sd["start"],
        end=sd["end"],
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("shared", type=Path)
    ap.add_argument("--vectors", type=Path, default=Path("/tmp/hadath-w2v"))
    ap.add_argument("--only-vectors", action="store_true")
    ap.add_argument("--out", type=Path, default=Path("/tmp/hadath-neural"))
    ap.add_argument("--keep", type=int, default=50000, help="word2vec words shipped")
    ap.add_argument("--feat-dim", type=int, default=64)
    ap.add_argument("--hidden", type=int, default=64)
    ap.add_argument("--dropout", type=float, default=0.5)
    ap.add_argument("--feat-drop", type=float, default=0.0)
    ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--patience", type=int, default=5)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--install", action="store_true")
    ap.add_argument("--pretrain-tokens", type=int, default=0, help="LM pretraining on raw news (0: none)")
    ap.add_argument("--pretrain-epochs", type=int, default=1)
    ap.add_argument("--pretrain-batch", type=int, default=64)
    ap.add_argument("--pretrain-lr", type=float, default=2e-3)
    ap.add_argument("--pretrained", type=Path, help="reuse (or save) the pretrained weights here")
    ap.add_argument("--extra-conll", type=Path, help="more training sentences (silver), CoNLL")
    ap.add_argument("--extra-every", type=int, default=1, help="keep every n-th extra sentence")
    args = ap.parse_args(argv)
    if args.only_vectors or not (args.vectors / "w2v.npy").is_file():
        train_vectors(args.shared, args.vectors)
        if args.only_vectors:
            return 0
    import torch

    torch.set_num_threads(2)
    torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)
    sents = read_conll(args.shared / "corpora" / "anercorp" / "train.conll")
    train_part, dev = split_sentences(sents)
    fit, val = split_sentences(train_part)  # model selection inside the training part only
    words, vectors = load_vectors(args.vectors, args.keep)
    fz = Featuriser(words, (w for s, _ in fit for w in s))
    print(f"{len(fz.feats)} features, {len(words)} vectors")
    fit_data = encode(fit, fz)
    if args.extra_conll:
        extra = read_conll(args.extra_conll)[:: args.extra_every]
        fit_data += encode(extra, fz)
        print(f"+ {len(extra)} extra sentences from {args.extra_conll}")
    model = build_model(vectors, len(fz.feats), args.feat_dim, args.hidden, args.dropout)
    if args.pretrained and args.pretrained.is_file():
        model.load_state_dict(torch.load(args.pretrained))
        print(f"pretrained weights from {args.pretrained}")
    elif args.pretrain_tokens:
        pretrain(model, fz, lm_sequences(args.shared), args)
        if args.pretrained:
            torch.save(model.state_dict(), args.pretrained)
    opt = torch.optim.Adam([p for p in model.parameters() if p.requires_grad], lr=args.lr)
    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / MODEL_FILE
    best, best_epoch, t0 = -1.0, 0, time.time()
    for epoch in range(1, args.epochs + 1):
        model.train()
        total = 0.0
        for emb, feats, offs, lengths, tags, mask, _ in batches(fit_data, args.batch, rng, args.feat_drop):
            e = model.emissions(emb, feats, offs, lengths)
            loss = model.nll(e, tags, mask)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            opt.step()
            total += loss.item()
        export(model, fz, words, path)
        f1 = score(path, val)["overall"]["f1"]
        print(f"epoch {epoch}: loss {total:.0f}, inner-val F1 {f1:.3f} ({time.time() - t0:.0f}s)", flush=True)
        if f1 > best:
            best, best_epoch = f1, epoch
            shutil.copy(path, args.out / "best.npz")
        elif epoch - best_epoch >= args.patience:
            break
    shutil.copy(args.out / "best.npz", path)
    print(f"best epoch {best_epoch} (inner-val F1 {best:.3f}); trained in {time.time() - t0:.0f}s")
    print(f"→ {path} ({path.stat().st_size / 2**20:.1f} MiB)")
    from kg.extract.ner.evaluate import format_table

    print(format_table(score(path, dev), "ANERcorp dev (last 10%)"))
    if args.install:
        shutil.copy(path, PACKAGE_MODEL / MODEL_FILE)
        print(f"installed → {PACKAGE_MODEL / MODEL_FILE}")
    return 0


def score(path: Path, sents: list) -> dict:
    from kg.extract.ner.evaluate import score_sentences
    from kg.extract.ner.neural import NeuralRecogniser

    return score_sentences(sents, NeuralRecogniser(path))


if __name__ == "__main__":
    raise SystemExit(main())
