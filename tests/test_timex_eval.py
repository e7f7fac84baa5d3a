"""The hand-annotated SaudiNewsNet evaluation (bench/timex_eval.py) as a regression test.

Needs the corpus in ``../shared``; skipped in a fresh checkout."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

pytestmark = pytest.mark.shared


def _bench():
    spec = importlib.util.spec_from_file_location("timex_eval", ROOT / "bench" / "timex_eval.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(
    not (SHARED / "corpora" / "saudinewsnet").is_dir(), reason="SaudiNewsNet not found in ../shared"
)
def test_detection_and_values_on_hand_annotated_news() -> None:
    scores = _bench().evaluate(SHARED)
    assert scores.gold >= 100
    assert scores.f1 >= 0.95
    assert scores.value_accuracy >= 0.95
