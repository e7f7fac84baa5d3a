"""Entity resolution across articles: one person, organisation or place is one node.

Persons are blocked by their name words and merged when one name is the other's fuller
form (``محمد بن سلمان`` ⊂ ``محمد بن سلمان بن عبدالعزيز``), when transliterations share a
consonant skeleton, or when a one-word name matches a family name. A short form that fits
two different people stays apart: ambiguity is never resolved by guessing.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from kg.arabic.normalize import normalize
from kg.arabic.tokens import bare_forms
from kg.extract.entities import (
    first_word_shapes,
    last_word_shape,
    name_words,
    same_person_name,
    title_lookup_key,
)
from kg.extract.names import is_known_first_name
from kg.extract.resources import country_labels
from kg.extract.vocab import NAME_LINKS, TITLES_ALONE
from kg.model import ArticleFacts, Entity, MentionRef, TitleHeld


def stable_id(kind: str, key: str) -> str:
    return f"{kind}/{hashlib.sha1(key.encode('utf-8')).hexdigest()[:12]}"


@dataclass
class _Group:
    kind: str
    key: str  # the fullest key seen; the id is minted from it
    names: Counter = field(default_factory=Counter)
    titles: dict = field(default_factory=dict)  # (title, affiliation) -> [first, last]
    affiliations: Counter = field(default_factory=Counter)
    country: str | None = None
    subtype: str | None = None
    articles: list = field(default_factory=list)
    mentions: list = field(default_factory=list)
    title_keys: set = field(default_factory=set)


LocalRef = tuple[int, int]  # (index of ArticleFacts, index of LocalEntity)


def resolve_entities(facts: list[ArticleFacts]) -> tuple[list[Entity], dict[LocalRef, str]]:
    """Resolved entities and the map from each article's local entity to its id."""
    groups: dict[str, _Group] = {}
    mapping: dict[LocalRef, str] = {}
    persons: list[tuple[LocalRef, str]] = []
    posts: list[LocalRef] = []  # posts written without a name
    for a_idx, f in enumerate(facts):
        for e_idx, ent in enumerate(f.entities):
            ref = (a_idx, e_idx)
            if ent.kind == "place":
                key = ent.country if ent.subtype in ("country", "region") and ent.country else ent.key
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
            _collect(g, f, e_idx)
    trimmed = _trim_overreach(persons)
    persons = [(ref, trimmed.get(key, key)) for ref, key in persons]
    person_ids = _cluster_persons(facts, persons)
    for ref, gid_key in person_ids.items():
        gid = stable_id("person", gid_key)
        mapping[ref] = gid
        g = groups.setdefault(gid, _Group("person", gid_key))
        # An over-reaching name (``جون كيري المنعقد``) adds its mentions, not its spelling.
        _collect(g, facts[ref[0]], ref[1], names=facts[ref[0]].entities[ref[1]].key not in trimmed)
    for ref, gid in _resolve_posts(facts, posts, groups).items():
        mapping[ref] = gid
        _collect_post(groups[gid], facts[ref[0]], ref[1])
    _add_affiliation_targets(groups)
    suffixes = _org_suffixes(groups)
    entities = [_freeze(gid, g, groups, suffixes) for gid, g in sorted(groups.items())]
    return entities, mapping


def _collect(g: _Group, f: ArticleFacts, e_idx: int, names: bool = True) -> None:
    ent = f.entities[e_idx]
    art = f.article
    g.articles.append(art.id)
    surfaces = [m for m in f.mentions if m.entity == e_idx]
    for m in surfaces:
        g.mentions.append(MentionRef(art.id, m.start, m.end, m.text))
    if names:
        g.names[ent.name] += max(1, len(surfaces))
        for alias in ent.aliases:
            g.names[alias] += 1
    for t in ent.titles:
        k = (t, ent.affiliation)
        span = g.titles.setdefault(k, [art.dct, art.dct])
        if art.dct:
            span[0] = min(d for d in (span[0], art.dct) if d)
            span[1] = max(d for d in (span[1], art.dct) if d)
        g.title_keys.add(normalize(t))
    if ent.affiliation:
        g.affiliations[ent.affiliation] += 1
    g.country = g.country or ent.country
    g.subtype = g.subtype or ent.subtype


def _collect_post(g: _Group, f: ArticleFacts, e_idx: int) -> None:
    """A post alone adds its mentions and article to the holder, not a name."""
    g.articles.append(f.article.id)
    g.mentions.extend(
        MentionRef(f.article.id, m.start, m.end, m.text) for m in f.mentions if m.entity == e_idx
    )


# A post alone names whoever held it within this many days of the days it was seen held.
_TITLE_SLACK = timedelta(days=7)


def _resolve_posts(
    facts: list[ArticleFacts], posts: list[LocalRef], groups: dict[str, _Group]
) -> dict[LocalRef, str]:
    """Posts written alone → the one person seen holding them then (``وزير الخارجية
    السعودي`` → عادل الجبير; ``خادم الحرمين الشريفين``, ``الملك`` → the king).

    Candidates hold a matching post (with a compatible country) within the days it was seen
    held; one candidate, or one seen in three times as many articles as any other (``الملك``
    in Saudi news), is the holder. Otherwise the post stays unattached: no guess.
    """
    # Holders by every post they answer (``holds_title``): each word-prefix of the post as
    # held and, for one-word posts (``الملك``), each of its words.
    holders: dict[str, list[tuple[str, date | None, date | None]]] = defaultdict(list)
    for gid, g in groups.items():
        if g.kind != "person" or len(g.key.split()) < 2:
            continue  # ``محمد`` alone is many men: no holder of a post
        for (title, _aff), (first, last) in g.titles.items():
            if _FORMER & set(normalize(title).split()):
                continue  # ``وزير الخارجية السابق``: not the holder now
            words = title_lookup_key(title).split()
            answers = {" ".join(words[:k]) for k in range(1, len(words) + 1)} | set(words)
            for want in answers:
                holders[want].append((gid, first, last))
    weight = {gid: len(set(g.articles)) for gid, g in groups.items() if g.kind == "person"}
    out: dict[LocalRef, str] = {}
    memo: dict[tuple[str, str | None, date | None], str | None] = {}
    for ref in posts:
        ent = facts[ref[0]].entities[ref[1]]
        dct = facts[ref[0]].article.dct
        want = title_lookup_key(ent.titles[0]) if ent.titles else ""
        if not want:
            continue
        key = (want, ent.affiliation, dct)
        if key not in memo:
            found: set[str] = set()
            for gid, first, last in holders.get(want, ()):
                if ent.affiliation and not _affiliated(groups[gid], ent.affiliation):
                    continue
                if dct and first and last and not (first - _TITLE_SLACK <= dct <= last + _TITLE_SLACK):
                    continue
                found.add(gid)
            ranked = sorted(found, key=lambda gid: (-weight[gid], gid))
            one = len(ranked) == 1 or (len(ranked) > 1 and weight[ranked[0]] >= 3 * weight[ranked[1]])
            memo[key] = ranked[0] if one else None
        if memo[key] is not None:
            out[ref] = memo[key]  # type: ignore[assignment]
    return out


def _affiliated(g: _Group, affiliation: str) -> bool:
    """The holder was seen with the post's country (``وزير الخارجية السعودي عادل الجبير``):
    a holder of unknown country does not answer ``وزير الخارجية الروسي``."""
    return affiliation in g.affiliations or any(aff == affiliation for (_t, aff) in g.titles)


_FORMER = frozenset(normalize(w) for w in ("السابق", "الأسبق", "الراحل", "سابقا"))


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
        articles[key].add(ref[0])
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


_CLITICS = frozenset(("و", "ف", "ل", "ب", "ك", "وب", "ول", "فب", "فل", "وك"))


def _cluster_persons(facts: list[ArticleFacts], persons: list[tuple[LocalRef, str]]) -> dict[LocalRef, str]:
    """Local person → the key of its cluster (the fullest name of that person)."""
    titles_of: dict[str, set[str]] = defaultdict(set)
    articles_of: Counter[str] = Counter(key for (_a, _e), key in set(((r[0], 0), k) for r, k in persons))
    for ref, key in persons:
        ent = facts[ref[0]].entities[ref[1]]
        titles_of[key].update(normalize(t) for t in ent.titles)
    keys = sorted(set(k for _, k in persons), key=lambda k: (-len(k.split()), k))
    clusters: list[str] = []  # representative keys
    # Blocking: a shorter name is compared only with clusters holding all its words, and a
    # same-length one also with those whose first word has its shape (transliterations);
    # cost then grows with the corpus, not with how common ``محمد`` or ``بن`` is.
    by_word: dict[str, set[int]] = defaultdict(set)
    by_shape: dict[tuple[int, str, str], set[int]] = defaultdict(set)
    by_last_shape: dict[str, set[int]] = defaultdict(set)  # family names by skeleton
    cluster_words: list[set[str]] = []
    with_generation: set[int] = set()
    assign: dict[str, str] = {}
    for key in keys:
        words = key.split()
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
        matches = [c for c in sorted(candidates) if _same_person(key, clusters[c], titles_of)]
        # ``عبدالله بن عبدالعزيز`` (the king, in many reports) is not ``عبدالله بن عبدالعزيز بن
        # مساعد`` (a prince, in a few): a famous short form does not join a rare longer lineage.
        matches = [
            c
            for c in matches
            if not (
                clusters[c].split().count("بن") > words.count("بن") >= 1
                and articles_of[key] >= 3 * articles_of[clusters[c]]
            )
        ]
        if len(matches) > 1 and titles_of[key]:
            # ``كارتر`` with ``وزير الدفاع``: the one candidate who held that post.
            matches = [c for c in matches if titles_of[key] & titles_of[clusters[c]]] or matches
        if len(matches) > 1:
            # One dominant reading: the name seen in three times as many articles as any
            # other candidate (a stray extraction does not make a name ambiguous).
            ranked = sorted(matches, key=lambda c: -articles_of[clusters[c]])
            if articles_of[clusters[ranked[0]]] >= 3 * max(1, articles_of[clusters[ranked[1]]]):
                matches = ranked[:1]
        if len(matches) == 1:
            rep = clusters[matches[0]]
            assign[key] = rep
            titles_of[rep] |= titles_of[key]
            articles_of[rep] += articles_of[key]
            continue
        # No match, or a short form that fits several people: its own node.
        clusters.append(key)
        cluster_words.append(set(words))
        idx = len(clusters) - 1
        assign[key] = key
        for w in core:
            by_word[w].add(idx)
        if core:
            for shape in first_word_shapes(core):
                by_shape[shape].add(idx)
            if len(core) >= 2:
                by_last_shape[last_word_shape(core)].add(idx)
        if len(core) < len(words):
            with_generation.add(idx)  # the shorter name once its marker is set aside
    # A given name alone that fits no one (``أحمد``, ``محمد``) names a different man in each
    # article: one node per article, not one node for every Ahmed in the corpus.
    alone = {k for k, rep in assign.items() if rep == k and " " not in k and is_known_first_name(k)}
    return {
        ref: f"{key} #{facts[ref[0]].article.id}" if key in alone else assign[key] for ref, key in persons
    }


def _same_person(key: str, rep: str, titles_of: dict[str, set[str]]) -> bool:
    if same_person_name(key, rep):
        short = key.split()
        if len(short) == 1:
            # A family name alone across articles: unless its posts conflict with his
            # (``الرئيس`` fits ``الرئيس الأمريكي``; ``وزير الدفاع`` does not fit ``الرئيس``).
            return _posts_fit(titles_of[key], titles_of[rep])
        return True
    w, r = key.split(), rep.split()
    # ``الملك سلمان`` ~ ``سلمان بن عبدالعزيز``: a given name alone, with a post both hold; a
    # courtesy title (``الأمير``, ``الرئيس``) names too many people to count.
    if len(w) != 1 or w[0] != r[0]:
        return False
    offices = {t for t in titles_of[key] & titles_of[rep] if len(t.split()) >= 2}
    # ``الملك عبدالعزيز`` ~ ``الملك المؤسس عبدالعزيز بن عبدالرحمن``: a king by his head title.
    kings = {t.split()[0] for t in titles_of[key] if t} & {t.split()[0] for t in titles_of[rep] if t}
    return bool(offices or kings & TITLES_ALONE)


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
        TitleHeld(t, _affiliation_id(aff, groups, suffixes) if aff else None, span[0], span[1])
        for (t, aff), span in sorted(g.titles.items(), key=lambda kv: (kv[0][0], kv[0][1] or ""))
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
        g.kind,  # type: ignore[arg-type]
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
