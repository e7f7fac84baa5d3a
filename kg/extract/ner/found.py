"""Statistical mentions for ``kg.extract.extract``: recogniser spans as rule ``Found``s.

``add_model_mentions`` keeps every rule mention (they carry posts and affiliations) and adds
the spans of a statistical backend that overlap none of them, as ``Found`` objects the
chaining step (``kg.extract.entities.chain``) takes as it takes the rules' own.
MISC spans are dropped (the graph has no node type for them).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import accumulate
from typing import NamedTuple

from kg import lexicon
from kg.arabic.names import is_known_first_name
from kg.arabic.normalize import display_form, normalize
from kg.arabic.tokens import Token
from kg.extract.mentions import Found
from kg.extract.ner import LABEL_KIND, Span3, get_recogniser
from kg.lexicon.gazetteer import word_stats
from kg.lexicon.vocab import FAITH_WORDS, GIVEN_NAMES
from kg.model import Kind


def add_model_mentions(
    text: str, sent_tokens: list[Token], found: list[Found], backend: str = "model"
) -> list[Found]:
    """``found`` (the rules' mentions of one sentence) plus the backend's new ones."""
    if not sent_tokens:
        return found
    s, e = sent_tokens[0].start, sent_tokens[-1].end
    out = list(found)
    article = _article_spans(backend, text)
    # Everything by bisection: an unpunctuated article has thousands of sentences and
    # spans, and a scan of all of them per sentence (or of every token per span) is
    # quadratic in its length.
    tok_starts = [t.start for t in sent_tokens]
    tok_ends = [t.end for t in sent_tokens]  # sorted too: tokens do not overlap
    rules = sorted((f.start, f.end) for f in found)
    rule_starts = [a for a, _ in rules]
    rule_reach = list(accumulate((b for _, b in rules), max))  # furthest end so far
    for n in range(bisect_left(article.starts, s), bisect_left(article.starts, e)):
        start, end, label = article.spans[n]
        if end > e:
            continue
        kind = LABEL_KIND.get(label)
        if kind is None or _overlaps(start, end, rule_starts, rule_reach):
            continue
        lo, hi = bisect_right(tok_ends, start), bisect_left(tok_starts, end) - 1  # tokens it covers
        if lo > hi:
            continue
        for first, last in _conjuncts(sent_tokens, lo, hi, kind):
            f = _found(text, sent_tokens, first, last, kind)
            if f is not None:
                out.append(f)
    return sorted(out, key=lambda f: f.start)


def _overlaps(start: int, end: int, starts: list[int], reach: list[int]) -> bool:
    """Whether ``[start, end)`` overlaps a span of those sorted by start (``reach``: the
    furthest end among the first k)."""
    k = bisect_left(starts, end)
    return k > 0 and reach[k - 1] > start


def _conjuncts(toks: list[Token], first: int, last: int, kind: str) -> list[tuple[int, int]]:
    """A person span the model ran over ``و`` (``رودريغيز وكيري``): two people."""
    if kind != "person":
        return [(first, last)]
    for k in range(first + 1, last + 1):
        norm = toks[k].norm
        stats = word_stats().get(norm)
        if (
            norm.startswith("و")
            and not norm.startswith("وال")
            and len(norm) >= 4
            and (stats is None or stats.person < 2)
        ):
            return [(first, k - 1), *_conjuncts(toks, k, last, kind)]
    return [(first, last)]


class _Spans(NamedTuple):
    spans: tuple[Span3, ...]  # sorted
    starts: list[int]  # their starts, for bisection


def _spans(found) -> _Spans:
    spans = tuple(sorted(found))
    return _Spans(spans, [a for a, _, _ in spans])


_PRIMED: dict[tuple[str, str], _Spans] = {}


def prime(backend: str, texts: list[str]) -> None:
    """Decode the articles about to be extracted in one batch (``kg build`` does, 16 at a
    time): the recogniser's per-step work then runs on hundreds of sentences at once, several
    times faster than article by article. Each article keeps its own answer (the repeat pass
    stays within the article); the previous batch's answers are dropped."""
    _PRIMED.clear()
    spans = get_recogniser(backend).pipe_documents(texts)
    for text, found in zip(texts, spans, strict=True):
        _PRIMED[(backend, text)] = _spans(found)


def _article_spans(backend: str, text: str) -> _Spans:
    """The backend's spans over the whole article, computed once for all its sentences.

    ``extract`` asks sentence by sentence; the recogniser splits sentences the same way
    (``kg.arabic.tokens.sentence_spans``) and decodes them all in one batch, which is much
    faster than one call per sentence.
    """
    hit = _PRIMED.get((backend, text))
    return hit if hit is not None else _decode(backend, text)


@lru_cache(maxsize=2)
def _decode(backend: str, text: str) -> _Spans:
    return _spans(get_recogniser(backend)(text))


def _found(text: str, toks: list[Token], first: int, last: int, kind: Kind) -> Found | None:
    from kg.arabic.names import name_key
    from kg.extract.mentions import match_place, place_found

    start, end = toks[first].start, toks[last].end
    prefix = ""
    if kind in ("place", "person"):
        # ``بطرابلس``: the same gazetteer match (clitics stripped) as the rule-based places;
        # a "person" that is a gazetteer place word for word (``الأحساء``) is the place.
        hit = match_place(toks, first)
        if hit is not None and hit[1] == last:
            return place_found(toks, first, last, hit[0], hit[2])
    if last == first and toks[first].norm in _NOT_NAMES:
        return None  # ``الجانبان``: the two sides, told by the events stage, not a name
    if kind == "person":
        last = _without_trailing_verb(toks, first, last)
        if last < first or any(toks[k].norm in FAITH_WORDS for k in range(first, last + 1)):
            return None  # ``الله``, ``نصر الله أصلح``: a word of faith is no one's name here
        end = toks[last].end
        start = _without_conjunction(toks[first])
    name = display_form(text[start:end])
    key = name_key(name) if kind != "place" else normalize(name)
    return Found(first, last, start, end, kind, name, key, prefix=prefix)


def _without_conjunction(tok: Token) -> int:
    """Where a person span starting on ``tok`` starts: after ``و`` when the word is a known
    given name behind it (``وفهد السليم``, ``وتركي الدحيلان``: the model took the conjunction
    of a list into the name) and no name itself (``وليد``, ``وائل`` keep their و; so does
    ``ومحمد``, which the known-name list holds as written)."""
    norm = tok.norm
    if len(norm) < 4 or norm[0] != "و" or norm in GIVEN_NAMES or is_known_first_name(norm):
        return tok.start
    rest = norm[1:]
    # Else a known first name of four letters or more that ANERcorp saw as a person too:
    # a short one may be the end of a name that starts with و (``وائل``: و + ``إيل``).
    seen = word_stats().get(rest)
    if rest in GIVEN_NAMES or (
        len(rest) >= 4 and is_known_first_name(rest) and seen is not None and seen.person > 0
    ):
        return tok.stem_start(rest)
    return tok.start


def _without_trailing_verb(toks: list[Token], first: int, last: int) -> int:
    """``… بن سلمان سيترأس``: the model ran the name into the verb after it."""
    from kg.arabic.names import future_verb
    from kg.lexicon.triggers import is_trigger_word

    while last >= first and (future_verb(toks[last].norm) or is_trigger_word(toks[last].norm)):
        last -= 1
    return last


_NOT_NAMES = lexicon.words("PAIR_WORDS")
