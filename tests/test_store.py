"""The SPARQL store: building it, the README's queries, formats, refusals, errors, timeouts."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import time
from pathlib import Path

import pytest
import rdflib

from kg.rdf import PREFIXES, write_turtle
from kg.store import QueryError, build_store, classify, open_store, refusal, run_query
from kg.store.results import cell, display_width, table
from tests.test_rdf import HOSTILE_NAME, sample_graph

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "ontology" / "README.md"
FORMATS = ("table", "csv", "tsv", "json")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("build")
    write_turtle(sample_graph(), out / "graph.ttl")
    build_store(out / "graph.ttl", out / "store")
    return out


@pytest.fixture(scope="module")
def store(built: Path) -> Path:
    return built / "store"


def readme_queries() -> dict[str, str]:
    """The README's example queries, by the heading above each."""
    text = README.read_text("utf-8")
    found = {}
    for m in re.finditer(r"^### (.+?)\n(?:.*?\n)*?```sparql\n(.*?)```", text, re.M | re.S):
        found[m.group(1).strip()] = m.group(2)
    return found


def _json_rows(result: str) -> list[dict[str, str]]:
    data = json.loads(result)
    return [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]]


# ---- building ------------------------------------------------------------------------


def test_build_store_replaces_the_old_store_whole(built: Path, tmp_path: Path) -> None:
    ttl = built / "graph.ttl"
    target = tmp_path / "store"
    build_store(ttl, target)
    build_store(ttl, target)  # over an existing store
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store"]  # no temp or old folders left
    s = open_store(target)
    assert len(s) == len(rdflib.Graph().parse(ttl))
    del s


def test_a_failed_build_keeps_the_previous_store(built: Path, tmp_path: Path) -> None:
    target = tmp_path / "store"
    build_store(built / "graph.ttl", target)
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .", encoding="utf-8")
    with pytest.raises(ValueError, match="not valid Turtle"):
        build_store(bad, target)
    assert run_query(target, "ASK { ?s ?p ?o }") == "true\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.ttl", "store"]


def test_missing_store_is_a_query_error(tmp_path: Path) -> None:
    with pytest.raises(QueryError, match="no store at"):
        run_query(tmp_path / "nowhere", "ASK {}")


# ---- the README's queries --------------------------------------------------------------------


def test_the_readme_has_the_example_queries() -> None:
    assert len(readme_queries()) == 5


def test_readme_events_with_actors_and_roles(store: Path) -> None:
    rows = _json_rows(run_query(store, readme_queries()["Events with their actors and roles"], "json"))
    got = {(r["type"].rsplit("#")[-1], r["name"], r["role"]) for r in rows}
    assert ("Meeting", "صلاح الدين النمروش", "host") in got
    assert ("Meeting", "خلوصي أكار", "guest") in got
    assert ("Agreement", "تركيا", "signatory") in got
    assert ("Visit", "أنقرة", "destination") in got
    assert ("Statement", "صلاح الدين النمروش", "speaker") in got
    assert len(rows) == 7


def test_readme_everything_about_a_person(store: Path) -> None:
    rows = _json_rows(run_query(store, readme_queries()["Everything about a person"], "json"))
    got = {(r["what"], r["value"], r.get("detail")) for r in rows}
    assert ("name", "صلاح الدين النمروش", None) in got
    assert ("alias", "صلاح النمروش", None) in got
    assert ("title", "وزير الدفاع", "2020-07-03 / 2020-07-05") in got
    assert ("affiliation", "حكومة الوفاق الوطني", None) in got
    assert ("event", "لقاء: النمروش، أكار", "host") in got
    assert ("event", "تصريح: النمروش", "speaker") in got
    assert sum(1 for r in rows if r["what"] == "source") == 2


def test_readme_events_in_a_date_range(store: Path) -> None:
    out = run_query(store, readme_queries()["Events in a date range"], "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["label"], r["stamp"]) for r in rows] == [
        ("اتفاق: حكومة الوفاق الوطني، تركيا", "2019-11"),
        ("لقاء: النمروش، أكار", "2020-07-03"),
    ]


def test_readme_sources_with_sentences(store: Path) -> None:
    rows = _json_rows(
        run_query(
            store, readme_queries()["The sources of an event, with the sentences it was read from"], "json"
        )
    )
    assert len(rows) == 1
    assert rows[0]["sentence"].startswith("طرابلس - استقبل وزير الدفاع")
    assert (rows[0]["begin"], rows[0]["published"]) == ("0", "2020-07-03")
    assert rows[0]["url"] == "https://example.org/news/1?id=5&lang=ar"


def test_readme_planned_and_unresolved(store: Path) -> None:
    rows = _json_rows(
        run_query(
            store, readme_queries()["Planned events, and events whose time could not be resolved"], "json"
        )
    )
    got = {(r["label"], r["status"].rsplit("#")[-1], r["written"]) for r in rows}
    assert got == {
        ("تصريح: النمروش", "Happened", "في وقت سابق"),
        ("زيارة: حكومة الوفاق الوطني إلى أنقرة", "Planned", "رمضان 1442"),
    }


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_readme_query_runs_in_every_format(store: Path, fmt: str) -> None:
    for name, sparql in readme_queries().items():
        assert run_query(store, sparql, fmt).strip(), name  # type: ignore[arg-type]


# ---- formats -----------------------------------------------------------------------------------

SELECT_NAMES = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <https://schema.org/>
SELECT ?person ?name WHERE { ?person a schema:Person ; rdfs:label ?name } ORDER BY ?person
"""


def test_select_in_all_formats(store: Path) -> None:
    tab = run_query(store, SELECT_NAMES, "table")
    lines = tab.splitlines()
    assert lines[0].split(" | ")[0].strip() == "person" and lines[-1] == "(3 rows)"
    assert "person:aaa111" in tab and "صلاح الدين النمروش" in tab
    assert "\\n" in tab and HOSTILE_NAME not in tab  # the newline is shown, not printed
    # Columns line up in display width, whatever the script.
    assert len({display_width(line.split(" | ")[0]) for line in lines[:-1] if " | " in line}) == 1

    rows = list(csv.reader(io.StringIO(run_query(store, SELECT_NAMES, "csv"))))
    assert rows[0] == ["person", "name"] and len(rows) == 4
    assert rows[3][1] == HOSTILE_NAME  # CSV quotes it and keeps it whole

    tsv = run_query(store, SELECT_NAMES, "tsv").splitlines()
    assert tsv[0] == "?person\t?name"
    assert tsv[1].startswith("<https://w3id.org/hadath/id/person/aaa111>\t") and tsv[1].endswith("@ar")

    data = json.loads(run_query(store, SELECT_NAMES, "json"))
    assert data["head"]["vars"] == ["person", "name"]
    third = data["results"]["bindings"][2]["name"]
    assert third == {"type": "literal", "value": HOSTILE_NAME, "xml:lang": "ar"}


def test_ask(store: Path) -> None:
    q = "PREFIX hd: <https://w3id.org/hadath/ontology#> ASK { ?e hd:status hd:Planned }"
    assert run_query(store, q, "table") == "true\n"
    assert json.loads(run_query(store, q, "json")) == {"head": {}, "boolean": True}
    assert run_query(store, q.replace("Planned", "Nowhere"), "csv").strip() == "false"


CONSTRUCT = """
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
CONSTRUCT { ?e ?roleType ?actor } WHERE { ?e sem:hasActor ?r . ?r rdf:value ?actor ; sem:roleType ?roleType }
"""


def test_construct(store: Path) -> None:
    ttl = run_query(store, CONSTRUCT, "table")
    assert "@prefix hd:" in ttl
    assert len(rdflib.Graph().parse(data=ttl, format="turtle")) == 7
    data = json.loads(run_query(store, CONSTRUCT, "json"))
    assert data["head"]["vars"] == ["s", "p", "o"] and len(data["results"]["bindings"]) == 7
    rows = list(csv.reader(io.StringIO(run_query(store, CONSTRUCT, "csv"))))
    assert rows[0] == ["s", "p", "o"] and len(rows) == 8
    tsv = run_query(store, CONSTRUCT, "tsv").splitlines()
    assert tsv[0] == "?s\t?p\t?o" and all(line.count("\t") == 2 for line in tsv)


def test_describe(store: Path) -> None:
    out = run_query(store, "DESCRIBE <https://w3id.org/hadath/id/place/tripoli>", "table")
    assert "طرابلس" in out


def test_unknown_format(store: Path) -> None:
    with pytest.raises(QueryError, match="unknown result format"):
        run_query(store, "ASK {}", "xml")  # type: ignore[arg-type]


# ---- refusals and errors -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sparql", "reason"),
    [
        ("INSERT DATA { <http://a> <http://b> <http://c> }", "SPARQL UPDATE \\(INSERT\\)"),
        ("PREFIX ex: <http://e/>\n delete where { ?s ?p ?o }", "SPARQL UPDATE \\(DELETE\\)"),
        ("# a comment\nLOAD <http://example.org/data.ttl>", "LOAD"),
        ("CLEAR ALL", "SPARQL UPDATE \\(CLEAR\\)"),
        ("DROP GRAPH <http://g>", "SPARQL UPDATE \\(DROP\\)"),
        ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "SERVICE"),
        ("select * { service silent <http://x/> { ?s ?p ?o } }", "SERVICE"),
        ("SELECT * WHERE { \\u0053ERVICE <http://x/> { ?s ?p ?o } }", "backslash"),
    ],
)
def test_updates_load_and_service_are_refused(store: Path, sparql: str, reason: str) -> None:
    with pytest.raises(QueryError, match=reason):
        run_query(store, sparql)


def test_words_in_strings_iris_and_variables_are_no_keywords() -> None:
    q = """PREFIX service: <http://e/insert#>
    SELECT ?service ?insert WHERE {
      ?service <http://e/SERVICE> "SERVICE { LOAD }" .  # SERVICE in a comment
      ?insert service:load 'DROP' . FILTER(LANG(?service) != "")
    }"""
    assert refusal(q) is None and classify(q) == "query"
    assert classify("PREFIX a: <http://a/> BASE <http://b/> INSERT DATA {}") == "update"


def test_the_store_is_not_changed_by_a_refused_update(store: Path) -> None:
    before = run_query(store, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", "csv")
    with pytest.raises(QueryError):
        run_query(store, "INSERT DATA { <http://a> <http://b> <http://c> }")
    assert run_query(store, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", "csv") == before


def test_updates_run_when_allowed(built: Path, tmp_path: Path) -> None:
    copy = tmp_path / "store"
    shutil.copytree(built / "store", copy)
    out = run_query(copy, "INSERT DATA { <http://a> <http://b> 'ج' }", "table", allow_update=True)
    assert out == "update applied\n"
    assert run_query(copy, "ASK { <http://a> <http://b> 'ج' }") == "true\n"
    # With a timeout the update runs in the worker, and lands too.
    run_query(copy, "DELETE DATA { <http://a> <http://b> 'ج' }", timeout=30, allow_update=True)
    assert run_query(copy, "ASK { <http://a> <http://b> 'ج' }", timeout=30) == "false\n"


def test_a_malformed_query_names_line_and_column(store: Path) -> None:
    q = "SELECT ?s WHERE {\n  ?s ?p ?o .\n} LIMIT ten"
    with pytest.raises(QueryError) as info:
        run_query(store, q)
    message = str(info.value)
    assert message.startswith("malformed SPARQL query: error at 3:9: expected")
    assert message.endswith("\n  3 | } LIMIT ten\n    |         ^")  # the caret under "ten"
    with pytest.raises(QueryError, match="error at 3:9"):  # the same through the worker
        run_query(store, q, timeout=30)


def test_a_runaway_query_is_stopped(store: Path) -> None:
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
    t0 = time.perf_counter()
    with pytest.raises(QueryError, match=r"stopped after 0\.5 s"):
        run_query(store, q, "table", timeout=0.5)
    assert time.perf_counter() - t0 < 5
    # and the store still answers
    assert run_query(store, "ASK { ?s ?p ?o }", timeout=30) == "true\n"


def test_timeout_must_be_positive(store: Path) -> None:
    with pytest.raises(QueryError, match="timeout"):
        run_query(store, "ASK {}", timeout=0)


def test_results_through_the_worker_match(store: Path) -> None:
    for fmt in FORMATS:
        assert run_query(store, SELECT_NAMES, fmt, timeout=30) == run_query(store, SELECT_NAMES, fmt)  # type: ignore[arg-type]


# ---- the table ------------------------------------------------------------------------------------


def test_table_widths_and_bidi() -> None:
    assert display_width("سَلام") == 4  # the fatha takes no column
    assert display_width("漢字") == 4
    out = table(["a", "b"], [[None, None]])
    assert out.splitlines()[-1] == "(1 row)"
    from pyoxigraph import Literal, NamedNode

    arabic = cell(Literal("مرحبا"))
    assert arabic == "\u2068مرحبا\u2069"  # isolated: the row keeps its column order
    assert cell(Literal("a\u202eb\tc")) == "a\\u202eb\\tc"  # no reordering tricks from the data
    iris = [[NamedNode("https://w3id.org/hadath/ontology#host")], [NamedNode("http://example.org/x/y")]]
    rows = table(["iri"], iris, PREFIXES).splitlines()
    assert rows[2:4] == ["hd:host", "<http://example.org/x/y>"]
    long = cell(Literal("ب" * 500))
    assert display_width(long) == 60 and long.endswith("…\u2069")


def test_store_folder_gets_the_usual_mode(store: Path) -> None:
    import os

    mask = os.umask(0o022)
    os.umask(mask)
    assert store.stat().st_mode & 0o777 == 0o777 & ~mask
