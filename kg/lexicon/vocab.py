"""Closed-class Arabic vocabulary the rules rely on: titles, honorifics, nationality
adjectives, organisation heads, function words, as named constants over the word lists of
``lists/names.tsv``, ``lists/posts.tsv`` and ``lists/places.tsv``. All entries are in
normalised form (see ``kg.arabic.normalize``): one alef, ي for ى, ه for ة.

Large open lists (place names, name statistics) are package data, loaded in
``kg.lexicon.gazetteer``.
"""

from __future__ import annotations

from kg.arabic.normalize import normalize
from kg.lexicon import groups, inverse, ordered, raw, words

TITLE_HEADS = words("TITLE_HEADS")
POST_HEADS_GIVEN_NAMES = words("POST_HEADS_GIVEN_NAMES")
TITLE_WORDS = words("TITLE_WORDS")
HONORIFICS = words("HONORIFICS")
RANK_TAILS = words("RANK_TAILS")
# Longest first when matching.
FIXED_TITLES = tuple(sorted(ordered("FIXED_TITLES"), key=len, reverse=True))
TITLE_ALONE_REFERS = {entry: normalize(key) for entry, key in inverse("TITLE_REFERS_TO").items()}
TITLES_ALONE = frozenset({*TITLE_ALONE_REFERS, *words("TITLES_ALONE")})

NAME_LINKS = words("NAME_LINKS")
NAME_SECOND_PARTS = words("NAME_SECOND_PARTS")
ALLAH = normalize("الله")
ALLAH_NAME_HEADS = words("ALLAH_NAME_HEADS")
FAITH_WORDS = words("FAITH_WORDS")
STOP_WORDS = words("STOP_WORDS")


def _demonym_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for code, forms in groups("DEMONYMS").items():
        for n in sorted(forms):
            table[n] = code
            table[n + "ه"] = code  # feminine: التركية
            table[n + "ين"] = code  # plural: الليبيين
            table[n + "ون"] = code
    return table


# Nationality adjective (masculine, feminine, plural) → ISO 3166 code.
DEMONYMS: dict[str, str] = _demonym_table()

ORG_HEADS = words("ORG_HEADS")
# Normalised name → the name as it is usually written (for labels).
KNOWN_ORGS: dict[str, str] = {normalize(o): o for o in raw("KNOWN_ORG_NAMES")}
ORG_STOPS = words("ORG_STOPS")
SITE_HEADS = words("SITE_HEADS")
GIVEN_NAMES = words("GIVEN_NAMES")
