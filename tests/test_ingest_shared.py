"""Real data from ../shared: the seed page and the SaudiNewsNet zips (skipped when absent)."""

import time
from pathlib import Path

import pytest

from kg.ingest import IngestReport, iter_articles

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seed" / "awj-2020-akar-tripoli.txt"
SAUDI = SHARED / "corpora" / "saudinewsnet"

pytestmark = pytest.mark.shared


def need(path: Path) -> None:
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared data is only on the project's machines")


def test_seed_page_layout():
    need(SEED)
    report = IngestReport()
    [a] = iter_articles([SEED], report=report)
    assert a.title.startswith("النمروش: زيارة وزير الدفاع التركي") and "#" not in a.title
    assert (a.source, a.dateline_place) == ("أوج", "طرابلس")  # ``وج`` restored from “أوج”
    assert a.text.startswith("استقبل وكيل وزارة الدفاع")
    assert a.text.endswith("أسامة الجويلي.")  # the furniture tail is gone
    assert "مقالات ذات صلة" not in a.text and "إغلاق" not in a.text
    assert a.dct is None and report.skipped == []


@pytest.mark.slow
def test_saudinewsnet_zips_load_as_they_are():
    need(SAUDI)
    zips = sorted(SAUDI.glob("*.zip"))
    assert len(zips) == 12
    report = IngestReport()
    articles = list(iter_articles([SAUDI], report=report))
    no_text = [s for s in report.skipped if s["reason"].startswith("record has no text")]
    # 20,329 records, each accounted for: 236 have an empty ``content``, one holds only the
    # PHP artefact ``Array`` and 16 alweeam photo galleries only their footer (``رابط الخبر
    # بصحيفة الوئام: بالصور …``, the headline again); they are skipped with a reason.
    assert len(articles) + report.skipped_total + report.duplicates == 20_329
    assert len(articles) == 20_076 and len(no_text) == 236 and report.skipped_total == 253
    assert report.members_seen == 12
    assert all(a.dct is not None and a.url and a.source and a.text for a in articles)
    assert len({a.id for a in articles}) == len(articles)


def test_saudinewsnet_one_day_speed_and_stable_ids(capsys):
    need(SAUDI)
    day = SAUDI / "2015-07-21.zip"
    t0 = time.perf_counter()
    first = list(iter_articles([day]))
    seconds = time.perf_counter() - t0
    again = list(iter_articles([day]))
    assert [a.id for a in first] == [a.id for a in again]
    with capsys.disabled():
        print(f"\ningest {day.name}: {len(first)} articles in {seconds:.2f}s = {len(first) / seconds:.0f}/s")
