"""Build ``kg/lexicon/tables/known_names.txt``: full person names from the PETRARCH Arabic
actor dictionary, so that names made of common words (``رجب طيب أردوغان``) are read whole.

Only names are kept (entries whose words are all name words, starting with a given name);
the dictionary's CAMEO codes are not copied (``kg build --actor-dict`` reads them from the
user's file). Source: UniversalPetrarch Arabic dictionaries, MIT License, Open Event Data
Alliance.

    python training/build_names.py ../shared
    python training/build_names.py ../shared --lexicon /tmp/lexicon.train.tsv \
        --out kg/extract/ner/model/known_names.txt

The second form writes the statistical recogniser's copy, filtered with a lexicon of the
training part of ANERcorp only (``build_lexicon.py --train-only``), so that the dev split's
labels do not decide which names its gazetteer feature knows.
"""

from __future__ import annotations

from pathlib import Path

from kg.arabic.normalize import normalize
from kg.lexicon import vocab
from kg.lexicon.gazetteer import word_stats

OUT = Path(__file__).resolve().parents[1] / "kg" / "lexicon" / "tables" / "known_names.txt"
_NOT_NAME = (
    vocab.TITLE_HEADS
    | vocab.TITLE_WORDS
    | vocab.ORG_HEADS
    | vocab.STOP_WORDS
    | set(vocab.DEMONYMS)
    | vocab.HONORIFICS
)


def _person_counts(lexicon: Path | None) -> dict[str, int]:
    """Normalised word → how often it was inside a person name in the lexicon's counts."""
    if lexicon is None:
        return {w: s.person for w, s in word_stats().items()}
    out = {}
    for line in lexicon.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            word, _o, person, *_ = line.split("\t")
            out[word] = int(person)
    return out


def main(shared: Path, out: Path = OUT, lexicon: Path | None = None) -> None:
    persons = _person_counts(lexicon)
    names: set[str] = set()
    src = shared / "resources" / "petrarch-arabic" / "actor_dict_ar_v4.txt"
    for line in src.read_text(encoding="utf-8").splitlines():
        if not line or line[0] in " \t[#":
            continue
        entry = line.split("[")[0].strip().strip("_")
        words = [normalize(w) for w in entry.split("_") if w]
        if not 2 <= len(words) <= 5 or any(w in _NOT_NAME or not w.isalpha() for w in words):
            continue
        if persons.get(words[0], 0) < 1:
            continue  # not known to start with a given name: maybe an organisation
        names.add(" ".join(words))
    out.write_text(
        "# full person names from the UniversalPetrarch Arabic actor dictionary\n"
        "# (MIT License, Open Event Data Alliance)\n" + "\n".join(sorted(names)) + "\n",
        encoding="utf-8",
    )
    print(f"{len(names)} names → {out}")


if __name__ == "__main__":
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("shared", type=Path, nargs="?", default=Path("../shared"))
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--lexicon", type=Path, help="a lexicon.tsv to filter with (default: the package's)")
    args = ap.parse_args()
    main(args.shared, args.out, args.lexicon)
