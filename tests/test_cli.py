"""End to end through the real CLI: build the bundled example, query it, extract one text."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import rdflib

from tests.conftest import ROOT

EXAMPLES = ROOT / "examples"


def kg(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, cwd=ROOT, timeout=300
    )
    if check and proc.returncode != 0:
        raise AssertionError(f"kg {' '.join(args)} → {proc.returncode}\n{proc.stderr}")
    return proc


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("example")
    kg("build", str(EXAMPLES), "--out", str(out), "--jobs", "1")
    return out


def test_build_writes_turtle_store_page_and_report(built: Path) -> None:
    for name in ("graph.ttl", "graph.html", "build-report.json"):
        assert (built / name).stat().st_size > 0, name
    assert (built / "store").is_dir()
    g = rdflib.Graph().parse(built / "graph.ttl", format="turtle")
    assert len(g) > 500
    report = json.loads((built / "build-report.json").read_text(encoding="utf-8"))
    assert report["ingest"]["articles"] == 7 and not report["ingest"]["skipped"]


def test_query_finds_the_reception_with_host_and_guest(built: Path) -> None:
    q = (ROOT / "queries" / "roles.rq").read_text(encoding="utf-8")
    rows = json.loads(kg("query", str(built), q, "--format", "json").stdout)["results"]["bindings"]
    hosts = {r["name"]["value"] for r in rows if r["role"]["value"] == "host" and r.get("date")}
    assert "نجلاء المنقوش" in hosts
    guests = {r["name"]["value"] for r in rows if r["role"]["value"] == "guest"}
    assert any("أوغلو" in g for g in guests)


def test_one_meeting_node_for_the_story_told_by_several_outlets(built: Path) -> None:
    q = """
    PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
    PREFIX hd: <https://w3id.org/hadath/ontology#>
    PREFIX prov: <http://www.w3.org/ns/prov#>
    PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
    SELECT ?e (COUNT(DISTINCT ?a) AS ?n) WHERE {
      ?e a hd:Meeting ; sem:hasTimeStamp ?d ; prov:wasDerivedFrom ?a ;
         sem:hasActor/rdf:value/rdfs:label "نجلاء المنقوش"@ar .
      FILTER(STR(?d) = "2023-03-14")
    } GROUP BY ?e ORDER BY DESC(?n)"""
    rows = list(csv_rows(kg("query", str(built), q, "--format", "csv").stdout))
    assert rows and int(rows[0]["n"]) >= 3, rows


def csv_rows(text: str):
    import csv
    import io

    return csv.DictReader(io.StringIO(text))


def test_query_formats_and_read_only(built: Path) -> None:
    ask = "ASK { ?s ?p ?o }"
    assert "true" in kg("query", str(built), ask, "--format", "json").stdout
    for fmt in ("table", "csv", "tsv"):
        assert kg("query", str(built), "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--format", fmt).stdout
    bad = kg("query", str(built), "INSERT DATA { <http://x> <http://y> <http://z> }", check=False)
    assert bad.returncode != 0 and "kg: error:" in bad.stderr and len(bad.stderr.strip().splitlines()) <= 4


def test_malformed_query_names_the_position(built: Path) -> None:
    bad = kg("query", str(built), "SELECT ?x WHERE { ?x ", check=False)
    assert bad.returncode == 1 and "1:22" in bad.stderr and "^" in bad.stderr


def test_extract_json_has_offsets_dates_and_roles() -> None:
    text = "استقبل وزير الخارجية الليبي عمر الزروق، اليوم الأربعاء، وزير التجارة التركي محمد بولات في طرابلس."
    out = json.loads(kg("extract", "--text", text, "--date", "2023-05-10").stdout)
    for m in out["mentions"]:
        assert text[m["start"] : m["end"]] == m["text"]
    assert any(t["value"] == "2023-05-10" for t in out["times"])
    ev = out["events"][0]
    assert ev["type"] == "Meeting" and ev["time"]["value"] == "2023-05-10"
    assert {r["role"] for r in ev["roles"]} >= {"host", "guest"}


def test_errors_are_one_clear_line(tmp_path: Path) -> None:
    missing = kg("build", str(tmp_path / "nope"), "--out", str(tmp_path / "o"), check=False)
    assert missing.returncode == 1 and "no such file" in missing.stderr
    assert "Traceback" not in missing.stderr
    bad_date = kg("extract", "--text", "نص", "--date", "3/7/2020", check=False)
    assert bad_date.returncode == 2 and "YYYY-MM-DD" in bad_date.stderr
    no_store = kg("query", str(tmp_path), "ASK {}", check=False)
    assert no_store.returncode == 1 and "kg build" in no_store.stderr


def test_skipped_inputs_set_the_exit_code(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(
        "استقبل وزير الخارجية الليبي عمر الزروق اليوم السفير التركي.", encoding="utf-8"
    )
    (src / "empty.json").write_text("", encoding="utf-8")
    proc = kg("build", str(src), "--out", str(tmp_path / "out"), "--no-pages", check=False)
    assert proc.returncode == 3, proc.stderr
    assert "empty.json" in proc.stderr
    assert (tmp_path / "out" / "graph.ttl").exists()
