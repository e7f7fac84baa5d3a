"""``kg``: build an event graph from Arabic news, query it, open it.

Thin by design: parse options, call the stages, print. Errors become one line on
stderr (what, which file, what to do); ``--debug`` shows the traceback.
"""

from __future__ import annotations

import json
import re
import sys
import traceback
import webbrowser
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup

# Exit codes (documented in the README).
EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_SKIPPED = 3  # the build finished but some inputs were skipped


# ---- the choices, checked by the parser before any work starts ---------------------------------


class Ner(str, Enum):
    """The entity recognisers (``kg.extract.ner``); every command offers all of them."""

    model = "model"
    crf = "crf"
    rules = "rules"
    combined = "combined"
    camel = "camel"


# One default for ``kg build``, ``kg extract`` and ``kg eval ner``: what one article yields
# in ``kg extract`` is what it yields in a build (the model adds about 0.4 s of loading).
DEFAULT_NER = Ner.model


class Lang(str, Enum):
    """Page interface languages (``kg.pages.strings.LANGS``)."""

    ar = "ar"
    en = "en"


class ExtractFormat(str, Enum):
    json = "json"
    text = "text"


class QueryFormat(str, Enum):
    """Result formats of ``kg query`` (``kg.store.FORMATS``)."""

    table = "table"
    csv = "csv"
    tsv = "tsv"
    json = "json"


class EvalFormat(str, Enum):
    table = "table"
    json = "json"


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_date(value: str | date | None) -> date | None:
    """``--date``: a calendar day written YYYY-MM-DD, else a usage error (exit 2)."""
    if value is None or isinstance(value, date):
        return value
    try:
        if not _ISO_DAY.fullmatch(value):
            raise ValueError(value)
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(
            f"{value!r} is not a date; write it as YYYY-MM-DD, e.g. 2020-07-03"
        ) from None


# ---- errors: one line each ------------------------------------------------------------------------


def _click_class(name: str) -> type[Exception]:
    """The click exception class ``name`` that typer raises (typer ≥ 0.2x vendors click)."""
    return next(c for c in typer.BadParameter.__mro__ if c.__name__ == name)


_CLICK_ERROR = _click_class("ClickException")
_USAGE_ERROR = _click_class("UsageError")


class _OneLineErrors(TyperGroup):
    """The top command: a usage error (bad choice, bad date, unknown option) is one line on
    stderr naming the command and the option, with exit code 2, instead of click's usage box."""

    def main(  # type: ignore[override]
        self,
        args: Any = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        try:
            rv = super().main(
                args=args,
                prog_name=prog_name or "kg",
                complete_var=complete_var,
                standalone_mode=False,
                **extra,
            )
        except _CLICK_ERROR as exc:
            if not standalone_mode:
                raise
            if type(exc).__name__ == "NoArgsIsHelpError":
                exc.show()  # type: ignore[attr-defined]  # the help text, as before
            else:
                typer.echo(_one_line(exc), err=True)
            sys.exit(exc.exit_code)  # type: ignore[attr-defined]
        except typer.Abort:
            if not standalone_mode:
                raise
            typer.echo("kg: aborted", err=True)
            sys.exit(EXIT_ERROR)
        if not standalone_mode:
            return rv
        sys.exit(rv if isinstance(rv, int) else EXIT_OK)


def _one_line(exc: Exception) -> str:
    """``kg build: error: Invalid value for '--lang': 'fr' is not one of 'ar', 'en'; see kg build --help``."""
    ctx = getattr(exc, "ctx", None)
    where = ctx.command_path if ctx is not None else "kg"
    # typer ≥ 0.2x checks choices with pydantic, whose messages start with its error kind.
    message = " ".join(exc.format_message().replace("Value error, ", "").split()).rstrip(".")  # type: ignore[attr-defined]
    hint = f"; see {where} --help" if isinstance(exc, _USAGE_ERROR) else ""
    return f"{where}: error: {message}{hint}"


app = typer.Typer(
    cls=_OneLineErrors,
    add_completion=False,
    no_args_is_help=True,
    help="Hadath (حدث): Arabic news in, event knowledge graph out.",
    pretty_exceptions_enable=False,
)

_STATE = {"debug": False}


class CliError(Exception):
    """An error at the edge: one line for the user."""


def _fail(exc: BaseException) -> NoReturn:
    if _STATE["debug"]:
        traceback.print_exception(exc)
    typer.echo(f"kg: error: {exc}", err=True)
    raise typer.Exit(EXIT_ERROR)


def _usage(command: str, message: str) -> NoReturn:
    """A usage error found in a command's body (two arguments that exclude each other)."""
    typer.echo(f"kg {command}: error: {message}; see kg {command} --help", err=True)
    raise typer.Exit(EXIT_USAGE)


@app.callback()
def main(debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False) -> None:
    _STATE["debug"] = debug


@app.command()
def build(
    inputs: Annotated[
        list[Path],
        typer.Argument(metavar="ARTICLES", help="Files and folders: .txt .json .jsonl .zip .html"),
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("outputs/graph"),
    dct: Annotated[
        date | None,
        typer.Option(
            "--date",
            parser=_iso_date,
            metavar="YYYY-MM-DD",
            help="Publication date for articles that carry none.",
        ),
    ] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=0, help="Worker processes (0: one per core).")] = 0,
    pages: Annotated[bool, typer.Option("--pages/--no-pages", help="Write graph.html.")] = True,
    lang: Annotated[Lang, typer.Option("--lang", help="Page interface language.")] = Lang.ar,
    ner: Annotated[
        Ner,
        typer.Option(
            "--ner",
            help="Entity recogniser: model (the rules plus the names the BiLSTM-CRF and "
            "CRF add), crf (the CRF alone, faster), rules, combined, or camel (camel-tools, if installed).",
        ),
    ] = DEFAULT_NER,
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
        missing = [str(p) for p in [*inputs, *([actor_dict] if actor_dict else [])] if not p.exists()]
        if missing:
            raise CliError(f"no such file or folder: {', '.join(missing)}; check the path")

        progress = None if quiet else ProgressLog(sys.stderr)
        result = run_build(
            inputs,
            out,
            default_dct=dct,
            jobs=jobs or None,
            pages=pages,
            lang=lang.value,
            progress=progress,
            exports=exports,
            actor_dict=actor_dict,
            ner=ner.value,
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
    dct: Annotated[
        date | None,
        typer.Option("--date", parser=_iso_date, metavar="YYYY-MM-DD", help="Publication date."),
    ] = None,
    fmt: Annotated[ExtractFormat, typer.Option("--format", help="json, or text: one line per event.")] = (
        ExtractFormat.json
    ),
    ner: Annotated[Ner, typer.Option("--ner", help="Entity recogniser, as for kg build.")] = DEFAULT_NER,
) -> None:
    """Show what one article yields: mentions with offsets, dates, events with roles."""
    from kg.extract import extract as run_extract
    from kg.extract.as_json import facts_to_dict
    from kg.ingest import IngestReport, iter_articles
    from kg.model import Article

    if (file is None) == (text is None):
        _usage("extract", "give either FILE or --text '…'")
    try:
        if text is not None:
            articles = [Article(id="text", text=text, dct=dct, origin="--text")]
        else:
            assert file is not None
            if not file.exists():
                raise CliError(f"no such file: {file}")
            report = IngestReport()
            articles = list(iter_articles([file], default_dct=dct, report=report))
            if not articles:
                raise CliError(f"{file}: no article could be read ({report.summary() or 'empty'})")
        results = [facts_to_dict(run_extract(a, ner=ner.value)) for a in articles]
    except Exception as exc:
        _fail(exc)
    if fmt is ExtractFormat.json:
        payload = results[0] if len(results) == 1 else results
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    for r in results:
        for line in event_lines(r):
            typer.echo(line)


def event_lines(result: dict) -> list[str]:
    """``kg extract --format text``: one line per event, or one line saying none was found."""
    lines = []
    for ev in result["events"]:
        roles = ", ".join(f"{x['role']}={x['name']}" for x in ev["roles"])
        when = (ev["time"] or {}).get("value") or "?"
        lines.append(f"{ev['type']:<10} {when:<12} {ev['place'] or '-':<12} {roles}")
    if not lines:
        found = f"{len(result['mentions'])} mentions, {len(result['times'])} dates"
        lines.append(f"no events found in {result['article']['origin']} ({found}; --format json lists them)")
    return lines


@app.command()
def query(
    out: Annotated[Path, typer.Argument(help="A build's output folder.")],
    sparql: Annotated[str | None, typer.Argument(help="The SPARQL query.")] = None,
    file: Annotated[Path | None, typer.Option("--file", "-f", help="Read the query from a .rq file.")] = None,
    fmt: Annotated[QueryFormat, typer.Option("--format", help="Result format.")] = QueryFormat.table,
    timeout: Annotated[float, typer.Option("--timeout", help="Stop a query after this many seconds.")] = 60.0,
    allow_update: Annotated[
        bool, typer.Option("--allow-update", help="Permit SPARQL UPDATE/LOAD/SERVICE.")
    ] = False,
) -> None:
    """Run a SPARQL query against a built graph (read-only unless --allow-update)."""
    from kg.store import run_query

    if (sparql is None) == (file is None):
        _usage("query", "give the query as an argument or with --file q.rq")
    try:
        text = sparql if sparql is not None else Path(str(file)).read_text(encoding="utf-8")
        store = out / "store"
        if not store.exists():
            raise CliError(f"{out} has no store; run `kg build … --out {out}` first")
        result = run_query(store, text, fmt.value, timeout=timeout, allow_update=allow_update)
    except Exception as exc:
        _fail(exc)
    sys.stdout.write(result if result.endswith("\n") else result + "\n")


eval_app = typer.Typer(help="Score components against annotated corpora.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")


@eval_app.command("ner")
def eval_ner_cmd(
    file: Annotated[
        Path, typer.Argument(help="CoNLL file: 'token TAG' per line, blank line between sentences.")
    ],
    fmt: Annotated[EvalFormat, typer.Option("--format", help="Output format.")] = EvalFormat.table,
    ner: Annotated[Ner, typer.Option("--ner", help="Entity recogniser to score.")] = DEFAULT_NER,
) -> None:
    """Exact-span precision/recall/F1 of a recogniser, per type and overall."""
    from kg.extract.ner.evaluate import eval_ner

    try:
        if not file.exists():
            raise CliError(f"no such file: {file}")
        typer.echo(eval_ner(file, ner.value, fmt.value))
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
