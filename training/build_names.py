"""Build ``kg/extract/data/known_names.txt``: full person names from the PETRARCH Arabic
actor dictionary, so that names made of common words (``رجب طيب أردوغان``) are read whole.

Only names are kept (entries whose words are all name words, starting with a given name);
the dictionary's CAMEO codes are not copied (``kg build --actor-dict`` reads them from the
user's file). Source: UniversalPetrarch Arabic dictionaries, MIT License, Open Event Data
Alliance.

    python training/build_names.py ../shared
"""

from __future__ import annotations

import sys
from pathlib import Path

from kg.arabic.normalize import normalize
from kg.extract import vocab
from kg.extract.resources import word_stats

OUT = Path(__file__).resolve().parents[1] / "kg" / "extract" / "data" / "known_names.txt"
_NOT_NAME = (
    vocab.TITLE_HEADS
    | vocab.TITLE_WORDS
    | vocab.ORG_HEADS
    | vocab.STOP_WORDS
    | set(vocab.DEMONYMS)
    | vocab.HONORIFICS
)


def main(shared: Path) -> None:
    stats = word_stats()
    names: set[str] = set()
    src = shared / "resources" / "petrarch-arabic" / "actor_dict_ar_v4.txt"
    for line in src.read_text(encoding="utf-8").splitlines():
        if not line or line[0] in " \t[#":
            continue
        entry = line.split("[")[0].strip().strip("_")
        words = [normalize(w) for w in entry.split("_") if w]
        if not 2 <= len(words) <= 5 or any(w in _NOT_NAME or not w.isalpha() for w in words):
            continue
        first = stats.get(words[0])
        if first is None or first.person < 1:
            continue  # not known to start with a given name: maybe an organisation
        names.add(" ".join(words))
    OUT.write_text(
        "# full person names from the UniversalPetrarch Arabic actor dictionary\n"
        "# (MIT License, Open Event Data Alliance)\n" + "\n".join(sorted(names)) + "\n",
        encoding="utf-8",
    )
    print(f"{len(names)} names → {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared"))
