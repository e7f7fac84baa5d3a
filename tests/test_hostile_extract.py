"""A huge unpunctuated article (issue #14): extraction stays linear, the budget skips what is
over it without losing the rest of the build, and pages stay bounded."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import time
from bisect import bisect_right
from pathlib import Path
from types import ModuleType

import pytest

from kg.arabic.tokens import MAX_SENTENCE_CHARS, sentence_spans
from kg.extract import extract_batch
from kg.extract.budget import ENV_MAX_CHARS, ENV_TIMEOUT, Limits, Skipped, extract_within, limits
from kg.model import Article
from tests.conftest import ROOT

EXAMPLES = ROOT / "examples"


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_hostile", ROOT / "bench" / "bench_hostile.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


hostile_text = _bench().hostile_text


def _best_seconds(text: str, ner: str, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        extract_batch([Article(id="h", text=text)], ner=ner)
        best = min(best, time.perf_counter() - t0)
    return best


def test_an_unpunctuated_article_is_cut_into_bounded_sentences() -> None:
    text = hostile_text(200_000)
    assert not any(c in text for c in ".!?؟\n")
    spans = sentence_spans(text)
    assert len(spans) > 20
    assert max(e - s for s, e in spans) <= MAX_SENTENCE_CHARS
    # Cut at spaces: no word is split, and nothing but spaces is left out.
    assert all(text[s - 1].isspace() for s, _ in spans[1:])
    assert "".join(text[s:e] for s, e in spans).replace(" ", "") == text.replace(" ", "")
    assert sum(e - s for s, e in spans) + len(spans) - 1 == len(text)


def test_extraction_time_grows_linearly_with_an_unpunctuated_article() -> None:
    small, large = hostile_text(20_000), hostile_text(200_000)
    extract_batch([Article(id="warm", text=small)], ner="model")  # models loaded outside the figures
    t_small = _best_seconds(small, "model", 3)
    t_large = _best_seconds(large, "model", 1)
    # Ten times the text: linear is ~10x, the quadratic scans of issue #14 were ~50-100x.
    # Generous slack for shared CI cores.
    assert t_large / t_small < 30, (t_small, t_large)


def test_model_spans_stay_inside_the_sentences_extract_sees() -> None:
    from kg.extract.ner import get_recogniser

    text = hostile_text(30_000)
    spans = sentence_spans(text)
    starts = [s for s, _ in spans]
    found = get_recogniser("model")(text)
    assert found
    for a, b, _label in found:
        k = bisect_right(starts, a) - 1
        assert k >= 0 and b <= spans[k][1], (a, b)
    facts = extract_batch([Article(id="h", text=text)], ner="model")[0]
    assert facts.mentions and facts.events
    assert all(text[m.start : m.end] == m.text for m in facts.mentions)


def _small_articles() -> list[Article]:
    base = "استقبل وزير الخارجية السعودي عادل الجبير اليوم في الرياض نظيره الروسي سيرغي لافروف"
    return [Article(id=f"a{i}", text=f"{base} في لقائهما {i}.", origin=f"small-{i}.txt") for i in range(5)]


def test_a_timeout_skips_only_the_slow_article_of_a_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.extract

    articles = _small_articles()
    slow = Article(id="slow", text=articles[0].text + " بطيء", origin="slow.txt")
    batch = [*articles[:2], slow, *articles[2:]]
    want = extract_batch(articles, ner="model")
    real = kg.extract.extract

    def extract(article: Article, ner: str = "rules"):
        if article.id == "slow":
            time.sleep(60)  # interrupted by the timer
        return real(article, ner=ner)

    monkeypatch.setattr(kg.extract, "extract", extract)
    t0 = time.perf_counter()
    got = extract_within(batch, ner="model", lim=Limits(timeout=1.0))
    assert time.perf_counter() - t0 < 20
    skipped = [r for r in got if isinstance(r, Skipped)]
    assert [s.origin for s in skipped] == ["slow.txt"]
    assert "time limit of 1 s" in skipped[0].reason and ENV_TIMEOUT in skipped[0].reason
    # The others, before and after it in the batch, as without the budget.
    assert [r for r in got if not isinstance(r, Skipped)] == want


def test_a_timeout_on_a_real_hostile_article_leaves_the_recogniser_sound() -> None:
    articles = _small_articles()
    big = Article(id="big", text=hostile_text(400_000), origin="big.txt")
    want = extract_batch(articles, ner="model")
    got = extract_within([articles[0], big, *articles[1:]], ner="model", lim=Limits(timeout=0.3))
    assert [r.origin for r in got if isinstance(r, Skipped)] == ["big.txt"]
    assert [r for r in got if not isinstance(r, Skipped)] == want
    # After interrupts anywhere inside the taggers, later articles get the same answers.
    assert extract_batch(articles, ner="model") == want


def test_the_size_limit_skips_before_any_work() -> None:
    big = Article(id="big", text="كلمة " * 300, origin="big.txt")
    got = extract_within([big, *_small_articles()[:1]], ner="rules", lim=Limits(max_chars=1000))
    assert isinstance(got[0], Skipped) and not isinstance(got[1], Skipped)
    assert "1,500 characters" in got[0].reason and "1,000" in got[0].reason and ENV_MAX_CHARS in got[0].reason


def test_limits_from_the_environment() -> None:
    assert limits({}) == Limits()
    assert limits({ENV_MAX_CHARS: "2_000_000", ENV_TIMEOUT: "0"}) == Limits(2_000_000, 0.0)
    for env in ({ENV_MAX_CHARS: "lots"}, {ENV_MAX_CHARS: "-5"}, {ENV_TIMEOUT: "nan"}, {ENV_TIMEOUT: "1m"}):
        with pytest.raises(ValueError, match=next(iter(env))):
            limits(env)


def _kg(args: list[str], env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kg.cli", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        env={**os.environ, **(env or {})},
    )


def test_the_budget_skip_keeps_the_rest_of_the_build(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for path in sorted(EXAMPLES.glob("*.txt")):
        (inputs / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (inputs / "hostile.txt").write_text(hostile_text(60_000), encoding="utf-8")

    env = {ENV_MAX_CHARS: "20000"}
    proc = _kg(["build", str(inputs), "--out", str(tmp_path / "out"), "--jobs", "1", "--no-exports"], env)
    assert proc.returncode == 3, proc.stderr  # built, some inputs skipped
    assert "hostile.txt" in proc.stderr and ENV_MAX_CHARS in proc.stderr
    report = json.loads((tmp_path / "out" / "build-report.json").read_text(encoding="utf-8"))
    (skip,) = report["ingest"]["skipped"]
    assert skip["origin"].endswith("hostile.txt")
    assert "over the extraction limit of 20,000" in skip["reason"] and f"{ENV_MAX_CHARS}=" in skip["reason"]
    assert report["graph"]["articles"] == 3

    (inputs / "hostile.txt").unlink()
    ref = _kg(["build", str(inputs), "--out", str(tmp_path / "ref"), "--jobs", "1", "--no-exports"], env)
    assert ref.returncode == 0, ref.stderr
    # The other articles' graph is the one a build without the hostile file gives.
    assert (tmp_path / "out" / "graph.ttl").read_bytes() == (tmp_path / "ref" / "graph.ttl").read_bytes()


def test_a_bad_limit_is_a_one_line_error(tmp_path: Path) -> None:
    proc = _kg(["build", str(EXAMPLES), "--out", str(tmp_path / "out")], {ENV_TIMEOUT: "soon"})
    assert proc.returncode == 1
    assert ENV_TIMEOUT in proc.stderr and "Traceback" not in proc.stderr


def test_pages_of_a_hostile_article_are_bounded(tmp_path: Path) -> None:
    from kg.pages import write_graph_page
    from kg.pages.bounds import (
        MAX_CO_ACTORS,
        MAX_EVENTS_PER_ARTICLE,
        MAX_EVIDENCE_CHARS,
        MAX_SENTENCES_PER_ARTICLE,
    )
    from kg.pages.node_pages import _Index, choose_paged, entity_page_data, event_page_data, write_pages
    from kg.resolve import resolve

    text = hostile_text(200_000)
    graph = resolve(extract_batch([Article(id="h", text=text, origin="h.txt")], ner="model"))
    idx = _Index(graph)
    entity_pages = [entity_page_data(idx, e, "ar") for e in graph.entities]
    assert any("events_omitted" in d for d in entity_pages)  # the caps are reached here
    for d in entity_pages:
        items = d["timeline"] + d["undated"]
        assert len(items) <= MAX_EVENTS_PER_ARTICLE  # one article
        assert all(len(it["others"]) <= MAX_CO_ACTORS for it in items)
    for ev in graph.events:
        for source in event_page_data(idx, ev, "ar")["sources"]:
            assert len(source["sentences"]) <= MAX_SENTENCES_PER_ARTICLE
            assert all(len(s["text"]) <= MAX_EVIDENCE_CHARS + 4 for s in source["sentences"])
            assert all(s["trigger"] in s["text"] for s in source["sentences"])

    paged = choose_paged(graph, 200)  # the build's choice, fewer (CI time)
    figures = write_pages(graph, tmp_path, paged=paged)
    page = write_graph_page(graph, tmp_path / "graph.html", max_nodes=300, node_pages=paged or True)
    size = len(text.encode("utf-8"))
    # Before the caps a 0.9 MB article wrote 583 MB of graph.html and 615 MB of pages. The
    # factor is per input byte: this word salad tells an event every ~270 characters (727
    # events since unwritten subjects are read, 510 before), each with its evidence.
    assert page["bytes"] < 20 * size, page
    assert figures["largest_bytes"] < 150_000, figures
