"""Progress of a build on stderr: a line rewritten in place on a terminal, and on a file
or pipe (CI logs, ``2> build.log``) a plain line at each stage and every few seconds,
so a long build is never silent until its end."""

from __future__ import annotations

import time
from typing import TextIO

# How often a counted stage (extraction) logs a line when stderr is not a terminal.
LOG_EVERY_S = 5.0


class ProgressLog:
    """The ``progress(stage, done, total)`` callback that ``kg.build.build`` calls."""

    def __init__(self, stream: TextIO, every: float = LOG_EVERY_S, clock=time.monotonic) -> None:
        self._stream = stream
        self._tty = bool(getattr(stream, "isatty", lambda: False)())
        self._every = every
        self._clock = clock
        self._start = clock()
        self._stage: str | None = None
        self._last = float("-inf")

    def __call__(self, stage: str, done: int, total: int | None) -> None:
        now = self._clock()
        new_stage = stage != self._stage
        self._stage = stage
        count = f" {done}/{total}" if total else ""
        if self._tty:
            if total:
                self._stream.write(f"\r{stage}:{count}" + " " * 10)
                self._stream.flush()
            return
        if new_stage or (total and (now - self._last >= self._every or done == total)):
            self._last = now
            self._stream.write(f"kg: {stage}{count} ({now - self._start:.0f} s)\n")
            self._stream.flush()

    def clear(self) -> None:
        """On a terminal, wipe the rewritten line before the summary is printed."""
        if self._tty:
            self._stream.write("\r" + " " * 40 + "\r")
            self._stream.flush()
