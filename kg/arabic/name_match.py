"""Whether two names, or a post and the post a person holds, refer to one person: the tests
extraction chains an article's mentions by and resolution merges entities across articles by.

Name keys are normalised (``kg.arabic.normalize``); words are compared by consonant skeleton,
by letters of one foreign sound (``سيرجي/سيرغي``) and, for transliterated names only, by
spelling distance (rapidfuzz).
"""

from __future__ import annotations

from rapidfuzz import fuzz

from kg import lexicon
from kg.arabic.names import skeleton
from kg.arabic.normalize import normalize
from kg.lexicon import vocab
from kg.lexicon.gazetteer import word_stats
from kg.lexicon.vocab import NAME_LINKS


def word_shapes(word: str) -> tuple[tuple[str, str], tuple[str, str]]:
    """Two keys, one of which a word shares with any ``_similar_word`` of it but those of
    the fuzz rule: its skeleton, and its letters by sound class (a ``_letter_variant``
    changes one letter within its class)."""
    by_class = "".join(str(_LETTER_CLASS[c]) if c in _LETTER_CLASS else c for c in word)
    return ("s", skeleton(word)), ("c", by_class)


def fuzzy_word(word: str) -> bool:
    """A word ``_similar_word`` may match by ``fuzz.ratio`` alone."""
    return len(word) >= 5 and _transliterated(word, word)


# ``بن سلمان``, ``آل سعود``: the last word after them is a forebear's or a house's name.
_FORBEAR_LINKS = lexicon.words("FORBEAR_LINKS")
_LINEAGE = lexicon.words("LINEAGE_WORDS")


def same_person_name(a: str, b: str) -> bool:
    """Two name keys that one article would use for one person.

    ``صلاح الدين النمروش`` ~ ``النمروش``; ``محمد بن سلمان`` ~ ``محمد بن سلمان بن عبدالعزيز``;
    ``يشار غولار`` ~ ``ياشار غولار`` (same consonant skeletons).
    """
    wa, wb = a.split(), b.split()
    if not wa or not wb:
        return False
    ga, gb = generation(wa), generation(wb)
    if ga and gb and ga != gb:
        return False  # ``جورج بوش الأب`` and ``جورج بوش الابن`` (``جورج دبليو بوش``)
    wa = [w for w in wa if w not in _GENERATION]
    wb = [w for w in wb if w not in _GENERATION]
    if not wa or not wb:
        return False
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if _is_subsequence(short, long_):
        if len(short) > 1 and "بن" not in long_ and long_[-len(short) :] == short and short[1] != "ال":
            # ``جاويش أوغلو`` ~ ``مولود جاويش أوغلو``: the name without the given name; not
            # ``عبدالعزيز آل سعود`` (a given name and his house) in ``سلمان عبدالعزيز آل سعود``.
            return True
        if len(short) > 1:
            # The same given name and a lineage that agrees: ``عادل الجبير`` ~ ``عادل بن أحمد
            # الجبير``; never ``سلمان بن عبدالعزيز`` ~ ``محمد بن سلمان بن عبدالعزيز`` (his son)
            # nor ``سلطان بن عبدالعزيز`` ~ ``سلطان بن سلمان بن عبدالعزيز`` (his grandson).
            return short[0] == long_[0] and _lineage_agrees(short, long_)
        # A one-word name matches only a family name (last word), never a given name.
        return short[0] == long_[-1] and not any(w in _FORBEAR_LINKS for w in long_[-2:-1])
    if len(short) == 1 and len(long_) >= 2 and long_[-2] not in _FORBEAR_LINKS:
        # ``نتنياهو`` ~ ``بنيامين نتانياهو``: a transliterated family name, spelt otherwise.
        return _similar_word(short[0], long_[-1])
    if len(wa) == len(wb) and len(wa) >= 2:
        # Transliterations: every word alike (``يشار/ياشار``, ``تاياني/تاجاني``), the
        # given name by skeleton, the rest by skeleton or close spelling.
        if not (
            wa[0] == wb[0]
            or _letter_variant(wa[0], wb[0])
            or (_transliterated(wa[0], wb[0]) and skeleton(wa[0]) == skeleton(wb[0]))
        ):
            return False
        return all(_similar_word(x, y) for x, y in zip(wa[1:], wb[1:], strict=True))
    return False


# Words that tell a father from his son of the same name.
_GENERATION = lexicon.inverse("GENERATION")


def name_words(words: list[str]) -> list[str]:
    """The words ``same_person_name`` compares: generation markers (الابن، الأب) set aside."""
    return [w for w in words if w not in _GENERATION]


def last_word_shape(words: list[str]) -> str:
    """Blocking key of a family name for ``same_person_name``'s one-word rule."""
    return skeleton(words[-1])


def first_word_shapes(words: list[str]) -> tuple[tuple[int, str, str], ...]:
    """Keys that two same-length names ``same_person_name`` may join share: the first word's
    skeleton, or its letters by sound class (``سيرجي/سيرغي``). For blocking."""
    by_class = "".join(str(_LETTER_CLASS[c]) if c in _LETTER_CLASS else c for c in words[0])
    return ((len(words), "s", skeleton(words[0])), (len(words), "c", by_class))


def generation(words: list[str]) -> str | None:
    """``father``/``son`` when the name carries a generation word (``الأب``, ``دبليو``)."""
    return next((_GENERATION[w] for w in words if w in _GENERATION), None)


def _transliterated(a: str, b: str) -> bool:
    """Both words may be spellings of a foreign name: no article, not a known Arabic name.

    Native names differ by one letter and are different people (محمد/محمود, العلي/العلوي),
    so loose matching is kept for words such as ``تاياني/تاجاني`` and ``غولار/جولار``.
    """
    stats = word_stats()
    for w in (a, b):
        if w.startswith("ال") or w in NAME_LINKS:
            return False
        s = stats.get(w)
        if s is not None and s.person >= 1:
            return False
    return True


def _similar_word(a: str, b: str) -> bool:
    if a == b or _letter_variant(a, b):
        return True
    if not _transliterated(a, b):
        return False
    return skeleton(a) == skeleton(b) or (min(len(a), len(b)) >= 5 and fuzz.ratio(a, b) >= 80)


# Letters that render one foreign sound: ``سيرجي/سيرغي`` (g), ``تاياني/طاياني`` (t).
_LETTER_CLASS = {c: k for k, letters in enumerate(lexicon.raw("FOREIGN_SOUND_LETTERS")) for c in letters}


def _letter_variant(a: str, b: str) -> bool:
    """One spelling with another letter for the same foreign sound, nothing else changed.

    Vowel letters are not swapped here: ``محمد/محمود`` are two native names.
    """
    if len(a) != len(b) or len(a) < 4 or a == b:
        return False
    diffs = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    if len(diffs) != 1 or _LETTER_CLASS.get(diffs[0][0], -1) != _LETTER_CLASS.get(diffs[0][1], -2):
        return False
    # ``جمال/كمال``: two native names. Native words also occur as nouns with the article
    # (``الجمال``, ``الكمال``); a transliterated name does not, and its rarer spelling is rare.
    stats = [word_stats().get(w) for w in (a, b)]
    native = [s is not None and s.definite >= 5 for s in stats]
    persons = [s.person if s is not None else 0 for s in stats]
    return not all(native) and min(persons) < 3


def _lineage(words: list[str]) -> tuple[list[str], list[str]]:
    """(given name and forefathers named with ``بن``, the rest: family name and middle names)."""
    chain, rest = [words[0]], []
    k = 1
    while k < len(words):
        if words[k] in _LINEAGE and k + 1 < len(words):
            chain.append(words[k + 1])
            k += 2
            continue
        rest.append(words[k])
        k += 1
    return chain, rest


def _lineage_agrees(short: list[str], long_: list[str]) -> bool:
    chain_s, rest_s = _lineage(short)
    chain_l, rest_l = _lineage(long_)
    if chain_l[: len(chain_s)] != chain_s:
        return False
    # ``عادل أحمد الجبير`` writes the father without ``بن``.
    return not rest_s or _is_subsequence(rest_s, chain_l[len(chain_s) :] + rest_l)


def _is_subsequence(short: list[str], long_: list[str]) -> bool:
    it = iter(long_)
    return all(any(w == x for x in it) for w in short)


def _title_key(title: str) -> str:
    words = [w for w in normalize(title).split() if w not in vocab.DEMONYMS]
    return " ".join(words)


def title_lookup_key(title: str) -> str:
    """The key a post alone is looked up by: no demonym, ``خادم الحرمين الشريفين`` → ``الملك``."""
    want = _title_key(title)
    return vocab.TITLE_ALONE_REFERS.get(want, want)


def holds_title(held: str, want: str) -> bool:
    """A post held (as written with a name) answers a post written alone: ``وزير الخارجية
    السعودي عادل الجبير`` answers ``وزير الخارجية``; ``الملك سلمان`` answers ``الملك``."""
    return answers(title_lookup_key(held), want)


def answers(tk: str, want: str) -> bool:
    """``holds_title`` on the lookup key ``tk`` of the post held."""
    return tk == want or tk.startswith(want + " ") or want in tk.split()
