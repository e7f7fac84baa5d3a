"""The CLI as a user meets it: choices checked before any work, one default recogniser,
an empty answer said out loud, an entity found by any spelling the graph holds."""

from __future__ import annotations

import inspect
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg import cli
from kg.pages.strings import LANGS
from kg.store import FORMATS
from tests.conftest import ROOT


def kg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, cwd=ROOT, timeout=300
    )


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (("build", "examples/", "--lang", "fr"), "'--lang'"),
        (("build", "examples/", "--ner", "spacy"), "'--ner'"),
        (("build", "examples/", "--date", "3/7/2020"), "YYYY-MM-DD"),
        (("build", "examples/", "--jobs", "-2"), "'--jobs'"),
        (("extract", "--text", "نص", "--format", "xml"), "'--format'"),
        (("extract", "--text", "نص", "--ner", "bert"), "'--ner'"),
        (("extract", "--text", "نص", "--date", "2020-7-3"), "YYYY-MM-DD"),
        (("query", "outputs/example", "ASK {}", "--format", "xml"), "'--format'"),
        (("eval", "ner", "x.conll", "--format", "csv"), "'--format'"),
        (("extract",), "FILE or --text"),
        (("query", "outputs/example"), "--file"),
    ],
)
def test_a_bad_choice_is_a_usage_error_of_one_line_before_any_work(
    tmp_path: Path, args: tuple[str, ...], named: str
) -> None:
    out = tmp_path / "out"
    t0 = time.monotonic()
    proc = kg(*args, *(["--out", str(out)] if args[0] == "build" else []))
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and named in lines[0], proc.stderr
    assert lines[0].startswith(f"kg {args[0]}") and "error" in lines[0]
    assert "Traceback" not in proc.stderr and not proc.stdout
    assert not out.exists()  # nothing was built, not even the folder
    assert time.monotonic() - t0 < 30


def test_choices_match_what_the_stages_accept() -> None:
    from kg.extract.ner import names

    assert {m.value for m in cli.Ner} == set(names())
    assert tuple(m.value for m in cli.Lang) == tuple(LANGS)
    assert {m.value for m in cli.QueryFormat} == set(FORMATS)


def test_build_extract_and_eval_share_one_ner_default() -> None:
    defaults = {
        name: inspect.signature(fn).parameters["ner"].default
        for name, fn in (("build", cli.build), ("extract", cli.extract), ("eval", cli.eval_ner_cmd))
    }
    assert set(defaults.values()) == {cli.DEFAULT_NER}, defaults
    assert cli.DEFAULT_NER is cli.Ner.model


def test_usage_errors_are_one_line_through_typers_runner_too() -> None:
    result = CliRunner().invoke(cli.app, ["extract", "--text", "نص", "--format", "xml"])
    assert result.exit_code == 2
    assert "'--format'" in result.output and len(result.output.strip().splitlines()) == 1


def test_extract_text_says_when_nothing_was_found() -> None:
    proc = kg("extract", "--text", "الطقس معتدل.", "--format", "text")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("no events found"), proc.stdout


def test_extract_text_lists_the_events_it_finds() -> None:
    text = "استقبل وزير الخارجية الليبي عمر الزروق اليوم وزير التجارة التركي محمد بولات في طرابلس."
    proc = kg("extract", "--text", text, "--date", "2023-05-10", "--format", "text")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("Meeting") and "2023-05-10" in proc.stdout


KING = {
    "a.txt": "استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود في قصر السلام بجدة اليوم "
    "وزير الدفاع الأمريكي آشتون كارتر. وجرى خلال الاستقبال استعراض العلاقات الثنائية بين البلدين.",
    "b.txt": "التقى الملك سلمان بن عبدالعزيز اليوم في الرياض رئيس وزراء باكستان نواز شريف، "
    "وبحث معه العلاقات بين البلدين.",
}


@pytest.fixture(scope="module")
def king_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("king")
    for name, text in KING.items():
        (root / "in").mkdir(exist_ok=True)
        (root / "in" / name).write_text(text, encoding="utf-8")
    out = root / "out"
    proc = kg("build", str(root / "in"), "--date", "2015-07-22", "--out", str(out), "-q", "--no-exports")
    assert proc.returncode == 0, proc.stderr
    return out


@pytest.mark.parametrize(
    "name",
    [
        "سلمان بن عبدالعزيز آل سعود",  # the label
        "سلمان بن عبد العزيز",  # spaced عبد
        "الملك سلمان",  # a title he holds, before a short form
        "خادم الحرمين الشريفين الملك سلمان",  # two titles
        "الملك سلمان بن عبدالعزيز",  # a spelling a mention was written with
        "خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود",
    ],
)
def test_open_entity_finds_the_king_by_any_spelling(king_build: Path, name: str) -> None:
    index = json.loads((king_build / "pages" / "index.json").read_text(encoding="utf-8"))
    (king,) = [i for i, e in index["entities"].items() if e["label"].startswith("سلمان بن عبدالعزيز")]
    proc = kg("open", str(king_build), "--entity", name, "--print")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().endswith(index["entities"][king]["page"]), proc.stdout


def test_open_entity_does_not_strip_a_title_the_entity_does_not_hold(king_build: Path) -> None:
    proc = kg("open", str(king_build), "--entity", "الرئيس نواز شريف", "--print")
    assert proc.returncode == 1 and "no entity named" in proc.stderr
