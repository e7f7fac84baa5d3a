"""Extract: one article in, its facts out. A pure function of the article (and package
data), so it can run in parallel processes or be mapped by Dask/Spark unchanged.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import replace

from kg.arabic.tokens import Token, sentence_spans, tokenize
from kg.extract.entities import chain
from kg.extract.events import ActorRef, RawRole, SentenceContext, VisitReceivers, find_events
from kg.extract.events.anchoring import ahead_weekdays, anchor_places, anchor_times
from kg.extract.events.roles import meeting_sides
from kg.extract.mentions import Found, find_mentions
from kg.extract.timex import find_times  # at module level: a missing hijridate fails, no dateless graph
from kg.lexicon.vocab import FAITH_WORDS
from kg.model import (
    Article,
    ArticleFacts,
    Event,
    LocalEntity,
    Mention,
    Role,
    Span,
    TimeExpression,
    role_priority,
)

# Articles the recogniser decodes together in ``extract_batch``: enough sentences (a few
# hundred) for its per-step matrix work to pay, few enough to spread over the workers.
EXTRACT_BATCH = 16


def extract_batch(articles: Sequence[Article], ner: str = "rules") -> list[ArticleFacts]:
    """``extract`` of each article; the statistical recogniser decodes them all at once
    (``kg.extract.ner.found.prime``), with the same answers as one article at a time."""
    return list(iter_extract_batch(articles, ner))


def iter_extract_batch(articles: Sequence[Article], ner: str = "rules") -> Iterator[ArticleFacts]:
    """``extract_batch``, each article's facts as soon as they are made (so that a time
    limit, ``kg.extract.budget``, keeps the articles finished before it struck)."""
    if ner != "rules":
        from kg.extract.ner import build_backend
        from kg.extract.ner.found import prime

        prime(build_backend(ner), [a.text for a in articles])
    for a in articles:
        yield extract(a, ner=ner)


def extract(article: Article, ner: str = "rules") -> ArticleFacts:
    """Facts of one article. ``ner``: ``rules`` (default, fast), or ``model``/``combined``
    to add the trained recogniser's mentions to the rules' (see ``kg.extract.ner``)."""
    text = article.text
    sentences = sentence_spans(text)
    sent_tokens: list[list[Token]] = [tokenize(text[s:e], s) for s, e in sentences]
    all_tokens = [t for ts in sent_tokens for t in ts]
    found: list[Found] = []
    times_all = find_times(text, article.dct)
    time_starts = [t.start for t in times_all]  # sorted, non-overlapping
    for toks in sent_tokens:
        sentence_found = find_mentions(toks)
        if ner != "rules":
            from kg.extract.ner import build_backend
            from kg.extract.ner.found import add_model_mentions

            sentence_found = add_model_mentions(text, toks, sentence_found, backend=build_backend(ner))
        for f in sentence_found:
            k = bisect_right(time_starts, f.start) - 1
            if k >= 0 and f.start < times_all[k].end:
                continue  # a date is not a name
            if f.kind != "organization" and toks[f.first].norm in FAITH_WORDS:
                continue  # ``الله أصلح``, ``حفظه الله``: no one's name, no place
            found.append(f)
    mentions, entities = chain(found, all_tokens)
    mentions = [Mention(m.start, m.end, text[m.start : m.end], m.kind, m.entity, m.title) for m in mentions]
    dateline_idx = _dateline_entity(article, entities)
    pair = _main_country_pair(entities, mentions)
    events: list[Event] = []
    sides: tuple[int, ...] = ()  # entities of the last meeting, for ``الجانبان``
    sides_time: int | None = None
    frame_subject: int | None = None  # who acted last: the subject a later verb leaves out
    persons = frozenset(k for k, ent in enumerate(entities) if ent.kind == "person")
    mention_starts = [m.start for m in mentions]  # sorted
    for (s, e), toks in zip(sentences, sent_tokens, strict=True):
        tok_starts = [t.start for t in toks]
        actor_refs: list[ActorRef] = []
        place_refs: list[ActorRef] = []
        # Only the mentions and dates of this sentence (bisect: long articles stay linear).
        for m_idx in range(bisect_left(mention_starts, s), bisect_left(mention_starts, e)):
            m = mentions[m_idx]
            first = _token_at(toks, m.start, tok_starts)
            last = _token_at(toks, m.end - 1, tok_starts)
            if first is None or last is None:
                continue
            ref = ActorRef(m_idx, first, last)
            (place_refs if m.kind == "place" else actor_refs).append(ref)
            if m.kind == "place" and entities[m.entity].subtype in ("country", "region"):
                actor_refs.append(ref)  # states act: ``وقّعت ليبيا وتركيا مذكرة``
        times: list[tuple[int, TimeExpression, int]] = []  # (token, time, index in times_all)
        for t_idx in range(bisect_left(time_starts, s), bisect_left(time_starts, e)):
            te = times_all[t_idx]
            tok = _token_at(toks, te.start, tok_starts)
            if tok is not None:
                times.append((tok, te, t_idx))
        context = SentenceContext(
            tokens=toks,
            sentence=Span(s, e, text[s:e]),
            mentions=mentions,
            actor_refs=actor_refs,
            place_refs=place_refs,
            times=[(tok, te) for tok, te, _ in times],
            pair=pair,
            sides=sides,
            frame_subject=frame_subject,
            persons=persons,
        )
        for ev in find_events(context):
            if isinstance(ev, VisitReceivers):
                if receivers := _roles(ev.roles):
                    _add_receivers(events, receivers)
                continue
            if ev.subject is not None and ev.type != "Statement" and ev.subject in persons:
                frame_subject = ev.subject
            roles = _roles(ev.roles)
            if not roles and not ev.actorless:
                continue  # an event with no party stands only where the sentence allowed it
            time = times[ev.time][2] if ev.time is not None else None
            if time is None and ev.from_sides:
                time = sides_time  # ``ووقّع الجانبان في ختام اللقاء``: when the meeting was
            place = mentions[ev.place].entity if ev.place is not None else None
            if place is None and _is_current(times_all[time] if time is not None else None, article):
                # The dateline is where the reporter was: it places today's events only,
                # not the memorandum signed months before.
                place = dateline_idx
            events.append(Event(ev.type, ev.trigger, ev.sentence, roles, place, time, ev.status))
            if (two := meeting_sides(ev.type, ((r.entity, r.role) for r in roles))) is not None:
                sides, sides_time = two, time
    lead_end = sentences[0][1] if sentences else 0
    # A weekday of an event still ahead is the next one (tagged as the last one, out of context).
    times_all = ahead_weekdays(events, times_all, article.dct)
    events = anchor_places(anchor_times(events, times_all, text, article.dct, lead_end), times_all)
    return ArticleFacts(article, tuple(mentions), tuple(entities), tuple(times_all), tuple(events))


def _add_receivers(events: list[Event], roles: tuple[Role, ...]) -> None:
    """The host and officials who received the visitor join the article's latest visit; a
    receiver already there as a companion becomes its host."""
    for k in range(len(events) - 1, -1, -1):
        if events[k].type == "Visit":
            # The visitor does not receive himself (a post read as his, ``وزير الخارجية``).
            visitors = {r.entity for r in events[k].roles if r.role == "visitor"}
            roles = tuple(r for r in roles if r.entity not in visitors)
            if any(r.role == "host" for r in events[k].roles):
                # ``كما كان في استقباله …``: the host was named first; these stood beside him.
                roles = tuple(replace(r, role="attendee") for r in roles)
            elif roles and all(r.role != "host" for r in roles):
                roles = (replace(roles[0], role="host"), *roles[1:])
            new = {r.entity: r for r in roles}
            kept = tuple(
                r
                for r in events[k].roles
                if r.entity not in new or role_priority(r.role) <= role_priority(new[r.entity].role)
            )
            held = {r.entity for r in kept}
            events[k] = replace(events[k], roles=kept + tuple(r for r in roles if r.entity not in held))
            return


def _is_current(te: TimeExpression | None, article: Article) -> bool:
    if te is None or te.begin is None or article.dct is None:
        return te is None or te.relative
    return abs((te.begin - article.dct).days) <= 1


def _token_at(tokens: list[Token], pos: int, starts: list[int] | None = None) -> int | None:
    starts = starts if starts is not None else [t.start for t in tokens]
    k = bisect_right(starts, pos) - 1
    return k if k >= 0 and pos < tokens[k].end else None


# Roles that are the two sides of one event: an actor named again later in the clause
# (``تلقى الملك اتصالاً من هولاند جدد خلاله ترحيبه بالملك``) keeps the side named first.
_OPPOSITE = {"host": "guest", "guest": "host", "caller": "callee", "callee": "caller"}


def _roles(raw: tuple[RawRole, ...]) -> tuple[Role, ...]:
    """One role per entity: the most specific (``role_priority``), keeping a mention of it
    (-1: none written); a role opposite to the one it holds (``_OPPOSITE``) is dropped."""
    best: dict[int, Role] = {}
    for r in raw:
        old = best.get(r.entity)
        if old is not None and _OPPOSITE.get(old.role) == r.role:
            continue
        if old is None or role_priority(r.role) < role_priority(old.role):
            mention = r.mention if r.mention is not None else (old.mention if old else -1)
            best[r.entity] = Role(r.entity, r.role, mention)
    return tuple(best.values())


def _main_country_pair(entities: list[LocalEntity], mentions: list[Mention]) -> tuple[int, int] | None:
    """The two countries an article is about, for ``البلدين`` (``the two countries``)."""
    counts: Counter[int] = Counter()
    for m in mentions:
        ent = entities[m.entity]
        if ent.kind == "place" and ent.subtype == "country":
            counts[m.entity] += 1
    top = [idx for idx, _ in counts.most_common(2)]
    return (top[0], top[1]) if len(top) == 2 else None


def _dateline_entity(article: Article, entities: list[LocalEntity]) -> int | None:
    """The dateline's place (``وج – طرابلس``): the default location of the article's events.

    It sits outside the body, so it may have no mention; it is added as an entity then.
    """
    if not article.dateline_place:
        return None
    from kg.arabic.normalize import normalize
    from kg.lexicon.gazetteer import places

    want = normalize(article.dateline_place)
    for idx, ent in enumerate(entities):
        if ent.kind == "place" and ent.key == want:
            return idx
    place = places().get(want)
    if place is None:
        return None
    entities.append(LocalEntity("place", place.label, place.key, (), (), None, place.country, place.subtype))
    return len(entities) - 1


__all__ = ["EXTRACT_BATCH", "extract", "extract_batch", "iter_extract_batch"]
