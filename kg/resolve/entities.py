"""Entity resolution across articles: one person, organisation or place is one node.

Persons are blocked by their name words and merged when one name is the other's fuller
form (``محمد بن سلمان`` ⊂ ``محمد بن سلمان بن عبدالعزيز``), when transliterations share a
consonant skeleton, or when a one-word name matches a family name. A short form that fits
two different people stays apart: ambiguity is never resolved by guessing.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import NamedTuple

from kg import lexicon
from kg.arabic.name_match import (
    first_word_shapes,
    generation,
    last_word_shape,
    name_words,
    same_person_name,
    title_lookup_key,
)
from kg.arabic.names import is_known_first_name
from kg.arabic.normalize import normalize
from kg.arabic.tokens import bare_forms
from kg.lexicon.gazetteer import country_labels
from kg.lexicon.vocab import GIVEN_NAMES, NAME_LINKS, TITLES_ALONE
from kg.model import ArticleFacts, Entity, Kind, Mention, MentionRef, TitleHeld
from kg.resolve.keys import place_key
from kg.resolve.params import RESOLVE_PARAMS as _P
from kg.resolve.repeats import add_family_repeats


def stable_id(kind: str, key: str) -> str:
    return f"{kind}/{hashlib.sha1(key.encode('utf-8')).hexdigest()[:12]}"


class _Post(NamedTuple):
    """A post as held: its title as written, and the country or body it was held for."""

    title: str
    affiliation: str | None


@dataclass
class _Seen:
    """The first and last publication days a post was seen held (None: no day known)."""

    first: date | None
    last: date | None

    def add(self, day: date | None) -> None:
        if day:
            self.first = min(d for d in (self.first, day) if d)
            self.last = max(d for d in (self.last, day) if d)


@dataclass
class _Group:
    kind: Kind
    key: str  # the fullest key seen; the id is minted from it
    names: Counter[str] = field(default_factory=Counter)  # spelling -> how often it was used
    titles: dict[_Post, _Seen] = field(default_factory=dict)
    title_articles: Counter[_Post] = field(default_factory=Counter)  # post -> articles
    affiliations: Counter[str] = field(default_factory=Counter)
    country: str | None = None
    subtype: str | None = None
    articles: list[str] = field(default_factory=list)  # article ids, once per local entity
    mentions: list[MentionRef] = field(default_factory=list)
    title_keys: set[str] = field(default_factory=set)


class LocalRef(NamedTuple):
    """A local entity: which article's facts, which of its entities."""

    article: int  # index of ArticleFacts
    entity: int  # index of LocalEntity in it


def resolve_entities(facts: list[ArticleFacts]) -> tuple[list[Entity], dict[LocalRef, str]]:
    """Resolved entities and the map from each article's local entity to its id."""
    facts = add_family_repeats(facts)
    groups: dict[str, _Group] = {}
    mapping: dict[LocalRef, str] = {}
    persons: list[tuple[LocalRef, str]] = []
    posts: list[LocalRef] = []  # posts written without a name
    by_entity = [_mentions_by_entity(f) for f in facts]
    for a_idx, f in enumerate(facts):
        for e_idx, ent in enumerate(f.entities):
            ref = LocalRef(a_idx, e_idx)
            if ent.kind == "place":
                key = place_key(ent)
                gid = stable_id("place", key)
                mapping[ref] = gid
                g = groups.setdefault(gid, _Group("place", key, country=ent.country, subtype=ent.subtype))
            elif ent.kind == "organization":
                key = ent.key
                gid = stable_id("organization", key)
                mapping[ref] = gid
                g = groups.setdefault(gid, _Group("organization", key, country=ent.country))
            elif ent.title_only:
                posts.append(ref)
                continue
            else:
                persons.append((ref, ent.key))
                continue
            _collect(g, f, e_idx, by_entity[a_idx].get(e_idx, ()))
    trimmed = _trim_overreach(persons)
    persons = [(ref, trimmed.get(key, key)) for ref, key in persons]
    person_ids = _cluster_persons(facts, persons)
    for ref, gid_key in person_ids.items():
        gid = stable_id("person", gid_key)
        mapping[ref] = gid
        g = groups.setdefault(gid, _Group("person", gid_key))
        # An over-reaching name (``جون كيري المنعقد``) adds its mentions, not its spelling.
        f = facts[ref.article]
        surfaces = by_entity[ref.article].get(ref.entity, ())
        _collect(g, f, ref.entity, surfaces, names=f.entities[ref.entity].key not in trimmed)
    for ref, gid in _resolve_posts(facts, posts, groups).items():
        mapping[ref] = gid
        _collect_post(groups[gid], facts[ref.article], by_entity[ref.article].get(ref.entity, ()))
    _add_affiliation_targets(groups)
    suffixes = _org_suffixes(groups)
    entities = [_freeze(gid, g, groups, suffixes) for gid, g in sorted(groups.items())]
    return entities, mapping


def _mentions_by_entity(f: ArticleFacts) -> dict[int, list[Mention]]:
    """The article's mentions grouped by local entity, once per article: scanning all its
    mentions for each entity made an article with thousands of names quadratic."""
    groups: dict[int, list[Mention]] = {}
    for m in f.mentions:
        groups.setdefault(m.entity, []).append(m)
    return groups


def _collect(g: _Group, f: ArticleFacts, e_idx: int, surfaces: Sequence[Mention], names: bool = True) -> None:
    ent = f.entities[e_idx]
    art = f.article
    g.articles.append(art.id)
    for m in surfaces:
        g.mentions.append(MentionRef(art.id, m.start, m.end, m.text))
    if names:
        g.names[ent.name] += max(1, len(surfaces))
        for alias in ent.aliases:
            g.names[alias] += 1
    for t in ent.titles:
        post = _Post(t, ent.affiliation)
        g.title_articles[post] += 1
        g.titles.setdefault(post, _Seen(art.dct, art.dct)).add(art.dct)
        g.title_keys.add(normalize(t))
    if ent.affiliation:
        g.affiliations[ent.affiliation] += 1
    g.country = g.country or ent.country
    g.subtype = g.subtype or ent.subtype


def _collect_post(g: _Group, f: ArticleFacts, surfaces: Sequence[Mention]) -> None:
    """A post alone adds its mentions and article to the holder, not a name."""
    g.articles.append(f.article.id)
    g.mentions.extend(MentionRef(f.article.id, m.start, m.end, m.text) for m in surfaces)


class _Holder(NamedTuple):
    """A person seen holding a post, when, and in how many articles."""

    gid: str
    first: date | None
    last: date | None
    articles: int


# A post alone names whoever held it within this many days of the days it was seen held.
_TITLE_SLACK = timedelta(days=30)


def _resolve_posts(
    facts: list[ArticleFacts], posts: list[LocalRef], groups: dict[str, _Group]
) -> dict[LocalRef, str]:
    """Posts written alone → the one person seen holding them then (``وزير الخارجية
    السعودي`` → عادل الجبير; ``خادم الحرمين الشريفين``, ``الملك`` → the king).

    Candidates hold a matching post (with a compatible country) within the days it was seen
    held; one candidate, or one seen holding it in three times as many articles as any
    other (``الملك`` in Saudi news: the king, not a prince a stray extraction gave the
    post), is the holder. Otherwise the post stays unattached: no guess.
    """
    # Holders by every post they answer (``holds_title``): each word-prefix of the post as
    # held and, for one-word posts (``الملك``), each of its words.
    holders: dict[str, list[_Holder]] = defaultdict(list)
    for gid, g in groups.items():
        if g.kind != "person" or len(g.key.split()) < 2:
            continue  # ``محمد`` alone is many men: no holder of a post
        for post, seen_held in g.titles.items():
            if _FORMER & set(normalize(post.title).split()):
                continue  # ``وزير الخارجية السابق``: not the holder now
            words = title_lookup_key(post.title).split()
            answers = {" ".join(words[:k]) for k in range(1, len(words) + 1)} | set(words)
            for want in answers:
                holders[want].append(_Holder(gid, seen_held.first, seen_held.last, g.title_articles[post]))
    out: dict[LocalRef, str] = {}
    memo: dict[tuple[str, str | None, date | None], str | None] = {}
    for ref in posts:
        ent = facts[ref.article].entities[ref.entity]
        dct = facts[ref.article].article.dct
        want = title_lookup_key(ent.titles[0]) if ent.titles else ""
        want = _held_head(want, holders, ent.affiliation)
        if not want:
            continue
        key = (want, ent.affiliation, dct)
        if key not in memo:
            seen: Counter[str] = Counter()
            for gid, first, last, n in holders.get(want, ()):
                if ent.affiliation and not _affiliated(groups[gid], ent.affiliation):
                    continue
                if dct and first and last and not (first - _TITLE_SLACK <= dct <= last + _TITLE_SLACK):
                    continue
                seen[gid] += n
            ranked = sorted(seen, key=lambda gid: (-seen[gid], gid))
            one = len(ranked) == 1 or (len(ranked) > 1 and seen[ranked[0]] >= _P.dominance * seen[ranked[1]])
            memo[key] = ranked[0] if one else None
        holder = memo[key]
        if holder is not None:
            out[ref] = holder
    return out


def _held_head(want: str, holders: dict[str, list[_Holder]], affiliation: str | None) -> str:
    """``الرئيس التركي الإسلامي المحافظ``, ``ولي العهد الأمين``: a post with epithets after
    it is the longest head of it that someone holds; never a former post (``الأسبق``), and
    one word only when it names a head of state with its country (``الرئيس`` + TR)."""
    words = want.split()
    if want in holders or _FORMER & set(words):
        return want
    for k in range(len(words) - 1, 0, -1):
        head = " ".join(words[:k])
        if k == 1 and not (affiliation and head in _HEADS_OF_STATE):
            break
        if head in holders:
            return head
    return want


_HEADS_OF_STATE = lexicon.words("HEADS_OF_STATE")


def _affiliated(g: _Group, affiliation: str) -> bool:
    """The holder was seen with the post's country (``وزير الخارجية السعودي عادل الجبير``):
    a holder of unknown country does not answer ``وزير الخارجية الروسي``."""
    return affiliation in g.affiliations or any(post.affiliation == affiliation for post in g.titles)


_FORMER = lexicon.words("FORMER_POST_WORDS")


def _trim_overreach(persons: list[tuple[LocalRef, str]]) -> dict[str, str]:
    """Keys that are a well-known name plus stray words → that name.

    Extraction sometimes runs a name into the next words (``باراك أوباما مروجا لاتفاقه``,
    ``خارجيته جون كيري``, ``السيسي انفتح``). The corpus tells: the name without them is a
    key seen in at least twice as many articles, and the words cut off are rare beside it.
    A one-word core must be a family name of someone well known (``أوباما``, last word of
    ``باراك أوباما``), never a given name (``سلمان العودة`` is not ``سلمان``).
    """
    articles: dict[str, set[int]] = defaultdict(set)
    for ref, key in persons:
        articles[key].add(ref.article)
    with_word: dict[str, int] = Counter()
    family: Counter[str] = Counter()
    for key, arts in articles.items():
        words = key.split()
        for w in set(words):
            with_word[w] += len(arts)
        if len(words) >= 2 and words[-2] not in NAME_LINKS:
            family[words[-1]] += len(arts)
    out: dict[str, str] = {}
    for key, arts in articles.items():
        words = key.split()
        n = len(arts)
        # ``وكيري``, ``لأوباما``: a clitic left on the name (the statistical recogniser's spans
        # keep it), when the bare name is a key or a family name seen more often.
        bare = _without_clitic(words, articles, family, n)
        if bare is not None:
            out[key] = bare
            continue
        # Every window of the key, longest first: stray words before it, after it, or both.
        windows = [
            (a, a + size) for size in range(len(words) - 1, 0, -1) for a in range(len(words) - size + 1)
        ]
        for a, b in windows:
            rest = words[a:b]
            core = " ".join(rest)
            if core not in articles or len(articles[core]) < 2 * n or rest[-1] in NAME_LINKS:
                continue
            # The words that touch the name decide (``حفيد`` in ``… حفيد عبد العزيز``).
            touching = words[a - 1 : a] + words[b : b + 1]
            if any(
                w in NAME_LINKS or (with_word[w] > n and with_word[w] * 4 > len(articles[core]))
                for w in touching
            ):
                continue
            if len(rest) == 1 and (a != 0 or family[core] < 2 * n + 3):
                continue  # a one-word core: only a family name, only with words cut after it
            if len(rest) == 1 and n >= 2 and b < len(words) and words[b][:2] == "ال" and words[b][-1] == "ي":
                # ``شكري الزعلاني`` in two reports: a given name and a family name, not
                # ``شكري`` and a stray adjective (``أردوغان المعادي``, once).
                continue
            out[key] = core
            break
    for key in list(out):  # ``A B C`` → ``A B`` → ``B``: to the end of the chain
        seen = {key}
        while out[key] in out and out[key] not in seen:
            seen.add(out[key])
            out[key] = out[out[key]]
    return out


def _without_clitic(
    words: list[str], articles: dict[str, set[int]], family: Counter[str], n: int
) -> str | None:
    for prefix, stem in bare_forms(words[0])[1:]:
        if prefix not in _CLITICS or len(stem) < 3:
            continue
        alt = " ".join([stem, *words[1:]])
        if len(articles.get(alt, ())) >= n or (len(words) == 1 and family[stem] >= n + 2):
            return alt
    return None


_CLITICS = lexicon.words("NAME_CLITICS")


# A unit of person clustering: a name key, and for a one-word name the heads of the posts
# written with it in its article (``""`` for none). ``سلمان`` with ``الملك`` may be the king;
# ``سلمان`` with no post (a footballer, in a sports report) or with ``الدكتور`` must not ride
# on that post, so one-word names are clustered apart by post and join others alone.
class Unit(NamedTuple):
    key: str
    posts: str  # the heads of its posts, "|"-joined (``""`` for a longer name, or none)


def _unit(facts: list[ArticleFacts], ref: LocalRef, key: str) -> Unit:
    if " " in key:
        return Unit(key, "")
    ent = facts[ref.article].entities[ref.entity]
    return Unit(key, "|".join(sorted({normalize(t).split()[0] for t in ent.titles if t.strip()})))


def _cluster_persons(facts: list[ArticleFacts], persons: list[tuple[LocalRef, str]]) -> dict[LocalRef, str]:
    """Local person → the key of its cluster (the fullest name of that person)."""
    units = [(ref, _unit(facts, ref, key)) for ref, key in persons]
    titles_of: dict[Unit, set[str]] = defaultdict(set)
    articles_of: Counter[Unit] = Counter(u for (_a, _e), u in set(((r.article, 0), u) for r, u in units))
    for ref, u in units:
        ent = facts[ref.article].entities[ref.entity]
        titles_of[u].update(normalize(t) for t in ent.titles)
    order = sorted(set(u for _, u in units), key=lambda u: (-len(u.key.split()), u))
    clusters: list[Unit] = []  # representatives
    members: list[list[str]] = []  # the names each cluster took in
    # Blocking: a shorter name is compared only with clusters holding all its words, and a
    # same-length one also with those whose first word has its shape (transliterations);
    # cost then grows with the corpus, not with how common ``محمد`` or ``بن`` is.
    by_word: dict[str, set[int]] = defaultdict(set)
    by_shape: dict[tuple[int, str, str], set[int]] = defaultdict(set)
    by_last_shape: dict[str, set[int]] = defaultdict(set)  # family names by skeleton
    cluster_words: list[set[str]] = []
    generations: list[set[str]] = []  # father/son of each cluster, by the names it took in
    with_generation: set[int] = set()
    assign: dict[Unit, Unit] = {}
    for unit in order:
        words = unit.key.split()
        core = name_words(words)
        candidates: set[int] = set()
        if core:
            blocks = sorted((by_word.get(w, set()) for w in set(core)), key=len)
            if blocks[0]:
                candidates = set(blocks[0]).intersection(*blocks[1:])
            shaped = set().union(*(by_shape.get(k, set()) for k in first_word_shapes(core)), with_generation)
            candidates |= {c for c in shaped if set(words) & cluster_words[c]}
            if len(core) == 1:
                candidates |= by_last_shape.get(last_word_shape(core), set())
        gen = generation(words)
        # A fuller name is compared with every name a cluster took in, not only its
        # longest: ``منصور هادي`` is ``عبدربه منصور هادي`` whatever stray word the longest
        # spelling ran into. A one-word name only with the longest (``عبدالعزيز`` would
        # otherwise find a king's father in his lineage).
        matches = [
            c
            for c in sorted(candidates)
            if any(
                _same_person(unit, name, clusters[c], titles_of)
                for name in (members[c] if len(words) > 1 else (clusters[c].key,))
            )
            and not (gen and generations[c] - {gen})
        ]
        # ``عبدالله بن عبدالعزيز`` (the king, in many reports) is not ``عبدالله بن عبدالعزيز بن
        # مساعد`` (a prince, in a few): a famous short form does not join a rare longer lineage.
        matches = [
            c
            for c in matches
            if not (
                clusters[c].key.split().count("بن") > words.count("بن") >= 1
                and articles_of[unit] >= _P.dominance * articles_of[clusters[c]]
            )
        ]
        if len(matches) > 1 and titles_of[unit]:
            # ``كارتر`` with ``وزير الدفاع``: the one candidate who held that post.
            matches = [c for c in matches if titles_of[unit] & titles_of[clusters[c]]] or matches
        if len(matches) > 1 and len({generation(clusters[c].key.split()) for c in matches}) == 1:
            # One dominant reading: the name seen in three times as many articles as any
            # other candidate (a stray extraction does not make a name ambiguous); never
            # between a father and his son of one name (``جورج بوش``: الأب or الابن).
            ranked = sorted(matches, key=lambda c: -articles_of[clusters[c]])
            if articles_of[clusters[ranked[0]]] >= _P.dominance * max(1, articles_of[clusters[ranked[1]]]):
                matches = ranked[:1]
        if len(matches) == 1:
            rep = clusters[matches[0]]
            if gen:
                # ``جورج بوش الأب`` joined ``آنذاك جورج بوش``: his son no longer may.
                generations[matches[0]].add(gen)
            assign[unit] = rep
            if unit.key not in members[matches[0]]:
                members[matches[0]].append(unit.key)
            titles_of[rep] |= titles_of[unit]
            articles_of[rep] += articles_of[unit]
            continue
        # No match, or a short form that fits several people: its own node.
        clusters.append(unit)
        members.append([unit.key])
        generations.append({gen} if gen else set())
        cluster_words.append(set(words))
        idx = len(clusters) - 1
        assign[unit] = unit
        for w in core:
            by_word[w].add(idx)
        if core:
            for shape in first_word_shapes(core):
                by_shape[shape].add(idx)
            if len(core) >= 2:
                by_last_shape[last_word_shape(core)].add(idx)
        if len(core) < len(words):
            with_generation.add(idx)  # the shorter name once its marker is set aside
    # ``خامنئي`` alone, too short to choose among the Khameneis, is the one that
    # ``المرشد خامنئي`` (the same family name, with a post) was resolved to.
    by_family: dict[str, set[Unit]] = defaultdict(set)
    for unit, rep in assign.items():
        if " " not in unit.key and rep != unit and rep.key.split()[-1] == unit.key:
            by_family[unit.key].add(rep)
    for unit, rep in assign.items():
        if rep == unit and " " not in unit.key and len(by_family.get(unit.key, ())) == 1:
            assign[unit] = next(iter(by_family[unit.key]))
    # A given name alone that fits no one (``أحمد``, ``محمد``) names a different man in each
    # article: one node per article, not one node for every Ahmed in the corpus. A family
    # name alone (``أردوغان``) is one node, whatever posts came with it.
    out: dict[LocalRef, str] = {}
    for ref, unit in units:
        name = assign[unit].key
        if " " not in name and (is_known_first_name(name) or name in GIVEN_NAMES):
            name = f"{name} #{facts[ref.article].article.id}"
        out[ref] = name
    return out


def _same_person(unit: Unit, rep: str, rep_unit: Unit, titles_of: dict[Unit, set[str]]) -> bool:
    """``unit`` and the cluster of ``rep_unit`` (here by one of its names, ``rep``)."""
    key, post = unit
    if same_person_name(key, rep):
        short = key.split()
        if len(short) == 1:
            # A family name alone across articles: unless its posts conflict with his
            # (``الرئيس`` fits ``الرئيس الأمريكي``; ``وزير الدفاع`` does not fit ``الرئيس``).
            return _posts_fit(titles_of[unit], titles_of[rep_unit])
        return True
    w, r = key.split(), rep.split()
    if not post:
        return False  # no post: nothing tells this ``سلمان`` from another but the name
    # ``الملك سلمان`` ~ ``سلمان بن عبدالعزيز``: a given name alone, with a post both hold; a
    # courtesy title (``الأمير``, ``الرئيس``) names too many people to count.
    if len(w) != 1 or w[0] != r[0]:
        return False
    offices = {t for t in titles_of[unit] & titles_of[rep_unit] if len(t.split()) >= 2}
    # ``الملك عبدالعزيز`` ~ ``الملك المؤسس عبدالعزيز بن عبدالرحمن``: a king by his head title.
    # ``خادم الحرمين الشريفين`` counts as ``الملك`` (``title_lookup_key``).
    kings = _heads(titles_of[unit]) & _heads(titles_of[rep_unit])
    return bool(offices or kings & TITLES_ALONE)


def _heads(titles: set[str]) -> set[str]:
    return {w.split()[0] for t in titles if (w := title_lookup_key(t) or t).strip()}


def _posts_fit(a: set[str], b: set[str]) -> bool:
    if not a or not b:
        return True
    heads_a = {t.split()[0] for t in a if t}
    heads_b = {t.split()[0] for t in b if t}
    return bool(heads_a & heads_b)


def _add_affiliation_targets(groups: dict[str, _Group]) -> None:
    labels = country_labels()
    for g in list(groups.values()):
        for aff in g.affiliations:
            if aff in labels:
                gid = stable_id("place", aff)
                if gid not in groups:
                    groups[gid] = _Group(
                        "place", aff, Counter({labels[aff]: 1}), country=aff, subtype="country"
                    )


def _affiliation_id(aff: str, groups: dict[str, _Group], suffixes: dict[str, list[str]]) -> str | None:
    if aff in country_labels():
        return stable_id("place", aff)
    want = normalize(aff)
    exact = stable_id("organization", want)
    if exact in groups:
        return exact
    # ``الوفاق`` names ``حكومة الوفاق``: an organisation whose name ends in it.
    hits = suffixes.get(want, [])
    return hits[0] if len(hits) == 1 else None


def _org_suffixes(groups: dict[str, _Group]) -> dict[str, list[str]]:
    """Organisation ids by each proper word-suffix of their key."""
    index: dict[str, list[str]] = defaultdict(list)
    for gid, g in groups.items():
        if g.kind == "organization":
            ws = g.key.split()
            for i in range(1, len(ws)):
                index[" ".join(ws[i:])].append(gid)
    return index


def _freeze(gid: str, g: _Group, groups: dict[str, _Group], suffixes: dict[str, list[str]]) -> Entity:
    label = _label(g)
    aliases = tuple(sorted(n for n in g.names if n != label))
    titles = tuple(
        TitleHeld(t, _affiliation_id(aff, groups, suffixes) if aff else None, seen.first, seen.last)
        for (t, aff), seen in sorted(g.titles.items(), key=lambda kv: (kv[0].title, kv[0].affiliation or ""))
    )
    affiliation = None
    if g.affiliations:
        affiliation = _affiliation_id(g.affiliations.most_common(1)[0][0], groups, suffixes)
    country = g.country
    if g.kind == "person" and g.affiliations:
        top = g.affiliations.most_common(1)[0][0]
        country = top if top in country_labels() else None
    return Entity(
        gid,
        g.kind,
        label,
        aliases,
        titles,
        affiliation,
        country,
        g.subtype,
        tuple(dict.fromkeys(g.articles)),
        tuple(g.mentions),
    )


def _label(g: _Group) -> str:
    if g.kind == "place" and g.subtype in ("country", "region") and g.country in country_labels():
        return country_labels()[g.country]
    # A full name that many reports use: frequency weighted by length, so that neither a
    # stray longer extraction nor the bare family name becomes the label.
    if not g.names:
        return g.key  # only over-reaching spellings were seen: the name they reach for
    return max(g.names, key=lambda n: (g.names[n] * (1 + 0.5 * len(n.split())), n))


__all__ = ["resolve_entities", "stable_id"]
