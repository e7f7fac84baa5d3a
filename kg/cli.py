"""``kg``: build an event graph from Arabic news, query it, open it.

Thin by design: parse options, call the stages, print. Errors become one line on
stderr (what, which file, what to do); ``--debug`` shows the traceback.
"""

from __future__ import annotations

import json
import sys
import traceback
import webbrowser
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Hadath (حدث): Arabic news in, event knowledge graph out.",
    pretty_exceptions_enable=False,
)

_STATE = {"debug": False}

# Exit codes (documented in the README).
EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_SKIPPED = 3  # the build finished but some inputs were skipped


class CliError(Exception):
    """An error at the edge: one line for the user."""


def _fail(exc: BaseException) -> None:
    if _STATE["debug"]:
        traceback.print_exception(exc)
    typer.echo(f"kg: error: {exc}", err=True)
    raise typer.Exit(EXIT_ERROR)


def _parse_date(value: str | None, what: str = "--date") -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CliError(f"{what} {value!r} is not a date; write it as YYYY-MM-DD, e.g. 2020-07-03") from None


@app.callback()
def main(debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False) -> None:
    _STATE["debug"] = debug


@app.command()
def build(
    inputs: Annotated[list[Path], typer.Argument(help="Files and folders: .txt .json .jsonl .zip .html")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("outputs/graph"),
    dct: Annotated[
        str | None, typer.Option("--date", help="Publication date (YYYY-MM-DD) for articles that carry none.")
    ] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Worker processes (0: one per core).")] = 0,
    pages: Annotated[bool, typer.Option("--pages/--no-pages", help="Write graph.html.")] = True,
    lang: Annotated[str, typer.Option("--lang", help="Page interface language: ar or en.")] = "ar",
    ner: Annotated[
        str,
        typer.Option(
            "--ner",
            help="Entity recogniser: model (default: the rules plus the names the BiLSTM-CRF and "
            "CRF add), crf (the CRF alone, faster), rules, combined, or camel (camel-tools, if installed).",
        ),
    ] = "model",
    actor_dict: Annotated[
        Path | None,
        typer.Option("--actor-dict", help="A PETRARCH/CAMEO actor dictionary: attach CAMEO codes (SAUGOV)."),
    ] = None,
    exports: Annotated[
        bool, typer.Option("--exports/--no-exports", help="Write graph.graphml, graph.gexf, events.csv.")
    ] = True,
    add: Annotated[
        bool,
        typer.Option(
            "--add",
            help="Add INPUTS to the build in OUT: only new articles are extracted, then all are "
            "resolved again (the result equals a full build of everything).",
        ),
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q")] = False,
) -> None:
    """Build the graph: OUT/graph.ttl, OUT/store (for kg query), OUT/graph.html, OUT/build-report.json."""
    from kg.build import build as run_build
    from kg.facts import FactsStoreError
    from kg.progress import ProgressLog

    try:
        if ner not in ("rules", "model", "crf", "combined", "camel"):
            raise CliError(f"--ner {ner!r}: use model, crf, rules, combined or camel")
        missing = [str(p) for p in [*inputs, *([actor_dict] if actor_dict else [])] if not p.exists()]
        if missing:
            raise CliError(f"no such file or folder: {', '.join(missing)}; check the path")

        progress = None if quiet else ProgressLog(sys.stderr)
        result = run_build(
            inputs,
            out,
            default_dct=_parse_date(dct),
            jobs=jobs or None,
            pages=pages,
            lang=lang,
            progress=progress,
            exports=exports,
            actor_dict=actor_dict,
            ner=ner,
            add=add,
        )
    except typer.Exit:
        raise
    except FactsStoreError as exc:
        # --add on an output it cannot add to: a usage error, and OUT is untouched.
        if _STATE["debug"]:
            traceback.print_exception(exc)
        typer.echo(f"kg: error: {exc}", err=True)
        raise typer.Exit(EXIT_USAGE) from None
    except KeyboardInterrupt:
        typer.echo(f"\nkg: interrupted; {out} is left as it was before this build", err=True)
        raise typer.Exit(130) from None
    except Exception as exc:
        _fail(exc)
        return
    if not quiet:
        if progress is not None:
            progress.clear()
        for note in result.notes:
            typer.echo(f"kg: note: {note}", err=True)
        if result.incremental is not None:
            inc = result.incremental
            typer.echo(
                f"added {inc['added']} new articles to the {inc['held_before']} held"
                f" ({inc['already_present']} already present, {inc['replaced']} replaced)",
                err=True,
            )
        secs = sum(result.timings.values())
        typer.echo(
            f"{result.articles} articles → {result.entities} entities, {result.events} events, "
            f"{result.triples} triples in {secs:.1f}s → {out}",
            err=True,
        )
    summary = result.report.summary()
    if summary:
        typer.echo(summary, err=True)
    if result.report.to_dict().get("skipped"):
        raise typer.Exit(EXIT_SKIPPED)


@app.command()
def extract(
    file: Annotated[Path | None, typer.Argument(help="One article file (.txt .json .jsonl .html).")] = None,
    text: Annotated[str | None, typer.Option("--text", help="Article text given inline.")] = None,
    dct: Annotated[str | None, typer.Option("--date", help="Publication date YYYY-MM-DD.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="json or text.")] = "json",
    ner: Annotated[str, typer.Option("--ner", help="rules, model or combined.")] = "rules",
) -> None:
    """Show what one article yields: mentions with offsets, dates, events with roles."""
    from kg.extract import extract as run_extract
    from kg.extract.as_json import facts_to_dict
    from kg.ingest import IngestReport, iter_articles
    from kg.model import Article

    try:
        day = _parse_date(dct)
        if (file is None) == (text is None):
            raise CliError("give either FILE or --text '…'")
        if text is not None:
            articles = [Article(id="text", text=text, dct=day, origin="--text")]
        else:
            if not file.exists():
                raise CliError(f"no such file: {file}")
            report = IngestReport()
            articles = list(iter_articles([file], default_dct=day, report=report))
            if not articles:
                raise CliError(f"{file}: no article could be read ({report.summary() or 'empty'})")
        results = [facts_to_dict(run_extract(a, ner=ner)) for a in articles]
    except Exception as exc:
        _fail(exc)
        return
    if fmt == "json":
        payload = results[0] if len(results) == 1 else results
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        for r in results:
            for ev in r["events"]:
                roles = ", ".join(f"{x['role']}={x['name']}" for x in ev["roles"])
                when = (ev["time"] or {}).get("value") or "?"
                typer.echo(f"{ev['type']:<10} {when:<12} {ev['place'] or '-':<12} {roles}")


@app.command()
def query(
    out: Annotated[Path, typer.Argument(help="A build's output folder.")],
    sparql: Annotated[str | None, typer.Argument(help="The SPARQL query.")] = None,
    file: Annotated[Path | None, typer.Option("--file", "-f", help="Read the query from a .rq file.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table, csv, tsv or json.")] = "table",
    timeout: Annotated[float, typer.Option("--timeout", help="Stop a query after this many seconds.")] = 60.0,
    allow_update: Annotated[
        bool, typer.Option("--allow-update", help="Permit SPARQL UPDATE/LOAD/SERVICE.")
    ] = False,
) -> None:
    """Run a SPARQL query against a built graph (read-only unless --allow-update)."""
    from kg.store import QueryError, run_query

    try:
        if (sparql is None) == (file is None):
            raise CliError("give the query as an argument or with --file q.rq")
        text = sparql if sparql is not None else file.read_text(encoding="utf-8")
        store = out / "store"
        if not store.exists():
            raise CliError(f"{out} has no store; run `kg build … --out {out}` first")
        if fmt not in ("table", "csv", "tsv", "json"):
            raise CliError(f"--format {fmt!r}: use table, csv, tsv or json")
        result = run_query(store, text, fmt, timeout=timeout, allow_update=allow_update)  # type: ignore[arg-type]
    except QueryError as exc:
        _fail(exc)
        return
    except Exception as exc:
        _fail(exc)
        return
    sys.stdout.write(result if result.endswith("\n") else result + "\n")


eval_app = typer.Typer(help="Score components against annotated corpora.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")


@eval_app.command("ner")
def eval_ner_cmd(
    file: Annotated[
        Path, typer.Argument(help="CoNLL file: 'token TAG' per line, blank line between sentences.")
    ],
    fmt: Annotated[str, typer.Option("--format", help="json or table.")] = "table",
    ner: Annotated[str, typer.Option("--ner", help="model, rules, combined or camel.")] = "model",
) -> None:
    """Exact-span precision/recall/F1 of a recogniser, per type and overall."""
    from kg.extract.ner.evaluate import eval_ner

    try:
        if fmt not in ("json", "table"):
            raise CliError(f"--format {fmt!r}: use json or table")
        if not file.exists():
            raise CliError(f"no such file: {file}")
        typer.echo(eval_ner(file, ner, fmt))
    except (OSError, ValueError, RuntimeError, CliError) as exc:
        _fail(exc)


@app.command("open")
def open_page(
    out: Annotated[Path, typer.Argument(help="A build's output folder.")],
    entity: Annotated[
        str | None, typer.Option("--entity", help="Open this entity's page (any spelling or alias).")
    ] = None,
    print_only: Annotated[
        bool, typer.Option("--print", help="Print the page's path instead of opening it.")
    ] = False,
) -> None:
    """Open OUT/graph.html, or an entity's own page, in the browser."""
    page = out / "graph.html"
    if entity is not None:
        from kg.pages import find_entity

        try:
            page = find_entity(out, entity)
        except (LookupError, FileNotFoundError) as exc:
            typer.echo(f"kg: error: {exc.args[0] if exc.args else exc}", err=True)
            raise typer.Exit(EXIT_ERROR) from None
    if not page.exists():
        typer.echo(f"kg: error: {page} does not exist; run `kg build … --out {out}` first", err=True)
        raise typer.Exit(EXIT_ERROR)
    uri = page.resolve().as_uri()
    if print_only or not webbrowser.open(uri):
        typer.echo(uri)


if __name__ == "__main__":  # pragma: no cover
    app()
