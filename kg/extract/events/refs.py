"""How the event rules see a mention: by the token indexes it spans in its sentence."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ActorRef:
    mention: int  # index into the article's mentions
    first: int  # token index
    last: int
