"""A build logs its progress when stderr is a file or a pipe, not only on a terminal."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

from kg.progress import ProgressLog
from tests.conftest import ROOT


def test_off_a_terminal_a_line_per_stage_and_every_few_seconds() -> None:
    now = [0.0]
    out = io.StringIO()
    log = ProgressLog(out, every=5.0, clock=lambda: now[0])
    log("ingest", 0, None)
    for done in range(0, 1001, 100):
        now[0] += 1.0
        log("extract", done, 1000)
    log("resolve", 0, None)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("kg: ingest")
    extract = [line for line in lines if "extract" in line]
    # the first, one about every 5 s, and the last
    assert extract[0].startswith("kg: extract 0/1000") and extract[-1].startswith("kg: extract 1000/1000")
    assert 3 <= len(extract) <= 4
    assert lines[-1].startswith("kg: resolve")
    assert "\r" not in out.getvalue()


def test_a_build_with_stderr_to_a_file_names_its_stages(tmp_path: Path) -> None:
    log = tmp_path / "build.log"
    with log.open("w") as err:
        proc = subprocess.run(
            [sys.executable, "-m", "kg.cli", "build", str(ROOT / "examples"), "--out", str(tmp_path / "o")],
            stderr=err,
            stdout=subprocess.DEVNULL,
            cwd=ROOT,
            timeout=300,
        )
    assert proc.returncode == 0
    text = log.read_text(encoding="utf-8")
    for stage in ("ingest", "extract", "resolve", "rdf", "store", "pages", "exports"):
        assert f"kg: {stage}" in text, text
