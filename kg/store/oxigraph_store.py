"""The embedded pyoxigraph store on disk: built once per build, opened read-only to query."""

from __future__ import annotations

import contextlib
import gc
import os
import secrets
import shutil
from pathlib import Path

from pyoxigraph import RdfFormat, Store

from kg.store.errors import QueryError


def open_store(store_dir: Path, *, read_only: bool = True) -> Store:
    """Open the store in ``store_dir`` (read-only by default: queries cannot change it)."""
    store_dir = Path(store_dir)
    if not store_dir.is_dir():
        raise QueryError(f"no store at {store_dir}; build one with `kg build … --out <folder>`")
    try:
        return Store.read_only(str(store_dir)) if read_only else Store(str(store_dir))
    except OSError as exc:
        raise QueryError(f"cannot open the store at {store_dir}: {exc}") from exc


def same_size(a: Path, b: Path) -> bool:
    """Both stores open and hold as many quads (a check that a kept store is whole: the files
    of two loads of one graph differ byte for byte)."""
    try:
        first, second = Store.read_only(str(a)), Store.read_only(str(b))
        return len(first) == len(second)
    except OSError:
        return False


def load_turtle(store: Store, ttl_path: Path) -> None:
    """Bulk-load a Turtle file into ``store`` (fast path: writes sorted files directly)."""
    try:
        store.bulk_load(path=str(ttl_path), format=RdfFormat.TURTLE)
    except SyntaxError as exc:
        raise ValueError(f"{ttl_path}: not valid Turtle: {exc}") from exc


def build_store(ttl_path: Path, store_dir: Path) -> None:
    """Build a store from ``ttl_path`` into ``store_dir``, replacing any store there.

    The store is built in a temporary folder beside ``store_dir`` and renamed into
    place only when complete, so a failed build leaves the previous store intact.
    Folders cannot be swapped in one atomic step: the old store is first renamed
    aside, then the new one renamed in (a reader in between sees no store, never a
    half-built one), then the old one is removed.
    """
    store_dir = Path(store_dir)
    store_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = store_dir.with_name(f".{store_dir.name}.build-{secrets.token_hex(6)}")
    tmp.mkdir()  # not mkdtemp: that makes it private (0700) and the store would stay so
    try:
        store = Store(str(tmp))
        load_turtle(store, Path(ttl_path))
        store.flush()
        del store
        gc.collect()  # the store closes (and releases its lock) when the object goes
        _swap_in(tmp, store_dir)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _swap_in(new: Path, target: Path) -> None:
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}.old-{os.getpid()}")
        if old.exists():
            shutil.rmtree(old)
        os.replace(target, old)
    try:
        os.replace(new, target)
    except BaseException:
        if old is not None:
            with contextlib.suppress(OSError):
                os.replace(old, target)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
