"""JSON records from crawlers → the fields of an article, whatever the crawler called them.

Field names are tried in order; the first one with a usable value wins. Values may be
strings, lists of strings (paragraphs) or small objects (``{"name": ...}``), as
news-please, Scrapy feeds, MongoDB exports and RSS-to-JSON tools write them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from kg.ingest.dates import parse_date, publication_date

TEXT_FIELDS = ("text", "content", "maintext", "body", "article")
TITLE_FIELDS = ("title", "headline")
URL_FIELDS = ("url", "link")
# Publication dates first; ``date_extracted`` is the crawl time, the last resort.
CRAWL_FIELDS = ("date_extracted",)
DATE_FIELDS = (
    "date",
    "published",
    "date_publish",
    "date_published",
    "datePublished",
    "pubDate",
    "date_extracted",
)
SOURCE_FIELDS = ("source", "source_domain", "hostname", "site", "publisher")
ID_FIELDS = ("id", "_id", "guid")


@dataclass(frozen=True)
class RecordFields:
    text: str
    title: str = ""
    url: str | None = None
    source: str | None = None
    dct: date | None = None
    record_id: str | None = None
    bad_date: str | None = None  # a date field that was there but could not be read
    url_day_over: date | None = None  # the record's (crawl) date the url's earlier day replaced
    record_day: date | None = None  # the record's own date, before the url's was weighed
    dct_source: str | None = None  # crawl | record | url (see ``Article.dct_source``)


def map_record(record: object) -> RecordFields | str:
    """The article fields of one record, or the reason it has none."""
    if not isinstance(record, Mapping):
        return f"record is a JSON {type(record).__name__}, not an object: each record must be {{...}}"
    fields = {k.lower() if isinstance(k, str) else k: v for k, v in record.items()}
    text = _first_text(fields, TEXT_FIELDS, joiner="\n\n")
    if not text.strip():
        names = "|".join(TEXT_FIELDS)
        return f"record has no text (looked for {names}); give its body under one of these names"
    url = _first_text(fields, URL_FIELDS) or None
    source = _first_text(fields, SOURCE_FIELDS) or (_hostname(url) if url else None)
    dct, bad_date, record_source = None, None, "record"
    for name in DATE_FIELDS:
        value = fields.get(name.lower())
        if value in (None, ""):
            continue
        dct = parse_date(value)
        if dct is not None:
            record_source = "crawl" if name in CRAWL_FIELDS else "record"
            break
        bad_date = bad_date or f"{name}={str(value)[:40]!r}"
    record_day = dct
    dct, dct_from = publication_date(dct, url, record_source)
    return RecordFields(
        text=text,
        title=_first_text(fields, TITLE_FIELDS),
        url=url,
        source=source,
        dct=dct,
        record_id=_first_text(fields, ID_FIELDS) or None,
        bad_date=bad_date if dct is None else None,
        url_day_over=record_day if dct_from == "url" and record_day and dct != record_day else None,
        record_day=record_day,
        dct_source=dct_from,
    )


def _first_text(fields: Mapping, names: tuple[str, ...], joiner: str = " ") -> str:
    for name in names:
        value = _as_text(fields.get(name.lower()), joiner)
        if value.strip():
            return value
    return ""


# Paragraph lists and ``{"name": ...}`` wrappers nest a level or two; a field nested deeper
# is not text, and walking it must not recurse as deep as the input does.
MAX_FIELD_DEPTH = 8


def _as_text(value: object, joiner: str, depth: int = 0) -> str:
    if value is None or isinstance(value, bool) or depth > MAX_FIELD_DEPTH:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, list):
        parts = (_as_text(v, joiner, depth + 1) for v in value)
        return joiner.join(t for t in parts if t.strip())
    if isinstance(value, Mapping):  # {"name": "..."} publishers, {"$oid": "..."} ids
        for key in ("name", "$oid", "value", "text", "@value", "href", "url"):
            if key in value:
                return _as_text(value[key], joiner, depth + 1)
    return ""


def _hostname(url: str) -> str | None:
    try:
        return urlsplit(url.strip()).hostname or None
    except ValueError:
        return None
