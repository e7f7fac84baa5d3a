"""The build pipeline: files → articles → facts → graph → Turtle, store and page.

Stages never know about each other's formats; this module wires them. Extraction is
mapped over processes (it is a pure function of the article); everything is written
into a new generation of the output folder and published in one atomic step only when
complete (``kg.outdir``), so a build that dies leaves the previous output intact.
"""

from __future__ import annotations

import fcntl
import json
import multiprocessing
import os
import shutil
import signal
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from functools import partial
from pathlib import Path

from kg.extract import EXTRACT_BATCH
from kg.extract.budget import Skipped, extract_within, limits
from kg.facts import (
    FACTS_DIR,
    FactsStore,
    content_hash,
    duplicate_digest,
    extractor_key,
    load_facts,
    write_facts,
)
from kg.ingest import IngestReport, iter_articles
from kg.model import Article, ArticleFacts, Graph
from kg.outdir import TIMES_NAME, clean_leftovers, new_generation, publish
from kg.resolve import resolve


@dataclass
class BuildResult:
    out: Path
    articles: int
    entities: int
    events: int
    triples: int
    report: IngestReport
    timings: dict[str, float] = field(default_factory=dict)
    page: dict = field(default_factory=dict)
    incremental: dict | None = None  # with ``add``: what was reused, extracted, replaced
    notes: list[str] = field(default_factory=list)  # one line each, for the user


Progress = Callable[[str, int, int | None], None]


def extract_all(
    articles: Sequence[Article],
    jobs: int = 1,
    progress: Progress | None = None,
    ner: str = "model",
    report: IngestReport | None = None,
) -> list[ArticleFacts]:
    """Facts for every article, in input order; ``jobs`` > 1 uses worker processes.

    Articles go in batches of ``EXTRACT_BATCH`` (``kg.extract.extract_batch``: the recogniser
    decodes a batch together). Each article has a budget (``kg.extract.budget``): one longer
    than ``HADATH_MAX_ARTICLE_CHARS`` characters (default 1,000,000) or whose extraction
    runs past ``HADATH_ARTICLE_TIMEOUT`` seconds (default 60), both environment variables
    (``0``: no limit), is left out of the answer and recorded in ``report`` as skipped, with
    its reason (``kg build`` then exits with 3); the other articles of its batch are kept.
    ``ValueError`` when one of the variables is not a number."""
    lim = limits()  # in the parent: a bad value fails before any work
    run = partial(extract_within, ner=ner, lim=lim)
    batches = [articles[k : k + EXTRACT_BATCH] for k in range(0, len(articles), EXTRACT_BATCH)]
    out: list[ArticleFacts] = []
    seen = 0

    def take(results: list[ArticleFacts | Skipped]) -> None:
        nonlocal seen
        seen += len(results)
        out.extend(_kept(results, report))
        if progress:
            progress("extract", seen, len(articles))

    if not articles:
        return out
    # Loaded before any article's timer starts (and, with workers, once in the parent,
    # shared by the forked workers): loading is no article's time.
    _warm_resources(ner)
    if jobs <= 1 or len(articles) < 50:
        for batch in batches:
            take(run(batch))
        return out
    # Workers ignore Ctrl-C; the parent takes it and terminates them at once (an executor
    # would first wait for every queued article).
    pool = multiprocessing.get_context("fork").Pool(jobs, initializer=_ignore_sigint)
    try:
        for results in pool.imap(run, batches):
            take(results)
    except BaseException:
        pool.terminate()
        raise
    else:
        pool.close()
    finally:
        pool.join()
    return out


def _kept(results: list[ArticleFacts | Skipped], report: IngestReport | None) -> list[ArticleFacts]:
    """The facts of ``results``; each article skipped by its budget goes to ``report``."""
    kept = []
    for r in results:
        if isinstance(r, Skipped):
            if report is not None:
                report.skip(r.origin, r.reason)
        else:
            kept.append(r)
    return kept


def _ignore_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _warm_resources(ner: str = "rules") -> None:
    from kg.lexicon.gazetteer import place_first_words, places, word_stats

    word_stats()
    places()
    place_first_words()
    if ner != "rules":
        from kg.extract.ner import build_backend, get_recogniser

        # The model and its tables, loaded once before the fork and shared by the workers.
        get_recogniser(build_backend(ner))("")


# Own pages for at most this many entities and events (the rest are on graph.html).
MAX_NODE_PAGES = 2000


class BuildLocked(Exception):
    """Another build holds the output folder."""


@contextmanager
def output_lock(out: Path) -> Iterator[None]:
    """One build per output folder: a second one is refused, not interleaved.

    ``flock`` is released by the kernel when the process dies, so a killed build never
    leaves a stale lock behind.
    """
    out.mkdir(parents=True, exist_ok=True)
    fd = os.open(out / ".lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildLocked(
                f"another build is writing to {out}; wait for it to finish or choose another --out"
            ) from None
        yield
    finally:
        os.close(fd)


def build(
    inputs: Sequence[Path],
    out: Path,
    *,
    default_dct: date | None = None,
    jobs: int | None = None,
    pages: bool = True,
    lang: str = "ar",
    progress: Progress | None = None,
    exports: bool = True,
    actor_dict: Path | None = None,
    ner: str = "model",
    add: bool = False,
) -> BuildResult:
    """Build into ``out``: everything is made in a new generation folder inside it and
    published in one atomic step when all of it is complete (``kg.outdir``), so an
    interrupted build (Ctrl-C, kill, full disk) leaves the previous output as it was and a
    reader never sees half of each; the next build clears the leftovers.

    ``add``: ``inputs`` are added to the build already in ``out``. Its stored facts are
    reused, only articles it does not hold are extracted, and resolution runs again over
    all of them, so the result is the one a full build of everything would give.
    ``kg.facts.FactsStoreError`` when ``out`` has no usable facts store (nothing changed).
    """
    if add and not out.exists():
        load_facts(out)  # raises, naming what is missing, before the lock creates ``out``
    with output_lock(out):
        clean_leftovers(out)
        generation = new_generation(out)
        try:
            result = _build_into(
                generation,
                inputs,
                default_dct,
                jobs,
                pages,
                lang,
                progress,
                exports,
                actor_dict,
                ner,
                add_to=out if add else None,
            )
            publish(generation, out)
        except BaseException:
            shutil.rmtree(generation, ignore_errors=True)
            raise
    return replace(result, out=out)


def _build_into(
    out: Path,
    inputs: Sequence[Path],
    default_dct: date | None,
    jobs: int | None,
    pages: bool,
    lang: str,
    progress: Progress | None,
    exports: bool,
    actor_dict: Path | None = None,
    ner: str = "model",
    add_to: Path | None = None,
) -> BuildResult:
    from kg.pages import write_graph_page
    from kg.rdf import write_turtle
    from kg.store import build_store

    jobs = jobs or os.cpu_count() or 1
    timings: dict[str, float] = {}
    report = IngestReport()

    previous: FactsStore | None = None
    if add_to is not None:
        # First: a missing or damaged store stops the build before any work (OUT untouched).
        t0 = time.perf_counter()
        previous = load_facts(add_to)
        timings["facts_load"] = time.perf_counter() - t0

    _started(progress, "ingest")
    t0 = time.perf_counter()
    articles = list(iter_articles(list(inputs), default_dct=default_dct, report=report))
    timings["ingest"] = time.perf_counter() - t0

    key = extractor_key(ner)
    notes: list[str] = []
    incremental = None
    _started(progress, "extract")
    t0 = time.perf_counter()
    if previous is None:
        facts = extract_all(articles, jobs=jobs, progress=progress, ner=ner, report=report)
    else:
        facts, incremental = _extract_added(articles, previous, key, jobs, progress, ner, notes, report)
    # One canonical order, the article ids': resolution depends on the order of its input
    # (the first-come merges of events, the order of mentions), and ``--add`` of B to a build
    # of A must give what a full build of A and B gives, whatever order the inputs came in.
    facts.sort(key=lambda f: f.article.id)
    timings["extract"] = time.perf_counter() - t0

    _started(progress, "facts")
    t0 = time.perf_counter()
    write_facts(out / FACTS_DIR, facts, key, previous)
    timings["facts"] = time.perf_counter() - t0

    _started(progress, "resolve")
    t0 = time.perf_counter()
    graph = resolve(facts, actor_dict=actor_dict)
    timings["resolve"] = time.perf_counter() - t0

    _started(progress, "rdf")
    t0 = time.perf_counter()
    ttl = out / "graph.ttl"
    triples = write_turtle(graph, ttl)
    timings["rdf"] = time.perf_counter() - t0

    _started(progress, "store")
    t0 = time.perf_counter()
    build_store(ttl, out / "store")
    timings["store"] = time.perf_counter() - t0

    page: dict = {}
    if pages:
        from kg.pages.node_pages import choose_paged, write_pages
        from kg.pages.table_page import TABLE_NAME, write_table_page

        _started(progress, "pages")
        t0 = time.perf_counter()
        paged = choose_paged(graph, MAX_NODE_PAGES)
        node_figures = write_pages(graph, out, lang=lang, paged=paged)  # first: graph.html links to them
        table_figures = write_table_page(graph, out / TABLE_NAME, lang=lang, paged=paged)
        page = write_graph_page(
            graph, out / "graph.html", lang=lang, node_pages=True if paged is None else paged, table=True
        )
        page["node_pages"] = node_figures
        page["table"] = table_figures
        timings["pages"] = time.perf_counter() - t0
    if exports:
        from kg.export import write_exports

        _started(progress, "exports")
        t0 = time.perf_counter()
        write_exports(graph, out)  # OUT/graph.graphml, OUT/graph.gexf, OUT/events.csv
        timings["exports"] = time.perf_counter() - t0

    # The report holds only what the inputs determine (a rebuild of the same inputs writes
    # the same bytes, so a committed output stays unchanged); the clock goes beside it.
    _write_json_atomic(out / "build-report.json", _report_dict(report, graph, triples, incremental))
    _write_json_atomic(out / TIMES_NAME, {"seconds": {k: round(v, 3) for k, v in timings.items()}})
    return BuildResult(
        out,
        len(graph.articles),
        len(graph.entities),
        len(graph.events),
        triples,
        report,
        timings,
        page,
        incremental,
        notes,
    )


def _started(progress: Progress | None, stage: str) -> None:
    """Tell the progress callback a stage begins (``total`` None: no count to give)."""
    if progress:
        progress(stage, 0, None)


def _extract_added(
    articles: list[Article],
    previous: FactsStore,
    key: dict,
    jobs: int,
    progress: Progress | None,
    ner: str,
    notes: list[str],
    report: IngestReport | None = None,
) -> tuple[list[ArticleFacts], dict]:
    """The stored facts plus those of the articles the store does not hold yet.

    An article already held (same id, same content) is skipped, as is an exact duplicate
    (same url and text) of a held one, which a full build would drop too; the same id with
    different content (another date, title or origin) replaces the held version.
    """
    held = dict(previous.facts)
    present = replaced = 0
    todo: list[Article] = []
    for a in articles:
        if a.id in held:
            if previous.content.get(a.id) == content_hash(a):
                present += 1
                continue
            replaced += 1
        elif duplicate_digest(a) in previous.duplicates:
            present += 1
            continue
        todo.append(a)
    added = len(todo) - replaced
    stale = previous.key != key
    if stale:
        # Facts of another extractor would not match a full rebuild: the stored articles
        # are extracted again (their text is in the store), the rebuild's expensive half.
        changed = sorted(k for k in set(previous.key) | set(key) if previous.key.get(k) != key.get(k))
        notes.append(
            f"the facts in {previous.folder} were extracted by another extractor "
            f"({', '.join(changed)} changed); extracting its {len(held)} articles again"
        )
        replacing = {a.id for a in todo}
        todo = [f.article for art_id, f in held.items() if art_id not in replacing] + todo
        held = {}
    fresh = extract_all(todo, jobs=jobs, progress=progress, ner=ner, report=report)
    for f in fresh:
        held[f.article.id] = f
    info = {
        "held_before": len(previous.facts),
        "added": added,
        "extracted": len(fresh),
        "already_present": present,
        "replaced": replaced,
        "reextracted_all": stale,
    }
    return list(held.values()), info


def _report_dict(
    report: IngestReport,
    graph: Graph,
    triples: int,
    incremental: dict | None = None,
) -> dict:
    out: dict = {
        "ingest": report.to_dict(),  # with --add: the inputs of this run only
        "graph": {
            "articles": len(graph.articles),
            "entities": len(graph.entities),
            "events": len(graph.events),
            "triples": triples,
        },
    }
    if incremental is not None:
        out["incremental"] = incremental
    return out


def _write_json_atomic(path: Path, data: dict) -> None:
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2, default=str), encoding="utf-8")
    os.replace(tmp, path)
