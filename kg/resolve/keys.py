"""What a local entity resolves by, for the modules that both need it: ``entities`` (which
groups by it) and ``repeats`` (which compares the entities of articles by it)."""

from __future__ import annotations

from kg.model import LocalEntity


def place_key(ent: LocalEntity) -> str:
    """What a place resolves by: a state by its country code (``ليبيا``, ``الليبية``), any
    other place by its name key."""
    return ent.country if ent.subtype in ("country", "region") and ent.country else ent.key


__all__ = ["place_key"]
