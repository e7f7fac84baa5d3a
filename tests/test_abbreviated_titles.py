"""Titles abbreviated to one letter and a period (``د.`` doctor, ``م.`` engineer, ``أ.``
professor): one token, a title before the name, and no sentence end, so the signatories of
``وقّع المذكرة د. … وأ. د. …`` stay in one sentence and one event. Texts written for the tests."""

from __future__ import annotations

from datetime import date

from kg.arabic.tokens import sentence_spans, tokenize
from kg.extract import extract
from kg.model import Article

SIGNING = (
    "أبرمت جامعة الواحة مذكرة تفاهم مع جامعة الساحل. وقام بتوقيع المذكرة د. جمعان بن رقوش "
    "رئيس جامعة الواحة وأ. د. ماهر الكبيسي رئيس جامعة الساحل. وأعرب الكبيسي عن سعادته."
)


def test_an_abbreviated_title_is_one_token_with_its_conjunction() -> None:
    words = [t.text for t in tokenize("وحضر م. خالد العتيبي وأ. د. سامي الحربي")]
    assert words == ["وحضر", "م.", "خالد", "العتيبي", "وأ.", "د.", "سامي", "الحربي"]


def test_no_sentence_ends_at_an_abbreviated_title() -> None:
    spans = [SIGNING[a:b] for a, b in sentence_spans(SIGNING)]
    assert len(spans) == 3
    assert spans[1].startswith("وقام") and spans[1].endswith("الساحل.")


def test_the_year_mark_and_a_word_still_end_a_sentence() -> None:
    text = "افتتح المبنى عام 2015 م. وحضر الحفل عدد من المسؤولين. ثم غادروا."
    assert len(sentence_spans(text)) == 3
    assert [t.text for t in tokenize("عام 2015 م.")][-2:] == ["م", "."]


def test_both_signatories_written_with_abbreviated_titles() -> None:
    f = extract(Article("t", SIGNING, dct=date(2015, 7, 30)))
    (signing,) = [ev for ev in f.events if ev.type == "Agreement"]
    signatories = {f.entities[r.entity].name for r in signing.roles if r.role == "signatory"}
    assert {"جمعان بن رقوش", "ماهر الكبيسي"} <= signatories
