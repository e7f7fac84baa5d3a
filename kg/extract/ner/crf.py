"""The linear-chain CRF recogniser: hand-made Arabic features, python-crfsuite for tagging.

Why a CRF: on ANERcorp it is both stronger than the small spaCy CNN we shipped before and
an order of magnitude faster (tagging is C; the features are cached per word form), fast
enough to be the default backend of ``kg build``.

Each token is described by (see ``word_features``):

- its normalised form (``kg.arabic.normalize``) and its *stem*: the form with proclitics
  (و ف ب ل ك and the article ال) stripped, so ``وبطرابلس`` shares evidence with ``طرابلس``;
- prefixes and suffixes of 1-3 letters of the form and the stem, length, digits, punctuation;
- word clusters: k-means ids (3 granularities) over word2vec vectors of SaudiNewsNet,
  for the form and the stem (``training/build_clusters.py``); these carry names never seen
  in ANERcorp next to the names that were;
- gazetteer/trigger classes of ``kg.extract.ner.features.word_features``: place (GeoNames,
  CLDR), post or honorific (``الرئيس``، ``الشيخ``), organisation head (``وزارة``), first word
  of a known full name (PETRARCH), name link (``بن``، ``أبو``);

and the model sees them on a window of two tokens either side, plus word bigrams.
Trained by ``training/train_ner.py``; package data in ``kg/extract/ner/model/``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from kg.arabic.normalize import normalize

if TYPE_CHECKING:
    from importlib.abc import Traversable  # what resources.files gives (Python 3.10 on)

# Words (letters, digits, marks) or single non-space characters (punctuation).
_TOKEN = re.compile(r"[\w\u0610-\u061A\u064B-\u065F\u0670\u0640\u06D6-\u06ED]+|[^\w\s]", re.UNICODE)
_CONJ = "وف"
_PREP = "بلك"
MODEL_FILE = "ner.npz"
OFFSETS = (-2, -1, 1, 2)
_OFFSET_NAMES = {str(d): d for d in OFFSETS}
CLUSTER_FILE = "clusters.tsv"


def split_words(text: str) -> list[tuple[int, int]]:
    """Character spans of the tokens the recogniser tags."""
    return [(m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _model_path(name: str) -> Traversable:
    return resources.files("kg.extract.ner").joinpath("model").joinpath(name)


@lru_cache(maxsize=1)
def ranks() -> dict[str, int]:
    """Normalised word → its frequency rank in raw news (the cluster table is in that order)."""
    return {w: k for k, w in enumerate(clusters())}


@lru_cache(maxsize=1)
def definite_counts() -> dict[str, int]:
    """Bare word → how often ``ال`` + word occurs in SaudiNewsNet (``lexicon.tsv`` DEF column).

    Only that column: the other columns count ANERcorp labels, which the CRF learns itself.
    """
    from kg.lexicon.gazetteer import word_stats

    return {w: s.definite for w, s in word_stats().items() if s.definite}


@lru_cache(maxsize=1)
def clusters() -> dict[str, tuple[str, ...]]:
    """Normalised word → its cluster ids, one per granularity (empty when not shipped)."""
    path = _model_path(CLUSTER_FILE)
    if not path.is_file():
        return {}
    table: dict[str, tuple[str, ...]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        word, *ids = line.split("\t")
        table[word] = tuple(ids)
    return table


def stem(norm: str) -> str:
    """The normalised form without proclitics: ``وبالمدينة`` → ``مدينة``, ``للدفاع`` → ``دفاع``.

    Blind stripping (no lexicon): a conjunction, then a preposition, then the article, each
    only while at least three letters remain; the CRF weighs the stem against the form.
    """
    rest = norm
    if len(rest) > 4 and rest[0] in _CONJ:
        rest = rest[1:]
    if rest.startswith("لل") and len(rest) > 4:
        return rest[2:]
    if len(rest) > 4 and rest[0] in _PREP and rest[1:3] == "ال":
        rest = rest[1:]
    if rest.startswith("ال") and len(rest) > 4:
        rest = rest[2:]
    return rest


@lru_cache(maxsize=1 << 18)
def word_features(word: str) -> tuple[tuple[str, ...], tuple[str, ...], str]:
    """(features of the token itself, features its neighbours see, bigram key) of a form.

    Cached per form: news text repeats words, so most tokens cost one dict lookup.
    """
    from kg.extract.ner.features import word_features as gazetteer_classes

    norm = normalize(word) or word
    own: list[str] = []
    ctx: list[str] = []
    if not norm[0].isalnum():
        own.append("punct=" + norm)
        # Quotes and brackets frame names of papers, firms and clubs: « الشرق الأوسط ».
        ctx.append("w=" + norm)
        return tuple(own), tuple(ctx), norm
    if norm.isdigit():
        own.append("digit")
        ctx.append("w=<num>")
        return tuple(own), tuple(ctx), "<num>"
    st = stem(norm)
    own += ["w=" + norm, "st=" + st, "len=" + str(min(len(st), 8))]
    if not any("\u0621" <= ch <= "\u064a" for ch in norm):
        own.append("latin" if norm.isascii() else "other")
    if any(ch.isdigit() for ch in norm):
        own.append("hasdigit")
    for k in (1, 2, 3, 4):
        if len(norm) > k and k < 4:
            own += [f"p{k}=" + norm[:k], f"s{k}=" + norm[-k:]]
        if len(st) > k:
            own += [f"sp{k}=" + st[:k], f"ss{k}=" + st[-k:]]
    # How common the stem is in raw news, and how often it takes the article there: names
    # are rare-ish and never definite (``الشرعية`` is a noun, ``النمروش`` a name).
    rank = ranks().get(norm, ranks().get(st))
    own.append("freq=" + (str(min(rank.bit_length(), 16)) if rank is not None else "none"))
    stats = definite_counts().get(st, 0)
    own.append("def=" + str(min(len(str(stats)), 4) if stats else 0))
    if st != norm:
        own.append("clitic=" + norm[: len(norm) - len(st)])
    table = clusters()
    for tag, form in (("c", norm), ("sc", st)):
        ids = table.get(form)
        if ids:
            own += [f"{tag}{g}={c}" for g, c in enumerate(ids)]
            ctx += [f"{tag}{g}={c}" for g, c in enumerate(ids) if g > 0]
        else:
            own.append(tag + "=none")
    _bare, classes = gazetteer_classes(word)
    for ch in classes.strip("-"):
        own.append("g=" + ch)
        ctx.append("g=" + ch)
    ctx += ["w=" + norm, "st=" + st]
    return tuple(own), tuple(ctx), st


def sentence_features(words: list[str]) -> list[list[str]]:
    """CRF items of one sentence: own features, ±2 neighbours' and word bigrams."""
    feats = [word_features(w) for w in words]
    keys = [f[2] for f in feats]
    n = len(words)
    out: list[list[str]] = []
    for i in range(n):
        item = ["bias", *feats[i][0]]
        for d in OFFSETS:
            j = i + d
            if 0 <= j < n:
                item += [f"{d}:{x}" for x in feats[j][1]]
            else:
                item.append(f"{d}:<pad>")
        if i > 0:
            item.append(f"bg-={keys[i - 1]}|{keys[i]}")
        if i + 1 < n:
            item.append(f"bg+={keys[i]}|{keys[i + 1]}")
        out.append(item)
    return out


class Tagger:
    """Viterbi decoding of a crfsuite-trained linear-chain CRF, in numpy.

    Why not ``pycrfsuite.Tagger``: it looks every feature string up in the model for every
    token (~10k tokens/s). Here the weights a word form contributes, to its own position and
    to each neighbour within the window, are summed once per form into rows of a table, so
    a sentence's emission scores are a few fancy-indexed row sums, and the sentences of a
    text are decoded together (one Viterbi step per position for all of them). Scores are
    identical to crfsuite's (state features + label bigram transitions; crfsuite has no
    start/end weights). pycrfsuite is needed only to train.
    """

    def __init__(self, labels: list[str], attrs: list[str], weights, transitions):
        import numpy as np

        self.labels = labels
        self.weights = np.asarray(weights, dtype=np.float64)
        self.transitions = np.asarray(transitions, dtype=np.float64)
        # Attribute rows split by the window slot they belong to: no string formatting per
        # word, and only the attributes the model kept (L1) are looked at.
        self.own: dict[str, int] = {}
        self.ctx: dict[int, dict[str, int]] = {d: {} for d in OFFSETS}
        self.bigram: dict[str, int] = {}
        for k, a in enumerate(attrs):
            head, sep, rest = a.partition(":")
            if sep and head in _OFFSET_NAMES:
                self.ctx[_OFFSET_NAMES[head]][rest] = k
            elif a.startswith(("bg-=", "bg+=")):
                self.bigram[a] = k
            else:
                self.own[a] = k
        n = len(labels)
        self._ids: dict[str, int] = {}
        # Row 0 is the padding beyond either end of a sentence.
        self._table = np.zeros((1 << 12, 1 + len(OFFSETS), n))
        self._keys: list[str] = ["<pad>"]
        self._table[0, 0] = 0.0
        for slot, d in enumerate(OFFSETS, 1):
            pad = self.ctx[d].get("<pad>")
            if pad is not None:
                self._table[0, slot] = self.weights[pad]
        bias = self.own.get("bias")
        self._bias = self.weights[bias] if bias is not None else np.zeros(n)

    @classmethod
    def load(cls, path) -> Tagger:
        import numpy as np

        with np.load(path) as z:
            labels = bytes(z["labels"]).decode("utf-8").split("\n")
            attrs = bytes(z["attrs"]).decode("utf-8").split("\n")
            return cls(labels, attrs, z["weights"], z["transitions"])

    def _fill(self, words: list[str], first: int) -> None:
        """Rows ``first``… of the table for new word forms: their own weights and what each
        neighbour sees of them, summed in one numpy call for the whole batch (a call per
        form and slot cost more than the features themselves)."""
        import numpy as np

        own_index, ctx_index = self.own, self.ctx
        target: list[int] = []
        slots: list[int] = []
        attrs: list[int] = []
        for k, word in enumerate(words, first):
            own, ctx, key = word_features(word)
            self._keys.append(key)
            for r in map(own_index.get, own):
                if r is not None:
                    target.append(k)
                    slots.append(0)
                    attrs.append(r)
            for slot, d in enumerate(OFFSETS, 1):
                for r in map(ctx_index[d].get, ctx):
                    if r is not None:
                        target.append(k)
                        slots.append(slot)
                        attrs.append(r)
        self._table[first : first + len(words)] = 0.0
        if attrs:
            np.add.at(self._table, (np.asarray(target), np.asarray(slots)), self.weights[np.asarray(attrs)])

    def forget(self) -> None:
        """Empty the per-form table (it refills on use; see ``kg.extract.ner.forget_word_tables``)."""
        self._ids.clear()
        del self._keys[1:]

    def _row_ids(self, sentences: list[list[str]]) -> list[list[int]]:
        """Table row of every token; new forms get rows (filled in one batch)."""
        if len(self._keys) > 1 << 19:  # bound the memory on endless input: start over
            self.forget()
        first = len(self._keys)
        out, new = word_rows(self._ids, first, sentences)
        if new:
            self._table = grown(self._table, first + len(new))
            self._fill(new, first)
        return out

    def emissions(self, sentences: list[list[str]]):
        """Scores (sentences x positions x labels), and the sentence lengths."""
        import numpy as np

        lengths = [len(s) for s in sentences]
        width = max(lengths) + 4
        ids = np.zeros((len(sentences), width), dtype=np.int64)  # 2 pads either side
        for r, row in enumerate(self._row_ids(sentences)):
            ids[r, 2 : 2 + len(row)] = row
        t = self._table
        core = ids[:, 2:-2]
        e = t[core, 0] + self._bias
        for slot, d in enumerate(OFFSETS, 1):
            e += t[ids[:, 2 + d : width - 2 + d], slot]
        # Pads inside short sentences: row 0's ``d:<pad>`` weights must come only where the
        # neighbour is really beyond the end, which holds: ids there are 0 (the pad row).
        if self.bigram:
            keys, big, w = self._keys, self.bigram, self.weights
            for r, n in enumerate(lengths):
                rids = ids[r, 2 : 2 + n]
                for i in range(n):
                    if i > 0 and (k := big.get(f"bg-={keys[rids[i - 1]]}|{keys[rids[i]]}")) is not None:
                        e[r, i] += w[k]
                    if i + 1 < n and (k := big.get(f"bg+={keys[rids[i]]}|{keys[rids[i + 1]]}")) is not None:
                        e[r, i] += w[k]
        return e, lengths

    def tag_many(self, sentences: list[list[str]]) -> list[list[str]]:
        """BIO tags of each sentence; all decoded together, one step per position."""
        import numpy as np

        todo = [s for s in sentences if s]
        if not todo:
            return [[] for _ in sentences]
        e, lengths = self.emissions(todo)
        return viterbi(sentences, e, np.asarray(lengths), self.transitions, self.labels)

    def tag(self, words: list[str]) -> list[str]:
        return self.tag_many([words])[0]


def word_rows(
    ids: dict[str, int], first: int, sentences: list[list[str]]
) -> tuple[list[list[int]], list[str]]:
    """Row of every token in a per-form table (``ids`` learns forms not seen yet, numbered
    from ``first``), and the new forms in order, for the caller to fill in one batch."""
    new: list[str] = []
    out = []
    for words in sentences:
        row = []
        for w in words:
            i = ids.get(w)
            if i is None:
                i = ids[w] = first + len(new)
                new.append(w)
            row.append(i)
        out.append(row)
    return out, new


def grown(table, need: int):
    """``table`` with at least ``need`` rows (doubling, so filling stays amortised linear)."""
    import numpy as np

    if need <= len(table):
        return table
    bigger = np.zeros((max(need, 2 * len(table)), *table.shape[1:]), dtype=table.dtype)
    bigger[: len(table)] = table
    return bigger


def by_length(sentences: list[list[str]], tag, size: int = 128, cells: int = 1 << 15) -> list[list[str]]:
    """``tag`` (a batch of non-empty sentences → their tags) run on groups of sentences of
    about the same length, the answers put back in order. A batch is padded to its longest
    sentence: sorted first, a long article's batch wastes little on padding, and the
    per-step work of the BiLSTM runs on matrices of up to ``size`` rows. A group holds at
    most ``cells`` padded tokens (but always one sentence), so that a few unpunctuated
    paragraphs of thousands of words do not multiply the memory by the group's size."""
    out: list[list[str]] = [[] for _ in sentences]
    order = sorted((k for k, s in enumerate(sentences) if s), key=lambda k: len(sentences[k]))
    a = 0
    while a < len(order):
        b = a + 1
        while b < len(order) and b - a < size and (b - a + 1) * len(sentences[order[b]]) <= cells:
            b += 1
        ks = order[a:b]
        for k, tags in zip(ks, tag([sentences[k] for k in ks]), strict=True):
            out[k] = tags
        a = b
    return out


def viterbi(
    sentences: list[list[str]], e, lens, trans, labels: list[str], start=None, end=None
) -> list[list[str]]:
    """Best label paths of a batch: ``e`` holds the scores of the non-empty ``sentences``
    (sentence x position x label, padded), ``lens`` their lengths; ``start``/``end`` are
    optional scores of the first and last label. One step per position for all at once."""
    import numpy as np

    m, width, n = e.shape
    back = np.zeros((m, width, n), dtype=np.int64)
    score = e[:, 0].copy() if start is None else start + e[:, 0]
    for i in range(1, width):
        cand = score[:, :, None] + trans  # sentence x previous label x next label
        best = cand.argmax(axis=1)
        new = np.take_along_axis(cand, best[:, None, :], axis=1)[:, 0] + e[:, i]
        live = lens > i  # finished sentences keep their final scores
        score[live] = new[live]
        back[live, i] = best[live]
    if end is not None:
        score = score + end
    rows = iter(range(m))
    out: list[list[str]] = []
    for s in sentences:
        if not s:
            out.append([])
            continue
        r = next(rows)
        path = [int(score[r].argmax())]
        for i in range(int(lens[r]) - 1, 0, -1):
            path.append(int(back[r, i, path[-1]]))
        out.append([labels[k] for k in reversed(path)])
    return out


def export(crfsuite_model, out) -> None:
    """Convert a crfsuite model file to the shipped numpy form (``ner.npz``)."""
    import numpy as np
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(crfsuite_model))
    info = tagger.info()
    labels = sorted(info.labels, key=info.labels.get)
    lab = {x: k for k, x in enumerate(labels)}
    attrs = sorted({a for a, _ in info.state_features})
    row = {a: k for k, a in enumerate(attrs)}
    weights = np.zeros((len(attrs), len(labels)), dtype=np.float32)
    for (a, y), w in info.state_features.items():
        weights[row[a], lab[y]] = w
    transitions = np.zeros((len(labels), len(labels)), dtype=np.float32)
    for (y0, y1), w in info.transitions.items():
        transitions[lab[y0], lab[y1]] = w
    np.savez_compressed(
        out,
        labels=np.frombuffer("\n".join(labels).encode("utf-8"), dtype=np.uint8),
        attrs=np.frombuffer("\n".join(attrs).encode("utf-8"), dtype=np.uint8),
        weights=weights,
        transitions=transitions,
    )


@lru_cache(maxsize=1)
def load_tagger() -> Tagger:
    """The shipped CRF (``kg/extract/ner/model/ner.npz``), loaded once per process."""
    from importlib.resources import as_file

    res = _model_path(MODEL_FILE)
    if not res.is_file():
        raise RuntimeError(
            "the NER model is not installed in kg/extract/ner/model/; "
            "train it with: python training/train_ner.py ../shared --install"
        )
    with as_file(res) as path:
        return Tagger.load(path)


def tag_words(words: list[str]) -> list[str]:
    """BIO tags of one tokenised sentence."""
    return load_tagger().tag(words)
