"""A broken time tagger fails the build: ``kg.extract`` does not swallow its import error
(it once returned no dates, so a worker missing ``hijridate`` built a dateless graph)."""

from __future__ import annotations

import importlib
import sys

import pytest


def test_broken_timex_import_is_not_swallowed(monkeypatch: pytest.MonkeyPatch) -> None:
    # ``None`` in sys.modules makes ``import kg.extract.timex`` raise ImportError; a fresh
    # ``kg.extract`` must then fail to import rather than fall back to no dates.
    monkeypatch.setitem(sys.modules, "kg.extract.timex", None)  # type: ignore[arg-type]
    monkeypatch.delitem(sys.modules, "kg.extract", raising=False)
    with pytest.raises(ImportError):
        importlib.import_module("kg.extract")


def test_extract_reads_dates() -> None:
    from datetime import date

    from kg.extract import extract
    from kg.model import Article

    facts = extract(Article(id="a", text="زار الرئيس القاهرة يوم 3 يوليو 2015.", dct=date(2015, 7, 21)))
    assert facts.times, "the time tagger ran"
