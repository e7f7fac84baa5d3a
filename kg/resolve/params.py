"""Tuned numbers of resolution, one frozen object said once (as ``NameParams`` is for names).

Each field says what it trades. They were set on the person gold set (``bench/er_eval.py``)
and the event gold set's dev split (``bench/events_eval.py --split dev``); change one and
score both again.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ResolveParams:
    # One candidate wins over the next when seen in this many times as many articles (a post
    # alone goes to its holder, a name to one of two clusters, a family name to one bearer).
    # Lower attaches more posts and names (recall) and more to the wrong person (precision).
    dominance: int = 3
    # A bare family name is a mention of one well-known person when its first bearer is named
    # in at least this many articles ...
    family_min_articles: int = 3
    # ... with a post in at least this many (a public figure: ``وزير الخارجية عادل الجبير``) ...
    family_min_with_post: int = 5
    # ... and at most this many given names are seen with it (more: a tribe, ``العتيبي``).
    family_max_bearers: int = 5
    # An undated report tells of an event at most this many days before its publication ...
    reported_within_days: int = 3
    # ... an undated announcement of one at most this many days after.
    announced_within_days: int = 10
    # Event mentions of one article compared with this many before and after: one event's
    # mentions sit near each other, and the bound keeps a huge article linear.
    near_mentions: int = 60


RESOLVE_PARAMS = ResolveParams()
