"""Within one article: chain mentions of the same person, organisation or place.

A later short form (``النمروش``), a second spelling of a foreign name (``يشار غولار`` /
``ياشار غولار``) and a post alone (``وزير الدفاع التركي``) all point back to the person
the article named in full.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import accumulate

from rapidfuzz import fuzz, process

from kg.arabic.normalize import normalize
from kg.arabic.tokens import Token, bare_forms
from kg.extract import vocab
from kg.extract.mentions import Found, strip_proclitics
from kg.extract.names import name_key, name_likeness, skeleton
from kg.extract.resources import word_stats
from kg.extract.vocab import NAME_LINKS
from kg.model import LocalEntity, Mention


@dataclass
class _Cluster:
    kind: str
    name: str
    key: str
    aliases: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    affiliation: str | None = None
    country: str | None = None
    subtype: str | None = None
    title_only: bool = False

    def freeze(self) -> LocalEntity:
        aliases = tuple(dict.fromkeys(a for a in self.aliases if a != self.name))
        return LocalEntity(
            self.kind,  # type: ignore[arg-type]
            self.name,
            self.key,
            aliases,
            tuple(dict.fromkeys(self.titles)),
            self.affiliation,
            self.country,
            self.subtype,
            self.title_only,
        )


def chain(found: list[Found], tokens: list[Token]) -> tuple[list[Mention], list[LocalEntity]]:
    """Group raw mentions into local entities; add short-form mentions found in ``tokens``."""
    clusters: list[_Cluster] = []
    index = _ClusterIndex()
    assigned: list[tuple[Found, int]] = []
    starts = [t.start for t in tokens]
    for f in sorted(found, key=lambda f: f.start):
        if f.title_only:
            continue
        idx = _find_cluster(clusters, f, index)
        if idx is None and f.kind == "person":
            # ``وصالح``: a span that kept the conjunction (the statistical recogniser's do)
            # is the person the article named, when the bare word names him.
            bare = _without_proclitic(f, clusters, tokens, starts, index)
            if bare is not None:
                f, idx = bare
        if idx is None:
            clusters.append(
                _Cluster(f.kind, f.name, f.key, [f.name], [], f.affiliation, f.country, f.subtype)
            )
            idx = len(clusters) - 1
            index.add(idx, clusters[idx])
        else:
            key = clusters[idx].key
            _absorb(clusters[idx], f)
            if clusters[idx].key != key:
                index.add(idx, clusters[idx])  # also under its longer name now
        if f.title:
            clusters[idx].titles.append(f.title)
        assigned.append((f, idx))
    named = len(clusters)
    posts: dict[tuple[str, str | None], int] = {}
    # The named clusters no longer change: one answer per post and country (an article with
    # thousands of posts alone would otherwise scan every cluster for each).
    holders: dict[tuple[str, str | None], int | None] = {}
    held = _held_titles(clusters[:named])
    for f in found:
        if f.title_only:
            ask = (title_lookup_key(f.title or ""), f.affiliation)
            if ask not in holders:
                holders[ask] = _holder_of(clusters[:named], held, f)
            idx = holders[ask]
            if idx is None:
                # No one in this article holds it: kept as the post alone, for resolution across
                # the corpus (``خادم الحرمين الشريفين`` → the king named elsewhere).
                want = title_lookup_key(f.title or "")
                idx = posts.get((want, f.affiliation))
                if idx is None:
                    clusters.append(
                        _Cluster("person", f.name, "", [], [f.title or ""], f.affiliation, title_only=True)
                    )
                    idx = posts[(want, f.affiliation)] = len(clusters) - 1
            assigned.append((f, idx))
    covered = [(f.start, f.end) for f in found]
    assigned.extend(_short_forms(clusters[:named], tokens, covered))
    mentions = [
        Mention(f.start, f.end, "", f.kind, idx, f.title)  # text is filled by the caller
        for f, idx in sorted(assigned, key=lambda a: a[0].start)
    ]
    return mentions, [c.freeze() for c in clusters]


def _without_proclitic(
    f: Found, clusters: list[_Cluster], tokens: list[Token], starts: list[int], index: _ClusterIndex
) -> tuple[Found, int] | None:
    words = f.key.split()
    k = bisect_right(starts, f.start) - 1
    if not words or k < 0 or tokens[k].start != f.start:
        return None
    first = tokens[k].text
    for prefix, stem in bare_forms(words[0])[1:]:
        if prefix not in ("و", "ف", "ب", "ل", "وب", "ول", "فب", "فل") or len(stem) < 3:
            continue
        key = " ".join([stem, *words[1:]])
        idx = _find_cluster(clusters, replace(f, key=key), index)
        if idx is not None:
            # The offsets come from the written token, not from the display form.
            surface = strip_proclitics(first, stem)
            name = " ".join([strip_proclitics(f.name.split()[0], stem), *f.name.split()[1:]])
            return replace(f, start=f.start + len(first) - len(surface), name=name, key=key), idx
    return None


def _find_cluster(clusters: list[_Cluster], f: Found, index: _ClusterIndex) -> int | None:
    """The first cluster ``f`` belongs to: the same key, or (persons) a name
    ``same_person_name`` joins it with. Only the index's candidates are tried: a superset of
    the answers, in cluster order, so the answer is that of a scan of every cluster."""
    for idx in index.candidates(f.kind, f.key):
        c = clusters[idx]
        if c.kind != f.kind:
            continue
        if c.key == f.key:
            return idx
        if f.kind == "person" and _same_name(c.key, f.key):
            return idx
    return None


@lru_cache(maxsize=1 << 16)
def _same_name(a: str, b: str) -> bool:
    # An article that repeats its names asks the same pairs again and again.
    return same_person_name(a, b)


class _ClusterIndex:
    """Blocks of an article's clusters by what ``same_person_name`` compares, so that each
    mention is tried against a handful of clusters, not all of them: an unpunctuated page of
    thousands of names otherwise costs the square of its length.

    Every rule of ``same_person_name`` needs a shared feature: a subsequence shares the
    shorter name's first word; a one-word name and a family name share the family name's
    skeleton or letter classes, else are both foreign-looking words of five letters or more
    (the ``fuzz.ratio`` rule: those are looked up with rapidfuzz over the few such words);
    two names of one length share their first word's shape. A cluster is indexed again when
    it takes a longer name (its old blocks stay: candidates are a superset, checked after).

    The fuzz rule has no block: each of its pools holds the first ``MAX_FUZZY`` words only,
    far more than an article names (the most persons in 1,000 SaudiNewsNet articles: 209);
    past that (a list of thousands of foreign names) later ones are not fuzz-matched, and
    the cost per mention stays bounded.
    """

    def __init__(self) -> None:
        self.blocks: dict[tuple, list[int]] = defaultdict(list)
        self.fuzzy_family = _Pool()  # last words of longer names
        self.fuzzy_single = _Pool()  # one-word names

    def add(self, idx: int, c: _Cluster) -> None:
        self.blocks[("key", c.kind, c.key)].append(idx)
        words = name_words(c.key.split())
        if c.kind != "person" or not words:
            return
        for w in set(words):
            self.blocks[("word", w)].append(idx)
        self.blocks[("first", words[0])].append(idx)
        for shape in first_word_shapes(words):
            self.blocks[("shape", shape)].append(idx)
        if len(words) == 1:
            for shape in _word_shapes(words[0]):
                self.blocks[("single", shape)].append(idx)
            if _fuzzy_word(words[0]):
                self.fuzzy_single.add(words[0], idx)
        else:
            for shape in _word_shapes(words[-1]):
                self.blocks[("family", shape)].append(idx)
            if _fuzzy_word(words[-1]):
                self.fuzzy_family.add(words[-1], idx)

    def candidates(self, kind: str, key: str) -> list[int]:
        found = set(self.blocks.get(("key", kind, key), ()))
        words = name_words(key.split())
        if kind == "person" and words:
            get = self.blocks.get
            found.update(get(("word", words[0]), ()))  # it is the shorter name
            for w in set(words):
                found.update(get(("first", w), ()))  # the cluster is the shorter name
            for shape in first_word_shapes(words):
                found.update(get(("shape", shape), ()))
            if len(words) == 1:
                for shape in _word_shapes(words[0]):
                    found.update(get(("family", shape), ()))
                found.update(_fuzzy_hits(words[0], self.fuzzy_family))
            else:
                for shape in _word_shapes(words[-1]):
                    found.update(get(("single", shape), ()))
                found.update(_fuzzy_hits(words[-1], self.fuzzy_single))
        return sorted(found)


def _word_shapes(word: str) -> tuple[tuple[str, str], tuple[str, str]]:
    """Two keys, one of which a word shares with any ``_similar_word`` of it but those of
    the fuzz rule: its skeleton, and its letters by sound class (a ``_letter_variant``
    changes one letter within its class)."""
    by_class = "".join(str(_LETTER_CLASS[c]) if c in _LETTER_CLASS else c for c in word)
    return ("s", skeleton(word)), ("c", by_class)


def _fuzzy_word(word: str) -> bool:
    """A word ``_similar_word`` may match by ``fuzz.ratio`` alone."""
    return len(word) >= 5 and _transliterated(word, word)


MAX_FUZZY = 512


@dataclass
class _Pool:
    """Words the fuzz rule may match, with their clusters (the first ``MAX_FUZZY``)."""

    words: list[str] = field(default_factory=list)
    clusters: list[int] = field(default_factory=list)

    def add(self, word: str, idx: int) -> None:
        if len(self.words) < MAX_FUZZY:
            self.words.append(word)
            self.clusters.append(idx)


def _fuzzy_hits(word: str, pool: _Pool) -> list[int]:
    if not pool.words or not _fuzzy_word(word):
        return []
    # A point below the rule's 80: rounding aside, every pair the rule takes is a candidate.
    hits = process.extract(word, pool.words, scorer=fuzz.ratio, score_cutoff=79, limit=None)
    return [pool.clusters[k] for _, _, k in hits]


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
        return short[0] == long_[-1] and long_[-2:-1] not in (["بن"], ["ال"])
    if len(short) == 1 and len(long_) >= 2 and long_[-2] not in ("بن", "ال"):
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
_GENERATION = {"الاب": "father", "الابن": "son", "دبليو": "son", "الاكبر": "father", "الاصغر": "son"}


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
_LETTER_CLASS = {c: k for k, letters in enumerate(("جغقك", "تط", "سصث", "زذظ", "دض")) for c in letters}


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
        if words[k] in ("بن", "بنت") and k + 1 < len(words):
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


def _absorb(c: _Cluster, f: Found) -> None:
    c.aliases.append(f.name)
    if len(f.key.split()) > len(c.key.split()):
        c.name, c.key = f.name, f.key
    c.affiliation = c.affiliation or f.affiliation
    c.country = c.country or f.country


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
    return _answers(title_lookup_key(held), want)


def _answers(tk: str, want: str) -> bool:
    """``holds_title`` on the lookup key ``tk`` of the post held."""
    return tk == want or tk.startswith(want + " ") or want in tk.split()


def _held_titles(clusters: list[_Cluster]) -> list[tuple[int, tuple[str, ...]]]:
    """Each person cluster with the lookup keys of its posts, each once: a cluster holds a
    post once per mention, thousands of times in an article that repeats it."""
    return [
        (idx, tuple(dict.fromkeys(title_lookup_key(t) for t in dict.fromkeys(c.titles))))
        for idx, c in enumerate(clusters)
        if c.kind == "person" and c.titles
    ]


def _holder_of(clusters: list[_Cluster], held: list[tuple[int, tuple[str, ...]]], f: Found) -> int | None:
    """The named person in this article who holds the post ``f`` names, if exactly one
    (``held``: ``_held_titles`` of ``clusters``)."""
    want = title_lookup_key(f.title or "")
    candidates = []
    for idx, keys in held:
        # ``وزير الخارجية الأمريكي`` names no one whose country this article did not give.
        if f.affiliation in (None, clusters[idx].affiliation) and any(_answers(tk, want) for tk in keys):
            candidates.append(idx)
    return candidates[0] if len(candidates) == 1 else None


def _short_forms(clusters: list[_Cluster], tokens: list[Token], covered: list[tuple[int, int]]) -> list:
    """Family names and later short forms standing alone: ``وأكد النمروش``, ``لكارتر``."""
    by_word: dict[str, set[int]] = {}
    for idx, c in enumerate(clusters):
        if c.kind != "person":
            continue
        keys = [c.key, *(name_key(a) for a in c.aliases)]
        for key in keys:
            words = key.split()
            # A one-word name the article gave a person (``أوباما``, ``المخلوع صالح``) is
            # that person again where it stands alone.
            if not words or (len(words) >= 2 and words[-2] in ("بن", "ال", "ابو")):
                continue
            family = words[-1]
            if name_likeness(family) >= 0.45 and len(family) >= 3 and family not in vocab.STOP_WORDS:
                by_word.setdefault(family, set()).add(idx)
    out = []
    spans = sorted(covered)
    starts = [a for a, _ in spans]
    reach = list(accumulate((b for _, b in spans), max))  # furthest end so far
    for k, t in enumerate(tokens):
        if not t.is_arabic or _inside(t.start, starts, reach):
            continue
        if k > 0 and tokens[k - 1].norm in NAME_LINKS:
            continue  # ``بن سلمان``: a forebear in another man's name
        if k + 1 < len(tokens) and tokens[k + 1].norm in ("بن", "بنت"):
            continue  # ``صالح بن …``: the given name of someone else
        for prefix, stem in bare_forms(t.norm):
            if prefix.endswith("ال"):
                continue
            owners = by_word.get(stem)
            if owners and len(owners) == 1:
                idx = next(iter(owners))
                start = t.start + (len(t.text) - len(strip_proclitics(t.text, stem)))
                out.append((Found(0, 0, start, t.end, "person", stem, stem), idx))
                break
    return out


def _inside(pos: int, starts: list[int], reach: list[int]) -> bool:
    k = bisect_right(starts, pos) - 1
    return k >= 0 and pos < reach[k]
