"""The BiLSTM-CRF recogniser, numpy-only inference (trained by ``training/train_neural_ner.py``).

Each word form becomes one vector, computed once per process and cached: its word2vec
vector (SaudiNewsNet, frozen in training; unknown forms fall back to their stem, then to a
zero row) next to a summed bag of the CRF's own-token features (``kg.extract.ner.crf.
word_features``). The cache holds the form's *input projection* for both LSTM directions
(``W_ih x + b``), so a sentence costs one ``h @ W_hh`` per position and direction; all
sentences of a text run together (one step per position for the batch). A linear layer
gives tag scores and a CRF layer (transitions, start, end scores) is decoded by Viterbi.
The weights are ``kg/extract/ner/model/neural.npz``; torch is needed only to train.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

import numpy as np

from kg.arabic.normalize import normalize
from kg.extract.ner.base import CRFRecogniser
from kg.extract.ner.crf import Tagger as CRFTagger
from kg.extract.ner.crf import by_length, grown, stem, viterbi, word_features, word_rows

MODEL_FILE = "neural.npz"


@lru_cache(maxsize=1)
def _blas_threads():
    """(get, set) of the loaded OpenBLAS's thread count, or None (another BLAS, not Linux).

    The forward pass is many small matmuls (a batch of sentences x 128 @ 128 x 512 per
    step); OpenBLAS splits those over its threads, which busy-wait between steps. In the
    forked workers of ``kg build`` (two processes, each with a pool of threads, on two
    cores) that made a day's build five times slower, so the tagger runs single-threaded
    (as ``threadpoolctl`` would do, without the dependency).
    """
    import ctypes

    try:
        with open("/proc/self/maps", encoding="utf-8") as f:
            libs = sorted({line.split()[-1] for line in f if "openblas" in line.lower() and "/" in line})
    except OSError:
        return None
    for lib in libs:
        try:
            dll = ctypes.CDLL(lib)
        except OSError:
            continue
        for prefix, suffix in (("scipy_", "64_"), ("scipy_", ""), ("", ""), ("", "64_")):
            getter = getattr(dll, f"{prefix}openblas_get_num_threads{suffix}", None)
            setter = getattr(dll, f"{prefix}openblas_set_num_threads{suffix}", None)
            if getter is not None and setter is not None:
                return getter, setter
    return None


class _OneBlasThread:
    def __enter__(self):
        self.api = _blas_threads()
        if self.api is not None:
            self.before = self.api[0]()
            if self.before != 1:
                self.api[1](1)
        return self

    def __exit__(self, *exc):
        if self.api is not None and self.before != 1:
            self.api[1](self.before)


def _text(a) -> list[str]:
    return bytes(a).decode("utf-8").split("\n")


class NeuralTagger:
    def __init__(self, z: Mapping[str, np.ndarray]) -> None:
        self.labels = _text(z["labels"])
        self.emb_index = {w: k + 1 for k, w in enumerate(_text(z["words"]))}
        vectors = z["vectors"].astype(np.float32)
        self.vectors = np.vstack([np.zeros((1, vectors.shape[1]), np.float32), vectors])
        self.feat_index = {f: k for k, f in enumerate(_text(z["feats"]))}
        self.bag = z["bag"].astype(np.float32)
        f32 = np.float32
        self.w_ih = np.concatenate([z["w_ih"], z["w_ih_r"]]).T.astype(f32)  # input → 8H
        self.b = np.concatenate([z["b"], z["b_r"]]).astype(f32)
        self.w_hh = z["w_hh"].T.astype(f32).copy()
        self.w_hh_r = z["w_hh_r"].T.astype(f32).copy()
        self.hidden = self.w_hh.shape[0]
        self.out_w = z["out_w"].T.astype(f32).copy()
        self.out_b = z["out_b"].astype(f32)
        self.trans = z["trans"].astype(f32)
        self.start = z["start"].astype(f32)
        self.end = z["end"].astype(f32)
        h = self.hidden
        # Gate order i, f, g, o (torch); sigmoid(x) = (1 + tanh(x / 2)) / 2, so one tanh per step.
        self._scale = np.full(4 * h, 0.5, dtype=f32)
        self._scale[2 * h : 3 * h] = 1.0
        self._scale2 = np.concatenate([self._scale, self._scale])
        self._w_hh2 = np.zeros((2 * h, 8 * h), dtype=f32)  # block-diagonal: both directions
        self._w_hh2[:h, : 4 * h] = self.w_hh
        self._w_hh2[h:, 4 * h :] = self.w_hh_r
        self._ids: dict[str, int] = {}
        self._table = np.zeros((1 << 12, 8 * h), dtype=f32)  # row 0: padding
        self._n = 1

    @classmethod
    def load(cls, path) -> NeuralTagger:
        with np.load(path) as z:
            return cls(z)

    def _fill(self, words: list[str], first: int) -> None:
        emb_rows = np.empty(len(words), dtype=np.int64)
        feat_ids: list[int] = []
        starts: list[int] = []
        emb_index, feat_index = self.emb_index, self.feat_index
        for k, word in enumerate(words):
            norm = normalize(word) or word
            emb_rows[k] = emb_index.get(norm) or emb_index.get(stem(norm)) or 0
            starts.append(len(feat_ids))
            ids = [i for i in map(feat_index.get, word_features(word)[0]) if i is not None]
            feat_ids.extend(ids or [0])
        bag = np.add.reduceat(self.bag[np.asarray(feat_ids)], np.asarray(starts), axis=0)
        x = np.concatenate([self.vectors[emb_rows], bag], axis=1)
        self._table[first : first + len(words)] = x @ self.w_ih + self.b

    def forget(self) -> None:
        """Empty the per-form table (it refills on use; see ``kg.extract.ner.forget_word_tables``)."""
        self._ids.clear()
        self._n = 1

    def _row_ids(self, sentences: list[list[str]]) -> list[list[int]]:
        if self._n > 1 << 17:  # bound the memory (512 floats a form) on endless input: start over
            self.forget()
        first = self._n
        out, new = word_rows(self._ids, first, sentences)
        if new:
            self._table = grown(self._table, first + len(new))
            self._fill(new, first)
            self._n = first + len(new)
        return out

    def _bilstm(self, g):
        """Both directions in one loop over pre-projected inputs ``g`` (batch x time x 8H,
        the backward half already reversed per sentence): one matmul and one tanh a step."""
        m, t, _ = g.shape
        hd = self.hidden
        h = np.zeros((m, 2 * hd), np.float32)
        c = np.zeros((m, 2, hd), np.float32)
        out = np.empty((m, t, 2 * hd), np.float32)
        scale, w_hh = self._scale2, self._w_hh2
        for i in range(t):
            a = np.tanh((g[:, i] + h @ w_hh) * scale).reshape(m, 2, 4, hd)
            c = 0.5 * ((1 + a[:, :, 1]) * c + (1 + a[:, :, 0]) * a[:, :, 2])
            h = (0.5 * (1 + a[:, :, 3]) * np.tanh(c)).reshape(m, 2 * hd)
            out[:, i] = h
        return out

    def emissions(self, sentences: list[list[str]]):
        lengths = np.asarray([len(s) for s in sentences])
        m, width = len(sentences), int(lengths.max())
        ids = np.zeros((m, width), dtype=np.int64)
        for r, row in enumerate(self._row_ids(sentences)):
            ids[r, : len(row)] = row
        # Backward: each sentence reversed within its own length (pads stay at the end).
        pos = np.arange(width)[None, :]
        rev = np.where(pos < lengths[:, None], lengths[:, None] - 1 - pos, pos)
        four = 4 * self.hidden
        g = self._table[ids]
        g[:, :, four:] = self._table[np.take_along_axis(ids, rev, axis=1), four:]
        h = self._bilstm(g)
        hd = self.hidden
        h[:, :, hd:] = np.take_along_axis(h[:, :, hd:], rev[:, :, None], axis=1)
        e = h @ self.out_w + self.out_b
        return e, lengths

    def tag_many(self, sentences: list[list[str]]) -> list[list[str]]:
        with _OneBlasThread():
            return by_length(sentences, self._tag)

    def _tag(self, todo: list[list[str]]) -> list[list[str]]:
        e, lens = self.emissions(todo)
        return viterbi(todo, e, lens, self.trans, self.labels, self.start, self.end)

    def tag(self, words: list[str]) -> list[str]:
        return self.tag_many([words])[0]


class EnsembleTagger:
    """The BiLSTM-CRF and the feature CRF decoded as one model: their tag scores and
    transitions are added (a product of the two CRFs' distributions, equal weights)."""

    def __init__(self, neural: NeuralTagger, crf: CRFTagger):
        self.neural, self.crf = neural, crf
        self.labels = neural.labels
        perm = np.asarray([crf.labels.index(x) for x in neural.labels])
        self._perm = perm
        self.trans = neural.trans + crf.transitions[np.ix_(perm, perm)].astype(np.float32)

    def tag_many(self, sentences: list[list[str]]) -> list[list[str]]:
        with _OneBlasThread():
            return by_length(sentences, self._tag)

    def _tag(self, todo: list[list[str]]) -> list[list[str]]:
        e, lens = self.neural.emissions(todo)
        e2, _ = self.crf.emissions(todo)
        e = e + e2[:, :, self._perm]
        return viterbi(todo, e, lens, self.trans, self.labels, self.neural.start, self.neural.end)

    def tag(self, words: list[str]) -> list[str]:
        return self.tag_many([words])[0]


@lru_cache(maxsize=1)
def load_tagger() -> NeuralTagger:
    """The shipped BiLSTM-CRF (``kg/extract/ner/model/neural.npz``), loaded once per process."""
    from importlib.resources import as_file

    from kg.extract.ner.crf import _model_path

    res = _model_path(MODEL_FILE)
    if not res.is_file():
        raise RuntimeError(
            "the neural NER model is not installed in kg/extract/ner/model/; train it with: "
            "python training/train_neural_ner.py ../shared --install"
        )
    with as_file(res) as path:
        return NeuralTagger.load(path)


class NeuralRecogniser(CRFRecogniser):
    """Same text interface as the CRF recogniser, the BiLSTM-CRF tagger underneath; with
    ``ensemble=True`` (the registry's ``model``) the shipped CRF is decoded with it."""

    name = "model"

    def __init__(
        self, path: str | Path | None = None, crf_path: str | Path | None = None, ensemble: bool = False
    ) -> None:
        tagger = load_tagger() if path is None else NeuralTagger.load(path)
        self.tagger = tagger
        if ensemble:
            from kg.extract.ner import crf

            other = crf.load_tagger() if crf_path is None else crf.Tagger.load(crf_path)
            self.tagger = EnsembleTagger(tagger, other)
