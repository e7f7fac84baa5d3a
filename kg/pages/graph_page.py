"""Write the interactive graph page: one self-contained HTML file that works offline.

vis-network's script and stylesheet are read from the installed pyvis package and
inlined, together with the page's own script (its parts assembled by
``kg.pages.scripts``), stylesheet and the graph data: the page loads nothing over the
network (pyvis's own templates link a CDN even in "local" mode, so they are not used).
Fonts are a system font stack, so there are none to fetch.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import os
import re
import tempfile
from collections.abc import Iterable
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

from kg.model import Graph
from kg.pages.page_data import page_data
from kg.pages.scripts import GRAPH_SCRIPT, asset, check_inlinable, page_script

VIS_VERSION = "vis-9.1.2"
# The events table beside graph.html (kg/pages/table_page.py writes it under this name).
TABLE_HREF = "events.html"

# Inside a <script> element only ``</script`` and ``<!--`` can end or derail the element;
# escaping every <, > and & (and the two JS line separators, for older parsers) in the
# JSON leaves nothing that the HTML parser could take for markup.
_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_JSON_ESCAPE_RE = re.compile("[<>&\u2028\u2029]")
_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")
_SOURCE_MAP = re.compile(r"^\s*/[/*]# sourceMappingURL=.*$", re.MULTILINE)


def write_graph_page(
    graph: Graph,
    path: Path,
    *,
    lang: str = "ar",
    max_nodes: int = 1500,
    node_pages: bool | set[str] = False,
    table: bool = False,
) -> dict:
    """Write the page for ``graph`` to ``path`` atomically; returns what was drawn and written.

    ``node_pages``: the side panel links each node to its own page (``write_pages``,
    written into the same folder); ``table``: the header links to the events table
    (``write_table_page``, ``events.html`` in the same folder). Figures: ``nodes_drawn``,
    ``edges_drawn``, ``nodes_total``, ``edges_total``, ``bytes``.
    """
    data = page_data(graph, lang=lang, max_nodes=max_nodes, node_pages=node_pages)
    if table:
        data["table_href"] = TABLE_HREF
    text = render_page(data)
    payload = text.encode("utf-8")
    write_atomic(Path(path), payload)
    return {**data["figures"], "bytes": len(payload)}


def render_page(data: dict) -> str:
    """The page's HTML for data from ``page_data``."""
    ui = data["strings"]["ui"]
    lang = data["lang"]
    scripts = {"vis_js": _asset_vis("vis-network.min.js"), "page_js": page_script(GRAPH_SCRIPT)}
    styles = {"vis_css": _asset_vis("vis-network.css"), "page_css": asset("graph.css")}
    values = {
        "lang": html.escape(lang),
        "csp": html.escape(content_security_policy(scripts.values(), styles.values())),
        "dir": "rtl" if lang == "ar" else "ltr",
        **{f"ui_{k}": html.escape(v) for k, v in ui.items()},
        **styles,
        **scripts,
        "table_link": _table_link(data.get("table_href"), ui["table_link"]),
        "data_json": embed_json(data),
    }
    return fill_template("graph.html", values)


def fill_template(template: str, values: dict[str, str]) -> str:
    """The page template ``template`` (an asset) with its ``{{name}}`` placeholders filled.

    One pass over the template: text substituted in is never scanned for placeholders."""
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], asset(template))


def one_script_page(template: str, script: str, style: str, data: dict, extra: dict[str, str]) -> str:
    """A page with one inline script and one style sheet (the node pages, the events table):
    its language and direction, policy, script, style and data, and ``extra`` values."""
    lang = data["lang"]
    values = {
        "lang": html.escape(lang),
        "dir": "rtl" if lang == "ar" else "ltr",
        "csp": html.escape(_one_script_policy(script, style)),
        **extra,
        "page_css": style,
        "page_js": script,
        "data_json": embed_json(data),
    }
    return fill_template(template, values)


@lru_cache(maxsize=8)
def _one_script_policy(script: str, style: str) -> str:
    # Hashing the script for every one of a day's ten thousand node pages would be wasted.
    return content_security_policy([script], [style])


def _table_link(href: str | None, text: str) -> str:
    if href != TABLE_HREF:  # only the one name the build writes, never a path from elsewhere
        return ""
    return f'<a id="table-link" href="{TABLE_HREF}">{html.escape(text)}</a>'


def content_security_policy(scripts: Iterable[str], styles: Iterable[str]) -> str:
    """A policy that lets only our own inline scripts and styles apply, and nothing be fetched.

    Scripts and style sheets are allowed by hash, so even markup that slipped into the
    page could neither run an inline handler (``onerror=…``) nor restyle the page, and
    ``default-src 'none'`` stops a stray ``<img src=http…>`` from reaching the network.
    (Styles set from script through the CSSOM, as vis-network does, are not affected.)
    """
    return (
        f"default-src 'none'; script-src {_hashes(scripts)}; style-src {_hashes(styles)}; "
        "img-src data:; font-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'"
    )


def _hashes(texts: Iterable[str]) -> str:
    return " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(t.encode("utf-8")).digest()).decode("ascii") + "'"
        for t in texts
    )


def embed_json(value: object) -> str:
    """JSON that is safe as the content of a ``<script type="application/json">`` element."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return _JSON_ESCAPE_RE.sub(lambda m: _JSON_ESCAPES[m.group(0)], text)


def write_atomic(path: Path, payload: bytes, *, fsync: bool = True) -> None:
    """Write to a temporary file beside ``path``, then rename over it: readers never see half a page.

    ``fsync=False`` skips flushing the data to disk before the rename (still atomic for
    readers; only a power cut could leave an empty file), for writing many small pages.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(payload)
            f.flush()
            if fsync:
                os.fsync(f.fileno())
        os.chmod(tmp, 0o644)  # mkstemp makes it private; a page is for reading
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@cache
def _asset_vis(name: str) -> str:
    text = (resources.files("pyvis") / "lib" / VIS_VERSION / name).read_text(encoding="utf-8")
    # A source-map comment makes developer tools fetch a file that is not there.
    text = _SOURCE_MAP.sub("", text)
    check_inlinable(name, text)
    return text
