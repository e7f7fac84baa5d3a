"""Hostile-size figures: one unpunctuated article of 0.1 to 5 MB, extracted and built.

    python bench/bench_hostile.py [--sizes 0.1 0.5 1 5] [--ner model] [--no-build]

A scraped page that lost its punctuation (or a feed that glued a day's articles into one
record) is one "sentence" of hundreds of thousands of words. Each stage must stay linear
in it, and an article past the extraction budget (``kg.extract.budget``) must be skipped
with a reason, not hang the build. For each size this prints the seconds to extract the
article alone (``kg.extract.extract_batch``, as ``kg build`` calls it), the seconds of the
whole ``kg build`` of it in a temporary folder (pages and exports included) with its exit
code, and the sizes of graph.ttl, graph.html and pages/; each figure also as a ratio to
the first row, so linear growth reads as ratios that follow the size column.

The text is generated from a vocabulary of news Arabic written here (posts, names, places,
verbs, dates), seeded, with no punctuation and no line breaks.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_FIRST = (
    "عادل محمد سلمان عبدالله فيصل نايف سعود خالد عمر فايز نجلاء مولود خلوصي سيرغي جون "
    "حسن علي يوسف إبراهيم أحمد مصطفى طارق هشام سامح رجب باراك فلاديمير إيمانويل أنطونيو"
).split()
_LAST = (
    "الجبير الزروق السراج المنقوش أوغلو أكار لافروف كيري العتيبي الشمري القحطاني الدوسري "
    "الغامدي الحربي المطيري الزهراني العنزي شكري المعلم أردوغان بوتين ماكرون غوتيريش "
    "المسماري باشاغا الدبيبة"
).split()
_POSTS = (
    "وزير الخارجية|وزير الدفاع|ولي العهد|ولي ولي العهد|رئيس الوزراء|وزير الداخلية|"
    "السفير|المبعوث الأممي|الأمين العام لجامعة الدول العربية|رئيس مجلس النواب|"
    "وزير الاقتصاد والتجارة|خادم الحرمين الشريفين الملك|الرئيس|أمير منطقة الرياض"
).split("|")
_NATIONS = "السعودي الروسي الأمريكي التركي الليبي المصري القطري الإماراتي الفرنسي الأردني".split()
_PLACES = "الرياض جدة طرابلس الدوحة أنقرة موسكو واشنطن القاهرة بنغازي باريس عمان الكويت".split()
_ORGS = (
    "وزارة الخارجية|الأمم المتحدة|مجلس التعاون الخليجي|جامعة الدول العربية|"
    "شركة أرامكو السعودية|مجلس الشورى|البنك المركزي|وكالة الأنباء السعودية"
).split("|")
_VERBS = (
    "استقبل|التقى|بحث|وقع|زار|أكد|قال|اجتمع|شارك|أجرى مباحثات مع|سيلتقي|يزور|"
    "عقد اجتماعا مع|تلقى اتصالا هاتفيا من|وصل إلى"
).split("|")
_WHEN = (
    "اليوم|أمس|يوم الثلاثاء|يوم الأحد المقبل|في 3 أغسطس 2015|الشهر المقبل|عام 2015|"
    "في الثاني والعشرين من يوليو|منتصف رمضان|في 14 مارس 2023|الأسبوع الماضي|صباح الخميس"
).split("|")
_FILLER = (
    "العلاقات الثنائية|التعاون المشترك|القضايا الإقليمية والدولية|مذكرة تفاهم|"
    "سبل تعزيز التعاون|الأوضاع في المنطقة|بحضور|مع|والوفد المرافق له|في إطار|"
    "الجانبان|البلدين|على هامش|خلال|في ختام اللقاء|ووقع الجانبان اتفاقية"
).split("|")


def _person(rng: random.Random) -> str:
    name = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
    if rng.random() < 0.6:
        nation = f" {rng.choice(_NATIONS)}" if rng.random() < 0.7 else ""
        return f"{rng.choice(_POSTS)}{nation} {name}"
    return name


def _clause(rng: random.Random) -> str:
    parts = [rng.choice(_VERBS), _person(rng), rng.choice(_WHEN)]
    if rng.random() < 0.7:
        parts.append(f"في {rng.choice(_PLACES)}")
    parts.append(_person(rng))
    for _ in range(rng.randint(1, 4)):
        pick = rng.random()
        if pick < 0.4:
            parts.append(rng.choice(_FILLER))
        elif pick < 0.6:
            parts.append(rng.choice(_ORGS))
        elif pick < 0.8:
            parts.append(_person(rng))
        else:
            parts.append(f"{rng.randint(2, 900)} {rng.choice(_PLACES)}")
    return " ".join(parts)


def hostile_text(size_bytes: int, seed: int = 14) -> str:
    """An article of about ``size_bytes`` UTF-8 bytes with no punctuation and no line break:
    clauses of news Arabic (posts, names, places, dates, verbs) run on with spaces."""
    rng = random.Random(seed)
    out: list[str] = []
    size = 0
    while size < size_bytes:
        clause = _clause(rng)
        out.append(clause)
        size += len(clause.encode("utf-8")) + 1
    return " ".join(out)


def _time_extract(text: str, ner: str) -> float:
    from kg.extract import extract_batch
    from kg.model import Article

    t0 = time.perf_counter()
    extract_batch([Article(id="hostile", text=text, origin="hostile.txt")], ner=ner)
    return time.perf_counter() - t0


def _time_build(text: str, ner: str, jobs: int) -> dict:
    """``kg build`` of the one article in a temporary folder: wall seconds (interpreter and
    model loading included), exit code, skip reasons, seconds by stage, output sizes."""
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        (d / "in").mkdir()
        (d / "in" / "hostile.txt").write_text(text, encoding="utf-8")
        out = d / "out"
        cmd = [sys.executable, "-m", "kg.cli", "build", str(d / "in"), "--out", str(out)]
        cmd += ["--date", "2015-08-03", "--ner", ner, "--jobs", str(jobs), "--quiet"]
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
        seconds = time.perf_counter() - t0
        report_file = out / "build-report.json"
        report = json.loads(report_file.read_text()) if report_file.exists() else {}
        skipped = [s["reason"].split(";")[0] for s in report.get("ingest", {}).get("skipped", [])]
        pages = out / "pages"
        return {
            "seconds": seconds,
            "rc": proc.returncode,
            "skipped": skipped,
            "stages": report.get("seconds", {}),
            "ttl": _size(out / "graph.ttl"),
            "html": _size(out / "graph.html"),
            "pages": sum(p.stat().st_size for p in pages.rglob("*") if p.is_file()) if pages.exists() else 0,
            "error": proc.stderr.strip().splitlines()[-1:] if proc.returncode not in (0, 3) else [],
        }


def _size(path: Path) -> int:
    return path.stat().st_size if path.exists() else 0


def _ratio(value: float, base: float | None) -> str:
    return f"x{value / base:.1f}" if base else "-"


STAGES = ("ingest", "extract", "resolve", "rdf", "store", "pages", "exports")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=float, nargs="+", default=[0.1, 0.5, 1.0, 5.0], help="MB (UTF-8)")
    ap.add_argument("--ner", default="model")
    ap.add_argument("--jobs", type=int, default=1, help="kg build --jobs (1: extraction in the main process)")
    ap.add_argument("--no-build", action="store_true", help="extraction only")
    args = ap.parse_args()

    from kg.extract.budget import limits

    lim = limits()
    chars = f"{lim.max_chars:,} characters" if lim.max_chars else "no size limit"
    secs = f"{lim.timeout:g} s per article" if lim.timeout else "no time limit"
    print(f"ner: {args.ner}  budget: {chars}, {secs} (kg.extract.budget)")
    head = f"{'MB':>5} {'chars':>10} {'extract s':>10} {'ratio':>6}"
    if not args.no_build:
        head += f" {'build s':>8} {'ratio':>6} {'exit':>4} {'graph.ttl':>10} {'graph.html':>10}"
        head += f" {'pages/':>10} {'ratio':>6}  skipped"
    print(head)
    base: dict[str, float] = {}
    stage_rows = []
    _time_extract(hostile_text(20_000), args.ner)  # load the models once, outside the figures
    for mb in args.sizes:
        text = hostile_text(int(mb * 1_000_000))
        if lim.max_chars and len(text) > lim.max_chars:
            ext_cell = f"{'over':>10} {'-':>6}"  # the build skips it by its size
        else:
            ext = _time_extract(text, args.ner)
            base.setdefault("extract", ext)
            ext_cell = f"{ext:>10.2f} {_ratio(ext, base['extract']):>6}"
        row = f"{mb:>5g} {len(text):>10,} {ext_cell}"
        if not args.no_build:
            b = _time_build(text, args.ner, args.jobs)
            base.setdefault("build", b["seconds"])
            out_bytes = b["ttl"] + b["html"] + b["pages"]
            base.setdefault("bytes", out_bytes)
            row += (
                f" {b['seconds']:>8.1f} {_ratio(b['seconds'], base['build']):>6} {b['rc']:>4}"
                f" {b['ttl'] / 1e6:>8.2f}MB {b['html'] / 1e6:>8.2f}MB {b['pages'] / 1e6:>8.2f}MB"
                f" {_ratio(out_bytes, base['bytes']):>6}  {'; '.join(b['skipped'] + b['error']) or '-'}"
            )
            stage_rows.append((mb, b["stages"]))
        print(row, flush=True)
    if stage_rows:
        print("\nseconds by stage of the build (build-report.json):")
        print(f"{'MB':>5} " + " ".join(f"{s:>8}" for s in STAGES))
        for mb, stages in stage_rows:
            print(f"{mb:>5g} " + " ".join(f"{stages.get(s, 0):>8.2f}" for s in STAGES))


if __name__ == "__main__":
    main()
