"""Persons that name no one: what the recogniser read as a person and the corpus tied to no one.

A person known, after resolution across the whole corpus, only by one given name (``أحمد``,
``سالم``: a name cut after its first word, or a first-name reference nothing ties to anyone)
or by one word with the article (``الاستشاري``, ``الميليشيات``, ``الاحتراف`` after ``مدير``: a
common word read after a post) is no node an analyst can use, and as a principal of an
event it misleads. Such persons leave the graph, and with them their roles in events.

This runs after resolution, not inside one article: there a short form (``الأسد``,
``هادي``) is often the person the corpus names in full, which resolution finds. A post alone
(``وزير الخارجية``) is kept: resolution finds who held it.
"""

from __future__ import annotations

from functools import lru_cache

from kg.arabic.names import name_key
from kg.arabic.normalize import normalize
from kg.lexicon import vocab
from kg.lexicon.gazetteer import known_names
from kg.model import Entity


def names_no_one(entity: Entity) -> bool:
    """Every name of this person is one word: a given name with no post or rank, or a word
    with ``ال`` and neither a rank nor a post of a country or body.

    A post or rank tells who a given name is (``الملك سلمان``, ``الأمير فيصل``); a post
    before a word with ``ال`` is where the junk comes from (``مدير الاحتراف``, ``قائد
    الميليشيات``), only a rank (``الشيخ``, ``اللواء``) names someone there.
    """
    if entity.kind != "person":
        return False
    keys = [name_key(n) for n in (entity.label, *entity.aliases)]
    if any(len(k.split()) != 1 for k in keys):
        return False  # a post alone has a label of several words, and so has a full name
    titles = [normalize(t.title).split() for t in entity.titles]
    # A rank, or a post of a country or body (``وزير الخارجية الفلسطيني``), names an office
    # holder: resolution can tell who.
    ranked = any(words and words[0] in vocab.TITLE_WORDS for words in titles) or any(
        t.affiliation for t in entity.titles
    )
    if all(k.startswith("ال") for k in keys):
        return not ranked
    return not any(titles) and all(_given_name(k) or k.startswith("ال") for k in keys)


def _given_name(key: str) -> bool:
    """A word people are called by first (``سالم``), never a family name alone (``بوش``,
    ``هادي``, ``خامنئي`` are short forms resolution may tie to someone)."""
    return key in vocab.GIVEN_NAMES or key in _first_words_only()


@lru_cache(maxsize=1)
def _first_words_only() -> frozenset[str]:
    """First words of the actor dictionary's full names that never end one."""
    full = [words for names in known_names().values() for words in names if len(words) > 1]
    return frozenset(w[0] for w in full) - frozenset(w[-1] for w in full)


def nameless_ids(entities: list[Entity]) -> frozenset[str]:
    """The ids of the persons that name no one."""
    return frozenset(e.id for e in entities if names_no_one(e))
