"""Build ``kg/lexicon/tables/name_stats.tsv``: how often each word is a name in ANERcorp,
and how often its definite form (``ال`` + word) occurs in raw news (SaudiNewsNet).

The rule-based recogniser needs to tell a name (``النمروش``) from a common word
(``الشرعية``) after a title. ANERcorp's tags give, per normalised word form, how
often it was outside any entity and how often inside a person/place/organisation.
Only counts are shipped (no sentences). ANERcorp: CC BY-SA 4.0, Benajiba et al. 2007,
CAMeL Lab split (Obeid et al. 2020). A word whose definite form is frequent
(``اجتماع`` → ``الاجتماع``) is a common noun, not a name: names do not take the article.
SaudiNewsNet: CC BY-NC-SA 4.0, M. Alhagri 2015 (only counts are kept).

    python training/build_lexicon.py ../shared
    python training/build_lexicon.py ../shared --train-only --out /tmp/lexicon.train.tsv

``--train-only`` counts the training part of ANERcorp only (``split_sentences``: the last
10% of sentences are the NER dev split): the statistical recogniser's name list is filtered
with that table, so no dev-split label reaches its features. The shipped ``lexicon.tsv``
(read by the rules) still counts all of ANERcorp: the rules and their tests are tuned to it.
"""

from __future__ import annotations

import json
import re
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

from kg.arabic.normalize import normalize

OUT = Path(__file__).resolve().parents[1] / "kg" / "lexicon" / "tables" / "name_stats.tsv"
COLUMNS = ("O", "PERS", "LOC", "ORG", "MISC", "DEF")
_WORD = re.compile(r"[\u0621-\u064A]+")


def definite_counts(corpus: Path) -> Counter[str]:
    """Bare word → how often ``ال`` + word occurs in the raw news corpus."""
    counts: Counter[str] = Counter()
    for zpath in sorted(corpus.glob("*.zip")):
        with zipfile.ZipFile(zpath) as z:
            for name in z.namelist():
                for record in json.loads(z.read(name)):
                    for word in _WORD.findall(normalize(record.get("content") or "")):
                        for prefix in ("ال", "وال", "بال", "لل", "فال", "كال"):
                            if word.startswith(prefix) and len(word) - len(prefix) >= 3:
                                bare = word[len(prefix) :]
                                counts[bare] += 1
                                break
    return counts


def _tagged_tokens(conll: Path, train_only: bool):
    """(token, raw tag) pairs of ANERcorp, or of its training part only."""
    if not train_only:
        for line in conll.read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if len(parts) == 2:
                yield parts[0], parts[1]
        return
    from kg.extract.ner.conll import read_conll, split_sentences

    train, _dev = split_sentences(read_conll(conll))
    for words, tags in train:
        yield from zip(words, tags, strict=True)


def main(shared: Path, out: Path = OUT, train_only: bool = False) -> None:
    conll = shared / "corpora" / "anercorp" / "train.conll"
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for token, tag in _tagged_tokens(conll, train_only):
        kind = tag.split("-", 1)[-1] if tag != "O" else "O"
        kind = "PERS" if kind == "PER" else kind
        counts[normalize(token)][kind] += 1
    for word, n in definite_counts(shared / "corpora" / "saudinewsnet").items():
        if n >= 3:
            counts[word]["DEF"] += n
    rows = sorted(counts.items())
    with out.open("w", encoding="utf-8") as fh:
        fh.write("# word\t" + "\t".join(COLUMNS) + "\n")
        fh.write(
            "# derived from ANERcorp (CC BY-SA 4.0; Benajiba et al. 2007; CAMeL split, Obeid et al. 2020)\n"
        )
        fh.write("# DEF: count of the definite form in SaudiNewsNet (CC BY-NC-SA 4.0; Alhagri 2015)\n")
        for word, c in rows:
            if not any(ch.isalpha() for ch in word):
                continue
            fh.write(word + "\t" + "\t".join(str(c[k]) for k in COLUMNS) + "\n")
    print(f"{len(rows)} forms → {out}")


if __name__ == "__main__":
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("shared", type=Path, nargs="?", default=Path("../shared"))
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--train-only", action="store_true", help="leave the NER dev split's labels out")
    args = ap.parse_args()
    main(args.shared, args.out, args.train_only)
