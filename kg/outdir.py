"""The output folder: one build is one generation, published by one atomic step.

A build writes everything into a fresh generation folder inside OUT (``OUT/.gen-7/``).
What a user opens stays at the top: ``OUT/graph.ttl``, ``OUT/store``, ``OUT/pages`` …
are symbolic links into ``OUT/.current``, and ``.current`` is itself a link to the
generation. Publishing is one ``rename(2)`` of a new ``.current`` over the old: a reader,
or a build killed at any instant, sees the old build whole or the new one whole, never
the new report beside old pages. Leftovers of a killed build (generations nothing
points to, temporary links) are removed by the next build, under the lock.

An OUT written by an older Hadath, with real files at the top (or copied by a tool that
follows links), is taken over on the first publish: its items are moved aside and
replaced by the links (the one moment a name is briefly absent, once per folder).
"""

from __future__ import annotations

import filecmp
import os
import re
import shutil
from pathlib import Path

from kg.store.oxigraph_store import same_size

CURRENT = ".current"
# The seconds each stage of the last build took: apart from build-report.json, which a
# rebuild of the same inputs writes byte for byte the same.
TIMES_NAME = "build-times.json"
GENERATION_PREFIX = ".gen-"
# Every name a build may publish at the top of OUT. A name the new generation lacks
# (``graph.html`` after ``--no-pages``) disappears with the old generation.
OUTPUT_NAMES = (
    "graph.ttl",
    "store",
    "graph.html",
    "events.html",
    "pages",
    "build-report.json",
    TIMES_NAME,
    "facts",
    "graph.graphml",
    "graph.gexf",
    "events.csv",
)
_GEN_NUMBER = re.compile(rf"^{re.escape(GENERATION_PREFIX)}(\d+)$")
# Names of the layouts of earlier versions: a staging folder and folders moved aside.
_LEFTOVER_GLOBS = (".staging-*", ".old-*", f"{CURRENT}.tmp-*", ".link-*")


def current_generation(out: Path) -> Path | None:
    """The generation ``OUT/.current`` points to, or None (no build, or an old layout)."""
    link = out / CURRENT
    if not link.is_symlink():
        return None
    target = out / os.readlink(link)
    return target if target.is_dir() else None


def new_generation(out: Path) -> Path:
    """A fresh, empty generation folder in ``out``, numbered after the ones present."""
    numbers = [int(m.group(1)) for p in out.iterdir() if (m := _GEN_NUMBER.match(p.name))]
    folder = out / f"{GENERATION_PREFIX}{max(numbers, default=0) + 1}"
    folder.mkdir()
    return folder


def clean_leftovers(out: Path) -> None:
    """Remove what a killed build left: generations that are not current, temporary links
    and the staging folders of earlier versions. Call under the output lock."""
    keep = current_generation(out)
    # Without a current link (an OUT of the old layout, or a copy that followed links) no
    # generation is known to be dead yet: they go after the next publication.
    if keep is not None:
        for p in out.iterdir():
            if _GEN_NUMBER.match(p.name) and p.name != keep.name:
                _remove(p)
    for pattern in _LEFTOVER_GLOBS:
        for p in out.glob(pattern):
            _remove(p)


def publish(generation: Path, out: Path) -> None:
    """Make ``generation`` (a complete build inside ``out``) the current one.

    Order matters: the top-level links are made first (they may dangle for an instant on
    a name the old build lacked, which reads as absent), then ``.current`` is swapped in
    one rename, then what the old generation had and the new one lacks is unlinked, and
    the old generation is removed. A kill before the rename leaves the old build; after
    it, the new one; the steps after it only tidy.
    """
    if generation.parent.resolve() != out.resolve():
        raise ValueError(f"{generation} is not a generation of {out}")
    previous = current_generation(out)
    if previous is not None and previous.name != generation.name and same_build(generation, previous):
        # A rebuild that changed nothing keeps the generation it would replace, so a
        # committed OUT (outputs/example) stays as it is in git; only the stage times are
        # new, and one file rename publishes them.
        # A store or cached facts the old one lacks (a clean clone: git keeps neither) are
        # added whole, each by one rename.
        for name in _KEPT_IF_SAME:
            if (generation / name).exists() and (name == TIMES_NAME or not (previous / name).exists()):
                os.replace(generation / name, previous / name)
                _ensure_link(out / name, f"{CURRENT}/{name}")
        _remove(generation)
        clean_leftovers(out)
        return
    legacy = _take_over_legacy(out, generation)
    for name in OUTPUT_NAMES:
        if (generation / name).exists():
            _ensure_link(out / name, f"{CURRENT}/{name}")
    tmp = out / f"{CURRENT}.tmp-{os.getpid()}"
    _remove(tmp)
    os.symlink(generation.name, tmp)
    os.replace(tmp, out / CURRENT)  # the publication
    for name in OUTPUT_NAMES:
        link = out / name
        if link.is_symlink() and not link.exists():
            link.unlink()
    for p in legacy:
        _remove(p)
    if previous is not None and previous.name != generation.name:
        _remove(previous)
    clean_leftovers(out)


def same_build(new: Path, old: Path) -> bool:
    """``new`` holds what ``old`` holds: the same files byte for byte, the stage times aside;
    a store and cached facts the same where both have them (stores by their quad count: a
    store's files differ from load to load, and the graph it holds is ``graph.ttl``,
    compared byte for byte), and none that ``old`` has and ``new`` lacks."""
    if not _same_tree(new, old, skip=_KEPT_IF_SAME):
        return False
    for name in (STORE_NAME, FACTS_NAME):
        if not (old / name).exists():
            continue
        if not (new / name).exists():
            return False
        same = same_size if name == STORE_NAME else _same_tree
        if not same(new / name, old / name):
            return False
    return True


STORE_NAME, FACTS_NAME = "store", "facts"
_KEPT_IF_SAME = frozenset({TIMES_NAME, STORE_NAME, FACTS_NAME})


def _same_tree(a: Path, b: Path, skip: frozenset[str] = frozenset()) -> bool:
    names = sorted(p.name for p in a.iterdir() if p.name not in skip)
    if names != sorted(p.name for p in b.iterdir() if p.name not in skip):
        return False
    for name in names:
        x, y = a / name, b / name
        if x.is_symlink() or y.is_symlink():
            if not (x.is_symlink() and y.is_symlink() and os.readlink(x) == os.readlink(y)):
                return False
        elif x.is_dir() and y.is_dir():
            if not _same_tree(x, y):
                return False
        elif not (x.is_file() and y.is_file() and filecmp.cmp(x, y, shallow=False)):
            return False
    return True


def _take_over_legacy(out: Path, generation: Path) -> list[Path]:
    """Real files or folders at the top of an OUT of the old layout, moved aside so that
    links can take their names; returned for removal after the swap."""
    moved = []
    for name in (*OUTPUT_NAMES, CURRENT):  # ``.current`` too: a copy made following links
        p = out / name
        if p.exists() and not p.is_symlink():
            aside = out / f".old-{name}-{os.getpid()}"
            os.replace(p, aside)
            moved.append(aside)
    return moved


def _ensure_link(link: Path, target: str) -> None:
    if link.is_symlink() and os.readlink(link) == target:
        return
    tmp = link.with_name(f".link-{link.name}-{os.getpid()}")
    _remove(tmp)
    os.symlink(target, tmp)
    os.replace(tmp, link)


def _remove(p: Path) -> None:
    if p.is_symlink() or p.is_file():
        p.unlink(missing_ok=True)
    elif p.is_dir():
        shutil.rmtree(p, ignore_errors=True)
