"""Benchmark the pages and exports: sizes, write times and time to first draw.

    python bench/bench_pages.py                 # one article's graph and the large synthetic one
    python bench/bench_pages.py --entities 3000 --events 1500 --articles 2000

Two graphs: one article's (the seed story's first article, built by hand in
tests/browser.py) and a news-day-sized synthetic graph (the generator in tests/browser.py).
For each: graph.html, the entity/event pages and the exports (GraphML, GEXF, CSV) are
written to a temporary folder and timed; then headless Chromium (network blocked) opens
graph.html, the biggest entity page and one event page and reports the first draw in ms
after navigation. Browser figures are left out, with a note, when Chromium is missing.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.build import MAX_NODE_PAGES, extract_all  # noqa: E402
from kg.export import write_exports  # noqa: E402
from kg.model import Graph  # noqa: E402
from kg.pages import write_graph_page, write_pages  # noqa: E402
from kg.pages.node_pages import choose_paged  # noqa: E402
from kg.pages.paths import page_path  # noqa: E402
from tests.browser import large_graph, seed_graph  # noqa: E402


def one_article_graph(article: str = "a1") -> Graph:
    """The seed graph cut down to what one article reports."""
    g = seed_graph()
    events = tuple(ev for ev in g.events if article in ev.articles)
    used = {p.entity for ev in events for p in ev.participants} | {ev.place for ev in events if ev.place}
    entities = tuple(e for e in g.entities if e.id in used or article in e.articles)
    events = tuple(
        replace(ev, articles=(article,), mentions=tuple(m for m in ev.mentions if m.article == article))
        for ev in events
    )
    return Graph(tuple(a for a in g.articles if a.id == article), entities, events)


def _first_draw(paths: list[Path], repeats: int) -> dict[str, float] | str:
    try:
        from playwright.sync_api import sync_playwright

        from kg.pages.screenshot import block_network, find_chromium, launch
    except ImportError:
        return "playwright not installed"
    if find_chromium() is None:
        return "no Chromium found"
    out: dict[str, float] = {}
    with sync_playwright() as p:
        browser = launch(p)
        try:
            for path in paths:
                times = []
                for _ in range(repeats):
                    context = browser.new_context(viewport={"width": 1400, "height": 900}, offline=True)
                    page = context.new_page()
                    block_network(page)
                    page.goto(path.resolve().as_uri())
                    page.wait_for_selector("html[data-ready='1']", timeout=120_000)
                    times.append(page.evaluate("window.hadath.firstDrawMs"))
                    context.close()
                out[path.name] = statistics.median(times)
        finally:
            browser.close()
    return out


def bench(name: str, graph: Graph, repeats: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        t0 = time.perf_counter()
        paged = choose_paged(graph, MAX_NODE_PAGES)  # as kg build does
        pages = write_pages(graph, out, paged=paged)
        pages_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        main = write_graph_page(graph, out / "graph.html", node_pages=True if paged is None else paged)
        main_s = time.perf_counter() - t0
        exports = write_exports(graph, out)
        counts: dict[str, int] = {}
        for ev in graph.events:
            for p in ev.participants:
                counts[p.entity] = counts.get(p.entity, 0) + 1
        with_page = [e for e in graph.entities if paged is None or e.id in paged]
        hub = max(with_page, key=lambda e: (counts.get(e.id, 0), e.id))
        hub_page = out / page_path(hub.id, event=False)
        first_event = next(ev for ev in graph.events if paged is None or ev.id in paged)
        event_page = out / page_path(first_event.id, event=True)
        n_pages = pages["entity_pages"] + pages["event_pages"]
        print(
            f"== {name}: {len(graph.articles)} articles, {len(graph.entities)} entities,"
            f" {len(graph.events)} events"
        )
        print(
            f"graph.html: {main['bytes'] / 1e6:.2f} MB,"
            f" {main['nodes_drawn']}/{main['nodes_total']} nodes drawn,"
            f" written in {main_s:.2f} s"
        )
        print(
            f"node pages: {n_pages} pages, {pages['bytes'] / 1e6:.2f} MB in all,"
            f" mean {pages['bytes'] / max(1, n_pages) / 1e3:.1f} kB,"
            f" largest {pages['largest_bytes'] / 1e3:.1f} kB,"
            f" written in {pages_s:.2f} s ({1e3 * pages_s / max(1, n_pages):.2f} ms/page);"
            f" hub page ({counts.get(hub.id, 0)} events) {hub_page.stat().st_size / 1e3:.1f} kB"
        )
        print(
            f"exports: GraphML {exports['graphml_bytes'] / 1e3:.0f} kB,"
            f" GEXF {exports['gexf_bytes'] / 1e3:.0f} kB, CSV {exports['csv_bytes'] / 1e3:.0f} kB"
            f" ({exports['events']} rows) in {exports['seconds']:.2f} s"
        )
        draws = _first_draw([out / "graph.html", hub_page, event_page], repeats)
        if isinstance(draws, str):
            print(f"first draw: skipped ({draws})")
        else:
            labels = {
                "graph.html": "graph.html",
                hub_page.name: "hub entity page",
                event_page.name: "event page",
            }
            print(
                "first draw (median of "
                + str(repeats)
                + ", ms after navigation): "
                + ", ".join(f"{labels[k]} {v:.0f}" for k, v in draws.items())
            )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=3000)
    parser.add_argument("--events", type=int, default=1500)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument(
        "--days",
        nargs="*",
        default=[],
        help="also real SaudiNewsNet builds: one or more days, or 'all' for the 12 days of ../shared",
    )
    args = parser.parse_args()
    bench("one article", one_article_graph(), args.repeats)
    bench("large synthetic", large_graph(args.entities, args.events, args.articles), args.repeats)
    if args.days:
        corpus = ROOT.parent / "shared" / "corpora" / "saudinewsnet"
        if not corpus.exists():
            print(f"real days: skipped, {corpus} is absent")
            return 0
        files = (
            sorted(corpus.glob("*.zip")) if args.days == ["all"] else [corpus / f"{d}.zip" for d in args.days]
        )
        bench(f"SaudiNewsNet {' '.join(args.days)}", real_graph(files), args.repeats)
    return 0


def real_graph(files: list[Path]) -> Graph:
    from kg.ingest import IngestReport, iter_articles
    from kg.resolve import resolve

    articles = list(iter_articles(files, report=IngestReport()))
    return resolve(extract_all(articles, jobs=2))


if __name__ == "__main__":
    sys.exit(main())
