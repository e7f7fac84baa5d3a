"""The one error the store raises at its edge."""

from __future__ import annotations


class QueryError(Exception):
    """A query that cannot run: refused, malformed, timed out, or no store to run on.

    ``str(error)`` is one line (or a few, with the offending query line and a caret)
    meant for the user as is.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
