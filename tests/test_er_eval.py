"""The person-resolution scorer (bench/er_eval.py): its metrics on tiny hand-made clusterings
with known values, and the gold set it reads (checked against ../shared when present)."""

from __future__ import annotations

import importlib.util
import re
import sys
from collections import Counter, defaultdict
from itertools import pairwise
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import ROOT, SAUDINEWSNET, need_shared


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("er_eval", ROOT / "bench" / "er_eval.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


er = _load()

# gold {0,1,2} {3,4}; predicted {0,1} {2,3,4}
GOLD = ["a", "a", "a", "b", "b"]
PRED = ["x", "x", "y", "y", "y"]


def test_pairwise_on_a_small_clustering() -> None:
    counts = er.pair_counts(GOLD, PRED)
    assert (counts.gold, counts.predicted, counts.correct) == (4, 4, 2)  # (0,1) and (3,4) agree
    prf = er.pairwise(GOLD, PRED)
    assert prf.precision == pytest.approx(0.5)
    assert prf.recall == pytest.approx(0.5)
    assert prf.f1 == pytest.approx(0.5)


def test_bcubed_on_a_small_clustering() -> None:
    per = er.bcubed_per_mention(GOLD, PRED)
    expected = [(1, 2 / 3), (1, 2 / 3), (1 / 3, 1 / 3), (2 / 3, 1), (2 / 3, 1)]
    for (p, r), (ep, er_) in zip(per, expected, strict=True):
        assert p == pytest.approx(ep)
        assert r == pytest.approx(er_)
    prf = er.bcubed(GOLD, PRED)
    assert prf.precision == pytest.approx(11 / 15)
    assert prf.recall == pytest.approx(11 / 15)
    # Averaged over a subset (the two "b" mentions): precision 2/3, recall 1.
    sub = er.bcubed(GOLD, PRED, only=[3, 4])
    assert (sub.precision, sub.recall) == (pytest.approx(2 / 3), pytest.approx(1.0))


def test_perfect_all_split_and_all_merged() -> None:
    assert er.pairwise(GOLD, ["p", "p", "p", "q", "q"]) == er.Prf(1.0, 1.0, 1.0)
    assert er.bcubed(GOLD, ["p", "p", "p", "q", "q"]) == er.Prf(1.0, 1.0, 1.0)
    singletons = [str(i) for i in range(5)]
    pw = er.pairwise(GOLD, singletons)
    assert (pw.precision, pw.recall, pw.f1) == (1.0, 0.0, 0.0)  # no predicted pair to get wrong
    b3 = er.bcubed(GOLD, singletons)
    assert b3.precision == 1.0
    assert b3.recall == pytest.approx((3 * (1 / 3) + 2 * (1 / 2)) / 5)
    merged = er.pairwise(GOLD, ["m"] * 5)
    assert (merged.precision, merged.recall) == (pytest.approx(4 / 10), 1.0)
    b3m = er.bcubed(GOLD, ["m"] * 5)
    assert b3m.precision == pytest.approx((3 * (3 / 5) + 2 * (2 / 5)) / 5)
    assert b3m.recall == 1.0


def test_pair_counts_over_a_subset_of_pairs() -> None:
    counts = er.pair_counts(GOLD, PRED, keep=[(0, 1), (2, 3), (1, 2)])
    assert (counts.gold, counts.predicted, counts.correct) == (2, 2, 1)


def _mapped(cluster: str, kind: str, entity: str | None, surface: str = "س") -> object:
    gold = er.GoldMention("u", 0, 1, cluster, kind, "2015-08-03")
    return er.Mapped(gold, surface, entity, entity or er.NOT_FOUND, None)


def test_not_found_mentions_are_singletons_and_kinds_are_scored_apart() -> None:
    mapped = [
        _mapped("salman", "name", "e1"),
        _mapped("salman", "title", "e1"),
        _mapped("salman", "title", None),
        _mapped("salman", "title", None),  # two misses of one person are not merged
        _mapped("mbs", "name", "e1"),  # wrongly merged with salman
    ]
    result = er.score(mapped)
    assert result["not_found"] == 2
    assert result["gold_pairs"] == 6
    s = result["scores"]
    assert s["all"]["pair_counts"] == {"gold": 6, "predicted": 3, "correct": 1}
    assert s["name"]["pair_counts"] == {"gold": 0, "predicted": 1, "correct": 0}  # only (0,4)
    assert s["title"]["pair_counts"] == {"gold": 6, "predicted": 2, "correct": 1}
    errs = er.errors(mapped)
    assert errs["merged"][0]["gold"] == ["mbs", "salman"]
    assert errs["merged"][0]["pairs"] == 2
    assert errs["missed"] == [{"mentions": 2, "gold": "salman", "forms": ["س ×2"]}]


def test_read_gold_checks_its_header(tmp_path: Path) -> None:
    good = tmp_path / "g.tsv"
    good.write_text("# comment\nurl\tstart\tend\tcluster\tkind\tday\nhttp://x\t3\t9\tmbs\tname\t2015-08-03\n")
    assert er.read_gold(good) == [er.GoldMention("http://x", 3, 9, "mbs", "name", "2015-08-03")]
    bad = tmp_path / "b.tsv"
    bad.write_text("url\tstart\tend\tcluster\n")
    with pytest.raises(ValueError, match="header"):
        er.read_gold(bad)
    kind = tmp_path / "k.tsv"
    kind.write_text("url\tstart\tend\tcluster\tkind\tday\nhttp://x\t3\t9\tmbs\tnick\t2015-08-03\n")
    with pytest.raises(ValueError, match="kind"):
        er.read_gold(kind)


# Arabic letters (with diacritics/tatweel) and single spaces, starting and ending on a letter.
NAME_LIKE = re.compile(r"[\u0621-\u064a][\u0621-\u0652\u0640 ]*[\u0621-\u064a]")


@pytest.mark.shared
def test_gold_rows_point_at_names_in_real_articles() -> None:
    from kg.ingest import iter_articles

    gold = er.read_gold()
    clusters = Counter(g.cluster for g in gold)
    pairs = sum(n * (n - 1) // 2 for n in clusters.values())
    assert len(clusters) >= 100 or pairs >= 300
    assert {g.kind for g in gold} == {"name", "title"}
    assert len({(g.url, g.start, g.end) for g in gold}) == len(gold), "duplicate rows"
    by_day: dict[str, list] = defaultdict(list)
    for g in gold:
        by_day[g.day].append(g)
    for day, rows in sorted(by_day.items()):
        texts = {a.url: a.text for a in iter_articles([need_shared(SAUDINEWSNET / f"{day}.zip")])}
        spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for g in rows:
            assert g.url in texts, f"{day}: no article {g.url}"
            text = texts[g.url]
            assert g.end <= len(text), f"{g.url} {g.start}-{g.end} past the end"
            surface = text[g.start : g.end]
            assert NAME_LIKE.fullmatch(surface), f"{g.url} {g.start}-{g.end}: {surface!r}"
            assert len(surface.split()) <= 8, surface
            # The span does not cut a word: letters neither just before nor just after.
            assert g.start == 0 or not text[g.start - 1].isalpha() or text[g.start - 1] in "ولب"
            assert g.end == len(text) or not text[g.end].isalpha(), f"{g.url} {g.start}-{g.end}"
            spans[g.url].append((g.start, g.end))
        for url, ss in spans.items():
            ss.sort()
            for (_s1, e1), (s2, _e2) in pairwise(ss):
                assert s2 >= e1, f"overlapping gold spans in {url}"
