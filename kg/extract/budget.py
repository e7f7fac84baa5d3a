"""What one article may cost extraction: a size limit and a time limit.

Extraction is linear in an article's length, but a feed can still hand over a 5 MB
"article" (a day's pages glued into one record, a dump without punctuation). Such an
article is skipped, with its reason in ``build-report.json``, and the build goes on (exit
code 3). Both limits sit far above any real article: the largest of the 20k SaudiNewsNet
articles has 33,687 characters, and a generated unpunctuated article of 1,000,000
characters is extracted in about 7 s on one core (``bench/bench_hostile.py``).

The limits are these constants, overridden by environment variables (read once per
``kg build``, in ``limits``):

- ``HADATH_MAX_ARTICLE_CHARS`` (default ``MAX_ARTICLE_CHARS``): longer articles are
  skipped before any work; ``0`` removes the limit.
- ``HADATH_ARTICLE_TIMEOUT`` (seconds, default ``ARTICLE_TIMEOUT``): an article whose
  extraction runs longer is stopped and skipped; ``0`` removes the limit.

The time limit is a ``SIGALRM`` timer in the process that extracts (a worker of
``kg build --jobs N``, or the main process with one job), so it needs the main thread of
a POSIX process; elsewhere (a thread, Windows) only the size limit applies. The timer
interrupts Python code, not a single long call into C (a regex over the whole text),
which extraction keeps linear. The recogniser decodes articles in batches; when a batch
runs out of time, the articles it had not finished are extracted again one at a time,
each with the full limit, so only the slow one is skipped.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from kg.model import Article, ArticleFacts

MAX_ARTICLE_CHARS = 1_000_000
ARTICLE_TIMEOUT = 60.0  # seconds
ENV_MAX_CHARS = "HADATH_MAX_ARTICLE_CHARS"
ENV_TIMEOUT = "HADATH_ARTICLE_TIMEOUT"


@dataclass(frozen=True)
class Limits:
    max_chars: int = MAX_ARTICLE_CHARS  # 0: no limit
    timeout: float = ARTICLE_TIMEOUT  # seconds; 0: no limit


@dataclass(frozen=True)
class Skipped:
    """An article extraction gave up on, and why (for ``IngestReport.skip``)."""

    article_id: str
    origin: str
    reason: str


class ArticleTimeout(BaseException):
    """Raised by the timer inside extraction. A ``BaseException``, so that no ``except
    Exception`` on the way swallows it."""


def limits(environ: Mapping[str, str] | None = None) -> Limits:
    """The limits, with ``HADATH_MAX_ARTICLE_CHARS`` and ``HADATH_ARTICLE_TIMEOUT`` from the
    environment when set; ``ValueError`` naming the variable when one is not a number."""
    env = os.environ if environ is None else environ
    max_chars, timeout = MAX_ARTICLE_CHARS, ARTICLE_TIMEOUT
    raw = env.get(ENV_MAX_CHARS, "").strip()
    if raw:
        try:
            max_chars = int(raw.replace("_", ""))
        except ValueError:
            max_chars = -1
        if max_chars < 0:
            raise ValueError(
                f"{ENV_MAX_CHARS}={raw!r} is not a number of characters; write e.g. 2000000 (0: no limit)"
            )
    raw = env.get(ENV_TIMEOUT, "").strip()
    if raw:
        try:
            timeout = float(raw)
        except ValueError:
            timeout = -1.0
        if not timeout >= 0:  # also NaN
            raise ValueError(
                f"{ENV_TIMEOUT}={raw!r} is not a number of seconds; write e.g. 120, or 0 for no limit"
            )
    return Limits(max_chars, timeout)


def size_reason(chars: int, lim: Limits) -> str:
    return (
        f"article of {chars:,} characters is over the extraction limit of {lim.max_chars:,} "
        f"(no real news article comes near it); to extract it, raise the limit: "
        f"{ENV_MAX_CHARS}={max(chars + 1, 2 * lim.max_chars)} kg build …"
    )


def time_reason(lim: Limits) -> str:
    return (
        f"extraction ran past its time limit of {lim.timeout:g} s per article and was stopped; "
        f"to extract it, raise the limit: {ENV_TIMEOUT}={max(1, int(4 * lim.timeout))} kg build … (0: none)"
    )


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise ``ArticleTimeout`` in the body once ``seconds`` have passed (0: never).

    A no-op where a ``SIGALRM`` timer cannot be set (not the main thread, no
    ``setitimer``). The previous handler is restored on the way out; the body must not
    use ``SIGALRM`` itself."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not seconds or not usable:
        yield
        return

    def on_alarm(signum, frame):
        raise ArticleTimeout(seconds)

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        try:
            signal.setitimer(signal.ITIMER_REAL, 0)
        finally:
            signal.signal(signal.SIGALRM, previous)


def extract_within(
    articles: Sequence[Article], ner: str = "rules", lim: Limits | None = None
) -> list[ArticleFacts | Skipped]:
    """``kg.extract.extract_batch`` of ``articles`` within the budget: each answer is the
    article's facts, or ``Skipped`` with the reason (over ``lim.max_chars``, or past
    ``lim.timeout`` seconds). Facts are those ``extract_batch`` gives.

    The batch as a whole gets ``lim.timeout`` (a batch of ordinary articles takes well
    under a second); if it runs out, what it finished is kept and the rest are extracted
    one at a time with ``lim.timeout`` each."""
    from kg.extract import iter_extract_batch

    lim = lim or limits()
    out: list[ArticleFacts | Skipped | None] = [None] * len(articles)
    todo: list[int] = []
    for k, a in enumerate(articles):
        if lim.max_chars and len(a.text) > lim.max_chars:
            out[k] = Skipped(a.id, a.origin or a.id, size_reason(len(a.text), lim))
        else:
            todo.append(k)
    done = 0
    try:
        with time_limit(lim.timeout):
            for facts in iter_extract_batch([articles[k] for k in todo], ner=ner):
                out[todo[done]] = facts
                done += 1
    except ArticleTimeout:
        _recover()
        for k in todo[done:]:
            try:
                with time_limit(lim.timeout):
                    out[k] = next(iter_extract_batch([articles[k]], ner=ner))
            except ArticleTimeout:
                _recover()
                a = articles[k]
                out[k] = Skipped(a.id, a.origin or a.id, time_reason(lim))
    return [x for x in out if x is not None]


def _recover() -> None:
    """After a timer stopped extraction anywhere: drop what it may have left half-updated.

    The recognisers' per-word tables are caches filled in steps (ids first, rows after);
    an interrupt between the steps would give later articles another word's scores, so
    they are emptied (answers stay the same; the next articles refill them)."""
    from kg.extract.ner import forget_word_tables

    forget_word_tables()
