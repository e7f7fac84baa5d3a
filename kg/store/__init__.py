"""The SPARQL store: an embedded on-disk pyoxigraph store built from the graph's Turtle.

``build_store`` builds it (atomically replacing an old one); ``run_query`` runs SPARQL
on it, read-only unless updates are allowed, with an optional timeout, and returns the
results as a table, CSV, TSV or SPARQL JSON. Every failure is a ``QueryError``.
"""

from kg.store.errors import QueryError
from kg.store.oxigraph_store import build_store, load_turtle, open_store
from kg.store.query import classify, refusal, run_query
from kg.store.results import FORMATS, Format

__all__ = [
    "FORMATS",
    "Format",
    "QueryError",
    "build_store",
    "classify",
    "load_turtle",
    "open_store",
    "refusal",
    "run_query",
]
