"""The pages' scripts as assembled from their parts: every part used, no helper written twice,
the interface text loaded from its data file."""

from __future__ import annotations

import json
import re
from importlib import resources

from kg.pages.scripts import GRAPH_SCRIPT, NODE_SCRIPT, TABLE_SCRIPT, page_script
from kg.pages.strings import LANGS, strings

ASSETS = resources.files("kg.pages").joinpath("assets")
_TOP_LEVEL = re.compile(r"^(?:function|var) ([A-Za-z_$][\w$]*)", re.MULTILINE)


def _parts_on_disk() -> set[str]:
    found = {p.name for p in ASSETS.iterdir() if p.name.endswith(".js")}
    found |= {f"graph/{p.name}" for p in ASSETS.joinpath("graph").iterdir() if p.name.endswith(".js")}
    return found


def test_every_script_part_is_inlined_into_a_page() -> None:
    assert _parts_on_disk() == set(GRAPH_SCRIPT) | set(NODE_SCRIPT) | set(TABLE_SCRIPT)
    assert GRAPH_SCRIPT[0] == NODE_SCRIPT[0] == TABLE_SCRIPT[0] == "common.js"


def test_no_name_is_defined_in_two_parts_of_a_page() -> None:
    for parts in (GRAPH_SCRIPT, NODE_SCRIPT, TABLE_SCRIPT):
        where: dict[str, str] = {}
        for name in parts:
            for defined in _TOP_LEVEL.findall(ASSETS.joinpath(*name.split("/")).read_text(encoding="utf-8")):
                assert defined not in where, f"{defined} is defined in {where[defined]} and {name}"
                where[defined] = name


def test_a_page_script_is_one_strict_scope_in_part_order() -> None:
    text = page_script(GRAPH_SCRIPT)
    head = text.split("// ====")[0]
    assert head.rstrip().endswith('(function () {\n"use strict";') and text.endswith("})();\n")
    heads = re.findall(r"^// ==== (\S+)$", text, re.MULTILINE)
    assert tuple(heads) == GRAPH_SCRIPT


def test_interface_text_comes_whole_from_strings_json() -> None:
    data = json.loads(resources.files("kg.pages").joinpath("strings.json").read_text(encoding="utf-8"))
    assert tuple(data["langs"]) == LANGS
    for lang in LANGS:
        got = strings(lang)
        assert set(got) == set(data) - {"langs"}
        for group, texts in got.items():
            assert texts == data[group][lang]
            assert set(texts) == set(data[group][LANGS[0]]), f"{group} in {lang}: other keys"
