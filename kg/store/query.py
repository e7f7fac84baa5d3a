"""Running SPARQL against a built store: read-only by default, with a timeout.

Safety. Unless ``allow_update`` is given, the store is opened read-only, SPARQL
UPDATE (which includes ``LOAD``) is refused before it reaches the engine, and so is
``SERVICE``: pyoxigraph would otherwise fetch remote endpoints over the network. The
check reads the query's tokens (strings, IRIs, comments and prefixed names skipped),
so a variable or a literal named "service" is no false alarm.

Timeouts. pyoxigraph cannot interrupt a running query, and a Python thread cannot be
killed, so a query with a timeout runs in a worker process (``kg.store.worker``)
that opens the store itself and sends back the rendered text; when time is up the
worker is killed. Without a timeout the query runs in this process.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

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

    A backslash outside a string or a prefixed name is reported as ``\\``: SPARQL's
    ``\\u`` code-point escapes could otherwise spell a keyword the scan cannot see.
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
    """``query`` or ``update``, by the first keyword after the PREFIX/BASE prologue."""
    for word in keywords(sparql):
        if word in ("PREFIX", "BASE"):
            continue
        if word in UPDATE_KEYWORDS:
            return "update"
        return "query"
    return "query"


def refusal(sparql: str) -> str | None:
    """Why a read-only run refuses ``sparql``, or None when it may run."""
    words = keywords(sparql)
    if "\\" in words:
        return "a backslash escape outside a string is refused in read-only mode; write the query plainly"
    if classify(sparql) == "update":
        first = next(w for w in words if w in UPDATE_KEYWORDS)
        what = "LOAD (which fetches data from the web)" if first == "LOAD" else f"SPARQL UPDATE ({first})"
        return f"{what} is refused: queries are read-only unless updates are allowed ({_ALLOW})"
    if "SERVICE" in words:
        return (
            "SERVICE (a federated query to a remote endpoint) is refused: queries stay offline "
            f"unless updates are allowed ({_ALLOW})"
        )
    return None


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
