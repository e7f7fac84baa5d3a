"""Query results as text: an aligned table for people; CSV, TSV and JSON for programs.

SELECT and ASK results in csv/tsv/json are the W3C SPARQL 1.1 result formats, written
by pyoxigraph. CONSTRUCT/DESCRIBE results are triples: ``table`` writes them as Turtle
with the project's prefixes; csv/tsv/json write one solution per triple with the
variables ``s``, ``p``, ``o`` in the same W3C formats, so one reader handles both.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import Literal as TypingLiteral

from pyoxigraph import (
    BlankNode,
    Literal,
    NamedNode,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    QueryTriples,
    RdfFormat,
    Triple,
    serialize,
)

Format = TypingLiteral["table", "csv", "tsv", "json"]
FORMATS: tuple[str, ...] = ("table", "csv", "tsv", "json")
MAX_CELL = 60  # display columns; csv/tsv/json always carry full values

_W3C = {"csv": QueryResultsFormat.CSV, "tsv": QueryResultsFormat.TSV, "json": QueryResultsFormat.JSON}
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_LOCAL = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?")

Term = NamedNode | BlankNode | Literal | Triple | None


def render(
    result: QuerySolutions | QueryBoolean | QueryTriples, fmt: Format, prefixes: Mapping[str, str]
) -> str:
    """``result`` as text; ``prefixes`` shorten IRIs in tables and CONSTRUCT Turtle.

    The prefixes are passed in (the caller has them from kg.rdf) so that a query
    worker process need not import rdflib.
    """
    if isinstance(result, QueryBoolean):
        if fmt == "table":
            return "true\n" if bool(result) else "false\n"
        return _text(result.serialize(format=_W3C[fmt]))
    if isinstance(result, QuerySolutions):
        if fmt == "table":
            names = [v.value for v in result.variables]
            rows = [[solution[i] for i in range(len(names))] for solution in result]
            return table(names, rows, prefixes)
        return _text(result.serialize(format=_W3C[fmt]))
    triples = list(result)
    if fmt == "table":
        return _text(serialize(triples, format=RdfFormat.TURTLE, prefixes=dict(prefixes)))
    rows = [[tr.subject, tr.predicate, tr.object] for tr in triples]
    return {"csv": _csv, "tsv": _tsv, "json": _json}[fmt](["s", "p", "o"], rows)


def _text(data: bytes | None) -> str:
    """pyoxigraph's serialisation without an output file: bytes (None only when given one)."""
    return (data or b"").decode("utf-8")


# ---- the table -----------------------------------------------------------------------


def table(
    names: Sequence[str], rows: Sequence[Sequence[Term]], prefixes: Mapping[str, str] | None = None
) -> str:
    """An aligned text table; Arabic cells are bidi-isolated so columns keep their order."""
    header = [_clip(n) for n in names]
    by_length = _by_length(prefixes or {})
    body = [[cell(term, by_length) for term in row] for row in rows]
    widths = [display_width(h) for h in header]
    for row in body:
        widths = [max(w, display_width(c)) for w, c in zip(widths, row, strict=True)]
    lines = [_line(header, widths), "-+-".join("-" * w for w in widths)]
    lines += [_line(row, widths) for row in body]
    lines.append(f"({len(body)} row{'' if len(body) == 1 else 's'})")
    return "\n".join(line.rstrip() for line in lines) + "\n"


def _line(cells: Sequence[str], widths: Sequence[int]) -> str:
    return " | ".join(c + " " * (w - display_width(c)) for c, w in zip(cells, widths, strict=True))


def _by_length(prefixes: Mapping[str, str]) -> list[tuple[str, str]]:
    # Longest namespace first, so ``article:`` wins over a shorter prefix of it.
    return sorted(prefixes.items(), key=lambda kv: -len(kv[1]))


def cell(term: Term, prefixes: Sequence[tuple[str, str]] = ()) -> str:
    """One table cell: IRIs shortened with ``prefixes`` (longest namespace first),
    literals as their text."""
    if term is None:
        return ""
    if isinstance(term, NamedNode):
        text = compact(term.value, prefixes)
    elif isinstance(term, BlankNode):
        text = f"_:{term.value}"
    elif isinstance(term, Literal):
        text = term.value
    elif isinstance(term, Triple):
        inner = (cell(x, prefixes) for x in (term.subject, term.predicate, term.object))
        text = "<< {} {} {} >>".format(*inner)
    else:
        text = str(term)
    return _clip(text)


def compact(iri: str, prefixes: Sequence[tuple[str, str]] = ()) -> str:
    for prefix, ns in prefixes:
        if iri.startswith(ns) and _LOCAL.fullmatch(iri[len(ns) :]):
            return f"{prefix}:{iri[len(ns) :]}"
    return f"<{iri}>"


# Controls and the bidi embedding/override/isolate marks of the data are shown
# escaped: raw, they would break lines or reorder the terminal's text.
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_FSI, _PDI = "\u2068", "\u2069"


def _clip(text: str) -> str:
    text = _UNSAFE.sub(lambda m: _NAMED.get(m.group(), f"\\u{ord(m.group()):04x}"), text)
    if display_width(text) > MAX_CELL:
        out, width = [], 0
        for ch in text:
            width += _char_width(ch)
            if width > MAX_CELL - 1:
                break
            out.append(ch)
        text = "".join(out) + "…"
    if any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text):
        text = _FSI + text + _PDI
    return text


def _char_width(ch: str) -> int:
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0  # harakat, tatweel-free marks, isolates: no column of their own
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def display_width(text: str) -> int:
    """Terminal columns ``text`` takes (Arabic letters 1, combining marks 0, CJK 2)."""
    return sum(_char_width(ch) for ch in text)


# ---- triples as W3C result tables -------------------------------------------------------


def _csv(names: Sequence[str], rows: Iterable[Sequence[Term]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(names)
    for row in rows:
        writer.writerow([_csv_value(t) for t in row])
    return buf.getvalue()


def _csv_value(term: Term) -> str:
    if term is None:
        return ""
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    if isinstance(term, NamedNode | Literal):
        return term.value
    return str(term)


def _tsv(names: Sequence[str], rows: Iterable[Sequence[Term]]) -> str:
    # TSV terms are in N-Triples syntax, which is what pyoxigraph's str() gives.
    lines = ["\t".join(f"?{n}" for n in names)]
    lines += ["\t".join("" if t is None else str(t) for t in row) for row in rows]
    return "\n".join(lines) + "\n"


def _json(names: Sequence[str], rows: Iterable[Sequence[Term]]) -> str:
    bindings = [{n: _json_term(t) for n, t in zip(names, row, strict=True) if t is not None} for row in rows]
    return json.dumps({"head": {"vars": list(names)}, "results": {"bindings": bindings}}, ensure_ascii=False)


def _json_term(term: Term) -> dict:
    if isinstance(term, NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value not in (_XSD_STRING, _LANG_STRING):
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, Triple):
        return {
            "type": "triple",
            "value": {
                "subject": _json_term(term.subject),
                "predicate": _json_term(term.predicate),
                "object": _json_term(term.object),
            },
        }
    raise TypeError(f"not an RDF term: {term!r}")
