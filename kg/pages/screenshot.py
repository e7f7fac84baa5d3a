"""Screenshot a page with headless Chromium, offline: ``python -m kg.pages.screenshot PAGE.html OUT.png``.

Works for graph.html and for the entity/event pages beside it (all set ``data-ready``
once drawn; ``--select`` is for graph.html, whose search it uses). For the seed-like
test graph::

    python -c "from tests.browser import seed_graph; from kg.pages import write_pages, write_graph_page; \
g = seed_graph(); write_pages(g, '/tmp/seed'); write_graph_page(g, '/tmp/seed/graph.html', node_pages=True)"
    python -m kg.pages.screenshot /tmp/seed/graph.html graph.png --select اكار
    python -m kg.pages.screenshot /tmp/seed/pages/entity/person-akar.html akar.png --height 1400
    python -m kg.pages.screenshot /tmp/seed/pages/event/event-meeting.html meeting.png --height 1400

Needs the ``playwright`` Python package (its bundled driver only; no browser download)
and a system Chromium (Debian: ``apt-get install chromium``). Every request that is not
for a local file is aborted, so the picture shows what a reader sees with the network off.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

# Flags that keep a headless Chromium from phoning home and make it run in containers.
CHROMIUM_ARGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--host-resolver-rules=MAP * ~NOTFOUND",  # no name resolves: nothing can be fetched
)


def find_chromium() -> str | None:
    """Path of a Chromium binary: ``$HADATH_CHROMIUM``, else the usual names on ``PATH``."""
    env = os.environ.get("HADATH_CHROMIUM")
    if env and Path(env).exists():
        return env
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def launch(playwright, executable: str | None = None):
    """A headless Chromium browser from a started ``sync_playwright()``."""
    executable = executable or find_chromium()
    if executable is None:
        raise RuntimeError("no Chromium found: install it (apt-get install chromium) or set HADATH_CHROMIUM")
    return playwright.chromium.launch(executable_path=executable, args=list(CHROMIUM_ARGS), headless=True)


def block_network(page, attempted: list[str] | None = None) -> None:
    """Abort every request that is not for a ``file:`` or ``data:`` URL (recording it)."""

    def handle(route) -> None:
        url = route.request.url
        if url.startswith(("file:", "data:")):
            route.continue_()
        else:
            if attempted is not None:
                attempted.append(url)
            route.abort()

    page.route("**/*", handle)


def screenshot(
    page_path: Path,
    out: Path,
    *,
    width: int = 1600,
    height: int = 1000,
    select: str | None = None,
    timeout_ms: int = 60_000,
) -> None:
    """Save a PNG of ``page_path`` once the graph is drawn; ``select`` searches and opens a node."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = launch(p)
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            block_network(page)
            page.goto(Path(page_path).resolve().as_uri())
            page.wait_for_selector("html[data-ready='1']", timeout=timeout_ms)
            if select:
                page.fill("#search", select)
                page.press("#search", "Enter")
                page.wait_for_timeout(600)  # the focus animation
            page.screenshot(path=str(out))
        finally:
            browser.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m kg.pages.screenshot", description=__doc__.splitlines()[0]
    )
    parser.add_argument("page", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--width", type=int, default=1600)
    parser.add_argument("--height", type=int, default=1000)
    parser.add_argument("--select", help="search for this name and open it in the side panel")
    args = parser.parse_args(argv)
    try:
        screenshot(args.page, args.out, width=args.width, height=args.height, select=args.select)
    except (ImportError, RuntimeError) as exc:
        print(f"screenshot: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
