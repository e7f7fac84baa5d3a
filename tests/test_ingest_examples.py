"""The bundled example corpus loads cleanly, with the dates, outlets and places it was written with."""

from datetime import date
from pathlib import Path

from kg.ingest import IngestReport, iter_articles

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_examples_load_without_faults():
    report = IngestReport()
    articles = list(iter_articles([EXAMPLES], report=report))
    assert report.skipped == [] and report.duplicates == 0
    assert [i["origin"] for i in report.ignored] == ["examples/README.md"]
    assert dict(report.formats) == {"txt": 3, "json": 2, "jsonl": 1, "html": 1}
    by_file = {
        Path(a.origin.split("#")[0]).name + ("#" + a.origin.split("#")[1] if "#" in a.origin else ""): a
        for a in articles
    }
    assert len(by_file) == 7
    manara = by_file["almanara-2023-03-14-mangoush-cavusoglu.txt"]
    assert (manara.source, manara.dateline_place, manara.dct) == ("المنارة", "طرابلس", date(2023, 3, 14))
    assert "اليوم الثلاثاء" in manara.text and "مقالات ذات صلة" not in manara.text
    waha = by_file["alwaha-2023-03-15-tripoli-talks.txt"]
    assert (waha.source, waha.dct) == ("الواحة", date(2023, 3, 15)) and "أمس" in waha.text
    assert waha.text.endswith('الداخلية".') and "تابعونا" not in waha.text
    raed = by_file["alraed-2023-03-16-benghazi-conference.txt"]
    assert (raed.source, raed.dateline_place, raed.dct) == ("وكالات", "بنغازي", date(2023, 3, 16))
    sahel = by_file["alsahel-2023-03-14.json#1"]
    assert "14/3/2023" in sahel.text and sahel.dateline_place == "طرابلس" and sahel.dct == date(2023, 3, 14)
    haber = by_file["haberler-2023-03-14.jsonl#1"]
    assert (haber.source, haber.dct) == ("ar.haberler.example", date(2023, 3, 14)) and "سيزور" in haber.text
    page = by_file["aljabal-2023-03-15-libya-turkey.html"]
    assert (page.source, page.dct) == ("بوابة الجبل", date(2023, 3, 15))
    assert "الأكثر قراءة" not in page.text and "جميع الحقوق" not in page.text
    for a in articles:
        assert 80 <= len(a.text.split()) <= 250, a.origin
