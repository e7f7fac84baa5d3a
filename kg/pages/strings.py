"""Interface strings of the graph and node pages, in Arabic and English.

Only the interface is translated: labels, names and sentences come from the articles
as written. Roles, kinds, event types, date precisions and date sources are keyed by the
values the model uses, so the page never has to guess a translation.

The text itself lives in ``strings.json`` beside this module (interface text, not a word
list a rule matches, so it stays with the pages rather than in ``kg/lexicon``), read once
on import. Its groups, each ``{lang: {key: text}}``:

- ``ui``: static and dynamic interface text; ``{n}``/``{m}``/``{e}`` are filled in by the
  page script;
- ``roles``, ``kinds``, ``event_types``, ``precisions``, ``statuses``: keyed by the model's
  values;
- ``date_sources``: where an event's date came from (``kg.model.DateSource``), shown beside
  the date.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import TypedDict, cast

# One language's text for one group: key -> text.
Texts = dict[str, str]
# One group in every language: lang -> key -> text.
ByLang = dict[str, Texts]


class PageStrings(TypedDict):
    """Every interface string for one language, grouped as the page scripts read them."""

    ui: Texts
    roles: Texts
    kinds: Texts
    event_types: Texts
    precisions: Texts
    statuses: Texts
    date_sources: Texts


_GROUPS = ("ui", "roles", "kinds", "event_types", "precisions", "statuses", "date_sources")


def _load() -> dict[str, object]:
    text = resources.files(__package__).joinpath("strings.json").read_text(encoding="utf-8")
    data = cast(dict[str, object], json.loads(text))
    langs = tuple(cast(list[str], data["langs"]))
    for group in _GROUPS:  # a language missing from a group would show keys on the page
        by_lang = cast(ByLang, data[group])
        if tuple(by_lang) != langs:
            raise ValueError(f"strings.json: {group} has languages {tuple(by_lang)}, not {langs}")
        keys = set(by_lang[langs[0]])
        for lang in langs[1:]:
            if set(by_lang[lang]) != keys:
                raise ValueError(f"strings.json: {group} in {lang} has other keys than in {langs[0]}")
    return data


_DATA = _load()

LANGS: tuple[str, ...] = tuple(cast(list[str], _DATA["langs"]))
UI = cast(ByLang, _DATA["ui"])
ROLES = cast(ByLang, _DATA["roles"])
KINDS = cast(ByLang, _DATA["kinds"])
EVENT_TYPES = cast(ByLang, _DATA["event_types"])
PRECISIONS = cast(ByLang, _DATA["precisions"])
STATUSES = cast(ByLang, _DATA["statuses"])
DATE_SOURCES = cast(ByLang, _DATA["date_sources"])


def strings(lang: str) -> PageStrings:
    """Every interface string for ``lang``, grouped as the page script reads them."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    return {
        "ui": UI[lang],
        "roles": ROLES[lang],
        "kinds": KINDS[lang],
        "event_types": EVENT_TYPES[lang],
        "precisions": PRECISIONS[lang],
        "statuses": STATUSES[lang],
        "date_sources": DATE_SOURCES[lang],
    }
