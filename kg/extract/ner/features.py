"""Gazetteer and trigger classes of a word, for the statistical recogniser's features.

``word_features(text) -> (bare, classes)``: ``bare`` is the normalised form
(``kg.arabic.normalize``) with the article and, where the remainder is a known place or
name, proclitics stripped (``وبطرابلس`` → ``طرابلس``); ``classes`` is a string of letters:
``P`` (a place in the gazetteer), ``p`` (the first word of a multi-word place), ``T`` (a
post or honorific: ``الرئيس``، ``الشيخ``), ``O`` (organisation head: ``وزارة``), ``N`` (first
word of a known full name), ``L`` (name link: ``بن``، ``أبو``), ``D`` (a nationality
adjective: ``الفرنسي`` before ``لويس ساها``), ``C`` (the word carries a proclitic), or ``-``.

The gazetteer and trigger lists are CLDR/GeoNames, the PETRARCH actor dictionary and the
project's vocab lists; no ANERcorp dev-split labels reach them (``lexicon.tsv``, which
filters the known names, is built from the training part only).
"""

from __future__ import annotations

from functools import lru_cache

from kg import lexicon
from kg.arabic.normalize import normalize
from kg.arabic.tokens import bare_forms

# ``والرياض``, ``بالمدينة``: a proclitic and the article, the stem after them.
_PROCLITIC_ARTICLES = lexicon.raw("PROCLITIC_ARTICLES")


@lru_cache(maxsize=1)
def _lists() -> dict[str, frozenset[str]]:
    from kg.lexicon import vocab
    from kg.lexicon.gazetteer import place_first_words, places

    table = places()
    single = frozenset(k for k in table if " " not in k)
    first = frozenset(place_first_words())
    names = frozenset(_model_names())
    titles = frozenset(vocab.TITLE_HEADS) | frozenset(vocab.TITLE_WORDS) | frozenset(vocab.HONORIFICS)
    titles = frozenset(t for t in titles if " " not in t)
    orgs = frozenset(t for t in vocab.ORG_HEADS if " " not in t)
    links = frozenset(vocab.NAME_LINKS)
    stops = frozenset(vocab.STOP_WORDS)
    demonyms = frozenset(vocab.DEMONYMS)
    return {
        "place": single,
        "place_first": first,
        "name": names,
        "title": titles,
        "org": orgs,
        "link": links,
        "stop": stops,
        "demonym": demonyms,
        "known": single | names,  # built once: a set union per word was the hot spot
    }


def _model_names() -> set[str]:
    """First words of the known full names in the model's own list.

    ``model/known_names.txt``, not ``kg/lexicon/tables/known_names.txt``: the rules' copy is
    filtered with ANERcorp counts that include the dev split; this one with the training
    part only (``training/build_names.py --lexicon``), so the dev score stays honest.
    """
    from importlib import resources

    text = resources.files("kg.extract.ner").joinpath("model/known_names.txt").read_text(encoding="utf-8")
    return {line.split()[0] for line in text.splitlines() if line and not line.startswith("#")}


def _strip_article(s: str) -> str:
    return s[2:] if s.startswith("ال") and len(s) > 4 else s


@lru_cache(maxsize=1 << 18)
def word_features(text: str) -> tuple[str, str]:
    """(norm, classes) of one token."""
    norm = normalize(text)
    if not norm or not norm[0].isalpha():
        return norm or text, ""
    lists = _lists()
    known = lists["known"]
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
            for pre in _PROCLITIC_ARTICLES:
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
    if stem in lists["demonym"] or norm in lists["demonym"]:
        classes.append("D")
    if clitic:
        classes.append("C")
    return bare, "".join(classes) or "-"
