"""Ingest: any mix of files and folders → ``kg.model.Article`` records, plus a report.

Inputs: ``.txt`` (one scraped page: category, title, dateline, body, furniture),
``.json`` (an object or an array of objects), ``.jsonl``, ``.html``, and ``.zip``
archives of any of these (read in memory, never extracted). Nothing after this stage
knows about file formats::

    report = IngestReport()
    for article in iter_articles([Path("corpus/")], default_dct=None, report=report):
        ...
    print(report.summary())

Modules: ``files`` (walking, dispatch, zip), ``decode`` (bytes → str), ``repair``
(character faults), ``text_layout`` + ``dateline`` + ``boilerplate`` (scraped pages),
``records`` (JSON field names), ``json_stream`` (big or damaged arrays), ``html``
(trafilatura), ``articles`` (ids, duplicates), ``report``.
"""

from kg.ingest.articles import article_id, iter_articles
from kg.ingest.report import IngestReport

__all__ = ["IngestReport", "article_id", "iter_articles"]
