"""A read-only query never reaches the network (issue #14): SERVICE, however it is written, is refused.

The proof is a listener on 127.0.0.1 that counts every connection: each obfuscated query runs
through the real ``run_query`` (and the real ``kg query``) against a real store, and nothing
connects. The same queries with updates allowed do connect where Oxigraph would send them,
so the listener is shown to catch what it is there to catch.
"""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.store import QueryError, build_store, refusal, run_query
from kg.store.query import _engine_reads_service, _has_service, _parse_only, _parse_only_store, _rdflib_parse

ROOT = Path(__file__).resolve().parents[1]
REFUSED = r"SERVICE|backslash|LOAD"  # what every refusal here names
TIMEOUT = 20.0  # each query runs in a worker process that is killed after this, so nothing can hang

TURTLE = """\
@prefix e: <http://e/> .
e:a e:service "service" ; e:SERVICE "SERVICE <http://127.0.0.1:1/> { ?a ?b ?c }" ; e:name "ا" .
e:b e:p e:a .
"""


class Listener:
    """A TCP listener on 127.0.0.1 (a free port) that counts every connection and closes it at once.

    Closing at once makes Oxigraph's HTTP client fail fast instead of waiting for an answer. The
    thread stops itself after ``life`` seconds, or at ``stop()``.
    """

    def __init__(self, life: float = 300.0) -> None:
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(16)
        self._sock.settimeout(0.02)
        self.port = self._sock.getsockname()[1]
        self.iri = f"<http://127.0.0.1:{self.port}/>"
        self._count = 0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._deadline = time.monotonic() + life
        self._thread = threading.Thread(target=self._serve, name="no-network-listener", daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        try:
            while not self._stop.is_set() and time.monotonic() < self._deadline:
                try:
                    conn, _ = self._sock.accept()
                except TimeoutError:
                    continue
                with self._lock:
                    self._count += 1
                conn.close()
        finally:
            self._sock.close()

    def connections(self, settle: float = 0.1) -> int:
        """How many connections arrived since the last call (after ``settle`` s for one still queued)."""
        assert self._thread.is_alive(), "the listener stopped: a count of 0 would prove nothing"
        time.sleep(settle)
        with self._lock:
            n, self._count = self._count, 0
        return n

    def wait_for_one(self, within: float = 5.0) -> int:
        deadline = time.monotonic() + within
        n = 0
        while time.monotonic() < deadline:
            n += self.connections(settle=0.02)
            if n:
                break
        return n

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2)


@pytest.fixture(scope="module")
def listener():
    lis = Listener()
    yield lis
    lis.stop()


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A build folder with a real (small) store: OUT/store, as ``kg query OUT`` expects."""
    folder = tmp_path_factory.mktemp("safety")
    (folder / "graph.ttl").write_text(TURTLE, encoding="utf-8")
    build_store(folder / "graph.ttl", folder / "store")
    return folder


@pytest.fixture(scope="module")
def store(out: Path) -> Path:
    return out / "store"


# Each query names the endpoint as <URL> (the listener's address, filled in by ``_q``).
# The flag: whether Oxigraph 0.5 really sends a request for it when updates are allowed.
OBFUSCATED = {
    "the issue's #> trick": (
        "SELECT * WHERE { BIND(1 AS ?o) FILTER(?o<2).SERVICE#>\n<URL> { ?a ?b ?c } }",
        True,
    ),
    "< with no spaces": ("SELECT * WHERE { BIND(1 AS ?o) FILTER(?o<2)SERVICE<URL>{?a ?b ?c} }", True),
    "comment between keyword and IRI": ("SELECT * WHERE { SERVICE # SERVICE?\n <URL> { ?a ?b ?c } }", True),
    "comments all around": ("SELECT * WHERE {#{\nSERVICE#}\n<URL>#>\n{ ?a ?b ?c }#\n}", True),
    "a comment with >": ("SELECT * WHERE { BIND(1 AS ?o) FILTER(?o<3)#>\nSERVICE <URL> { ?a ?b ?c } }", True),
    "IRIs naming service": (
        "SELECT * WHERE { ?s <http://e/service> ?o . SERVICE <URL> { ?a <http://e/SERVICE> ?c } }",
        True,
    ),
    "endpoint prefixed name service:": (
        "PREFIX service: <URL> SELECT * WHERE { SERVICE service: { ?a ?b ?c } }",
        True,
    ),
    "SERVICE:x glued": ("PREFIX : <URL> SELECT * WHERE { SERVICE:x { ?a ?b ?c } }", True),
    "SERVICE:x glued, prefix SERVICE: declared": (
        "PREFIX SERVICE: <http://e/> PREFIX : <URL> SELECT * WHERE { SERVICE:x { ?a ?b ?c } }",
        True,
    ),
    "local name service": (
        "PREFIX e: <http://e/> SELECT * { ?s e:service ?o SERVICE <URL> { ?a ?b ?c } }",
        True,
    ),
    "sErViCe": ("select * where { sErViCe <URL> { ?a ?b ?c } }", True),
    "SERVICE SILENT": ("select * { service silent <URL> { ?a ?b ?c } }", True),
    "\\u0053ERVICE": ("SELECT * WHERE { \\u0053ERVICE <URL> { ?a ?b ?c } }", False),
    "\\u0073ervice": ("SELECT * WHERE { \\u0073ervice <URL> { ?a ?b ?c } }", False),
    "\\U00000053ERVICE": ("SELECT * WHERE { \\U00000053ERVICE <URL> { ?a ?b ?c } }", False),
    "'\\u0027' hides SERVICE from rdflib": (
        "SELECT * WHERE { BIND('\\u0027' AS ?z) SERVICE <URL> { ?a ?b ?c } BIND('\\u0027' AS ?w) }",
        True,
    ),
    "an escape in the endpoint IRI": (
        "SELECT * WHERE { SERVICE <http\\u003A//127.0.0.1:PORT/> { ?a ?b ?c } }",
        True,
    ),
    "SERVICE ?var, bound from outside": (
        "SELECT * WHERE { VALUES ?e { <URL> } FILTER EXISTS { SERVICE ?e { ?a ?b ?c } } }",
        True,
    ),
    "SERVICE ?var, unbound": ("SELECT * WHERE { SERVICE ?e { ?a ?b ?c } }", False),
    "nested groups": ("SELECT * { { { { SERVICE <URL> { ?a ?b ?c } } } } }", True),
    "a subquery": ("SELECT * { { SELECT ?a WHERE { SERVICE <URL> { ?a ?b ?c } } LIMIT 1 } }", True),
    "OPTIONAL": ("SELECT * { ?s ?p ?o OPTIONAL { SERVICE <URL> { ?a ?b ?c } } }", True),
    "UNION": ("SELECT * { { ?s ?p ?o } UNION { SERVICE <URL> { ?a ?b ?c } } }", True),
    "MINUS": ("SELECT * { ?s ?p ?o MINUS { SERVICE <URL> { ?s ?b ?c } } }", True),
    "FILTER EXISTS": ("SELECT * { ?s ?p ?o FILTER EXISTS { SERVICE <URL> { ?a ?b ?c } } }", True),
    "FILTER NOT EXISTS in a subquery": (
        "SELECT * { { SELECT * { ?s ?p ?o FILTER NOT EXISTS { { SERVICE <URL> { ?a ?b ?c } } } } } }",
        True,
    ),
    "EXISTS in a BIND": ("SELECT * { ?s ?p ?o BIND(EXISTS { SERVICE <URL> { ?a ?b ?c } } AS ?x) }", True),
    "GRAPH": ("SELECT * { GRAPH ?g { SERVICE <URL> { ?a ?b ?c } } }", False),
    "ASK": ("ASK { SERVICE <URL> { ?a ?b ?c } }", True),
    "CONSTRUCT": ("CONSTRUCT { ?a ?b ?c } WHERE { SERVICE <URL> { ?a ?b ?c } }", True),
    "DESCRIBE": ("DESCRIBE ?a WHERE { SERVICE <URL> { ?a ?b ?c } }", True),
    "a long string before it": (
        'SELECT * { BIND("""a " SERVICE""" AS ?x) SERVICE <URL> { ?a ?b ?c } }',
        True,
    ),
    "RDF 1.2 triple term (rdflib cannot parse)": (
        "SELECT * { BIND(<<( <http://e/a> <http://e/p> 1 )>> AS ?t) SERVICE <URL> { ?a ?b ?c } }",
        True,
    ),
    "LATERAL (rdflib cannot parse)": ("SELECT * { ?s ?p ?o LATERAL { SERVICE <URL> { ?a ?b ?c } } }", True),
    "LOAD": ("LOAD <URL>", True),
}

HARMLESS = {
    "a variable named service": ("SELECT ?service WHERE { ?service <http://e/service> ?o }", 1),
    "a literal 'service'": ("SELECT * WHERE { ?s ?p 'service' }", 1),
    "a literal holding a whole SERVICE clause": (
        'SELECT ?s WHERE { ?s <http://e/SERVICE> """SERVICE <http://127.0.0.1:1/> { ?a ?b ?c }""" }',
        1,
    ),
    "a prefix and a comment named service": (
        'PREFIX service: <http://e/> SELECT ?service WHERE { ?service service:service "service" }'
        " # SERVICE <URL> {}",
        1,
    ),
    "IRIs naming SERVICE": ("SELECT * WHERE { ?s <http://e/SERVICE> ?o }", 1),
    "?service next to ?servicx": (
        'SELECT ?service ?servicx { ?service ?p "service" BIND(?p AS ?servicx) }',
        1,
    ),
    "a blank node label service": ("SELECT * WHERE { _:service <http://e/service> ?o }", 1),
    "an Arabic character escaped in a literal": ("SELECT ?s WHERE { ?s <http://e/name> '\\u0627' }", 1),
    "service as a language tag": ('SELECT ?x WHERE { BIND("service"@service AS ?x) }', 1),
}


def _q(template: str, listener: Listener) -> str:
    return template.replace("<URL>", listener.iri).replace("PORT", str(listener.port))


# ---- run_query -----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", OBFUSCATED)
def test_obfuscated_service_is_refused_and_nothing_connects(
    name: str, store: Path, listener: Listener
) -> None:
    listener.connections(settle=0)
    sparql = _q(OBFUSCATED[name][0], listener)
    assert refusal(sparql), name
    with pytest.raises(QueryError, match=REFUSED):
        run_query(store, sparql, timeout=TIMEOUT)
    with pytest.raises(QueryError, match=REFUSED):
        run_query(store, sparql)  # in this process, too
    assert listener.connections() == 0, name


@pytest.mark.parametrize("name", [n for n, (_, reaches) in OBFUSCATED.items() if reaches])
def test_the_same_query_allowed_does_connect(name: str, store: Path, listener: Listener) -> None:
    """The control: with updates allowed, Oxigraph sends each of these, and the listener sees it."""
    listener.connections(settle=0)
    sparql = _q(OBFUSCATED[name][0], listener)
    try:
        run_query(store, sparql, timeout=TIMEOUT, allow_update=True)
    except QueryError as exc:  # the listener hangs up: a failed request, or a refused LOAD
        assert "stopped after" not in str(exc)
    assert listener.wait_for_one() >= 1, name


def test_the_listener_catches_a_plain_connection(listener: Listener) -> None:
    listener.connections(settle=0)
    with socket.create_connection(("127.0.0.1", listener.port), timeout=2):
        pass
    assert listener.wait_for_one() == 1


@pytest.mark.parametrize("name", HARMLESS)
def test_service_as_a_name_or_literal_still_runs(name: str, store: Path, listener: Listener) -> None:
    listener.connections(settle=0)
    sparql, rows = HARMLESS[name]
    sparql = _q(sparql, listener)
    assert refusal(sparql) is None, name
    out = run_query(store, sparql, "csv")
    assert len(out.splitlines()) - 1 == rows, out
    assert run_query(store, sparql, "csv", timeout=TIMEOUT) == out
    assert listener.connections() == 0


# ---- the two layers, each on its own -------------------------------------------------------------


def test_oxigraph_parses_without_evaluating(listener: Listener) -> None:
    """Layer 2 rests on this: pyoxigraph parses, then rejects the option pair before evaluating."""
    store = _parse_only_store()
    assert store is not None, "pyoxigraph no longer parses before checking the options: layer 2 is off"
    listener.connections(settle=0)
    assert _parse_only(store, f"ASK {{ SERVICE {listener.iri} {{ ?a ?b ?c }} }}") is True
    assert _parse_only(store, "ASK { SERVICE ") is False
    assert listener.connections() == 0


@pytest.mark.parametrize(
    "name", [n for n, (q, _) in OBFUSCATED.items() if "\\u" not in q.lower() and "LOAD" not in q]
)
def test_each_layer_alone_sees_the_service(name: str, listener: Listener) -> None:
    sparql = _q(OBFUSCATED[name][0], listener)
    assert _engine_reads_service(sparql), name  # layer 2, Oxigraph's parser
    kind, tree, _ = _rdflib_parse(sparql)
    if "rdflib cannot parse" in name:
        assert kind is None
    else:
        assert kind == "query" and _has_service(tree), name  # layer 1, rdflib's parser


def test_layer_two_sees_what_rdflib_misses(listener: Listener) -> None:
    """rdflib expands ``'\\u0027'`` to ``'`` before parsing and reads a long string over SERVICE."""
    sparql = _q(OBFUSCATED["'\\u0027' hides SERVICE from rdflib"][0], listener)
    kind, tree, _ = _rdflib_parse(sparql)
    assert kind == "query" and not _has_service(tree)
    assert _engine_reads_service(sparql)


@pytest.mark.parametrize("name", HARMLESS)
def test_neither_layer_sees_a_service_in_names(name: str, listener: Listener) -> None:
    sparql = _q(HARMLESS[name][0], listener)
    kind, tree, _ = _rdflib_parse(sparql)
    assert kind == "query" and not _has_service(tree)
    assert not _engine_reads_service(sparql)


def test_what_rdflib_cannot_parse_is_refused_but_runs_when_allowed(store: Path) -> None:
    q = "SELECT ?t WHERE { BIND(<<( <http://e/a> <http://e/p> 1 )>> AS ?t) }"
    reason = refusal(q)
    assert reason and "cannot be checked" in reason and "plainly" in reason
    assert len(run_query(store, q, "csv", allow_update=True).splitlines()) == 2


def test_updates_are_still_refused_and_named() -> None:
    for sparql, word in [
        ("INSERT DATA { <http://a> <http://b> <http://c> }", "INSERT"),
        ("#>\nDELETE WHERE { ?s ?p ?o }", "DELETE"),
        ("WITH <http://g> INSERT { ?s ?p ?o } WHERE { ?s ?p ?o }", "WITH"),
        ("CLEAR ALL", "CLEAR"),
        ("PREFIX a: <http://a/> COPY <http://a> TO <http://b>", "COPY"),
    ]:
        assert f"SPARQL UPDATE ({word}) is refused" in (refusal(sparql) or ""), sparql
    assert "LOAD (which fetches" in (refusal("load silent <http://e/x>") or "")


def test_a_malformed_query_still_gets_the_engines_message(store: Path) -> None:
    with pytest.raises(QueryError, match=r"malformed SPARQL query: error at 1:\d+"):
        run_query(store, "SELECT ?x WHERE { ?x SERVICE")


def _repository_queries() -> dict[str, str]:
    found = {}
    for doc in ("README.md", "ontology/README.md"):
        text = (ROOT / doc).read_text(encoding="utf-8")
        for i, m in enumerate(re.finditer(r"```sparql\n(.*?)```", text, re.S)):
            found[f"{doc} #{i + 1}"] = m.group(1)
    for rq in sorted((ROOT / "queries").glob("*.rq")):
        found[f"queries/{rq.name}"] = rq.read_text(encoding="utf-8")
    return found


def test_the_repositorys_queries_pass_and_run(store: Path) -> None:
    queries = _repository_queries()
    assert len(queries) >= 8
    for name, sparql in queries.items():
        assert refusal(sparql) is None, name
        run_query(store, sparql, "json")  # parses and runs (on this small store, maybe empty)


# ---- through kg query -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", OBFUSCATED)
def test_kg_query_refuses_and_nothing_connects(name: str, out: Path, listener: Listener) -> None:
    listener.connections(settle=0)
    result = CliRunner().invoke(
        app, ["query", str(out), _q(OBFUSCATED[name][0], listener), "--timeout", "20"]
    )
    assert result.exit_code == 1, result.output
    assert "kg: error:" in result.stderr and re.search(REFUSED, result.stderr)
    assert listener.connections() == 0, name


def _kg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, cwd=ROOT, timeout=120
    )


def test_kg_query_in_a_subprocess_refuses_and_the_control_connects(out: Path, listener: Listener) -> None:
    listener.connections(settle=0)
    names = ("the issue's #> trick", "SERVICE:x glued", "'\\u0027' hides SERVICE from rdflib")
    for name in names:
        proc = _kg("query", str(out), _q(OBFUSCATED[name][0], listener), "--timeout", "20")
        assert proc.returncode == 1 and "refused" in proc.stderr, (name, proc.stderr)
        assert listener.connections() == 0, name
    control = _kg(
        "query", str(out), _q(OBFUSCATED[names[0]][0], listener), "--timeout", "20", "--allow-update"
    )
    assert control.returncode == 1 and "kg: error:" in control.stderr, control.stderr
    assert listener.wait_for_one() >= 1
