"""The repeat pass of the recogniser gives the same tags whatever Python's hash seed: a name
tagged two ways takes the label seen first in the text (a build of the same day twice gave
two graphs before: the spans came out of a set)."""

from __future__ import annotations

import os
import subprocess
import sys

_SCRIPT = """
from kg.extract.ner.consistency import propagate
words = [["أغلقت", "داركود", "ووصف", "داركود", "بأنه"], ["عرض", "داركود"]]
tags = [["O", "B-LOC", "O", "B-PERS", "O"], ["O", "O"]]
print(propagate(words, tags)[1][1])
"""


def test_repeat_label_does_not_depend_on_the_hash_seed():
    seen = set()
    for seed in ("1", "2", "3", "4", "5", "6"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run(
            [sys.executable, "-c", _SCRIPT], env=env, capture_output=True, text=True, check=True
        )
        seen.add(out.stdout.strip())
    assert seen == {"B-LOC"}
