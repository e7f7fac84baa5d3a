"""Saved web pages → main text, title, date and URL, through trafilatura.

trafilatura finds the article in the page and drops menus, comments and footers; its
metadata gives the title, the publication date (from the page's own markup only: no
guessing from random dates in the text) and the canonical URL.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kg.ingest.dates import parse_date

MIN_TEXT_CHARS = 40  # below this trafilatura found a caption or a menu, not an article


@dataclass(frozen=True)
class HtmlPage:
    text: str
    title: str = ""
    url: str | None = None
    source: str | None = None
    dct: date | None = None


def extract_html(markup: str) -> HtmlPage | str:
    """The page's article, or the reason there is none."""
    try:
        import trafilatura
        from trafilatura.settings import Document
    except ImportError as exc:  # lxml ≥ 5.2 needs the separate lxml_html_clean package
        return f"cannot read HTML: {exc}; install it (pip install lxml_html_clean) or save the page as .txt"
    try:
        doc = trafilatura.bare_extraction(
            markup,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # a parser failure on one page must not stop the run
        return f"HTML could not be parsed ({type(exc).__name__}: {exc}); save the article as .txt"
    # Without as_dict the result is a Document, or None when the page has no article.
    text = (doc.text or "").strip() if isinstance(doc, Document) else ""
    if not isinstance(doc, Document) or len(text) < MIN_TEXT_CHARS:
        return (
            "no main text found in the page (an index page, or text rendered by JavaScript?); "
            "save the article's text as .txt"
        )
    title = (doc.title or "").strip()
    site = (doc.sitename or "").strip()
    title = _drop_site_suffix(title, site)
    lines = text.split("\n")
    if title and lines and " ".join(lines[0].split()) == " ".join(title.split()):
        text = "\n".join(lines[1:]).strip()  # the <h1> repeated as the first line of the text
    return HtmlPage(
        text=text,
        title=title,
        url=(doc.url or None),
        source=site or (doc.hostname or None),
        dct=parse_date(doc.date) if doc.date else None,
    )


def _drop_site_suffix(title: str, site: str) -> str:
    """``الخبر | اسم الموقع`` → ``الخبر`` when the tail is the site's name."""
    if not site:
        return title
    for sep in (" | ", " - ", " – ", " — ", " :: "):
        head, _, tail = title.rpartition(sep)
        if head and tail.strip() == site:
            return head.strip()
    return title
