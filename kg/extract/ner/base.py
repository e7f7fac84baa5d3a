"""The recogniser interface (``text -> [(start, end, label), ...]``) and the sentence-batched
tagger both shipped models decode with (``CRFRecogniser``; ``kg.extract.ner.neural`` builds
on it)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Protocol

from kg.arabic.tokens import sentence_spans
from kg.extract.ner import crf
from kg.extract.ner.conll import bio_spans
from kg.extract.ner.consistency import propagate
from kg.extract.ner.crf import split_words
from kg.model import Kind

Span3 = tuple[int, int, str]
LABELS = ("PERS", "LOC", "ORG", "MISC")
KIND_LABEL: dict[Kind, str] = {"person": "PERS", "place": "LOC", "organization": "ORG"}
LABEL_KIND: dict[str, Kind] = {"PERS": "person", "LOC": "place", "ORG": "organization"}


class Recogniser:
    """Base class: ``__call__`` on one text; ``pipe`` on many (backends may batch)."""

    name = "base"

    def __call__(self, text: str) -> list[Span3]:
        raise NotImplementedError

    def pipe(self, texts: Iterable[str]) -> Iterator[list[Span3]]:
        for text in texts:
            yield self(text)

    def pipe_documents(self, texts: Iterable[str]) -> list[list[Span3]]:
        """One answer per text, each the answer of ``self(text)`` (batched where it can be)."""
        return [self(text) for text in texts]


class SentenceTagger(Protocol):
    """What ``CRFRecogniser`` decodes with: BIO tags of tokenised sentences, a batch at a time
    (the CRF, the BiLSTM-CRF, or both as one ensemble)."""

    def tag_many(self, sentences: list[list[str]]) -> list[list[str]]: ...


class CRFRecogniser(Recogniser):
    """The shipped CRF (``kg.extract.ner.crf``), or the one at ``path`` (for training runs)."""

    name = "crf"
    consistent = True

    def __init__(self, path: str | Path | None = None) -> None:
        self.tagger: SentenceTagger = crf.load_tagger() if path is None else crf.Tagger.load(path)

    def __call__(self, text: str) -> list[Span3]:
        return next(iter(self.pipe([text])))

    def pipe(self, texts: Iterable[str]) -> Iterator[list[Span3]]:
        """All sentences of ``texts`` decoded in one batch; then each name found is also
        tagged where the batch repeats it untagged (``kg.extract.ner.consistency``): over
        the whole file in ``kg eval ner``."""
        texts = list(texts)
        yield from self._spans(texts, [0] * len(texts))

    def pipe_documents(self, texts: Iterable[str]) -> list[list[Span3]]:
        """As ``pipe``, but each text is its own document for the repeat pass (articles in
        ``kg build``): decoded together for speed, the answers are those of one call each."""
        texts = list(texts)
        return list(self._spans(texts, list(range(len(texts)))))

    def _spans(self, texts: list[str], groups: list[int]) -> Iterator[list[Span3]]:
        # Sentence by sentence, as the model was trained (the window stops at the full
        # stop).
        sents, owner = [], []
        for n, text in enumerate(texts):
            for s, e in sentence_spans(text):
                spans = [(s + a, s + b) for a, b in split_words(text[s:e])]
                if spans:
                    sents.append(spans)
                    owner.append(n)
        words = [[texts[n][a:b] for a, b in spans] for n, spans in zip(owner, sents, strict=True)]
        tagged = self.tagger.tag_many(words)
        if self.consistent:
            members: dict[int, list[int]] = {}
            for k, n in enumerate(owner):
                members.setdefault(groups[n], []).append(k)
            for ks in members.values():
                rows = propagate([words[k] for k in ks], [tagged[k] for k in ks])
                for k, row in zip(ks, rows, strict=True):
                    tagged[k] = row
        out: list[list[Span3]] = [[] for _ in texts]
        for n, spans, tags in zip(owner, sents, tagged, strict=True):
            for first, end, label in bio_spans(tags):
                out[n].append((spans[first][0], spans[end - 1][1], label))
        for found in out:
            yield sorted(found)
