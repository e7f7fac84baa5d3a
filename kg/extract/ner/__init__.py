"""Entity recognisers behind one interface, spaCy-style: a small registry of backends.

A recogniser maps ``text -> [(start, end, label), ...]``: character spans into ``text``
(end exclusive), sorted, with ``label`` one of ``PERS``, ``LOC``, ``ORG``, ``MISC``.

- ``rules``: ``kg.extract.mentions.find_mentions`` (posts before names, gazetteer places,
  organisation heads); never says MISC.
- ``model``: the shipped statistical tagger, loaded once: the BiLSTM-CRF
  (``kg.extract.ner.neural``, ``training/train_neural_ner.py``) and the linear-chain CRF
  decoded together (their tag scores added; numpy only). ``kg build`` uses it by default,
  on top of the rules (``kg.extract.ner.found``).
- ``crf``: the linear-chain CRF alone (``kg.extract.ner.crf``, ``training/train_ner.py``);
  faster, about 2 F1 points lower on the ANERcorp dev split.
- ``combined``: the model's spans, plus the rules' persons that overlap none of them.
- ``camel``: CAMeL Tools' BERT NER, when ``camel_tools`` and its ``ner-arabert`` data are
  installed (``pip install -e .[camel]`` then ``camel_data -i ner-arabert``).

    from kg.extract.ner import get_recogniser
    get_recogniser("model")("قال الرئيس الفرنسي إيمانويل ماكرون في باريس")
    # [(19, 34, 'PERS'), (38, 43, 'LOC')]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import cache

from kg.extract.ner.base import KIND_LABEL, LABEL_KIND, LABELS, CRFRecogniser, Recogniser, Span3

__all__ = [
    "KIND_LABEL",
    "LABELS",
    "LABEL_KIND",
    "CRFRecogniser",
    "Recogniser",
    "Span3",
    "build_backend",
    "get_recogniser",
    "names",
    "register",
]

_FACTORIES: dict[str, Callable[[], Recogniser]] = {}


def register(name: str):
    """Decorator: ``@register("rules")`` on a zero-argument factory of a recogniser."""

    def deco(factory):
        _FACTORIES[name] = factory
        return factory

    return deco


def names() -> list[str]:
    return sorted(_FACTORIES)


def build_backend(ner: str) -> str:
    """The recogniser ``kg build --ner`` runs on top of the rules: ``combined`` is the model
    (the build always keeps the rules' mentions and adds the backend's)."""
    return "model" if ner == "combined" else ner


@cache
def get_recogniser(name: str) -> Recogniser:
    """The recogniser registered under ``name`` (built once per process)."""
    factory = _FACTORIES.get(name)
    if factory is None:
        raise ValueError(f"unknown recogniser {name!r}; choose one of: {', '.join(names())}")
    return factory()


def forget_word_tables() -> None:
    """Empty the per-word score tables of the shipped taggers loaded in this process.

    They are caches, filled in two steps (a form gets a row number, then its row); after
    an interrupt between the two (``kg.extract.budget``'s timer) a row could be another
    form's. Emptied, they refill on the next call with the same answers."""
    from kg.extract.ner import crf, neural

    for loader in (crf.load_tagger, neural.load_tagger):
        if loader.cache_info().currsize:
            loader().forget()


# ---------------------------------------------------------------- rules


class RulesRecogniser(Recogniser):
    name = "rules"

    def __call__(self, text: str) -> list[Span3]:
        from kg.arabic.tokens import sentence_spans, tokenize
        from kg.extract.mentions import find_mentions

        out: set[Span3] = set()
        for s, e in sentence_spans(text):
            toks = tokenize(text[s:e], s)
            for f in find_mentions(toks):
                if f.title_only:
                    continue
                label = KIND_LABEL.get(f.kind)
                start = f.start
                if f.title and f.kind == "person":
                    # The span covers the post (``الرئيس الفرنسي ماكرون``); the entity is
                    # the name: its last words, as many as the name has.
                    k = len(f.name.split())
                    inside = [t for t in toks if f.start <= t.start and t.end <= f.end and t.is_word]
                    if 0 < k <= len(inside):
                        start = max(start, inside[-k].start)
                if label and f.end > start:
                    out.add((start, f.end, label))
        return _no_overlaps(sorted(out))


@register("rules")
def _rules() -> Recogniser:
    return RulesRecogniser()


# ---------------------------------------------------------------- model


@register("crf")
def _crf() -> Recogniser:
    return CRFRecogniser()


@register("model")
def _model() -> Recogniser:
    from kg.extract.ner.neural import NeuralRecogniser

    return NeuralRecogniser(ensemble=True)


# ---------------------------------------------------------------- combined


class CombinedRecogniser(Recogniser):
    """The model's spans, plus the rules' persons that overlap none of them.

    Only persons: the rules find names after posts (``وزير الدفاع التركي خلوصي أكار``) that
    the model misses, while their places and organisations cost the model precision on
    the ANERcorp dev split (see ``kg/extract/ner/model/README.md``).
    """

    name = "combined"

    def __init__(self, model: Recogniser, rules: Recogniser, labels: tuple[str, ...] = ("PERS",)):
        self.model, self.rules, self.labels = model, rules, labels

    def _extra(self, text: str) -> list[Span3]:
        return [x for x in self.rules(text) if x[2] in self.labels]

    def __call__(self, text: str) -> list[Span3]:
        return merge(self.model(text), self._extra(text))

    def pipe(self, texts: Iterable[str]) -> Iterator[list[Span3]]:
        texts = list(texts)
        for text, spans in zip(texts, self.model.pipe(texts), strict=True):
            yield merge(spans, self._extra(text))


def merge(primary: list[Span3], secondary: list[Span3]) -> list[Span3]:
    out = list(primary)
    for s, e, label in secondary:
        if not any(s < pe and ps < e for ps, pe, _ in primary):
            out.append((s, e, label))
    return sorted(out)


@register("combined")
def _combined() -> Recogniser:
    return CombinedRecogniser(get_recogniser("model"), get_recogniser("rules"))


# ---------------------------------------------------------------- camel

CAMEL_INSTALL = (
    "the 'camel' recogniser needs CAMeL Tools and its NER model: "
    "pip install -e .[camel]  then  camel_data -i ner-arabert"
)


class CamelRecogniser(Recogniser):
    name = "camel"

    def __init__(self):
        try:
            from camel_tools.ner import NERecognizer
            from camel_tools.tokenizers.word import simple_word_tokenize
        except ImportError as exc:
            raise RuntimeError(CAMEL_INSTALL + f" (camel_tools is not importable: {exc})") from None
        try:
            self._ner = NERecognizer.pretrained()
        except Exception as exc:  # data not downloaded: camel_tools raises its own types
            raise RuntimeError(CAMEL_INSTALL + f" (its NER data is missing: {exc})") from None
        self._tokenize = simple_word_tokenize

    def __call__(self, text: str) -> list[Span3]:
        from kg.arabic.tokens import sentence_spans
        from kg.extract.ner.conll import bio_spans, norm_tag

        out: list[Span3] = []
        for s, e in sentence_spans(text):
            words = self._tokenize(text[s:e])
            offsets, pos = [], s
            for w in words:
                k = text.find(w, pos, e)
                k = pos if k < 0 else k
                offsets.append((k, k + len(w)))
                pos = k + len(w)
            tags = [norm_tag(t) for t in self._ner.predict_sentence(words)]
            for a, b, label in bio_spans(tags):
                out.append((offsets[a][0], offsets[b - 1][1], label))
        return sorted(out)


@register("camel")
def _camel() -> Recogniser:
    return CamelRecogniser()


def _no_overlaps(spans: list[Span3]) -> list[Span3]:
    """Longest first among overlapping spans, then by position."""
    keep: list[Span3] = []
    for s, e, label in sorted(spans, key=lambda x: (-(x[1] - x[0]), x[0])):
        if not any(s < ke and ks < e for ks, ke, _ in keep):
            keep.append((s, e, label))
    return sorted(keep)


__all__ = [
    "LABELS",
    "CRFRecogniser",
    "Recogniser",
    "build_backend",
    "forget_word_tables",
    "get_recogniser",
    "merge",
    "names",
    "register",
]
