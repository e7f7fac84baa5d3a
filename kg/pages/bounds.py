"""How much evidence one article may put on a page: sentences, co-actors and events listed.

Pages carry the sentences behind each event and, on an entity's page, every event with
everyone else in it. An ordinary article adds a few of each; an unpunctuated page of a
megabyte adds thousands (one of 0.9 MB wrote a 3.7 GB graph.html and 9.3 GB of pages
before these bounds and the bounded sentences of ``kg.arabic.tokens``; 9.3 MB and 92 MB
after), so each list is cut here and the page says how many it left out. The bounds sit
above what news gives: on SaudiNewsNet's largest day (2015-07-21, 3,197 events) they
leave out 5 sentences (one event had 15 from one article), shorten 36 of 3,987 sentences
to the 1,000 characters around their trigger, and keep every entity's events and
co-actors.
The whole graph stays searchable on graph.html and queryable in the store.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TypeVar

from kg.model import EventMention, EventNode

# Characters of a sentence shown as evidence: a longer one is cut around its trigger.
MAX_EVIDENCE_CHARS = 1000
# Sentences of one article shown for one event (graph.html's panel and the event's page).
MAX_SENTENCES_PER_ARTICLE = 10
# Events of one article listed on an entity's page (the most reported first).
MAX_EVENTS_PER_ARTICLE = 20
# Co-actors listed with each event of an entity's page.
MAX_CO_ACTORS = 20
# Actors listed on an event's page (an unpunctuated article's mentions can merge into one
# event of hundreds).
MAX_ACTORS = 100
# Parties shown in an event's row of the events table (principals first; the row says how
# many more there are, and the event's page lists them all).
MAX_TABLE_PARTIES = 6

T = TypeVar("T")


def evidence(sentence: str, trigger_at: int, trigger_len: int, limit: int = MAX_EVIDENCE_CHARS) -> str:
    """``sentence``, or, when longer than ``limit``, a window of about ``limit`` characters
    around the trigger (at ``trigger_at`` in it), cut at spaces and marked with ``…``."""
    if len(sentence) <= limit:
        return sentence
    at = min(max(trigger_at, 0), len(sentence))
    start = max(0, min(at + trigger_len // 2 - limit // 2, len(sentence) - limit))
    end = start + limit
    if start > 0:
        space = sentence.find(" ", start, at)  # start on a word, never after the trigger
        start = space + 1 if space >= 0 else start
    if end < len(sentence):
        space = sentence.rfind(" ", at + trigger_len, end)
        end = space if space >= 0 else end
    return ("… " if start > 0 else "") + sentence[start:end].strip() + (" …" if end < len(sentence) else "")


def mention_evidence(m: EventMention, limit: int = MAX_EVIDENCE_CHARS) -> dict[str, str]:
    """The sentence (bounded) and the trigger of one event mention, for a page."""
    s, t = m.sentence, m.trigger
    return {"text": evidence(s.text, t.start - s.start, len(t.text), limit), "trigger": t.text}


def per_article(mentions: Sequence[EventMention], limit: int = MAX_SENTENCES_PER_ARTICLE) -> tuple[list, int]:
    """The mentions to show, at most ``limit`` of each article (in their order), and how
    many were left out."""
    seen: Counter[str] = Counter()
    kept = []
    for m in mentions:
        seen[m.article] += 1
        if seen[m.article] <= limit:
            kept.append(m)
    return kept, len(mentions) - len(kept)


def events_listed(events: Sequence[EventNode], limit: int = MAX_EVENTS_PER_ARTICLE) -> set[str]:
    """Ids of the events an entity's page lists: the most reported first, each while one of
    its articles has listed fewer than ``limit`` (a widely reported event always finds room;
    an article alone adds at most ``limit``)."""
    used: Counter[str] = Counter()
    kept: set[str] = set()
    for ev in sorted(events, key=lambda ev: (-len(ev.articles), ev.id)):
        articles = ev.articles or ("",)
        if all(used[a] >= limit for a in articles):
            continue
        used.update(articles)
        kept.add(ev.id)
    return kept


def first(items: Sequence[T], limit: int) -> tuple[list[T], int]:
    """The first ``limit`` items and how many were left out."""
    return list(items[:limit]), max(0, len(items) - limit)
