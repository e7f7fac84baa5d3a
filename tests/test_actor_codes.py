"""CAMEO actor codes from a PETRARCH-style dictionary written for the test."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kg.extract import extract
from kg.model import Article
from kg.resolve import resolve
from kg.resolve.actor_codes import codes_for, read_actor_dict

DICT = """\
# a small dictionary in the PETRARCH layout
عمر_الزروق_
\t[LBYGOV 20210101-20231231]
\t[LBYELI 20240101-18000101]
وزارة_خارجية_ليبي_  [LBYGOV]
محمد_بولات_  [TURGOV]
"""


@pytest.fixture
def actor_dict(tmp_path: Path) -> Path:
    p = tmp_path / "actors.txt"
    p.write_text(DICT, encoding="utf-8")
    return p


def test_reads_codes_with_dates(actor_dict: Path) -> None:
    table = read_actor_dict(actor_dict)
    assert codes_for(["عمر الزروق"], [date(2023, 5, 10)], table) == ("LBYGOV",)
    assert codes_for(["عمر الزروق"], [date(2024, 2, 1)], table) == ("LBYELI",)


def test_build_attaches_codes(actor_dict: Path) -> None:
    text = "استقبل وكيل وزارة الخارجية عمر الزروق، اليوم، وزير التجارة التركي محمد بولات."
    g = resolve([extract(Article(id="a", text=text, dct=date(2023, 5, 10)))], actor_dict=actor_dict)
    codes = {e.label: e.codes for e in g.entities if e.codes}
    assert codes == {"عمر الزروق": ("LBYGOV",), "محمد بولات": ("TURGOV",)}


def test_a_file_without_entries_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("nothing here\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.txt"):
        read_actor_dict(bad)
