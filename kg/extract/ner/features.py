"""The tokenizer of the statistical recogniser, with clitic-aware features.

The shipped spaCy pipeline uses this tokenizer (registered as
``hadath.ar_tokenizer.v1``): words and punctuation as ``kg.arabic.tokens.tokenize``
splits them, and two token attributes the tok2vec layer embeds:

- ``NORM``: the normalised form (``kg.arabic.normalize``) with the article and, where the
  remainder is a known place or name, proclitics stripped: ``وبطرابلس`` → ``طرابلس``,
  ``والرئيس`` → ``رئيس``; so the clitic form shares the bare word's embedding.
- ``LEMMA`` (re-used as a free feature slot): gazetteer/trigger classes of the word,
  e.g. ``P`` (a place in the gazetteer, or the first word of one), ``T`` (a post or
  honorific: ``الرئيس``، ``الشيخ``), ``O`` (organisation head: ``وزارة``), ``N`` (first word of
  a known full name), ``L`` (name link: ``بن``، ``أبو``), ``C`` (the word carries a proclitic).

The gazetteer and trigger lists are CLDR/GeoNames and the project's vocab lists; no
ANERcorp label counts are used as features.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc
from spacy.util import registry

from kg.arabic.normalize import normalize
from kg.arabic.tokens import bare_forms

# Same word pattern as kg.arabic.tokens, plus: anything not a space is a token.
_TOKEN = re.compile(r"[\w\u0610-\u061A\u064B-\u065F\u0670\u0640\u06D6-\u06ED]+|[^\w\s]", re.UNICODE)


@lru_cache(maxsize=1)
def _lists() -> dict[str, frozenset[str]]:
    from kg.extract import vocab
    from kg.extract.resources import known_names, place_first_words, places

    table = places()
    single = frozenset(k for k in table if " " not in k)
    first = frozenset(place_first_words())
    names = frozenset(known_names())
    titles = frozenset(vocab.TITLE_HEADS) | frozenset(vocab.TITLE_WORDS) | frozenset(vocab.HONORIFICS)
    titles = frozenset(t for t in titles if " " not in t)
    orgs = frozenset(t for t in vocab.ORG_HEADS if " " not in t)
    links = frozenset(vocab.NAME_LINKS)
    stops = frozenset(vocab.STOP_WORDS)
    return {
        "place": single,
        "place_first": first,
        "name": names,
        "title": titles,
        "org": orgs,
        "link": links,
        "stop": stops,
    }


def _strip_article(s: str) -> str:
    return s[2:] if s.startswith("ال") and len(s) > 4 else s


@lru_cache(maxsize=1 << 18)
def word_features(text: str) -> tuple[str, str]:
    """(norm, classes) of one token."""
    norm = normalize(text)
    if not norm or not norm[0].isalpha():
        return norm or text, ""
    lists = _lists()
    known = lists["place"] | lists["name"]
    stem = norm
    clitic = False
    if norm not in known and norm not in lists["stop"]:
        for prefix, cand in bare_forms(norm)[1:]:
            if (
                cand in known
                or _strip_article(cand) in known
                or cand in lists["title"]
                or cand in lists["org"]
            ):
                stem, clitic = cand, bool(prefix.replace("ال", ""))
                break
        else:
            for pre in ("وال", "فال", "بال", "كال"):
                if norm.startswith(pre) and len(norm) > len(pre) + 2:
                    stem, clitic = norm[1:], True
                    break
            else:
                if norm.startswith("لل") and len(norm) > 4:
                    stem, clitic = "ال" + norm[2:], True
    bare = _strip_article(stem)
    classes = []
    if stem in lists["place"] or bare in lists["place"]:
        classes.append("P")
    elif stem in lists["place_first"]:
        classes.append("p")
    if stem in lists["title"] or bare in lists["title"]:
        classes.append("T")
    if stem in lists["org"] or bare in lists["org"]:
        classes.append("O")
    if stem in lists["name"]:
        classes.append("N")
    if stem in lists["link"]:
        classes.append("L")
    if clitic:
        classes.append("C")
    return bare, "".join(classes) or "-"


def split_words(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _TOKEN.finditer(text)]


def set_features(doc: Doc) -> Doc:
    for tok in doc:
        norm, classes = word_features(tok.text)
        tok.norm_ = norm
        tok.lemma_ = classes
    return doc


class HadathTokenizer:
    """Regex tokenizer (words, single punctuation marks) that also sets the features."""

    def __init__(self, vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        spans = split_words(text)
        words = [text[s:e] for s, e in spans]
        spaces = [e < len(text) and text[e].isspace() for _, e in spans]
        # Keep doc.text identical to ``text`` as long as gaps are single spaces; offsets
        # are mapped by the recogniser from token positions in any case.
        return set_features(Doc(self.vocab, words=words, spaces=spaces))

    def pipe(self, texts, batch_size=1000):
        for t in texts:
            yield self(t)

    # Nothing to save: the tokenizer is code.
    def to_bytes(self, **kwargs):
        return b""

    def from_bytes(self, data, **kwargs):
        return self

    def to_disk(self, path, **kwargs):
        pass

    def from_disk(self, path, **kwargs):
        return self


@registry.tokenizers("hadath.ar_tokenizer.v1")
def create_tokenizer():
    def make(nlp):
        return HadathTokenizer(nlp.vocab)

    return make
