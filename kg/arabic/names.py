"""Name keys and name-likeness for Arabic person names.

A *key* is what two spellings of one name share: normalised letters, honorifics
dropped, ``عبد العزيز`` joined as ``عبدالعزيز``, ``ابن`` as ``بن``. A *skeleton*
keeps only consonant classes, so transliterations of one foreign name
(``غولار/جولار/غولر``, ``يشار/ياشار``) meet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.arabic.normalize import normalize
from kg.lexicon import raw
from kg.lexicon.gazetteer import word_stats
from kg.lexicon.triggers import is_trigger_word
from kg.lexicon.vocab import (
    DEMONYMS,
    GIVEN_NAMES,
    HONORIFICS,
    NAME_LINKS,
    NAME_SECOND_PARTS,
    ORG_HEADS,
    STOP_WORDS,
    TITLE_HEADS,
    TITLE_WORDS,
)


@dataclass(frozen=True)
class NameParams:
    """Tuned numbers of the name tests, one place for every stage that asks them."""

    # ``name_likeness`` at or above this: the word is taken as part of a name. Lower takes
    # more unseen words after a post as names (recall of persons) and more nouns with them
    # (``اجتماعا``); 0.45 sits between an unseen word (0.6) and a name link (0.5) above and
    # a mostly-common word below; tuned on the ANERcorp dev split and the ER gold.
    name_like: float = 0.45
    # A common word after a father's name goes on as the family name when ANERcorp saw it as
    # a common word at most this often (``مدني`` 2, ``طيب`` 4 go on; ``عالم`` 16, ``مقابل`` 28,
    # ``بناء`` 30 end the name); read on the person labels of a SaudiNewsNet day.
    family_word_common: int = 5


NAME_PARAMS = NameParams()


def _alternation(name: str) -> str:
    """A word list as a regex alternation, entries as written."""
    return "|".join(map(re.escape, raw(name)))


# ``عبد الله``/``عبدالله``, ``عبد ربه``/``عبدربه``: one given name however it is spaced.
_ABD = re.compile(r"\bعبد (?=ال|(?:" + _alternation("ABD_SECOND_WORDS") + r")\b)")
_IBN = re.compile(r"\bابن\b")


def name_key(name: str) -> str:
    """Matching key of a person/organisation name (already without titles)."""
    n = normalize(name)
    n = _ABD.sub("عبد", n)
    n = _IBN.sub("بن", n)
    words = [w for w in n.split() if w not in HONORIFICS]
    return " ".join(words)


# Consonant classes that transliterations of one sound fall into.
_SKELETON_MAP = str.maketrans(
    {
        "غ": "G",
        "ج": "G",
        "ق": "G",
        "ك": "G",
        "ت": "T",
        "ط": "T",
        "س": "S",
        "ص": "S",
        "ث": "S",
        "ز": "Z",
        "ذ": "Z",
        "ظ": "Z",
        "د": "D",
        "ض": "D",
        "ه": "H",
        "ح": "H",
        "خ": "X",
        "ب": "B",
        "ف": "F",
        "ش": "C",
        "ر": "R",
        "ل": "L",
        "م": "M",
        "ن": "N",
    }
)
_VOWELS = re.compile(r"[اويىءعأإآ]")


@lru_cache(maxsize=1 << 16)
def skeleton(word: str) -> str:
    """Consonant skeleton of one word: first letter kept as a consonant class, vowels dropped."""
    w = normalize(word)
    if w.startswith("ال") and len(w) > 4:
        w = w[2:]
    # Turkish ç is written تش or ج (تشاووش / جاويش أوغلو).
    w = w.replace("تش", "ج")
    head, tail = w[:1], _VOWELS.sub("", w[1:])
    return (head + tail).translate(_SKELETON_MAP)


def is_function_word(norm: str) -> bool:
    return norm in STOP_WORDS or norm in HONORIFICS


@lru_cache(maxsize=1 << 16)
def name_likeness(norm: str) -> float:
    """How likely a normalised word is part of a person's name (0 common … 1 name).

    From ANERcorp counts where the word was seen; unknown words get 0.6: after a title
    most unseen words are names.
    """
    if not norm or not ("\u0621" <= norm[0] <= "\u064a") or norm[-1] == ".":
        return 0.0  # not a word, or a title abbreviated (``وأ.``)
    if norm in GIVEN_NAMES:
        return 0.9
    if (
        norm in STOP_WORDS
        or norm in TITLE_HEADS
        or norm in TITLE_WORDS
        or norm in ORG_HEADS
        or norm in DEMONYMS
        or norm in HONORIFICS
    ):
        return 0.0
    if norm in NAME_LINKS:
        return 0.5
    stats = word_stats()
    s = stats.get(norm)
    if not norm.startswith("ال") and (s is None or s.person < 3):
        # Names do not take the article: a word whose ``ال`` form is frequent news prose
        # (``اجتماعا`` → ``الاجتماع``) is a common noun.
        b = stats.get(norm)
        if b is not None and b.definite >= 30:
            return 0.1  # ``مولود``: mostly a noun, sometimes a given name
        if norm.endswith(("ا", "ه")):
            b = stats.get(norm[:-1])
            if b is not None and b.definite >= 30:
                return 0.0  # ``اجتماعا``: an indefinite noun in the accusative, never a name
    if s is None:
        return 0.6 if len(norm) >= 3 else 0.0
    total = s.common + s.person + s.place + s.org
    if total == 0:
        return 0.6
    return (s.person + 0.5) / (total + 1)


def is_name_word(norm: str, previous_is_name: bool = False) -> bool:
    if previous_is_name and (norm in NAME_SECOND_PARTS or _given_name_as_family(norm)):
        return True
    return name_likeness(norm) >= NAME_PARAMS.name_like


def _given_name_as_family(norm: str) -> bool:
    """After a name, a word ANERcorp saw only as a person's name, never as a common word:
    a given name borne as a family name (``ماهر سليم``), though its ``ال`` form is common
    prose (``السليم``), which is what keeps it out of a name elsewhere."""
    s = word_stats().get(norm)
    return s is not None and not norm.startswith("ال") and s.person >= 1 and s.common == 0 and s.place == 0


def is_known_first_name(norm: str) -> bool:
    s = word_stats().get(norm)
    return bool(s and s.person >= 2 and s.person >= 2 * s.common)


# Future prefixes of a present verb (سيزور، ستبحث، سنقوم) and dual/plural past endings (أكدا، بحثوا).
_FUTURE = _alternation("FUTURE_PREFIXES")
_PAST_ENDINGS = _alternation("PAST_DUAL_PLURAL_ENDINGS")
_VERB_SHAPE = re.compile(rf"^((?:{_FUTURE})[^\s]{{3,}}|[^\s]{{3,}}(?:{_PAST_ENDINGS}))$")


@lru_cache(maxsize=1 << 16)
def looks_like_verb(norm: str) -> bool:
    """An unseen word shaped like a verb, or a word ANERcorp never saw in a name."""
    if is_trigger_word(norm):
        return True
    stats = word_stats()
    if stats.get(norm) is not None or not _VERB_SHAPE.match(norm):
        return False
    if norm.startswith("س"):
        # ``سيزور`` is ``س`` + a present verb seen in news; ``سيرجو`` is a name.
        rest = stats.get(norm[1:])
        if rest is not None and rest.person == 0 and rest.common > 0:
            return True
        return future_verb(norm)
    return True


# Present-tense verb patterns after the future ``س`` + person prefix: ``سيترأس`` (يتفعّل),
# ``سيتم``/``سيستقبل`` (يستفعل), ``سينطلق`` (ينفعل), ``سيلتقي`` (يفتعل): a name never has them.
_FUTURE_VERB = re.compile(r"^س[يتن](ت..[^\s]|ست..[^\s]*|ن[^\s]{3,}|.ت[^\s]{2,})$")


@lru_cache(maxsize=1 << 16)
def future_verb(norm: str) -> bool:
    """``سيترأس``, ``ستستضيف``: ``س`` + a present verb of a derived pattern, none of whose
    forms a name takes; or ``س`` + a word whose past/present stem news prose uses."""
    if not norm.startswith("س") or len(norm) < 5 or norm[1] not in "يتن":
        return False
    stats = word_stats()
    s = stats.get(norm)
    if s is not None and s.person > 0:
        return False  # ``سيرجي``, ``ستيفن``: seen in names
    if norm in GIVEN_NAMES:
        return False
    if _FUTURE_VERB.match(norm):
        return True
    # ``سيقوم``: ``يقوم`` or ``قوم`` is a word of news prose, never a name.
    for stem in (norm[1:], norm[2:]):
        rest = stats.get(stem)
        if rest is not None and rest.person == 0 and rest.common + rest.definite >= 3:
            return True
    return False
