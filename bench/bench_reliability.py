"""Reliability figures: a folder of hostile inputs built in one run.

    python bench/bench_reliability.py

Writes every kind of broken input the project promises to survive next to good articles,
runs ``kg build`` on the folder, and prints: inputs tried, faults survived (skipped with a
reason or repaired), good records loaded and records lost (must be zero), the exit code,
and whether the Turtle re-parses.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_BASE = "استقبل وزير الخارجية الليبي عمر الزروق اليوم في طرابلس السفير التركي كنعان يلماز"
_COUNT = iter(range(1, 1000))


def good() -> str:
    """A distinct good article each call (identical texts would count as duplicates)."""
    return f"{_BASE} في لقائهما رقم {next(_COUNT)}."


def make_inputs(d: Path) -> int:
    """Write the hostile folder; returns how many good records it holds."""
    count = 0
    (d / "good.txt").write_text(good(), encoding="utf-8")
    count += 1
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (d / "cp1256.txt").write_bytes(good().encode("cp1256"))
    count += 1
    (d / "utf16.txt").write_bytes(good().encode("utf-16"))
    count += 1
    (d / "invalid-utf8.txt").write_bytes(good().encode("utf-8") + b"\xff\xfe\xc3" + good().encode("utf-8"))
    count += 1
    (d / "controls.txt").write_text(good().replace(" ", " \x07\u200f", 3) + "\x00", encoding="utf-8")
    count += 1
    (d / "presentation.txt").write_text(
        "زار الوزير ﻃﺮﺍﺑﻠﺲ اليوم، والتقى وزير الداخلية یوسف ک.", encoding="utf-8"
    )
    count += 1
    (d / "tatweel.txt").write_text(good().replace("الخارجية", "الخـــارجية"), encoding="utf-8")
    count += 1
    (d / "one-line-1mb.txt").write_text((good() + " ") * (1_000_000 // (len(_BASE) + 20)), encoding="utf-8")
    count += 1
    (d / "truncated.json").write_text(
        json.dumps([{"text": good()}, {"text": good()}], ensure_ascii=False)[:-20]
    )
    count += 1  # the first, complete record survives
    lines = [json.dumps({"text": good(), "id": str(i)}, ensure_ascii=False) for i in range(3)]
    (d / "bad-line.jsonl").write_text(
        "\n".join([lines[0], "{not json", lines[1], '{"title": "بلا نص"}', lines[2]])
    )
    count += 3
    (d / "corrupt.zip").write_bytes(b"PK\x03\x04 this is not a zip")
    with zipfile.ZipFile(d / "slip.zip", "w") as z:
        z.writestr("../../escape.json", json.dumps({"text": good()}, ensure_ascii=False))
        z.writestr("ok.json", json.dumps({"text": good()}, ensure_ascii=False))
    count += 2  # both members are read in memory: the ``../../`` one is never written to disk
    (d / "no-text.html").write_text("<html><body><nav>قائمة</nav></body></html>", encoding="utf-8")
    (d / "notes.xyz").write_text("?", encoding="utf-8")
    return count


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "in", Path(tmp) / "out"
        src.mkdir()
        expected = make_inputs(src)
        proc = subprocess.run(
            [sys.executable, "-m", "kg.cli", "build", str(src), "--out", str(out), "--jobs", "1", "-q"],
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        report = json.loads((out / "build-report.json").read_text(encoding="utf-8"))["ingest"]
        import rdflib

        triples = len(rdflib.Graph().parse(out / "graph.ttl", format="turtle"))
        escaped = (Path(tmp).parent / "escape.json").exists() or (Path(tmp) / "escape.json").exists()
    inputs = 16
    skipped = len(report.get("skipped", []))
    repaired = len(report.get("repaired", []))
    print(f"inputs tried: {inputs} files (plus zip members and JSON records)")
    print(f"faults survived: {skipped} skipped with a reason, {repaired} repaired")
    loaded = report["articles"]
    print(f"good records: {expected}, loaded: {loaded}, lost: {max(0, expected - loaded)}")
    print(f"exit code: {proc.returncode} (3 = built, some inputs skipped)")
    print(f"graph.ttl re-parses: {triples} triples; zip member written outside: {escaped}")
    for item in report.get("skipped", [])[:20]:
        print(f"  skipped {Path(item['origin']).name}: {item['reason'][:90]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
