"""OUT is always one whole build: a kill at any step of the publication leaves the old
build or the new one, checked file by file; the next build clears the leftovers."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kg.build import build
from kg.outdir import CURRENT, OUTPUT_NAMES, clean_leftovers, current_generation, publish
from tests.conftest import ROOT

EXAMPLES = ROOT / "examples"

# A child process that publishes a prepared generation and kills itself (SIGKILL, as the
# kernel's OOM killer or a power cut would) just before its N-th file-system change.
_KILL_AT_STEP = r"""
import os, shutil, signal, sys
from pathlib import Path
import kg.outdir as outdir

limit = int(sys.argv[3])
count = 0

def step(fn):
    def wrapped(*args, **kwargs):
        global count
        if count == limit:
            os.kill(os.getpid(), signal.SIGKILL)
        count += 1
        return fn(*args, **kwargs)
    return wrapped

os.replace = step(os.replace)
os.symlink = step(os.symlink)
os.unlink = step(os.unlink)
Path.unlink = step(Path.unlink)
shutil.rmtree = step(shutil.rmtree)
outdir.shutil.rmtree = shutil.rmtree
outdir.publish(Path(sys.argv[1]), Path(sys.argv[2]))
"""


def snapshot(out: Path) -> dict[str, str]:
    """What a reader of OUT sees: every published file (links followed) and its digest."""
    seen: dict[str, str] = {}
    for name in OUTPUT_NAMES:
        top = out / name
        if top.is_file():
            seen[name] = hashlib.sha256(top.read_bytes()).hexdigest()
        elif top.is_dir():
            for p in sorted(top.rglob("*")):
                if p.is_file():
                    seen[p.relative_to(out).as_posix()] = hashlib.sha256(p.read_bytes()).hexdigest()
    return seen


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """An old build (two articles, no pages) and a new one (all examples, with pages)."""
    base = tmp_path_factory.mktemp("publish")
    few = base / "few"
    few.mkdir()
    for p in sorted(EXAMPLES.glob("*.txt"))[:2]:
        shutil.copy(p, few / p.name)
    old, new = base / "old", base / "new"
    build([few], old, jobs=1, pages=False, exports=False)
    build([EXAMPLES], new, jobs=1)
    return old, new


def test_a_kill_at_any_step_of_publishing_leaves_one_whole_build(
    two_builds: tuple[Path, Path], tmp_path: Path
) -> None:
    old, new = two_builds
    old_view, new_view = snapshot(old), snapshot(new)
    assert old_view != new_view and "graph.html" in new_view and "graph.html" not in old_view
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    outcomes = []
    for limit in range(60):
        out = tmp_path / f"out-{limit}"
        shutil.copytree(old, out, symlinks=True)
        generation = out / ".gen-99"
        shutil.copytree(current_generation(new), generation, symlinks=True)
        proc = subprocess.run(
            [sys.executable, "-c", _KILL_AT_STEP, str(generation), str(out), str(limit)],
            env=env,
            capture_output=True,
            timeout=60,
        )
        view = snapshot(out)
        assert view in (old_view, new_view), f"killed before step {limit}: OUT is neither build"
        outcomes.append("new" if view == new_view else "old")
        clean_leftovers(out)  # what the next build does first, under the lock
        assert snapshot(out) == view
        names = {p.name for p in out.iterdir()}
        assert names <= {*OUTPUT_NAMES, CURRENT, ".lock", current_generation(out).name}, names
        if proc.returncode == 0:
            break
        assert proc.returncode == -9, proc.stderr.decode()
    else:
        pytest.fail("publish never finished within 60 steps")
    # Old up to the one rename, new from it on: each side was seen, over many steps.
    assert len(outcomes) > 10, outcomes
    assert outcomes[0] == "old" and outcomes[-1] == "new"
    assert outcomes == sorted(outcomes, key=("old", "new").index)


def test_an_out_of_the_old_layout_or_copied_through_links_is_taken_over(
    two_builds: tuple[Path, Path], tmp_path: Path
) -> None:
    old, new = two_builds
    out = tmp_path / "copied"
    shutil.copytree(old, out)  # links followed: real files at the top, .current a folder
    assert not (out / "graph.ttl").is_symlink()
    build([EXAMPLES], out, jobs=1)
    assert snapshot(out) == snapshot(new) or snapshot(out).keys() == snapshot(new).keys()
    assert (out / "graph.ttl").read_bytes() == (new / "graph.ttl").read_bytes()
    assert (out / CURRENT).is_symlink() and (out / "graph.ttl").is_symlink()
    assert [p.name for p in out.glob(".gen-*")] == [current_generation(out).name]
    assert not list(out.glob(".old-*"))


def test_a_build_without_pages_removes_the_old_pages_with_its_generation(
    two_builds: tuple[Path, Path], tmp_path: Path
) -> None:
    _, new = two_builds
    out = tmp_path / "out"
    shutil.copytree(new, out, symlinks=True)
    assert (out / "graph.html").is_file()
    build([EXAMPLES], out, jobs=1, pages=False)
    assert not (out / "graph.html").exists() and not (out / "graph.html").is_symlink()
    assert not (out / "pages").exists()
    assert (out / "graph.ttl").read_bytes() == (new / "graph.ttl").read_bytes()


def test_publish_refuses_a_folder_outside_out(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "elsewhere").mkdir()
    with pytest.raises(ValueError, match="not a generation"):
        publish(tmp_path / "elsewhere", tmp_path / "out")


def test_a_rebuild_that_changes_nothing_keeps_its_generation(tmp_path: Path) -> None:
    """The same inputs built again into the same OUT leave every file where it was (a
    committed example stays clean in git); only the stage times are the new run's."""
    few = tmp_path / "few"
    few.mkdir()
    for p in sorted(EXAMPLES.glob("*.txt"))[:2]:
        shutil.copy(p, few / p.name)
    out = tmp_path / "out"
    build([few], out, jobs=1, pages=False, exports=False)
    first = current_generation(out)
    before = snapshot(out)
    (out / "build-times.json").write_text("{}", encoding="utf-8")
    build([few], out, jobs=1, pages=False, exports=False)
    assert current_generation(out) == first
    assert (out / "build-times.json").read_text(encoding="utf-8") != "{}"
    assert {k: v for k, v in snapshot(out).items() if k != "build-times.json"} == {
        k: v for k, v in before.items() if k != "build-times.json"
    }
    assert [p.name for p in out.iterdir() if p.name.startswith(".gen-")] == [first.name]
    # A build with something new is a new generation.
    shutil.copy(sorted(EXAMPLES.glob("*.txt"))[2], few)
    build([few], out, jobs=1, pages=False, exports=False)
    assert current_generation(out) != first
