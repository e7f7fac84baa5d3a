r"""Running SPARQL against a built store: read-only by default, with a timeout.

Safety. Unless ``allow_update`` is given, the store is opened read-only, SPARQL
UPDATE (which includes ``LOAD``) is refused before it reaches the engine, and so is
``SERVICE``: pyoxigraph would otherwise send an HTTP request to any endpoint a query
names. ``refusal`` decides by parsing, never by scanning words, in two independent ways:

1. rdflib's SPARQL parser reads the query, and a ``ServiceGraphPattern`` anywhere in
   the tree (nested groups, subqueries, OPTIONAL, UNION, MINUS, GRAPH, FILTER EXISTS)
   refuses it. A query rdflib cannot parse is refused too (fail closed), unless
   Oxigraph finds it malformed as well: then the engine reports the syntax error.
2. Oxigraph's own parser, run without evaluating anything, must still accept the query
   with every ``service`` in its text renamed (``servicx``, the same everywhere, so
   variables, prefixes, IRIs and literals keep parsing): when the renamed text no longer
   parses, the engine read ``SERVICE`` as its keyword there. This is the engine's own
   tokeniser, so comments, ``<``/``#>`` games and ``SERVICE:x`` read as it reads them.

pyoxigraph (0.5) offers no way to switch federation off: ``Store.query`` takes no
service handler, and the Rust ``QueryOptions::without_service_handler`` /
``SparqlEvaluator`` service-handler options are not exposed to Python (the bindings
build ``SparqlEvaluator::default()``, with the HTTP client compiled in). So layer 2
uses Oxigraph as a parser only: ``Store.query`` parses first and then rejects
``use_default_graph_as_union`` together with ``default_graph`` before evaluating
(checked once per process with harmless probes; should that change, layer 1 stands
alone and a query rdflib cannot read is refused).

``\u``/``\U`` escapes: SPARQL applies them to the whole text before parsing, and rdflib
does so (taking 8 hex digits after ``\u`` too when there are 8), but Oxigraph expands
them only inside strings and IRIs: ``'\u0027'`` is a one-character string to the engine
and the start of a long string to rdflib, which then misses a ``SERVICE`` after it. In
read-only mode an escape is allowed only for a character that cannot change how either
parser splits the text (not ASCII, not a space or a control); others are refused.

Timeouts. pyoxigraph cannot interrupt a running query, and a Python thread cannot be
killed, so a query with a timeout runs in a worker process (``kg.store.worker``)
that opens the store itself and sends back the rendered text; when time is up the
worker is killed. Without a timeout the query runs in this process.
"""

from __future__ import annotations

import functools
import json
import os
import re
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kg.store.errors import QueryError
from kg.store.oxigraph_store import open_store
from kg.store.results import FORMATS, Format, render

UPDATE_KEYWORDS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}
)
_ALLOW = "kg query --allow-update; allow_update=True in Python"
QUERY_KEYWORDS = frozenset({"SELECT", "CONSTRUCT", "DESCRIBE", "ASK"})

_TOKEN = re.compile(
    r"""
      (?P<comment>\#[^\n\r]*)
    | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
                |'''(?:[^'\\]|\\.|'(?!''))*'''
                |"(?:[^"\\\n\r]|\\.)*"
                |'(?:[^'\\\n\r]|\\.)*')
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<var>[?$]\w+)
    | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
    | (?P<pname>[\w.-]*:(?:[\w.:%-]|\\.)*)
    | (?P<word>[A-Za-z_]\w*)
    | (?P<space>\s+)
    | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)


def keywords(sparql: str) -> list[str]:
    """The bare words of a query, upper-cased, outside strings, IRIs and comments.

    A heuristic scan: it only names the keyword in a refusal's message and classifies a
    text that no parser accepts. What is refused is decided by parsing (``refusal``).
    A backslash outside a string or a prefixed name is reported as ``\\``.
    """
    words = []
    for m in _TOKEN.finditer(sparql):
        kind = m.lastgroup
        if kind == "word":
            words.append(m.group().upper())
        elif kind == "other" and m.group() == "\\":
            words.append("\\")
    return words


def classify(sparql: str) -> str:
    """``query`` or ``update``: ``query`` when Oxigraph parses it as a query, else by the
    first keyword after the PREFIX/BASE prologue."""
    if _engine_parses(sparql):
        return "query"
    for word in keywords(sparql):
        if word in ("PREFIX", "BASE"):
            continue
        if word in UPDATE_KEYWORDS:
            return "update"
        return "query"
    return "query"


_SERVICE_REFUSED = (
    "SERVICE (a federated query to a remote endpoint) is refused: queries stay offline "
    f"unless updates are allowed ({_ALLOW})"
)


def _update_refused(first: str | None) -> str:
    if first == "LOAD":
        what = "LOAD (which fetches data from the web)"
    else:
        what = f"SPARQL UPDATE ({first})" if first else "SPARQL UPDATE"
    return f"{what} is refused: queries are read-only unless updates are allowed ({_ALLOW})"


def refusal(sparql: str) -> str | None:
    """Why a read-only run refuses ``sparql``, or None when it may run.

    None also for a text that Oxigraph's parser rejects (and rdflib's too): the engine
    then reports the syntax error, with line and column, before evaluating anything.
    """
    escape = _unsafe_escape(sparql)
    if escape:
        return (
            f"the backslash escape {escape} is refused in read-only mode: rdflib and the engine "
            "read such escapes differently; write the character itself, plainly"
        )
    kind, tree, error = _rdflib_parse(sparql)
    if kind == "update":
        return _update_refused(_update_keyword(tree) or _first_update_word(sparql))
    engine = _engine_parses(sparql)
    if kind is None:  # rdflib cannot read it
        if engine is False:  # nor can the engine: it will say where, running nothing
            return _update_refused(_first_update_word(sparql)) if classify(sparql) == "update" else None
        return (
            "this query cannot be checked for SERVICE and updates, so it is refused in read-only "
            f"mode: rdflib's SPARQL 1.1 parser, which vets queries, does not accept it ({error}). "
            "Write it plainly in SPARQL 1.1 (no RDF 1.2 triple terms, LATERAL or other "
            f"extensions), or allow updates ({_ALLOW})"
        )
    if _has_service(tree) or (engine and _engine_reads_service(sparql)):
        return _SERVICE_REFUSED
    return None


# ---- layer 1: rdflib's parser ------------------------------------------------------------


def _rdflib_parse(sparql: str) -> tuple[str | None, Any, str]:
    """(``query``, ``update`` or None; rdflib's parse tree; rdflib's error message)."""
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    try:
        return "query", parseQuery(sparql), ""
    except Exception as exc:  # pyparsing's ParseException, ValueError for a bad escape, …
        error = " ".join(str(exc).split())
    try:
        tree = parseUpdate(sparql)
    except Exception:
        return None, None, error
    if dict.get(tree, "request"):  # CompValue.get would answer a missing key with its name
        return "update", tree, error
    return None, None, error  # a prologue alone: neither a query nor an update


def _walk(tree: Any) -> Iterator[Any]:
    """Every node of an rdflib parse tree (CompValues, ParseResults, lists), iteratively."""
    from pyparsing import ParseResults

    stack, seen = [tree], set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        yield node
        if isinstance(node, dict):  # a CompValue is an OrderedDict; read it without its ctx
            stack.extend(dict.values(node))
        elif isinstance(node, (ParseResults, list, tuple)):
            stack.extend(node)


def _has_service(tree: Any) -> bool:
    return any(isinstance(n, dict) and getattr(n, "name", None) == "ServiceGraphPattern" for n in _walk(tree))


_UPDATE_NAMES = {
    "InsertData": "INSERT",
    "DeleteData": "DELETE",
    "DeleteWhere": "DELETE",
    "Load": "LOAD",
    "Clear": "CLEAR",
    "Drop": "DROP",
    "Create": "CREATE",
    "Add": "ADD",
    "Move": "MOVE",
    "Copy": "COPY",
}


def _update_keyword(tree: Any) -> str | None:
    """The keyword of the first operation in rdflib's tree of an update."""
    first = dict.__getitem__(tree, "request")[0]  # dict's own: CompValue's item lookup resolves names
    name = getattr(first, "name", "")
    if name == "Modify":
        clauses = dict(first)
        return "WITH" if clauses.get("withClause") else "DELETE" if clauses.get("delete") else "INSERT"
    return _UPDATE_NAMES.get(name)


def _first_update_word(sparql: str) -> str | None:
    return next((w for w in keywords(sparql) if w in UPDATE_KEYWORDS), None)


# ---- \u escapes ----------------------------------------------------------------------------

_ESCAPE = re.compile(r"\\([uU])([0-9A-Fa-f]{4})([0-9A-Fa-f]{4})?")


def _unsafe_escape(sparql: str) -> str | None:
    """The first ``\\u``/``\\U`` escape that could make rdflib and Oxigraph split the text
    differently, as written (with its code point), or None.

    Every reading counts: the spec's (``\\u`` and 4 hex digits, ``\\U`` and 8) and rdflib's
    (8 digits after either when there are 8, else 4). Safe is a character that is not
    ASCII, not a space, and not a control, format, private, surrogate or unassigned one.
    """
    for m in _ESCAPE.finditer(sparql):
        u, four, more = m.groups()
        readings = {int(four + more, 16)} if more else set()
        if u == "u" or not more:
            readings.add(int(four, 16))
        for cp in sorted(readings):
            if not _safe_code_point(cp):
                text = m.group() if cp > 0xFFFF or u == "U" else m.group()[:6]
                return f"{text} (U+{cp:04X})" if cp <= 0x10FFFF else text
    return None


def _safe_code_point(cp: int) -> bool:
    if cp < 0xA0 or cp > 0x10FFFF:
        return False
    ch = chr(cp)
    return not ch.isspace() and not unicodedata.category(ch).startswith("C")


# ---- layer 2: Oxigraph's own parser, without evaluating ------------------------------------


@functools.lru_cache(maxsize=1)
def _parse_only_store() -> Any:
    """An empty in-memory store, if its ``query`` can be made to parse and stop; else None.

    pyoxigraph parses a query first and then rejects ``use_default_graph_as_union`` with
    ``default_graph`` before evaluating. Probes check that this order still holds (an
    ``ASK {}`` would be harmless even if it were evaluated).
    """
    import pyoxigraph

    store = pyoxigraph.Store()
    if _parse_only(store, "ASK {}") is True and _parse_only(store, "ASK {") is False:
        return store
    return None


def _parse_only(store: Any, sparql: str) -> bool | None:
    import pyoxigraph

    try:
        store.query(sparql, use_default_graph_as_union=True, default_graph=pyoxigraph.DefaultGraph())
    except SyntaxError:
        return False
    except ValueError as exc:
        return True if "use_default_graph_as_union" in str(exc) else None
    return None


def _engine_parses(sparql: str) -> bool | None:
    """Whether Oxigraph's parser accepts ``sparql`` as a query; None when it cannot tell."""
    store = _parse_only_store()
    return None if store is None else _parse_only(store, sparql)


_SERVICE_WORD = re.compile(r"(servic)(e)", re.IGNORECASE)


def _engine_reads_service(sparql: str) -> bool:
    """Whether Oxigraph reads the keyword SERVICE in ``sparql`` (a query it parses).

    Every ``service``, in any case, becomes ``servicx`` (or another last letter that the
    text does not already use after ``servic``, so no two names merge): the length stays,
    and names, strings, IRIs and comments stay what they were. If the renamed text no
    longer parses, one of them was the keyword.
    """
    if not _SERVICE_WORD.search(sparql):
        return False
    free = next((c for c in "xqzjw" if not re.search(f"servic{c}", sparql, re.IGNORECASE)), None)
    if free is None:
        return True  # fail closed
    last = {"e": free, "E": free.upper()}
    renamed = _SERVICE_WORD.sub(lambda m: m.group(1) + last.get(m.group(2), free), sparql)
    return _engine_parses(renamed) is not True


def run_query(
    store_dir: Path,
    sparql: str,
    fmt: Format = "table",
    timeout: float | None = None,
    allow_update: bool = False,
) -> str:
    """Run ``sparql`` on the store in ``store_dir``; the results as text in ``fmt``.

    Raises ``QueryError`` for a refused, malformed, failed or timed-out query.
    """
    if fmt not in FORMATS:
        raise QueryError(f"unknown result format {fmt!r}: use one of {', '.join(FORMATS)}")
    if timeout is not None and not timeout > 0:
        raise QueryError(f"timeout must be a positive number of seconds, not {timeout!r}")
    if not allow_update:
        reason = refusal(sparql)
        if reason:
            raise QueryError(reason)
    store_dir = Path(store_dir)
    if not store_dir.is_dir():
        raise QueryError(f"no store at {store_dir}; build one with `kg build … --out <folder>`")
    kind = classify(sparql) if allow_update else "query"
    # Imported here, not at the top: the worker process imports this module and
    # should not pay for rdflib (kg.rdf), so it receives the prefixes instead.
    from kg.rdf.terms import PREFIXES

    args = (store_dir, sparql, fmt, kind, dict(PREFIXES))
    return execute(*args) if timeout is None else _in_worker(args, timeout)


def execute(store_dir: Path, sparql: str, fmt: Format, kind: str, prefixes: dict[str, str]) -> str:
    """Open the store (read-only for queries), run, render; errors as ``QueryError``."""
    store = open_store(store_dir, read_only=kind != "update")
    try:
        if kind == "update":
            store.update(sparql)
            store.flush()
            return "update applied\n"
        return render(store.query(sparql), fmt, prefixes)
    except SyntaxError as exc:
        raise QueryError(syntax_message(sparql, str(exc), kind)) from None
    except (OSError, RuntimeError, ValueError, TypeError) as exc:
        raise QueryError(f"the query failed: {exc}") from None
    finally:
        del store


_AT = re.compile(r"error at (\d+):(\d+)")


def syntax_message(sparql: str, message: str, kind: str = "query") -> str:
    """The parser's message (it names line:column), then that line and a caret."""
    what = "SPARQL update" if kind == "update" else "SPARQL query"
    out = f"malformed {what}: {message.strip()}"
    m = _AT.search(message)
    lines = sparql.splitlines()
    if m and 1 <= int(m.group(1)) <= len(lines):
        line_no, col = int(m.group(1)), int(m.group(2))
        text = lines[line_no - 1]
        col = max(1, min(col, len(text) + 1))
        gutter = f"{line_no} | "
        out += f"\n  {gutter}{text}\n  {' ' * (len(gutter) - 2)}| {' ' * (col - 1)}^"
    return out


# ---- the worker process ----------------------------------------------------------------


def _in_worker(args: tuple, timeout: float) -> str:
    """Run ``execute(*args)`` in a fresh ``python -m kg.store.worker``; kill it at ``timeout``.

    A fresh interpreter rather than multiprocessing: a fork copies the locks of
    RocksDB's background threads from a process that has used a store (a build, an
    earlier query) and the child can hang on them, and spawn/forkserver re-import the
    caller's main script. Costs one interpreter start with pyoxigraph (about 0.2 s).
    """
    store_dir, sparql, fmt, kind, prefixes = args
    request = {"store": str(store_dir), "sparql": sparql, "fmt": fmt, "kind": kind, "prefixes": prefixes}
    env = dict(os.environ)
    # The child must import this very kg package, wherever it was imported from here.
    root = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg.store.worker"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    try:
        out, err = proc.communicate(json.dumps(request).encode("utf-8"), timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        raise QueryError(f"the query was stopped after {timeout:g} s; narrow it or raise --timeout") from None
    except BaseException:
        proc.kill()
        proc.communicate()
        raise
    try:
        answer = json.loads(out.decode("utf-8"))
    except ValueError:
        detail = err.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        raise QueryError(
            f"the query process ended without an answer (exit code {proc.returncode}) {detail[0]}".strip()
        ) from None
    if "error" in answer:
        raise QueryError(answer["error"])
    return answer["ok"]
