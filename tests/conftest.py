"""Shared test helpers: where ../shared is, and skipping cleanly when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAUDINEWSNET = SHARED / "corpora" / "saudinewsnet"
SEED = SHARED / "seed" / "awj-2020-akar-tripoli.txt"


def need_shared(path: Path) -> Path:
    """Skip the calling test when a file of ../shared is absent (a user's checkout has none)."""
    if not path.exists():
        pytest.skip(f"needs {path} (the project's ../shared data), which is absent here")
    return path
