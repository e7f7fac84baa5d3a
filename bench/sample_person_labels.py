"""Sample person labels of one built SaudiNewsNet day for review, flagging junk classes (issue #15).

    python bench/sample_person_labels.py                          # 2015-08-02, seed 15, 100 labels
    python bench/sample_person_labels.py --day 2015-08-03 --out /tmp/day --n 100 --seed 15

Builds the day with the real CLI (``kg build ZIP --out OUT --no-pages --no-exports``), or
reuses the build in ``--out`` when it holds a store (``--rebuild`` redoes it), reads every
person's ``rdfs:label`` from the store with SPARQL, samples ``--n`` of them with a fixed seed
and prints them numbered, each with the junk classes it matches automatically:

- ``trigger``: a trigger verb (``kg.lexicon.triggers.is_trigger_word``) or a verb with a future
  prefix glued to the name (``… بن سلمان سيترأس``);
- ``glued``: several people in one, ``و`` + a known given name inside (``… ومحمد بن نايف``);
- ``given``: a one-word known given name alone (``محمد``);
- ``faith``: words of faith as a person (``الله``, ``حفظه الله``);
- ``cut``: a name ending on the first half of a ``… الله`` name (``باسم عوض``);
- ``clitic``: a preposition or clitic kept at the start (``للمركز``, ``بالمنطقة``);
- ``widget``: share-widget words (``شارك``, ``تويتر``, ``فيسبوك``).

The counts per class end the output. Reads ../shared/corpora/saudinewsnet; the labels are
printed, never written into the repository.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpora" / "saudinewsnet"

PREFIXES = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <https://schema.org/>
"""
PERSON_LABELS = "SELECT DISTINCT ?x ?l WHERE { ?x a schema:Person ; rdfs:label ?l }"

CLASSES = ("trigger", "glued", "given", "faith", "cut", "clitic", "widget")
# First halves of given names completed by ``الله`` (``عوض الله``, ``عبد الله``).
ALLAH_FIRST_HALVES = "عبد عوض فضل نصر جاب خير عطا عطاء حسب رزق ضيف فتح جار عبيد"
FAITH = "الله حفظه رحمه يرحمه حفظها رحمها تعالى سبحانه"
WIDGET = "شارك تويتر فيسبوك فيس بوك واتساب واتس جوجل لينكدإن انستقرام انستغرام طباعة"


def kg_command() -> list[str]:
    exe = Path(sys.executable).with_name("kg")
    if exe.exists():
        return [str(exe)]
    return [sys.executable, "-m", "kg.cli"]


def build_day(zip_path: Path, out: Path, jobs: int = 2) -> None:
    """``kg build ZIP --out OUT --no-pages --no-exports`` (exit 3, faults reported, is fine)."""
    cmd = [*kg_command(), "build", str(zip_path), "--out", str(out), "--no-pages", "--no-exports"]
    proc = subprocess.run([*cmd, "--jobs", str(jobs), "--quiet"], cwd=ROOT, capture_output=True, text=True)
    if proc.returncode not in (0, 3):
        raise RuntimeError(f"kg build failed ({proc.returncode}): {proc.stderr.strip()[-2000:]}")


def person_labels(store: Path) -> list[str]:
    """Every person's label in the store, sorted (so a seed always draws the same ones)."""
    from kg.store.query import run_query

    answer = json.loads(run_query(store, PREFIXES + PERSON_LABELS, fmt="json"))
    return sorted({b["l"]["value"] for b in answer["results"]["bindings"]})


def _words(s: str) -> frozenset[str]:
    from kg.arabic.normalize import normalize

    return frozenset(normalize(w) for w in s.split())


def junk_classes(label: str) -> list[str]:
    """The junk classes a person label matches (see the module docstring)."""
    from kg.arabic.names import is_known_first_name
    from kg.arabic.normalize import normalize
    from kg.lexicon.triggers import is_trigger_word
    from kg.lexicon.vocab import GIVEN_NAMES, STOP_WORDS

    words = normalize(label).split()
    if not words:
        return []
    given = GIVEN_NAMES | {w for w in words if is_known_first_name(w)}
    out = []
    if any(is_trigger_word(w) or (len(w) >= 5 and w[0] == "س" and w[1] in "يتن") for w in words[1:]):
        out.append("trigger")
    if any(
        len(w) > 3 and w[0] == "و" and (w[1:] in GIVEN_NAMES or is_known_first_name(w[1:])) for w in words[1:]
    ):
        out.append("glued")
    if len(words) == 1 and words[0] in given:
        out.append("given")
    if set(words) <= _words(FAITH) or (words[-1] == "الله" and words[0] in _words(FAITH)):
        out.append("faith")
    if len(words) >= 2 and words[-1] in _words(ALLAH_FIRST_HALVES):
        out.append("cut")
    first = words[0]
    if first.startswith(("لل", "بال", "فال", "كال", "وال")) or first in STOP_WORDS:
        out.append("clitic")
    if set(words) & _words(WIDGET):
        out.append("widget")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--day", default="2015-08-02")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--out", type=Path, help="build folder: built into, or reused when it holds a store")
    ap.add_argument("--rebuild", action="store_true", help="with --out: build again even if it holds a store")
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    zip_path = args.corpus / f"{args.day}.zip"
    if not zip_path.exists():
        print(f"skipped: {zip_path} is absent (the sample needs the project's ../shared data)")
        return 0
    with tempfile.TemporaryDirectory(prefix="person-labels-") as tmp:
        out = args.out or Path(tmp) / "out"
        if args.rebuild or not (out / "store").exists():
            build_day(zip_path, out, args.jobs)
        labels = person_labels(out / "store")
    sample = random.Random(args.seed).sample(labels, min(args.n, len(labels)))
    counts = dict.fromkeys(CLASSES, 0)
    flagged = 0
    print(f"day: {args.day}  persons: {len(labels)}  sample: {len(sample)}  seed: {args.seed}")
    for n, label in enumerate(sample, 1):
        classes = junk_classes(label)
        for c in classes:
            counts[c] += 1
        flagged += bool(classes)
        print(f"{n:3d}  {label}" + (f"   [{' '.join(classes)}]" if classes else ""))
    print(
        "counts: " + "  ".join(f"{c} {k}" for c, k in counts.items()) + f"  flagged {flagged}/{len(sample)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
