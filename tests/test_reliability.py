"""Builds that are interrupted, locked or fed random text: nothing is lost or half-written."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.build import BuildLocked, build, output_lock
from kg.extract import extract
from kg.model import Article
from kg.rdf import to_turtle
from kg.resolve import resolve
from tests.conftest import ROOT, SAUDINEWSNET, need_shared

_PIECES = st.one_of(
    st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
    st.characters(min_codepoint=0xFE70, max_codepoint=0xFEFF),
    st.sampled_from(list(" \n.,،:؛\"'<>&/\\-–0123456789٠١٢٣")),
    st.sampled_from(["استقبل ", "وزير الخارجية ", "اليوم ", "أمس ", "طرابلس ", "بن ", "</script>", "\u200f"]),
)
ARABIC = st.lists(_PIECES, max_size=120).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=ARABIC, dct=st.one_of(st.none(), st.dates(date(1990, 1, 1), date(2030, 12, 31))))
def test_extract_never_crashes_and_offsets_hold(text: str, dct: date | None) -> None:
    facts = extract(Article(id="h", text=text, dct=dct))
    for m in facts.mentions:
        assert text[m.start : m.end] == m.text
    for t in facts.times:
        assert text[t.start : t.end] == t.text
    for ev in facts.events:
        assert text[ev.trigger.start : ev.trigger.end] == ev.trigger.text
        assert all(0 <= r.entity < len(facts.entities) for r in ev.roles)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(ARABIC, min_size=1, max_size=3))
def test_turtle_always_reparses(texts: list[str]) -> None:
    facts = [
        extract(Article(id=f"a{i}", text=t, dct=date(2020, 7, 3), title=t[:20])) for i, t in enumerate(texts)
    ]
    ttl = to_turtle(resolve(facts))
    rdflib.Graph().parse(data=ttl, format="turtle")


def test_a_second_build_into_the_same_folder_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with output_lock(out), pytest.raises(BuildLocked, match="another build"):
        build([ROOT / "examples"], out, jobs=1, pages=False)
    proc = subprocess.run(
        [sys.executable, "-m", "kg.cli", "build", str(ROOT / "examples"), "--out", str(out), "-q"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert proc.returncode == 0  # the lock died with its holder


@pytest.mark.slow
def test_killed_builds_leave_the_previous_output_and_the_rebuild_equals_a_clean_one(tmp_path: Path) -> None:
    day = need_shared(SAUDINEWSNET / "2015-08-02.zip")
    reference = tmp_path / "reference"
    build([day], reference, jobs=2, pages=False)
    expected = (reference / "graph.ttl").read_bytes()

    out = tmp_path / "out"
    build([ROOT / "examples"], out, jobs=1, pages=False)
    previous = (out / "graph.ttl").read_bytes()
    rng = random.Random(11)
    for sig in (signal.SIGKILL, signal.SIGINT, signal.SIGKILL):
        proc = subprocess.Popen(
            [sys.executable, "-m", "kg.cli", "build", str(day), "--out", str(out), "--no-pages", "-q"],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        time.sleep(rng.uniform(0.5, 6.0))
        os.killpg(proc.pid, sig)
        _, err = proc.communicate(timeout=120)
        if proc.returncode == 0:
            continue  # finished before the signal: nothing to check this round
        assert (out / "graph.ttl").read_bytes() == previous
        rdflib.Graph().parse(out / "graph.ttl", format="turtle")
        if sig == signal.SIGINT:
            assert b"interrupted" in err
    build([day], out, jobs=2, pages=False)
    assert (out / "graph.ttl").read_bytes() == expected
    assert not list(out.glob(".staging-*"))
