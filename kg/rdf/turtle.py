"""Writing the graph as a Turtle file, atomically."""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

from kg.model import Graph
from kg.rdf.graph_to_rdf import graph_to_triples, triples_to_turtle


def to_turtle(graph: Graph, *, include_text: bool = True) -> bytes:
    """``graph`` as UTF-8 Turtle (identical bytes for identical graphs)."""
    return triples_to_turtle(graph_to_triples(graph, include_text=include_text))


def write_turtle(graph: Graph, path: Path, *, include_text: bool = True) -> int:
    """Write ``graph`` to ``path`` as Turtle; returns the number of triples.

    The file is written under a temporary name in the same folder, fsynced and moved
    into place with ``os.replace``: a reader sees the old file or the new one, never a
    part of one, and a crash leaves no half-written graph behind.
    """
    triples = graph_to_triples(graph, include_text=include_text)
    data = triples_to_turtle(triples)
    write_atomic(Path(path), data)
    return len(triples)


def write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    # O_EXCL: never write into someone else's file; mode 0o666 less the umask, as open().
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (not possible on every platform)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
