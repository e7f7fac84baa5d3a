"""A page per entity and per event, written beside graph.html under ``OUT/pages/``.

``OUT/pages/entity/<name>.html`` and ``OUT/pages/event/<name>.html``, where ``<name>``
comes from the node's stable id (``page_name``), never from its text. Each page is
self-contained like graph.html (script, style and data inline, the same content
security policy and JSON escaping; the DOM is built with ``textContent``) but small:
the neighbourhood is drawn as SVG by the page's own script, without vis-network, so
ten thousand pages do not carry ten thousand copies of a 500 kB library. Pages link to
each other with relative links, so a copied or zipped ``OUT/`` keeps working.

``OUT/pages/index.json`` maps every id to its label, aliases and page, so ``find_entity``
can find an entity's page from the output folder alone (``kg open OUT --entity NAME``).
"""

from __future__ import annotations

import html
import json
import re
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from kg.arabic.normalize import normalize
from kg.model import Entity, EventNode, Graph, event_date_source
from kg.pages.bounds import (
    MAX_ACTORS,
    MAX_CO_ACTORS,
    MAX_SENTENCES_PER_ARTICLE,
    events_listed,
    first,
    mention_evidence,
)
from kg.pages.graph_page import one_script_page, write_atomic
from kg.pages.page_data import iso, time_dict
from kg.pages.paths import (
    ENTITY_DIR,
    EVENT_DIR,
    INDEX_NAME,
    PAGES_DIR,
    page_href,
    page_name,
    page_path,
)
from kg.pages.scripts import NODE_SCRIPT, asset, page_script
from kg.pages.strings import strings

_PAGE_FILE = re.compile(r"^[A-Za-z0-9_-]+\.html$")


# ---- the pages' data ------------------------------------------------------------------------


class _Index:
    """Lookups over the graph shared by every page: who took part in what."""

    def __init__(self, graph: Graph, paged: set[str] | None = None) -> None:
        self.graph = graph
        self.paged = paged  # nodes that have a page (None: all of them)
        self.entities = {e.id: e for e in graph.entities}
        self.events = {ev.id: ev for ev in graph.events}
        self.articles = {a.id: a for a in graph.articles}
        # entity id → [(event, roles)]; the place of an event counts as the role "place".
        self.events_of: dict[str, list[tuple[EventNode, list[str]]]] = defaultdict(list)
        self.roles: dict[str, dict[str, list[str]]] = {}  # event id → its actors' roles, once
        for ev in graph.events:
            self.roles[ev.id] = _roles(ev)
            for entity_id, roles in self.roles[ev.id].items():
                self.events_of[entity_id].append((ev, roles))
        self.members: dict[str, list[Entity]] = defaultdict(list)
        for e in graph.entities:
            if e.affiliation and e.affiliation != e.id and e.affiliation in self.entities:
                self.members[e.affiliation].append(e)

    def _href(self, node_id: str, event: bool) -> str | None:
        return page_href(node_id, event=event) if self.paged is None or node_id in self.paged else None

    def link(self, node_id: str | None, roles: list[str] | None = None) -> dict | None:
        """A reference to another node: label, kind and relative ``href`` (when it has a page)."""
        if not node_id:
            return None
        out: dict
        if node_id in self.entities:
            e = self.entities[node_id]
            out = {"id": e.id, "label": e.label, "kind": e.kind, "href": self._href(e.id, False)}
        elif node_id in self.events:
            ev = self.events[node_id]
            out = {"id": ev.id, "label": ev.label, "kind": "event", "type": ev.type}
            out["href"] = self._href(ev.id, True)
        else:  # an affiliation the graph has no node for: shown as written, not linked
            out = {"id": node_id, "label": node_id, "kind": None, "href": None}
        if roles is not None:
            out["roles"] = roles
        return out


def _roles(ev: EventNode) -> dict[str, list[str]]:
    roles: dict[str, list[str]] = {}
    for p in ev.participants:
        if p.role not in roles.setdefault(p.entity, []):
            roles[p.entity].append(p.role)
    if ev.place and ev.place not in roles:
        roles[ev.place] = ["place"]
    return roles


def _dated(ev: EventNode) -> bool:
    return ev.time is not None and ev.time.value is not None and ev.time.begin is not None


def _timeline_key(ev: EventNode) -> tuple:
    t = ev.time
    assert t is not None and t.begin is not None
    return (t.begin, t.end_date or t.begin, ev.id)


def entity_page_data(idx: _Index, e: Entity, lang: str) -> dict:
    """What an entity's page shows: facts, titles over time, its events, who else was there.

    Bounded (``kg.pages.bounds``): each article adds at most ``MAX_EVENTS_PER_ARTICLE``
    events, each listed with at most ``MAX_CO_ACTORS`` others; ``events_omitted`` and an
    item's ``others_omitted`` count the rest (present only when some were left out)."""
    taking_part = idx.events_of.get(e.id, [])
    listed = events_listed([ev for ev, _ in taking_part])
    items = []
    for ev, roles in taking_part:
        if ev.id not in listed:
            continue
        # Only nodes of the graph are listed; links are made for the shown ones only (an
        # event of hundreds of actors is on the page of each of them).
        others = [
            (other, rs)
            for other, rs in idx.roles[ev.id].items()
            if other != e.id and (other in idx.entities or other in idx.events)
        ]
        shown, omitted = first(others, MAX_CO_ACTORS)
        item = {
            **idx.link(ev.id, roles),  # type: ignore[dict-item]
            "status": ev.status,
            "time": time_dict(ev.time),
            "sources": len(ev.articles),
            "others": [idx.link(other, rs) for other, rs in shown],
        }
        if omitted:
            item["others_omitted"] = omitted
        items.append(item)
    by_id = {it["id"]: it for it in items}
    dated = sorted((ev for ev, _ in taking_part if _dated(ev) and ev.id in listed), key=_timeline_key)
    undated = sorted((ev for ev, _ in taking_part if not _dated(ev) and ev.id in listed), key=lambda v: v.id)
    data: dict[str, Any] = {
        "lang": lang,
        "strings": strings(lang),
        "page": "entity",
        "graph_href": "../../graph.html",
        "node": {
            "id": e.id,
            "kind": e.kind,
            "label": e.label,
            "aliases": list(e.aliases),
            "subtype": e.subtype,
            "country": e.country,
            "articles": len(e.articles),
            "affiliation": idx.link(e.affiliation) if e.affiliation != e.id else None,
            "titles": [
                {
                    "title": t.title,
                    "affiliation": idx.link(t.affiliation),
                    "first": iso(t.first_seen),
                    "last": iso(t.last_seen),
                }
                for t in sorted(e.titles, key=lambda t: (t.first_seen is None, t.first_seen or 0, t.title))
            ],
        },
        "timeline": [by_id[ev.id] for ev in dated],
        "undated": [by_id[ev.id] for ev in undated],
        "members": [idx.link(m.id) for m in sorted(idx.members.get(e.id, []), key=lambda m: m.label)],
    }
    if len(listed) < len(taking_part):
        data["events_omitted"] = len(taking_part) - len(listed)
    return data


def event_page_data(idx: _Index, ev: EventNode, lang: str) -> dict:
    """What an event's page shows: actors with roles, place, date, status, every source."""
    roles = {k: v for k, v in idx.roles[ev.id].items() if v != ["place"]}
    # Each article's distinct sentences, at most ``MAX_SENTENCES_PER_ARTICLE``, each bounded
    # around its trigger (``kg.pages.bounds``); ``sentences_omitted`` counts the rest.
    sentences: dict[str, list[dict]] = defaultdict(list)
    omitted: Counter[str] = Counter()
    for m in ev.mentions:
        s = mention_evidence(m)
        if s not in sentences[m.article]:
            if len(sentences[m.article]) < MAX_SENTENCES_PER_ARTICLE:
                sentences[m.article].append(s)
            else:
                omitted[m.article] += 1
    actors, actors_omitted = first([idx.link(entity_id, rs) for entity_id, rs in roles.items()], MAX_ACTORS)
    sources = []
    for article_id in dict.fromkeys([*ev.articles, *sentences]):
        a = idx.articles.get(article_id)
        source: dict[str, Any] = {
            "article": article_id,
            "title": a.title if a else "",
            "source": a.source if a else None,
            "date": iso(a.dct) if a else None,
            "url": a.url if a else None,
            "sentences": sentences.get(article_id, []),
        }
        if omitted[article_id]:
            source["sentences_omitted"] = omitted[article_id]
        sources.append(source)
    data: dict[str, Any] = {
        "lang": lang,
        "strings": strings(lang),
        "page": "event",
        "graph_href": "../../graph.html",
        "node": {
            "id": ev.id,
            "kind": "event",
            "type": ev.type,
            "label": ev.label,
            "status": ev.status,
            "time": time_dict(ev.time),
            "date_source": event_date_source(ev),
            "place": idx.link(ev.place),
        },
        "actors": actors,
        "sources": sources,
    }
    if actors_omitted:
        data["actors_omitted"] = actors_omitted
    return data


# ---- writing ----------------------------------------------------------------------------------


def render_node_page(data: dict) -> str:
    """The HTML of one entity or event page for data from ``entity_page_data``/``event_page_data``."""
    title = html.escape(f"{data['node']['label']} — {data['strings']['ui']['app_name']}")
    return one_script_page("node.html", page_script(NODE_SCRIPT), asset("node.css"), data, {"title": title})


def choose_paged(graph: Graph, max_pages: int | None) -> set[str] | None:
    """Which nodes get a page when there are more than ``max_pages``: the events reported
    by the most articles (up to half) and the entities taking part in the most events.

    A news day has ten thousand nodes; a page each would be hundreds of megabytes of the
    same inline script. Every node stays reachable from graph.html (search and panel).
    """
    total = len(graph.entities) + len(graph.events)
    if max_pages is None or total <= max_pages:
        return None
    events = sorted(graph.events, key=lambda ev: (-len(ev.articles), ev.id))[: max_pages // 2]
    taking_part: dict[str, int] = defaultdict(int)
    for ev in graph.events:
        for p in ev.participants:
            taking_part[p.entity] += 1
    rest = max_pages - len(events)
    entities = sorted(graph.entities, key=lambda e: (-taking_part[e.id], -len(e.articles), e.id))[:rest]
    return {ev.id for ev in events} | {e.id for e in entities}


def write_pages(graph: Graph, out_dir: Path, *, lang: str = "ar", paged: set[str] | None = None) -> dict:
    """Write every entity and event page and ``pages/index.json`` under ``out_dir``; figures back.

    Each page is written under a temporary name and renamed into place (not fsynced one
    by one: on a news day that is ten thousand syncs; the index, written last, is).
    Pages of nodes no longer in the graph are removed. Figures: ``entity_pages``,
    ``event_pages``, ``bytes`` (all pages), ``largest_bytes``, ``seconds``.
    """
    strings(lang)  # fails early on an unknown language
    t0 = time.perf_counter()
    out_dir = Path(out_dir)
    root = out_dir / PAGES_DIR
    idx = _Index(graph, paged)
    total = largest = 0
    written: dict[str, set[str]] = {ENTITY_DIR: set(), EVENT_DIR: set()}

    def emit(folder: str, node_id: str, data: dict) -> None:
        nonlocal total, largest
        payload = render_node_page(data).encode("utf-8")
        name = f"{page_name(node_id)}.html"
        write_atomic(root / folder / name, payload, fsync=False)
        written[folder].add(name)
        total += len(payload)
        largest = max(largest, len(payload))

    for e in graph.entities:
        if paged is None or e.id in paged:
            emit(ENTITY_DIR, e.id, entity_page_data(idx, e, lang))
    for ev in graph.events:
        if paged is None or ev.id in paged:
            emit(EVENT_DIR, ev.id, event_page_data(idx, ev, lang))
    for folder, names in written.items():
        d = root / folder
        if d.is_dir():
            for stale in d.iterdir():
                if _PAGE_FILE.match(stale.name) and stale.name not in names:
                    stale.unlink(missing_ok=True)
    index = {
        "version": 1,
        "lang": lang,
        "entities": {
            e.id: {
                "label": e.label,
                "aliases": list(e.aliases),
                **_search_forms(e),
                "kind": e.kind,
                "articles": len(e.articles),
                # An entity without a page of its own is found on the whole-graph page.
                "page": page_path(e.id, event=False) if paged is None or e.id in paged else "graph.html",
            }
            for e in graph.entities
        },
        "events": {
            ev.id: {"label": ev.label, "type": ev.type, "page": page_path(ev.id, event=True)}
            for ev in graph.events
            if paged is None or ev.id in paged
        },
    }
    write_atomic(root / INDEX_NAME, json.dumps(index, ensure_ascii=False, indent=1).encode("utf-8"))
    return {
        "entity_pages": len(written[ENTITY_DIR]),
        "event_pages": len(written[EVENT_DIR]),
        "bytes": total,
        "largest_bytes": largest,
        "seconds": round(time.perf_counter() - t0, 3),
    }


# ---- finding an entity's page by name -----------------------------------------------------------


def _key(text: str) -> str:
    """Matching form of a name: Arabic normalisation, case folded, spaces collapsed."""
    return " ".join(normalize(text).casefold().split())


def _index_entries(graph_or_out_dir: Graph | Path | str) -> tuple[Path | None, Iterable[tuple[str, dict]]]:
    if isinstance(graph_or_out_dir, Graph):
        g = graph_or_out_dir
        entries = (
            (
                e.id,
                {
                    "label": e.label,
                    "aliases": list(e.aliases),
                    **_search_forms(e),
                    "articles": len(e.articles),
                    "page": page_path(e.id, event=False),
                },
            )
            for e in g.entities
        )
        return None, entries
    out = Path(graph_or_out_dir)
    index_file = out / PAGES_DIR / INDEX_NAME
    if not index_file.is_file():
        raise FileNotFoundError(f"{index_file} does not exist; build {out} with entity pages first")
    data = json.loads(index_file.read_text(encoding="utf-8"))
    return out, data.get("entities", {}).items()


def _search_forms(e: Entity) -> dict[str, list[str]]:
    """What ``find_entities`` matches besides label and aliases: the titles the entity was
    seen holding and the spellings its mentions were written with, each once."""
    named = {_key(n) for n in (e.label, *e.aliases)}
    spellings = {m.text: None for m in e.mentions if _key(m.text) not in named}
    return {
        "titles": sorted({t.title for t in e.titles}),
        "spellings": sorted(spellings, key=lambda t: (_key(t), t)),
    }


def _without_titles(q: str, titles: list[str]) -> str:
    """``q`` less the titles in front of it that the entity holds: ``الملك سلمان`` → ``سلمان``."""
    stripped = True
    while stripped:
        stripped = False
        for t in titles:  # longest first: ``خادم الحرمين الشريفين`` before a shorter title
            if q.startswith(t + " "):
                q = q[len(t) + 1 :]
                stripped = True
    return q


def find_entities(graph_or_out_dir: Graph | Path | str, name: str) -> list[tuple[str, str, Path]]:
    """Entities whose label, an alias or a spelling of a mention matches ``name``, best
    first: ``(id, label, page)``.

    Names match after Arabic normalisation (``اكار`` finds ``أكار``), case folding and
    collapsing spaces (or with none: ``عبد العزيز`` is ``عبدالعزيز``), and with or without
    the titles the entity holds in front (``الملك سلمان`` finds the king whose label is
    ``سلمان بن عبدالعزيز آل سعود``). An exact label beats an exact alias or spelling (with
    or without titles), which beats a name that starts with the query, which beats one that
    contains it; ties go to the entity reported by more articles. With an output folder the
    pages are absolute paths under
    it; with a graph they are relative to ``OUT``.
    """
    q = _key(name)
    if not q:
        return []
    out, entries = _index_entries(graph_or_out_dir)
    hits = []
    for entity_id, entry in entries:
        label_key = _key(entry["label"])
        keys = [label_key, *(_key(a) for a in (*entry.get("aliases", []), *entry.get("spellings", [])))]
        titles = sorted({_key(t) for t in entry.get("titles", [])} - {""}, key=lambda t: (-len(t), t))
        bare = _without_titles(q, titles)
        # Spaces do not tell names apart (``عبد العزيز``, ``عبدالعزيز``): compared without them too.
        joined = {k.replace(" ", "") for k in keys}
        if label_key == q:
            rank = 0
        elif any(form and (form in keys or form.replace(" ", "") in joined) for form in (q, bare)):
            rank = 1
        elif any(k.startswith(q) for k in keys):
            rank = 2
        elif any(q in k for k in keys):
            rank = 3
        else:
            continue
        page = Path(*entry["page"].split("/"))
        hits.append((rank, -int(entry.get("articles", 0)), entity_id, entry["label"], page))
    hits.sort(key=lambda h: h[:3])
    return [(h[2], h[3], out / h[4] if out is not None else h[4]) for h in hits]


def find_entity(graph_or_out_dir: Graph | Path | str, name: str) -> Path:
    """The page of the entity best matching ``name`` (see ``find_entities``); LookupError if none."""
    hits = find_entities(graph_or_out_dir, name)
    if not hits:
        raise LookupError(f"no entity named {name!r}")
    return hits[0][2]
