"""The pages' own assets under ``kg/pages/assets``, read once and checked inlinable, and each
page's script assembled from its parts.

A page's script is several files inlined in order inside one function scope, so the parts
share their names as one file would: ``common.js`` (the data, colours and DOM helpers both
kinds of page use) first, then the page's own parts. The graph page's parts are named for
what they do, in the order they run (``GRAPH_SCRIPT``); an entity or event page has one
(``NODE_SCRIPT``); the events table shares the graph page's normalisation (``TABLE_SCRIPT``).
"""

from __future__ import annotations

from functools import cache
from importlib import resources

# The graph page: normalisation for search, styles, data and its indexes, the network,
# the side panel, focusing (and drawing on demand), filters, the timeline, search, and
# what the page exposes on ``window.hadath``. Later parts call functions of earlier ones.
GRAPH_SCRIPT = (
    "common.js",
    "graph/normalize.js",
    "graph/style.js",
    "graph/data.js",
    "graph/network.js",
    "graph/panel.js",
    "graph/focus.js",
    "graph/filters.js",
    "graph/timeline.js",
    "graph/search.js",
    "graph/api.js",
)
NODE_SCRIPT = ("common.js", "node.js")
# The events table (kg/pages/table_page.py): the graph page's search normalisation, then its own.
TABLE_SCRIPT = ("common.js", "graph/normalize.js", "table.js")


@cache
def asset(name: str) -> str:
    """The text of ``kg/pages/assets/NAME`` (a path below it, with ``/``)."""
    path = resources.files("kg.pages").joinpath("assets", *name.split("/"))
    text = path.read_text(encoding="utf-8")
    if not name.endswith(".html"):
        check_inlinable(name, text)
    return text


@cache
def page_script(parts: tuple[str, ...]) -> str:
    """The parts' text in order, in one strict-mode function scope, each headed by its name."""
    pieces = [f"/* Inlined from kg/pages/assets: {', '.join(parts)}. */\n", '(function () {\n"use strict";\n']
    for name in parts:
        pieces.append(f"\n// ==== {name}\n{asset(name)}")
    pieces.append("})();\n")
    return "".join(pieces)


def check_inlinable(name: str, text: str) -> None:
    """Refuse text that would end its ``<script>``/``<style>`` element early."""
    lowered = text.lower()
    for bad in ("</script", "</style", "<!--"):
        if bad in lowered:
            raise ValueError(f"{name} contains {bad!r} and cannot be inlined")
