"""Family names the corpus knows, found where an article uses them alone.

An article that writes only ``قام الجبير بزيارة قطر`` gives the recognisers nothing to go
on: ``الجبير`` with no post and no given name. The corpus does: hundreds of reports name
``عادل الجبير``. Before clustering, each family name that one person owns across the
corpus (his full name in at least three articles, three times as many as anyone else of
that family name) is looked for in every article, and each bare occurrence that no
mention covers becomes a person mention of its own; clustering then joins it to him by
family name, as it joins ``الجبير`` written after his full name.

Only distinctive family names: not a common word or noun (``الأسد``, ``صالح``, ``هادي``
are words too), not a given name, not a place.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import replace
from itertools import accumulate

from kg.arabic.names import NAME_PARAMS, is_known_first_name, name_likeness
from kg.arabic.normalize import normalize
from kg.arabic.tokens import bare_forms, strip_proclitics
from kg.lexicon.gazetteer import places, word_stats
from kg.lexicon.vocab import GIVEN_NAMES, NAME_LINKS, NAME_SECOND_PARTS, STOP_WORDS
from kg.model import ArticleFacts, LocalEntity, Mention
from kg.resolve.keys import place_key
from kg.resolve.params import RESOLVE_PARAMS as _P

_WORD = re.compile(r"[\u0621-\u064a\u0640\u064b-\u0652\u0670]+")


def add_family_repeats(facts: list[ArticleFacts]) -> list[ArticleFacts]:
    """``facts`` with bare, distinctive family names of well-known persons as mentions.

    Existing entities keep their indexes (events refer to them); new ones are appended.
    """
    owners = owned_family_names(facts)
    families = frozenset(owners)
    if not families:
        return facts
    seen: dict[str, tuple[str, int] | None] = {}  # surface word → (family, proclitic length)
    bare = [_bare_occurrences(f, families, seen) for f in facts]
    # A word met alone in a quarter as many articles as name its owner, or more, is a word first
    # (``المرشد`` of ``المرشد الأعلى``, though a ``محمد المرشد`` exists), or a family name
    # many bear (``العتيبي``): left alone.
    alone = Counter(family for found in bare for family in {x[2] for x in found})
    common = {family for family, n in alone.items() if 4 * n > owners[family]}
    keys = [{_entity_key(e) for e in f.entities} for f in facts]
    context = _contexts(facts, keys, families)
    out = []
    for f, found, here in zip(facts, bare, keys, strict=True):
        # The article must also name something the owner is named with again and again
        # (his ministry, the countries he deals with): ``السيسي`` beside ``مصر``.
        found = [x for x in found if x[2] not in common and here & context.get(x[2], set())]
        if not found:
            out.append(f)
            continue
        entities = list(f.entities)
        mentions = list(f.mentions)
        index: dict[str, int] = {}
        for start, end, family in found:
            if family not in index:
                index[family] = len(entities)
                entities.append(LocalEntity("person", f.article.text[start:end], family))
            surface = f.article.text[start:end]
            mentions.append(Mention(start, end, surface, "person", index[family], None, "corpus"))
        mentions.sort(key=lambda m: (m.start, m.end))
        out.append(replace(f, entities=tuple(entities), mentions=tuple(mentions)))
    return out


def _entity_key(e: LocalEntity) -> str:
    return f"{e.kind}:{place_key(e) if e.kind == 'place' else e.key}"


def _contexts(
    facts: list[ArticleFacts], keys: list[set[str]], families: frozenset[str]
) -> dict[str, set[str]]:
    """Per family name: entities named in two or more of its owner's articles, leaving out
    those in more than one article in twenty of the corpus (``السعودية`` tells nothing)."""
    seen: Counter[str] = Counter()
    near: dict[str, Counter[str]] = defaultdict(Counter)
    for f, here in zip(facts, keys, strict=True):
        seen.update(here)
        owners = {e.key.split()[-1] for e in f.entities if e.kind == "person" and " " in e.key}
        for family in owners & families:
            near[family].update(here)
    limit = max(len(facts) / 20, 3)
    return {
        family: {k for k, n in counts.items() if n >= 2 and seen[k] <= limit and not k.endswith(family)}
        for family, counts in near.items()
    }


def owned_family_names(facts: list[ArticleFacts]) -> dict[str, int]:
    """Distinctive last words of full person names, each owned by one person, with the
    number of articles that give the owner's full name."""
    articles: dict[str, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    with_post: dict[str, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    for a_idx, f in enumerate(facts):
        for e in f.entities:
            words = e.key.split()
            if e.kind != "person" or e.title_only or len(words) < 2 or words[-2] in NAME_LINKS:
                continue
            if _given_name(words[0]):  # ``أكسيد الكربون`` read as a person owns no family
                articles[words[-1]][words[0]].add(a_idx)
                if e.titles:
                    with_post[words[-1]][words[0]].add(a_idx)
    owned = {}
    for family, by_first in articles.items():
        ranked = sorted(by_first, key=lambda w: -len(by_first[w]))
        counts = [len(by_first[w]) for w in ranked]
        if counts[0] < _P.family_min_articles or (len(counts) > 1 and counts[0] < _P.dominance * counts[1]):
            continue
        if len(counts) > _P.family_max_bearers:
            continue  # ``العتيبي``, ``القحطاني``: a tribe's name, borne by many named people
        # A public figure, named with a post again and again (``وزير الخارجية عادل الجبير``);
        # a family name of people the news names without one is left alone.
        if len(with_post[family][ranked[0]]) >= _P.family_min_with_post and _distinctive(family):
            owned[family] = counts[0]
    return owned


def _name_like(word: str) -> bool:
    """A word that may be a given name, seen as one or never seen (``خيرية``, ``رهان``)."""
    return _given_name(word) or name_likeness(word) >= NAME_PARAMS.name_like


def _given_name(word: str) -> bool:
    stats = word_stats().get(word)
    return word in GIVEN_NAMES or is_known_first_name(word) or (stats is not None and stats.person > 0)


def _distinctive(word: str) -> bool:
    if len(word) < 4 or word in STOP_WORDS or word in GIVEN_NAMES or is_known_first_name(word):
        return False
    if name_likeness(word) < NAME_PARAMS.name_like:
        return False
    stats = word_stats().get(word)
    if stats is not None and (stats.common > 1 or stats.definite >= 3 or stats.place or stats.org):
        return False
    return word not in places()


def _bare_occurrences(
    f: ArticleFacts, families: frozenset[str], seen: dict[str, tuple[str, int] | None]
) -> list[tuple[int, int, str]]:
    text = f.article.text
    spans = sorted((m.start, m.end) for m in f.mentions)
    starts = [a for a, _ in spans]
    reach = list(accumulate((b for _, b in spans), max))  # furthest end so far
    out = []
    words = list(_WORD.finditer(text))
    for k, w in enumerate(words):
        surface = w.group()
        hit = seen.get(surface, _UNSEEN)
        if hit is _UNSEEN:
            hit = seen[surface] = _family_of(surface, families)
        if hit is None:
            continue
        family, prefix_len = hit
        start, end = w.start() + prefix_len, w.end()
        j = bisect_right(starts, start) - 1
        if j >= 0 and start < reach[j]:
            continue  # inside a mention already
        before = normalize(words[k - 1].group()) if k > 0 else ""
        if before in NAME_LINKS or before in NAME_SECOND_PARTS or (before and _name_like(before)):
            continue  # ``بن الجبير``, ``عبد العزيز الجبرين``, ``خيرية الزبن``: someone else's name
        if text[max(0, start - 2) : start].strip()[-1:] in ("#", "_"):
            continue  # a hashtag
        if k + 1 < len(words) and name_likeness(normalize(words[k + 1].group())) >= NAME_PARAMS.name_like:
            continue  # ``شكري الزعلاني``: the given name of someone else
        out.append((start, end, family))
    return out


_UNSEEN = ("", -1)


def _family_of(surface: str, families: frozenset[str]) -> tuple[str, int] | None:
    """(family name, characters of proclitics before it) when ``surface`` spells one."""
    for prefix, stem in bare_forms(normalize(surface)):
        if not prefix.endswith("ال") and stem in families:
            return stem, len(surface) - len(strip_proclitics(surface, stem))
    return None


__all__ = ["add_family_repeats", "owned_family_names"]
