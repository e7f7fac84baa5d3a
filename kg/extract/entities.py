"""Within one article: chain mentions of the same person, organisation or place.

A later short form (``النمروش``), a second spelling of a foreign name (``يشار غولار`` /
``ياشار غولار``) and a post alone (``وزير الدفاع التركي``) all point back to the person
the article named in full.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import accumulate

from rapidfuzz import fuzz, process

from kg import lexicon
from kg.arabic.name_match import (
    answers,
    first_word_shapes,
    fuzzy_word,
    name_words,
    same_person_name,
    title_lookup_key,
    word_shapes,
)
from kg.arabic.names import NAME_PARAMS, name_key, name_likeness
from kg.arabic.normalize import normalize
from kg.arabic.tokens import Token, bare_forms, strip_proclitics
from kg.extract import coref
from kg.extract.mentions import Found
from kg.lexicon import vocab
from kg.lexicon.vocab import NAME_LINKS
from kg.model import Kind, LocalEntity, Mention


@dataclass
class _Cluster:
    kind: Kind
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
            self.kind,
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
    found = [g for f in found for g in coref.split_glued_post(f, tokens, starts)]
    split_off: list[Found] = []  # posts of someone else run on after a name
    run_on: list[tuple[int, coref.PostAfter]] = []  # (index in assigned, post)
    glued: list[tuple[int, int, str | None, int]] = []  # ``… الجبير نظيره الروسي``
    person_found: list[tuple[Found, int | None]] = []  # persons in order, named ones' clusters
    for f in sorted(found, key=lambda f: f.start):
        if f.title_only:
            if f.kind == "person":
                person_found.append((f, None))
            continue
        after = coref.post_after_name(f, tokens, starts) if f.kind == "person" else None
        counterpart = None
        if after is not None and coref.is_counterpart(tokens[after.first].norm):
            # ``الجبير نظيره الروسي``: the other's post, not his; his mention ends before it.
            counterpart = (tokens[after.first].start, f.end, after.affiliation)
            f = replace(f, end=tokens[after.first - 1].end)
            after = None
        elif (
            after is not None
            and after.affiliation is not None
            and f.title
            and f.title != after.title
            and coref.is_office(f.title)
        ):
            # ``استقبل خادم الحرمين الشريفين الملك سلمان وزير الخارجية الأمريكي``: a post of
            # its own and then one of a country: the object, someone else.
            f = _split_post_after(f, after, tokens, starts, split_off)
            after = None
        elif after is not None and after.affiliation is not None and f.title == after.title:
            # ``والتقى مسعود بارزاني وزير الدفاع الأمريكي``: his post, unless the article names
            # someone else with it (decided once all are named).
            run_on.append((len(assigned), after))
            after = None  # ``f.title`` holds it
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
        if after is not None:
            # ``محمد بن سلمان ولي ولي العهد``: the post after the name is his too.
            clusters[idx].titles.append(after.title)
            clusters[idx].affiliation = clusters[idx].affiliation or after.affiliation
        if counterpart is not None:
            glued.append((*counterpart, idx))
        assigned.append((f, idx))
        if f.kind == "person":
            person_found.append((f, idx))
    named = len(clusters)
    held_now = _held_titles(clusters)
    for k, after in run_on:
        f, idx = assigned[k]
        want = title_lookup_key(after.title)
        others = [
            o
            for o, keys in held_now
            if o != idx and clusters[o].affiliation == after.affiliation and want in keys
        ]
        if others and clusters[idx].titles.count(after.title) == 1:
            clusters[idx].titles.remove(after.title)
            assigned[k] = (_split_post_after(f, after, tokens, starts, split_off), idx)
            if not any(g.affiliation == after.affiliation for g, i in assigned if i == idx and g is not f):
                clusters[idx].affiliation = None
    found = [*found, *split_off]
    covered = [(f.start, f.end) for f in found]
    shorts = _short_forms(clusters[:named], tokens, covered)
    # Whose counterpart: the named persons and their short forms (``وبحث الجبير مع نظيره``).
    subjects = sorted([(f, i) for f, i in person_found if i is not None] + shorts, key=lambda a: a[0].start)
    attached = _posts_beside_names(clusters, person_found, tokens, starts)
    _counterparts_named(clusters, person_found, subjects, tokens, starts)
    posts: dict[tuple[str, str | None], int] = {}
    # The named clusters no longer change: one answer per post and country (an article with
    # thousands of posts alone would otherwise scan every cluster for each).
    holders: dict[tuple[str, str | None], int | None] = {}
    held = _held_titles(clusters[:named])

    def post_alone(f: Found) -> int:
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
        return idx

    counterparts_alone: list[Found] = []
    for f in found:
        if not f.title_only:
            continue
        if id(f) in attached:
            assigned.append((f, attached[id(f)]))
        elif f.kind == "person" and coref.is_counterpart((normalize(f.title or "").split() or [""])[0]):
            counterparts_alone.append(f)  # ``وبحث الجبير مع نظيره التعاون``: after the short forms
        else:
            assigned.append((f, post_alone(f)))
    assigned.extend(shorts)
    extra: list[tuple[Found, int]] = []
    for f in counterparts_alone:
        subject = _subject_before(subjects, f.start, tokens, starts)
        k = bisect_right(starts, f.start) - 1
        idx = _counterpart_of(clusters, named, subject, "") if subject is not None else None
        if idx is not None and k >= 0:
            # ``نظيره`` alone, which the post reader ran on into the words after it.
            extra.append((replace(f, end=tokens[k].end, name=tokens[k].text), idx))
        else:
            assigned.append((f, post_alone(f)))
    for start, end, country, subject in glued:
        idx = _counterpart_of(clusters, named, subject, country)
        if idx is not None:
            extra.append((Found(0, 0, start, end, "person", "", "", title=None), idx))
    covered = sorted(covered + [(f.start, f.end) for f, _ in [*shorts, *extra]])
    extra.extend(_posts_with_demonyms(clusters, named, subjects, tokens, starts, covered))
    assigned.extend(extra)
    mentions = [
        Mention(f.start, f.end, "", f.kind, idx, f.title)  # text is filled by the caller
        for f, idx in sorted(assigned, key=lambda a: a[0].start)
    ]
    return mentions, [c.freeze() for c in clusters]


def _split_post_after(
    f: Found, after: coref.PostAfter, tokens: list[Token], starts: list[int], out: list[Found]
) -> Found:
    """``f`` without the post of someone else run on after its name; the post goes to ``out``
    as a post alone."""
    p = after.first
    words = " ".join(t.text for t in tokens[p : bisect_right(starts, f.end - 1)])
    out.append(
        Found(
            0,
            0,
            tokens[p].start,
            f.end,
            "person",
            words,
            name_key(after.title),
            title=after.title,
            affiliation=after.affiliation,
            title_only=True,
        )
    )
    title = None if f.title == after.title else f.title
    affiliation = None if f.affiliation == after.affiliation else f.affiliation
    return replace(f, end=tokens[p - 1].end, title=title, affiliation=affiliation)


def _office_keys(c: _Cluster) -> list[str]:
    """Lookup keys of the posts ``c`` holds, courtesy titles (``الأمير``) left out."""
    return list(dict.fromkeys(title_lookup_key(t) for t in c.titles if coref.is_office(t)))


def _posts_beside_names(
    clusters: list[_Cluster], persons: list[tuple[Found, int | None]], tokens: list[Token], starts: list[int]
) -> dict[int, int]:
    """Posts alone written next to a name are that person's: ``الأمير محمد بن سلمان ولي ولي
    العهد النائب الثاني لرئيس مجلس الوزراء وزير الدفاع`` (after it), ``وزير الدولة عضو مجلس
    الوزراء الدكتور مساعد العيبان`` (a chain of posts before it). ``id(Found)`` → cluster; the
    posts are added to the cluster's. Nothing may stand between (``ووزير الدولة``: another
    person); a post after a name with another country (``استقبل الملك سلمان وزير الخارجية
    الأمريكي``) is someone else."""
    owner: dict[int, int] = {}
    n = len(persons)
    held = _held_titles(clusters)

    def held_by_another(f: Found, idx: int) -> bool:
        # ``التقى مسعود بارزاني وزير الدفاع الأمريكي`` where the article named آشتون كارتر with
        # that post: the object, the post's holder, not an apposition.
        # Without a country, only the very post (``وزير الدفاع`` after محمد بن سلمان is his, even
        # where صدقي صبحي is ``وزير الدفاع والإنتاج``).
        want = title_lookup_key(f.title or "")
        return any(
            other != idx
            and f.affiliation in (None, clusters[other].affiliation)
            and any(tk == want or (f.affiliation is not None and answers(tk, want)) for tk in keys)
            for other, keys in held
        )

    # Before a name: a run of posts alone, then a name with at most a courtesy title; a single
    # post before a name with a post of its own may be the subject (``استقبل وزير الخارجية
    # السفير …``), two or more are one man's.
    for q in range(n - 1, -1, -1):
        f, idx = persons[q]
        if idx is not None or coref.is_counterpart(normalize(f.title or "").split()[0] if f.title else ""):
            continue
        run = [q]
        r = q + 1
        while (
            r < n
            and persons[r][1] is None
            and coref.adjacent(persons[r - 1][0].end, persons[r][0].start, tokens, starts)
        ):
            run.append(r)
            r += 1
        if r >= n or not coref.adjacent(persons[r - 1][0].end, persons[r][0].start, tokens, starts):
            continue
        g, gidx = persons[r]
        if gidx is None:
            continue
        if g.title and coref.is_office(g.title) and len(run) < 2:
            continue
        c = clusters[gidx]
        if any(
            persons[k][0].affiliation not in (None, c.affiliation) or held_by_another(persons[k][0], gidx)
            for k in run
        ):
            continue
        for k in run:
            owner.setdefault(id(persons[k][0]), gidx)
    # After a name.
    prev_idx: int | None = None
    prev: Found | None = None
    for f, idx in persons:
        if idx is not None:
            prev, prev_idx = f, idx
            continue
        if id(f) in owner:
            prev, prev_idx = f, owner[id(f)]
            continue
        if prev is None or prev_idx is None or coref.is_counterpart(normalize(f.title or "").split()[0]):
            prev, prev_idx = f, None
            continue
        c = clusters[prev_idx]
        offices = _office_keys(c)
        bare = not c.titles
        if (
            coref.adjacent(prev.end, f.start, tokens, starts, comma=bare and f.affiliation is not None)
            and (f.affiliation in (None, c.affiliation) or (c.affiliation is None and not offices))
            and not held_by_another(f, prev_idx)
        ):
            owner[id(f)] = prev_idx
            prev = f
            continue
        prev, prev_idx = f, None
    for f, _ in persons:
        if id(f) in owner:
            c = clusters[owner[id(f)]]
            c.titles.append(f.title or "")
            c.affiliation = c.affiliation or f.affiliation
    return owner


def _subject_before(
    persons: Sequence[tuple[Found, int | None]], pos: int, tokens: list[Token], starts: list[int]
) -> int | None:
    """The named person nearest before ``pos`` in its sentence (whose counterpart is meant)."""
    begin = coref.sentence_start(tokens, starts, pos)
    best = None
    for f, idx in persons:
        if f.start >= pos:
            break
        if idx is not None and f.start >= begin:
            best = idx
    return best


def _counterparts_named(
    clusters: list[_Cluster],
    persons: list[tuple[Found, int | None]],
    subjects: list[tuple[Found, int]],
    tokens: list[Token],
    starts: list[int],
) -> None:
    """``سيبحث أوباما مع نظيره الكيني أوهورو كينياتا``: the counterpart holds the subject's
    post (when the subject holds one, and the counterpart none the article gave)."""
    for f, idx in persons:
        if idx is None:
            continue
        k = bisect_right(starts, f.start) - 1
        if k < 0 or not coref.is_counterpart(tokens[k].norm) or _office_keys(clusters[idx]):
            continue
        subject = _subject_before(subjects, f.start, tokens, starts)
        if subject is None or subject == idx:
            continue
        c = clusters[subject]
        offices = [t for t in dict.fromkeys(c.titles) if coref.is_office(t)]
        if len({title_lookup_key(t) for t in offices}) == 1:
            clusters[idx].titles.append(coref.counterpart_title(offices[0], tokens[k].norm))


def _counterpart_of(clusters: list[_Cluster], named: int, subject: int, country: str | None) -> int | None:
    """``نظيره الروسي``: the named person of ``country`` (of another one, when none is
    written) who holds the subject's post, if exactly one; with a country and none named, a
    post alone of that country (``وزير الخارجية`` with ``RU``) for resolution across
    articles."""
    s = clusters[subject]
    keys = _office_keys(s)
    if not keys:
        return None
    found = []
    for idx in range(named):
        c = clusters[idx]
        if idx == subject or c.kind != "person" or c.title_only:
            continue
        if country and c.affiliation != country:
            continue
        if not country and (c.affiliation is None or c.affiliation == s.affiliation):
            continue
        if any(answers(tk, want) or answers(want, tk) for tk in _office_keys(c) for want in keys):
            found.append(idx)
    if len(found) == 1:
        return found[0]
    if found or not country or len(keys) != 1:
        return None
    title = next(t for t in s.titles if coref.is_office(t))
    clusters.append(_Cluster("person", title, "", [], [title], country, title_only=True))
    return len(clusters) - 1


def _posts_with_demonyms(
    clusters: list[_Cluster],
    named: int,
    persons: list[tuple[Found, int | None]],
    tokens: list[Token],
    starts: list[int],
    covered: list[tuple[int, int]],
) -> list[tuple[Found, int]]:
    """``الوزير الأمريكي``, ``السفير الياباني``: the one named person of that country holding
    such a post; ``نظيره الروسي`` / ``نظيره`` alone: the counterpart (``_counterpart_of``)."""
    spans = sorted(covered)
    span_starts = [a for a, _ in spans]
    reach = list(accumulate((b for _, b in spans), max))
    out = []
    for start, end, kind, head, country in coref.heads_alone(
        tokens, lambda p: _inside(p, span_starts, reach)
    ):
        if kind == "head":
            found = [
                idx
                for idx in range(named)
                if clusters[idx].kind == "person"
                and clusters[idx].affiliation == country
                and any(coref.head_alone_answers(head, tk) for tk in _office_keys(clusters[idx]))
            ]
            idx = found[0] if len(found) == 1 else None
        else:
            subject = _subject_before(persons, start, tokens, starts)
            idx = _counterpart_of(clusters, named, subject, country) if subject is not None else None
        if idx is not None:
            out.append((Found(0, 0, start, end, "person", "", "", title=None), idx))
    return out


# Proclitics a name may carry (``وكيري``): taken off, the name may be one already clustered.
_PROCLITICS = lexicon.words("NAME_PROCLITICS")


def _without_proclitic(
    f: Found, clusters: list[_Cluster], tokens: list[Token], starts: list[int], index: _ClusterIndex
) -> tuple[Found, int] | None:
    words = f.key.split()
    k = bisect_right(starts, f.start) - 1
    if not words or k < 0 or tokens[k].start != f.start:
        return None
    first = tokens[k].text
    for prefix, stem in bare_forms(words[0])[1:]:
        if prefix not in _PROCLITICS or len(stem) < 3:
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
        # ("key", kind, key), ("word", w), ("first", w), ("shape", first-word shape), ("single"
        # or "family", word shape) → the clusters indexed under it, in cluster order.
        self.blocks: dict[tuple[object, ...], list[int]] = defaultdict(list)
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
        for first_shape in first_word_shapes(words):
            self.blocks[("shape", first_shape)].append(idx)
        if len(words) == 1:
            for shape in word_shapes(words[0]):
                self.blocks[("single", shape)].append(idx)
            if fuzzy_word(words[0]):
                self.fuzzy_single.add(words[0], idx)
        else:
            for shape in word_shapes(words[-1]):
                self.blocks[("family", shape)].append(idx)
            if fuzzy_word(words[-1]):
                self.fuzzy_family.add(words[-1], idx)

    def candidates(self, kind: str, key: str) -> list[int]:
        found = set(self.blocks.get(("key", kind, key), ()))
        words = name_words(key.split())
        if kind == "person" and words:
            get = self.blocks.get
            found.update(get(("word", words[0]), ()))  # it is the shorter name
            for w in set(words):
                found.update(get(("first", w), ()))  # the cluster is the shorter name
            for first_shape in first_word_shapes(words):
                found.update(get(("shape", first_shape), ()))
            if len(words) == 1:
                for shape in word_shapes(words[0]):
                    found.update(get(("family", shape), ()))
                found.update(_fuzzy_hits(words[0], self.fuzzy_family))
            else:
                for shape in word_shapes(words[-1]):
                    found.update(get(("single", shape), ()))
                found.update(_fuzzy_hits(words[-1], self.fuzzy_single))
        return sorted(found)


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
    if not pool.words or not fuzzy_word(word):
        return []
    # A point below the rule's 80: rounding aside, every pair the rule takes is a candidate.
    hits = process.extract(word, pool.words, scorer=fuzz.ratio, score_cutoff=79, limit=None)
    return [pool.clusters[k] for _, _, k in hits]


def _absorb(c: _Cluster, f: Found) -> None:
    c.aliases.append(f.name)
    if len(f.key.split()) > len(c.key.split()):
        c.name, c.key = f.name, f.key
    c.affiliation = c.affiliation or f.affiliation
    c.country = c.country or f.country


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
        if f.affiliation in (None, clusters[idx].affiliation) and any(answers(tk, want) for tk in keys):
            candidates.append(idx)
    return candidates[0] if len(candidates) == 1 else None


# ``بن سلمان``, ``آل سعود``, ``أبو بكر``: the last word is a forebear's, a house's or a kunya's.
_SHORT_FORM_LINKS = lexicon.words("SHORT_FORM_LINKS")
# ``صالح بن …``: the word before is someone's given name.
_LINEAGE = lexicon.words("LINEAGE_WORDS")


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
            if not words or (len(words) >= 2 and words[-2] in _SHORT_FORM_LINKS):
                continue
            family = words[-1]
            if (
                name_likeness(family) >= NAME_PARAMS.name_like
                and len(family) >= 3
                and family not in vocab.STOP_WORDS
            ):
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
        if k + 1 < len(tokens) and tokens[k + 1].norm in _LINEAGE:
            continue  # ``صالح بن …``: the given name of someone else
        for prefix, stem in t.forms:
            if prefix.endswith("ال"):
                continue
            owners = by_word.get(stem)
            if owners and len(owners) == 1:
                idx = next(iter(owners))
                out.append((Found(0, 0, t.stem_start(stem), t.end, "person", stem, stem), idx))
                break
    return out


def _inside(pos: int, starts: list[int], reach: list[int]) -> bool:
    k = bisect_right(starts, pos) - 1
    return k >= 0 and pos < reach[k]
