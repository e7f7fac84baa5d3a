"""Rebuilding the bundled example with the README's first command leaves every committed file
of ``outputs/example`` byte for byte as it is.

The committed files are copied as a clean clone holds them (links kept) and the build runs
there, in place, through the real CLI in a subprocess; each committed file, link and
generation folder name included, must come out as it was. Not compared:

- ``graph.png``, ``events.png``: not written by ``kg build``; they are screenshots made
  apart (``python -m kg.pages.screenshot``, see the README);
- what ``.gitignore`` keeps out of the repository (the store, cached facts,
  ``build-times.json``, whose seconds differ on every run).

A second test builds into a fresh folder and compares through ``.current``: the content
alone, should the in-place rule of ``kg/outdir.py`` (an unchanged rebuild keeps its
generation) ever hide a difference.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

EXAMPLE = "outputs/example"
NOT_BUILT = {"graph.png", "events.png"}
# Published by the build and ignored by git (see .gitignore): not part of the example.
NOT_COMMITTED = {"store", "facts", "build-times.json"}
_GENERATION = re.compile(r"^\.gen-\d+$")


def _readme_build_args() -> list[str]:
    """The arguments of the README's first ``kg build`` command, ``--out`` as written."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(rf"\bkg (build [^\n&|;]*--out {re.escape(EXAMPLE)})\s*$", readme, re.MULTILINE)
    assert m, f"README.md has no `kg build … --out {EXAMPLE}` command"
    return shlex.split(m.group(1))


def _committed() -> list[str]:
    """Paths under outputs/example that git tracks, relative to it (a walk without git)."""
    try:
        proc = subprocess.run(
            ["git", "ls-files", "-z", "--", EXAMPLE], cwd=ROOT, capture_output=True, check=True, timeout=60
        )
        paths = [p for p in proc.stdout.decode("utf-8").split("\0") if p]
    except (OSError, subprocess.CalledProcessError):
        paths = []
    if paths:
        return sorted(str(Path(p).relative_to(EXAMPLE)) for p in paths)
    out = []
    root = ROOT / EXAMPLE
    for dirpath, dirnames, filenames in os.walk(root):
        rel_dir = Path(dirpath).relative_to(root)
        dirnames[:] = [d for d in dirnames if d not in NOT_COMMITTED and d != ".lock"]
        for name in (*filenames, *(d for d in dirnames if (Path(dirpath) / d).is_symlink())):
            if name not in NOT_COMMITTED and name != ".lock":
                out.append(str(rel_dir / name))
    return sorted(out)


def _published_name(rel: str) -> str:
    """A committed path as the rebuild publishes it: ``.gen-5/pages/x`` → ``.current/pages/x``."""
    first, _, rest = rel.partition("/")
    return f".current/{rest}" if _GENERATION.match(first) and rest else rel


def _build(out: Path) -> Path:
    args = [str(out) if a == EXAMPLE else a for a in _readme_build_args()]
    proc = subprocess.run(
        [sys.executable, "-m", "kg.cli", *args], cwd=ROOT, capture_output=True, text=True, timeout=600
    )
    assert proc.returncode == 0, f"kg {shlex.join(args)} → {proc.returncode}\n{proc.stderr}"
    return out


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("example-rebuild") / "example")


@pytest.fixture(scope="module")
def rebuilt_in_place(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The committed example as a clean clone has it, rebuilt where it lies."""
    out = tmp_path_factory.mktemp("example-in-place") / "example"
    for rel in _committed():
        src, dst = ROOT / EXAMPLE / rel, out / rel
        dst.parent.mkdir(parents=True, exist_ok=True)
        if src.is_symlink():
            os.symlink(os.readlink(src), dst)
        else:
            shutil.copyfile(src, dst)
    return _build(out)


def test_rebuild_in_place_changes_no_committed_file(rebuilt_in_place: Path) -> None:
    changed = []
    for rel in _committed():
        ours, theirs = ROOT / EXAMPLE / rel, rebuilt_in_place / rel
        if ours.is_symlink():
            same = theirs.is_symlink() and os.readlink(ours) == os.readlink(theirs)
        else:
            same = theirs.is_file() and not theirs.is_symlink() and ours.read_bytes() == theirs.read_bytes()
        if not same:
            changed.append(rel)
    assert not changed, (
        "rebuilding in place changed these committed files (rebuild with "
        f"`kg {shlex.join(_readme_build_args())}` and commit, or find what made the build differ):\n"
        + "\n".join(changed)
    )


def test_readme_command_builds_the_committed_example() -> None:
    assert _readme_build_args() == ["build", "examples/", "--out", EXAMPLE]


def test_rebuild_leaves_every_committed_file_as_it_is(rebuilt: Path) -> None:
    committed = _committed()
    assert any(rel.endswith("graph.ttl") for rel in committed), "outputs/example holds no graph.ttl"
    changed, missing = [], []
    for rel in committed:
        if rel in NOT_BUILT:
            continue
        ours, theirs = ROOT / EXAMPLE / rel, rebuilt / _published_name(rel)
        if ours.is_symlink():
            if not theirs.is_symlink():
                missing.append(rel)
            elif rel == ".current":  # a generation folder, whatever its number
                assert _GENERATION.match(os.readlink(theirs)), os.readlink(theirs)
            elif os.readlink(ours) != os.readlink(theirs):
                changed.append(f"{rel}: link to {os.readlink(theirs)}, committed {os.readlink(ours)}")
        elif not theirs.is_file():
            missing.append(rel)
        elif ours.read_bytes() != theirs.read_bytes():
            changed.append(rel)
    assert not missing, "the rebuild did not write these committed files:\n" + "\n".join(missing)
    assert not changed, (
        f"the rebuild changed these committed files (rebuild with `kg {shlex.join(_readme_build_args())}` "
        "and commit, or find what made the build differ):\n" + "\n".join(changed)
    )


def test_rebuild_writes_nothing_the_example_lacks(rebuilt: Path) -> None:
    committed = {_published_name(rel) for rel in _committed()}
    current = rebuilt / ".current"
    extra = [
        str(p.relative_to(rebuilt))
        for p in sorted(current.rglob("*"))
        if p.is_file() and p.relative_to(current).parts[0] not in NOT_COMMITTED
        if f".current/{p.relative_to(current)}" not in committed
    ]
    extra += [p.name for p in rebuilt.iterdir() if p.is_symlink() and p.name not in NOT_COMMITTED | committed]
    assert not extra, "the rebuild writes files outputs/example does not hold:\n" + "\n".join(extra)
