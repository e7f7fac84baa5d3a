"""Incremental builds: ``kg build B --out O --add`` on a build of A equals a full build of A and B.

The example articles are split in two; both sets are built from one folder, so every
article keeps the same origin (which the Turtle records) on both paths.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from kg.build import build
from kg.facts import FACTS_DIR, MANIFEST
from tests.conftest import ROOT, SAUDINEWSNET, need_shared

EXAMPLES = ROOT / "examples"
# Files compared byte for byte (graph.html is not: its layout is not deterministic).
SAME_FILES = ("graph.ttl", "events.csv", "graph.graphml", "graph.gexf")


def kg(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kg.cli", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )


def ok(*args: str | Path) -> subprocess.CompletedProcess[str]:
    proc = kg(*args)
    assert proc.returncode == 0, f"kg {' '.join(map(str, args))} → {proc.returncode}\n{proc.stderr}"
    return proc


def report(out: Path) -> dict:
    return json.loads((out / "build-report.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def halves(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], list[Path]]:
    src = tmp_path_factory.mktemp("src")
    files = sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".json", ".jsonl", ".html"))
    for p in files:
        shutil.copy(p, src / p.name)
    copied = [src / p.name for p in files]
    # Interleaved, so neither half is a prefix of the full build's order.
    return copied[::2], copied[1::2]


@pytest.fixture(scope="module")
def builds(
    tmp_path_factory: pytest.TempPathFactory, halves: tuple[list[Path], list[Path]]
) -> tuple[Path, Path]:
    a, b = halves
    tmp = tmp_path_factory.mktemp("builds")
    inc, full = tmp / "inc", tmp / "full"
    ok("build", *a, "--out", inc, "--jobs", "1", "--no-pages")
    added = ok("build", *b, "--out", inc, "--add", "--jobs", "1", "--no-pages")
    assert "new articles to the" in added.stderr, added.stderr
    ok("build", *b, *a, "--out", full, "--jobs", "1", "--no-pages")  # another input order
    return inc, full


def test_add_equals_a_full_build(builds: tuple[Path, Path]) -> None:
    inc, full = builds
    for name in SAME_FILES:
        assert (inc / name).read_bytes() == (full / name).read_bytes(), name
    assert report(inc)["graph"] == report(full)["graph"]
    assert report(inc)["graph"]["articles"] == 7
    inc_info = report(inc)["incremental"]
    assert inc_info["held_before"] > 0 and inc_info["already_present"] == 0 and inc_info["replaced"] == 0
    # The store answers queries over both halves.
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert ok("query", inc, q, "--format", "csv").stdout == ok("query", full, q, "--format", "csv").stdout


def test_adding_what_is_there_changes_nothing(
    builds: tuple[Path, Path], halves: tuple[list[Path], list[Path]], tmp_path: Path
) -> None:
    inc, _ = builds
    out = tmp_path / "again"
    shutil.copytree(inc, out)
    before = (out / "graph.ttl").read_bytes()
    proc = ok("build", halves[0][0], "--out", out, "--add", "--jobs", "1", "--no-pages")
    assert "added 0 new articles" in proc.stderr
    assert (out / "graph.ttl").read_bytes() == before
    info = report(out)["incremental"]
    assert info["extracted"] == 0 and info["already_present"] >= 1


def test_same_id_with_new_content_replaces_the_old(tmp_path: Path) -> None:
    # A text without a dated dateline takes --date: the same article (same id) with another
    # publication day is new content, and replaces the version held.
    src = tmp_path / "a.txt"
    src.write_text(
        "استقبل وزير الخارجية نجلاء المنقوش نظيرها التركي مولود جاويش أوغلو في طرابلس اليوم.\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    build([src], out, default_dct=_date("2023-03-14"), jobs=1, pages=False, exports=False)
    result = build([src], out, default_dct=_date("2023-03-15"), jobs=1, pages=False, exports=False, add=True)
    assert result.incremental is not None and result.incremental["replaced"] == 1
    assert result.articles == 1
    ttl = (out / "graph.ttl").read_text(encoding="utf-8")
    assert "2023-03-15" in ttl and "2023-03-14" not in ttl


def test_damaged_or_missing_store_is_a_clear_error_and_keeps_the_output(
    builds: tuple[Path, Path], halves: tuple[list[Path], list[Path]], tmp_path: Path
) -> None:
    inc, _ = builds
    out = tmp_path / "damaged"
    shutil.copytree(inc, out)
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    shard = next((out / FACTS_DIR).glob("shard-*"))
    shard.write_bytes(shard.read_bytes()[:100])  # truncated
    proc = kg("build", halves[0][0], "--out", out, "--add", "--jobs", "1", "--no-pages")
    assert proc.returncode == 2
    line = proc.stderr.strip()
    assert len(line.splitlines()) == 1 and shard.name in line and "without --add" in line, line
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert {k: v for k, v in after.items() if k != shard.relative_to(out)} == {
        k: v for k, v in before.items() if k != shard.relative_to(out)
    }
    assert not list(out.glob(".staging-*"))

    (out / FACTS_DIR / MANIFEST).unlink()
    proc = kg("build", halves[0][0], "--out", out, "--add", "--jobs", "1", "--no-pages")
    assert proc.returncode == 2 and MANIFEST in proc.stderr and "built without a facts store" in proc.stderr

    nowhere = tmp_path / "nothing-here"
    proc = kg("build", halves[0][0], "--out", nowhere, "--add", "--no-pages")
    assert proc.returncode == 2 and "holds no build" in proc.stderr and not nowhere.exists()


def test_another_extractor_re_extracts_the_held_articles(
    builds: tuple[Path, Path], halves: tuple[list[Path], list[Path]], tmp_path: Path
) -> None:
    inc, full = builds
    out = tmp_path / "stale"
    shutil.copytree(inc, out)
    manifest_path = out / FACTS_DIR / MANIFEST
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest["extractor"]["files"] = "0" * 16  # as if made by an older extractor
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    result = build(halves[0][:1], out, jobs=1, pages=False, exports=False, add=True)
    assert result.incremental is not None and result.incremental["reextracted_all"]
    assert any("another extractor" in n for n in result.notes)
    assert (out / "graph.ttl").read_bytes() == (full / "graph.ttl").read_bytes()


@pytest.mark.shared
def test_saudinewsnet_day_added_to_a_day(tmp_path: Path) -> None:
    days = [need_shared(SAUDINEWSNET / "2015-07-22.zip"), need_shared(SAUDINEWSNET / "2015-07-23.zip")]
    parts = []
    for day in days:
        # The first 40 records of each day keep the test fast; ids come from the urls.
        with zipfile.ZipFile(day) as z:
            records = json.loads(z.read(z.infolist()[0]))[:40]
        path = tmp_path / f"{day.stem}.json"
        path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
        parts.append(path)
    opts = {"jobs": 1, "pages": False, "exports": False}
    build(parts[:1], tmp_path / "inc", **opts)
    added = build(parts[1:], tmp_path / "inc", add=True, **opts)
    whole = build(parts, tmp_path / "full", **opts)
    assert (
        added.incremental is not None
        and added.incremental["extracted"] == added.articles - added.incremental["held_before"]
    )
    assert (added.articles, added.entities, added.events) == (whole.articles, whole.entities, whole.events)
    assert (tmp_path / "inc" / "graph.ttl").read_bytes() == (tmp_path / "full" / "graph.ttl").read_bytes()


def _date(s: str):
    from datetime import date

    return date.fromisoformat(s)


def test_cached_facts_depend_on_every_word_list() -> None:
    """The word lists in kg/lexicon are what the rules read: a changed list must re-extract."""
    from kg.facts import hashed_files

    package = ROOT / "kg"
    hashed = set(hashed_files(with_model=False))
    lists = [p for p in (package / "lexicon").rglob("*") if p.is_file() and p.suffix in {".tsv", ".py"}]
    assert lists
    missing = [str(p.relative_to(ROOT)) for p in lists if p not in hashed]
    assert not missing, missing
    assert all(package / "extract" / "ner" not in p.parents for p in hashed)
