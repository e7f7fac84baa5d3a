"""The package's structure, checked by walking its source: one home for Arabic word lists
(``kg/lexicon``), and no import circle, not even one hidden in a function body."""

from __future__ import annotations

import ast
import re
from itertools import combinations
from pathlib import Path

import networkx as nx

from kg import lexicon
from kg.arabic.normalize import normalize

PACKAGE = Path(__file__).resolve().parent.parent / "kg"
# A run of two Arabic letters: a word, not a letter or a diacritic a character table maps.
_ARABIC = re.compile("[\u0621-\u064a]{2}")
# A string naming this many Arabic words is a word list (for ``split()`` or a regex
# alternation), not a single word or a two-word phrase a rule tests for (``ولي العهد``).
_LIST_WORDS = 3
# A collection holding this many Arabic strings is a list, however short: two words a rule
# tries in turn are vocabulary too.
_LIST_ITEMS = 2


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = path
    return out


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if (
            isinstance(body, list)
            and body
            and isinstance(body[0], ast.Expr)
            and isinstance(body[0].value, ast.Constant)
        ):
            ids.add(id(body[0].value))
    return ids


def _is_arabic(node: ast.AST | None) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str) and bool(_ARABIC.search(node.value))


def _word_lists(path: Path) -> list[str]:
    """Where a module spells out Arabic words as a list: ``{"في", "من"}``, ``"في من على".split()``,
    a dict of Arabic keys, a regex alternation of Arabic words."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = _docstrings(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.Set, ast.List, ast.Tuple)):
            n = sum(_is_arabic(e) for e in node.elts)
            what, is_list = f"a literal collection of {n} Arabic strings", n >= _LIST_ITEMS
        elif isinstance(node, ast.Dict):
            n = sum(_is_arabic(e) for e in (*node.keys, *node.values))
            what, is_list = f"a dict with {n} Arabic keys or values", n >= _LIST_ITEMS
        elif _is_arabic(node) and id(node) not in docs:
            assert isinstance(node, ast.Constant)
            n = len([w for w in re.split(r"[\s|()?:\\\[\]]+", node.value) if _ARABIC.search(w)])
            what, is_list = f"a string of {n} Arabic words", n >= _LIST_WORDS
        else:
            continue
        if is_list:
            found.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}: {what}")
    return found


def test_no_word_list_is_written_in_python():
    """Every Arabic word list lives in ``kg/lexicon/lists``; code names lists, it does not spell them."""
    found = [
        hit
        for name, path in _modules().items()
        if name != "kg.lexicon"  # its docstring shows the format
        for hit in _word_lists(path)
    ]
    assert not found, "move these word lists to kg/lexicon/lists/*.tsv:\n" + "\n".join(found)


# Two lists that write out this many of the same words share a group: write it once as its
# own list and include it in both with ``@NAME``.
_SHARED_WORDS = 4


def test_no_two_lists_write_the_same_words():
    lexicon.list_names()  # loading checks that every name is defined once
    rows = lexicon._rows()
    written = {
        name: {normalize(e.replace("_", " ")) for e in row.entries if not e.startswith("@")}
        for name, row in rows.items()
    }
    twice = [
        f"{a} and {b}: {' '.join(sorted(written[a] & written[b]))}"
        for a, b in combinations(written, 2)
        if len(written[a] & written[b]) >= _SHARED_WORDS
    ]
    assert not twice, "lists writing the same words (factor them into one @list):\n" + "\n".join(twice)


def test_every_list_loads():
    for name in lexicon.list_names():
        assert lexicon.raw(name), f"{name} is empty"


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """Modules of ``kg`` that ``name`` imports anywhere in its source, function bodies included."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    is_package = path.name == "__init__.py"
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = name.split(".") if is_package else name.split(".")[:-1]
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                out.add(sub if sub in modules else base)
    return {m for m in out if m in modules and m != name}


def test_no_import_circle():
    modules = _modules()
    graph = nx.DiGraph()
    for name, path in modules.items():
        graph.add_node(name)
        graph.add_edges_from((name, other) for other in _imports(name, path, modules))
    circles = sorted(" → ".join([*c, c[0]]) for c in nx.simple_cycles(graph))
    assert not circles, "import circles:\n" + "\n".join(circles[:20])


def test_stages_import_down_the_pipeline():
    """``ingest`` and ``extract`` read no later stage; ``resolve`` reads no extraction internals
    (shared language data and name tests come from ``kg.lexicon`` and ``kg.arabic``)."""
    later = {
        "kg.ingest": ("kg.extract", "kg.resolve", "kg.rdf", "kg.store", "kg.pages", "kg.export"),
        "kg.extract": ("kg.resolve", "kg.rdf", "kg.store", "kg.pages", "kg.export"),
        "kg.resolve": ("kg.extract.",),
        "kg.lexicon": ("kg.ingest", "kg.extract", "kg.resolve", "kg.rdf", "kg.store", "kg.pages"),
    }
    modules = _modules()
    wrong = [
        f"{name} imports {other}"
        for name, path in modules.items()
        for stage, banned in later.items()
        if name == stage or name.startswith(stage + ".")
        for other in sorted(_imports(name, path, modules))
        if any(other == b or other.startswith(b if b.endswith(".") else b + ".") for b in banned)
    ]
    assert not wrong, "\n".join(wrong)
