"""Documents → ``Article``: repair the characters, read the layout, cut the furniture, name it.

The id is stable across runs and never shared by two different articles: ``a`` + 15 hex
digits of a hash of the stable key (url, record id, or the origin relative to the input
given) and a digest of the final text.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path

from kg.ingest.boilerplate import cut_boilerplate
from kg.ingest.dateline import dateline_prefix, known_place, read_head, restore_source
from kg.ingest.dates import text_day, with_dateline
from kg.ingest.files import Doc, iter_docs, note_kind
from kg.ingest.repair import repair_text
from kg.ingest.report import IngestReport
from kg.ingest.text_layout import clean_title, parse_text_layout
from kg.model import Article


def iter_articles(
    paths: Sequence[Path],
    default_dct: date | None = None,
    report: IngestReport | None = None,
) -> Iterator[Article]:
    """Every article in ``paths`` (files and folders, any mix), in a deterministic order.

    Faults are written to ``report`` and never stop the run. Exact duplicates (same url
    and same text) after the first are dropped and counted.
    """
    report = report if report is not None else IngestReport()
    first_seen: dict[bytes, str] = {}  # 16-byte digest of (url, text) → first origin
    for doc in iter_docs([Path(p) for p in paths], report):
        article = make_article(doc, default_dct, report)
        if article is None:
            continue
        key = hashlib.blake2b(
            f"{article.url}\x00{article.text}".encode(errors="surrogatepass"), digest_size=16
        ).digest()
        if key in first_seen:
            report.duplicate(article.origin, first_seen[key])
            continue
        first_seen[key] = article.origin
        report.articles += 1
        report.formats[doc.kind] += 1
        yield article


def make_article(doc: Doc, default_dct: date | None, report: IngestReport) -> Article | None:
    """The article of one document, or None (with the reason in ``report``)."""
    for note in doc.notes:
        report.repair(doc.origin, note, note_kind(note))
    fixed = repair_text(doc.text)
    for r in fixed.repairs:
        report.repair(doc.origin, r.what, r.kind)
    title = repair_text(doc.title).text if doc.title else ""
    source, place, dct, dct_source = doc.source, None, doc.dct, doc.dct_source
    text = fixed.text
    if doc.kind == "txt":
        layout = parse_text_layout(text)
        text, title = layout.body, layout.title
        source, place, dct = layout.source, layout.place, layout.dct
        dct_source = "dateline" if dct else None
        if source:
            restored = restore_source(source, text)
            if restored != source:
                report.repair(
                    doc.origin,
                    f"dateline source {source!r} restored to {restored!r} (quoted in the body)",
                    "dateline source restored from the body",
                )
                source = restored
    text, _ = cut_boilerplate(text)
    if not text:
        report.skip(doc.origin, "no article text left after the title and page furniture; check the file")
        return None
    prefix = dateline_prefix(text)
    if prefix is not None:
        source = source or prefix.source
        place = place or prefix.place
    if doc.kind in ("json", "jsonl"):
        # A crawled record's body may open with its dateline (``عين اليوم – الطائف``) and a
        # date line; the text keeps them (offsets), the article takes the place and the day.
        head = read_head(text)
        # A record's prefix place must be a known one: ``سبق- وكالات:`` is outlet and agency.
        place = known_place(place) or head.place
        if head.day is not None:
            dct, dct_source = _dateline_day(doc, dct, dct_source, head.day, report)
        if dct is not None and dct_source == "crawl":  # a day the url or a dateline states stays
            dct, dct_source = _text_day(doc, dct, dct_source, text, report)
    if dct is None and default_dct is not None:
        dct, dct_source = default_dct, "default"
    return Article(
        id=article_id(doc.key, text),
        text=text,
        title=clean_title(title),
        url=doc.url,
        source=source or None,
        dct=dct,
        dct_source=dct_source,
        dateline_place=place,
        origin=doc.origin,
    )


def _dateline_day(
    doc: Doc, dct: date | None, dct_source: str | None, day: date, report: IngestReport
) -> tuple[date | None, str | None]:
    """The earliest credible of the record's day, the url's and the dateline's, reported
    when the dateline's wins (a crawler's date is when the page was fetched)."""
    new, new_source = with_dateline(dct, dct_source, doc.record_day, day)
    if new_source == "dateline" and new != dct:
        was = f"the {dct_source} day {dct}" if dct else "no other date"
        report.repair(
            doc.origin,
            f"publication day {new} read from the dateline, not {was}",
            "publication day read from the dateline (earlier than the record's date)"
            if dct
            else "publication day read from the dateline (the record has none)",
        )
    return new, new_source


def _text_day(
    doc: Doc, dct: date, dct_source: str | None, text: str, report: IngestReport
) -> tuple[date, str | None]:
    """The day the lead calls today when it is before ``dct`` (at most six days: a weekday
    names a day of the past week), reported: the page was written before it was dated."""
    day = text_day(text, dct)
    if day is None or day == dct:
        return dct, dct_source
    report.repair(
        doc.origin,
        f"publication day {day} read from the text (its lead names that weekday as today), "
        f"not the {dct_source} day {dct}",
        "publication day read from the text's weekday (earlier than the record's date)",
    )
    return day, "text"


def article_id(key: str, text: str) -> str:
    """``a`` + 15 hex digits: the same key and text give the same id on every run."""
    digest = hashlib.sha256(f"{key}\x00{_digest(text)}".encode()).hexdigest()
    return "a" + digest[:15]


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()
