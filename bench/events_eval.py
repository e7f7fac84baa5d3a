"""Score the event graph against the hand-built event gold set (issue #15).

    python bench/events_eval.py [--split dev|heldout|final|all] [--shared ../shared] [--out DIR]
                                [--rebuild] [--full-days] [--format text|json] [--errors 40]

The gold set (``bench/event_gold/``: ``articles.tsv``, ``dev.tsv``, ``heldout.tsv``; format
and guidelines in their headers and its README) holds SaudiNewsNet urls, character offsets
into ``Article.text`` and canonical names, never text. This script

1. writes the gold articles' records, taken from the day zips with their original fields,
   to a temporary ``.jsonl`` (so ingest is the same as for the zips) and builds it with the
   real CLI, ``kg build FILE.jsonl --out OUT`` (``--full-days``: the whole days' zips);
   ``--out DIR`` builds into DIR, or reuses the build already there (``--rebuild`` redoes it);
2. reads the graph as a user would, with SPARQL on ``OUT/store``
   (``kg.store.query.run_query``): each event's types, trigger mentions (``gaf:denotedBy`` →
   ``nif:beginIndex``/``nif:endIndex``/``nif:referenceContext`` → ``schema:url``),
   ``sem:hasTimeStamp``, ``sem:hasPlace``'s labels, ``hd:status``, and its actors with their
   role types (``sem:hasActor`` → ``sem:Role`` with ``rdf:value`` and ``sem:roleType``), each
   actor's mentions and labels;
3. matches per article. A system event belongs to an article when one of its mentions is in
   it (a merged event belongs to every gold article it was read from, and is counted once per
   such article). A gold actor is matched by a system actor one of whose mentions in that
   article overlaps the gold span (else, by the normalised label equal to the canonical
   name). Gold and system events of an article are paired one to one, maximising agreement
   (type compatible, shared principals, trigger overlap).

Figures: event-level P/R/F1, where an event is *right* when its type, its set of principal
actors (all roles but attendee) and its date (same value at the gold precision; a gold ``-``
is right only when the system gives no date) are right; precision over system events of
type Meeting/Visit/Call/Agreement with a mention in a gold article, recall over gold events.
Lenient figures: type + at least one principal; type + principals (any date). Per-field
accuracy over paired events: principals, roles, attendees (P/R), date, place (normalised
label), status; the share of system Meeting/Visit/Call events that are dated, placed and
have two principals or more. The error list gives, per miss and false alarm, the url, the
gold row or system IRI and what differed; error classes are counted.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

GOLD_DIR = ROOT / "bench" / "event_gold"
ARTICLE_COLUMNS = ("split", "day", "url", "source", "dct", "dct_source", "n_events")
EVENT_COLUMNS = (
    "split",
    "day",
    "url",
    "event",
    "type",
    "status",
    "date",
    "place",
    "actors",
    "trigger",
    "note",
)
# "final": a second set-aside, annotated after the first held-out split had been scored twice
SPLITS = ("dev", "heldout", "final")
TYPES = ("Meeting", "Visit", "Call", "Agreement")
SCORED_TYPES = frozenset(TYPES)  # system events counted for precision
ROLES = ("host", "guest", "participant", "visitor", "caller", "callee", "signatory", "attendee")
NON_PRINCIPAL = frozenset({"attendee", "destination"})  # destination: a place in the role of one
HD = "https://w3id.org/hadath/ontology#"


# ---- the gold files --------------------------------------------------------------------


@dataclass(frozen=True)
class GoldArticle:
    split: str
    day: str
    url: str
    source: str
    dct: str
    dct_source: str
    n_events: int


@dataclass(frozen=True)
class GoldActor:
    role: str
    start: int
    end: int
    name: str

    @property
    def principal(self) -> bool:
        return self.role not in NON_PRINCIPAL


@dataclass(frozen=True)
class GoldEvent:
    split: str
    day: str
    url: str
    event: str
    type: str
    status: str
    date: str  # ISO at the gold precision, or "-"
    place: str  # canonical name or "-"
    actors: tuple[GoldActor, ...]
    trigger: tuple[int, int]
    note: str = ""

    @property
    def key(self) -> str:
        return f"{self.url}#{self.event}"

    @property
    def principals(self) -> tuple[GoldActor, ...]:
        return tuple(a for a in self.actors if a.principal)

    @property
    def attendees(self) -> tuple[GoldActor, ...]:
        return tuple(a for a in self.actors if not a.principal)


def _rows(path: Path, columns: Sequence[str]) -> Iterable[tuple[int, dict[str, str]]]:
    """(line number, row) of a gold TSV; ``#`` lines are comments, the first other the header."""
    header = None
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            if tuple(header) != tuple(columns):
                raise ValueError(f"{path}:{n}: header must be {' '.join(columns)}, not {line!r}")
            continue
        if len(cells) != len(columns):
            raise ValueError(f"{path}:{n}: {len(cells)} columns, expected {len(columns)}")
        yield n, dict(zip(columns, cells, strict=True))


def _span(text: str, where: str) -> tuple[int, int]:
    a, _, b = text.partition("-")
    start, end = int(a), int(b)
    if not 0 <= start < end:
        raise ValueError(f"{where}: bad span {text!r}")
    return start, end


def parse_actors(cell: str, where: str = "actors") -> tuple[GoldActor, ...]:
    """``role|start-end|name;…`` (``-`` for none) → actors."""
    if cell.strip() in ("", "-"):
        return ()
    out = []
    for item in cell.split(";"):
        parts = item.split("|")
        if len(parts) != 3:
            raise ValueError(f"{where}: actor {item!r} is not role|start-end|name")
        role, span, name = (p.strip() for p in parts)
        if role not in ROLES:
            raise ValueError(f"{where}: role {role!r} is not one of {', '.join(ROLES)}")
        start, end = _span(span, where)
        out.append(GoldActor(role, start, end, name))
    return tuple(out)


def read_articles(path: Path) -> list[GoldArticle]:
    out = []
    for n, r in _rows(path, ARTICLE_COLUMNS):
        if r["split"] not in SPLITS:
            raise ValueError(f"{path}:{n}: split {r['split']!r} is not one of {SPLITS}")
        out.append(
            GoldArticle(
                r["split"], r["day"], r["url"], r["source"], r["dct"], r["dct_source"], int(r["n_events"])
            )
        )
    return out


def read_events(path: Path) -> list[GoldEvent]:
    out = []
    for n, r in _rows(path, EVENT_COLUMNS):
        where = f"{path}:{n}"
        if r["type"] not in TYPES:
            raise ValueError(f"{where}: type {r['type']!r} is not one of {TYPES}")
        if r["status"] not in ("happened", "planned"):
            raise ValueError(f"{where}: status {r['status']!r}")
        out.append(
            GoldEvent(
                r["split"],
                r["day"],
                r["url"],
                r["event"],
                r["type"],
                r["status"],
                r["date"].strip(),
                r["place"].strip(),
                parse_actors(r["actors"], where),
                _span(r["trigger"], where),
                "" if r["note"] == "-" else r["note"],
            )
        )
    return out


def read_gold(split: str = "dev", gold_dir: Path = GOLD_DIR) -> tuple[list[GoldArticle], list[GoldEvent]]:
    """The articles and events of a split (``all``: every split), checked against each other."""
    splits = SPLITS if split == "all" else (split,)
    arts = [a for a in read_articles(gold_dir / "articles.tsv") if a.split in splits]
    events: list[GoldEvent] = []
    for s in splits:
        path = gold_dir / f"{s}.tsv"
        if path.exists():
            events += [e for e in read_events(path) if e.split == s]
    urls = {a.url for a in arts}
    stray = sorted({e.url for e in events} - urls)
    if stray:
        raise ValueError(f"events of articles missing from articles.tsv: {stray[:3]}")
    return arts, events


# ---- the system's events, read from the store ------------------------------------------


@dataclass
class SysActor:
    iri: str
    roles: set[str] = field(default_factory=set)
    mentions: set[tuple[str, int, int]] = field(default_factory=set)  # (url, start, end)
    labels: set[str] = field(default_factory=set)  # rdfs:label and skos:altLabel
    label: str = ""  # rdfs:label

    @property
    def principal(self) -> bool:
        return bool(self.roles - NON_PRINCIPAL) or not self.roles

    def role(self) -> str:
        """One role for reports: a principal role when there is one."""
        principal = sorted(self.roles - NON_PRINCIPAL)
        return principal[0] if principal else (sorted(self.roles)[0] if self.roles else "?")


@dataclass
class SysEvent:
    iri: str
    types: set[str] = field(default_factory=set)  # local names of hd: classes
    mentions: set[tuple[str, int, int]] = field(default_factory=set)
    dates: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)  # place labels
    status: str | None = None
    label: str = ""
    actors: dict[str, SysActor] = field(default_factory=dict)

    @property
    def type(self) -> str:
        for t in ("Call", "Meeting", "Visit", "Agreement", "Statement"):
            if t in self.types:
                return t
        return sorted(self.types)[0] if self.types else "?"

    @property
    def date(self) -> str | None:
        return max(self.dates, key=len) if self.dates else None

    def principals(self) -> list[SysActor]:
        return [a for a in self.actors.values() if a.principal]

    def attendees(self) -> list[SysActor]:
        return [a for a in self.actors.values() if not a.principal]

    def urls(self) -> set[str]:
        return {u for u, _, _ in self.mentions}


PREFIXES = """PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX gaf: <http://groundedannotationframework.org/gaf#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX hd: <https://w3id.org/hadath/ontology#>
PREFIX schema: <https://schema.org/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""

QUERIES = {
    "mentions": """SELECT ?e ?url ?b ?n WHERE {
  ?e a sem:Event ; gaf:denotedBy ?m .
  ?m nif:beginIndex ?b ; nif:endIndex ?n ; nif:referenceContext ?a .
  ?a schema:url ?url }""",
    "types": """SELECT ?e ?t WHERE { ?e a sem:Event , ?t . FILTER(STRSTARTS(STR(?t), STR(hd:))) }""",
    "attrs": """SELECT ?e ?ts ?status ?label WHERE { ?e a sem:Event .
  OPTIONAL { ?e sem:hasTimeStamp ?ts }
  OPTIONAL { ?e hd:status ?status }
  OPTIONAL { ?e rdfs:label ?label } }""",
    "places": """SELECT ?e ?pl WHERE {
  ?e a sem:Event ; sem:hasPlace ?p . ?p rdfs:label|skos:altLabel ?pl }""",
    "roles": """SELECT ?e ?x ?rt WHERE {
  ?e a sem:Event ; sem:hasActor ?r . ?r a sem:Role ; rdf:value ?x .
  OPTIONAL { ?r sem:roleType ?rt } }""",
    "actor_mentions": """SELECT DISTINCT ?x ?url ?b ?n WHERE {
  ?e a sem:Event ; sem:hasActor ?x . ?x gaf:denotedBy ?m .
  ?m nif:beginIndex ?b ; nif:endIndex ?n ; nif:referenceContext ?a . ?a schema:url ?url }""",
    "actor_labels": """SELECT DISTINCT ?x ?l ?main WHERE {
  ?e a sem:Event ; sem:hasActor ?x . { ?x rdfs:label ?l BIND(1 AS ?main) } UNION { ?x skos:altLabel ?l } }""",
}


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def query_store(store: Path, sparql: str) -> list[dict[str, str]]:
    """SELECT results as dicts of plain values, through the project's read-only query path."""
    from kg.store.query import run_query

    answer = json.loads(run_query(store, PREFIXES + sparql, fmt="json"))
    return [{k: v["value"] for k, v in b.items()} for b in answer["results"]["bindings"]]


def load_events(store: Path, urls: set[str] | None = None) -> dict[str, SysEvent]:
    """Every event with a mention in one of ``urls`` (all events when None)."""
    q = {name: query_store(store, text) for name, text in QUERIES.items()}
    events: dict[str, SysEvent] = {}
    for r in q["mentions"]:
        if urls is None or r["url"] in urls:
            ev = events.setdefault(r["e"], SysEvent(r["e"]))
            ev.mentions.add((r["url"], int(r["b"]), int(r["n"])))
    for r in q["types"]:
        if r["e"] in events:
            events[r["e"]].types.add(_local(r["t"]))
    for r in q["attrs"]:
        ev = events.get(r["e"])
        if ev is None:
            continue
        if "ts" in r:
            ev.dates.add(r["ts"])
        if "status" in r:
            ev.status = _local(r["status"]).lower()
        if "label" in r:
            ev.label = r["label"]
    for r in q["places"]:
        if r["e"] in events:
            events[r["e"]].places.add(r["pl"])
    actors: dict[str, list[SysActor]] = defaultdict(list)
    for r in q["roles"]:
        ev = events.get(r["e"])
        if ev is None:
            continue
        a = ev.actors.setdefault(r["x"], SysActor(r["x"]))
        a.roles.add(_local(r["rt"]) if "rt" in r else "participant")
        actors[r["x"]].append(a)
    for r in q["actor_mentions"]:
        for a in actors.get(r["x"], ()):
            a.mentions.add((r["url"], int(r["b"]), int(r["n"])))
    for r in q["actor_labels"]:
        for a in actors.get(r["x"], ()):
            a.labels.add(r["l"])
            if "main" in r:
                a.label = r["l"]
    return events


# ---- matching (pure functions) ---------------------------------------------------------


def norm_name(text: str) -> str:
    from kg.arabic.normalize import normalize

    s = " ".join(normalize(text).split())
    return s.replace("عبد ال", "عبدال")


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0])


def actor_matches(g: GoldActor, s: SysActor, url: str) -> int:
    """2: a mention of ``s`` in ``url`` overlaps the gold span; 1: label equals the name; 0."""
    if any(u == url and overlaps((b, n), (g.start, g.end)) for u, b, n in s.mentions):
        return 2
    name = norm_name(g.name)
    if any(norm_name(lab) == name for lab in s.labels):
        return 1
    return 0


def match_actors(gold: Sequence[GoldActor], system: Sequence[SysActor], url: str) -> dict[int, SysActor]:
    """One-to-one: gold actor index → system actor, span matches before label matches."""
    cands = sorted(
        ((actor_matches(g, s, url), i, j) for i, g in enumerate(gold) for j, s in enumerate(system)),
        key=lambda x: (-x[0], x[1], x[2]),
    )
    out: dict[int, SysActor] = {}
    used: set[int] = set()
    for score, i, j in cands:
        if score and i not in out and j not in used:
            out[i] = system[j]
            used.add(j)
    return out


def date_right(gold: str, system: str | None) -> bool:
    """Same value at the gold precision; a gold ``-`` is right only without a system date."""
    if gold in ("", "-"):
        return system is None
    return system is not None and len(system) >= len(gold) and system.startswith(gold)


def place_right(gold: str, system: Iterable[str]) -> bool:
    labels = {norm_name(p) for p in system}
    if gold in ("", "-"):
        return not labels
    return norm_name(gold) in labels


def type_compatible(g: GoldEvent, s: SysEvent) -> bool:
    return g.type in s.types


@dataclass
class Pair:
    """A gold event and the system event paired with it (in the gold event's article)."""

    gold: GoldEvent
    system: SysEvent
    principals: dict[int, SysActor]  # index into gold.principals → system principal
    attendees: dict[int, SysActor]

    @property
    def type_ok(self) -> bool:
        return type_compatible(self.gold, self.system)

    @property
    def principals_ok(self) -> bool:
        n = len(self.gold.principals)
        return len(self.principals) == n == len(self.system.principals())

    @property
    def date_ok(self) -> bool:
        return date_right(self.gold.date, self.system.date)

    @property
    def right(self) -> bool:
        return self.type_ok and self.principals_ok and self.date_ok

    @property
    def lenient_one(self) -> bool:
        return self.type_ok and bool(self.principals)

    @property
    def lenient_principals(self) -> bool:
        return self.type_ok and self.principals_ok


def make_pair(g: GoldEvent, s: SysEvent) -> Pair:
    return Pair(
        g,
        s,
        match_actors(g.principals, s.principals(), g.url),
        match_actors(g.attendees, s.attendees(), g.url),
    )


def agreement(g: GoldEvent, s: SysEvent) -> float:
    """How well ``s`` fits ``g``: 0 when they cannot describe the same event."""
    shared = len(match_actors(g.principals, s.principals(), g.url))
    trig = any(u == g.url and overlaps((b, n), g.trigger) for u, b, n in s.mentions)
    if not shared and not trig:
        return 0.0
    return 2.0 * type_compatible(g, s) + shared + 1.5 * trig + 0.25 * date_right(g.date, s.date)


def assign(weights: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """One-to-one pairs (row, column) of positive weight maximising the total (exact DP over
    the smaller side up to 16, greedy beyond)."""
    rows = len(weights)
    cols = len(weights[0]) if rows else 0
    if not rows or not cols:
        return []
    transpose = rows > cols
    w = [list(c) for c in zip(*weights, strict=True)] if transpose else [list(r) for r in weights]
    n, m = len(w), len(w[0])
    if n > 16:
        cells = sorted(((w[i][j], i, j) for i in range(n) for j in range(m) if w[i][j] > 0), reverse=True)
        pairs, ur, uc = [], set(), set()
        for _, i, j in cells:
            if i not in ur and j not in uc:
                pairs.append((i, j))
                ur.add(i)
                uc.add(j)
    else:
        # best[j][mask]: best total using columns < j, rows in mask taken
        from functools import cache

        @cache
        def best(j: int, mask: int) -> tuple[float, tuple[tuple[int, int], ...]]:
            if j == m:
                return 0.0, ()
            top = best(j + 1, mask)
            for i in range(n):
                if not mask >> i & 1 and w[i][j] > 0:
                    v, p = best(j + 1, mask | 1 << i)
                    if v + w[i][j] > top[0]:
                        top = (v + w[i][j], ((i, j), *p))
            return top

        pairs = list(best(0, 0)[1])
    return sorted((j, i) if transpose else (i, j) for i, j in pairs)


@dataclass
class ArticleMatch:
    url: str
    pairs: list[Pair]
    missed: list[GoldEvent]  # gold events with no system event
    spurious: list[SysEvent]  # scored-type system events paired with nothing
    system: list[SysEvent]  # every system event with a mention in the article


def match_article(url: str, gold: Sequence[GoldEvent], system: Sequence[SysEvent]) -> ArticleMatch:
    g = list(gold)
    s = [e for e in system if url in e.urls()]
    weights = [[agreement(ge, se) for se in s] for ge in g]
    pairs = [make_pair(g[i], s[j]) for i, j in assign(weights)]
    paired_g = {id(p.gold) for p in pairs}
    paired_s = {id(p.system) for p in pairs}
    return ArticleMatch(
        url,
        pairs,
        [e for e in g if id(e) not in paired_g],
        [e for e in s if id(e) not in paired_s and e.types & SCORED_TYPES],
        s,
    )


def match_all(
    gold: Sequence[GoldEvent], urls: Iterable[str], system: Iterable[SysEvent]
) -> list[ArticleMatch]:
    by_url: dict[str, list[GoldEvent]] = defaultdict(list)
    for e in gold:
        by_url[e.url].append(e)
    sys_list = list(system)
    return [match_article(u, by_url.get(u, []), sys_list) for u in sorted(set(urls))]


# ---- scores -----------------------------------------------------------------------------


def _prf(right: int, predicted: int, gold: int) -> dict[str, float]:
    p = right / predicted if predicted else 0.0
    r = right / gold if gold else 0.0
    return {
        "P": p,
        "R": r,
        "F1": 2 * p * r / (p + r) if p + r else 0.0,
        "right": right,
        "predicted": predicted,
        "gold": gold,
    }


def _ratio(n: int, d: int) -> dict[str, float]:
    return {"value": n / d if d else 0.0, "n": n, "of": d}


def score(matches: Sequence[ArticleMatch]) -> dict:
    pairs = [p for m in matches for p in m.pairs]
    n_gold = sum(len(m.pairs) + len(m.missed) for m in matches)
    scored_sys = [e for m in matches for e in m.system if e.types & SCORED_TYPES]
    scored_pairs = [p for p in pairs if p.system.types & SCORED_TYPES]
    n_sys = len(scored_sys)
    out: dict = {
        "articles": len(matches),
        "gold_events": n_gold,
        "gold_by_type": dict(
            Counter(p.gold.type for p in pairs) + Counter(e.type for m in matches for e in m.missed)
        ),
        "system_events": n_sys,
        "system_by_type": dict(Counter(e.type for e in scored_sys)),
        "system_other_types": dict(
            Counter(e.type for m in matches for e in m.system if not e.types & SCORED_TYPES)
        ),
        "paired": len(pairs),
        "strict": _prf(sum(p.right for p in scored_pairs), n_sys, n_gold),
        "lenient_one_principal": _prf(sum(p.lenient_one for p in scored_pairs), n_sys, n_gold),
        "lenient_principals": _prf(sum(p.lenient_principals for p in scored_pairs), n_sys, n_gold),
        "by_type": {},
    }
    for t in TYPES:
        tp = [p for p in scored_pairs if p.gold.type == t]
        g = sum(1 for p in pairs if p.gold.type == t) + sum(
            1 for m in matches for e in m.missed if e.type == t
        )
        s = sum(1 for e in scored_sys if e.type == t)
        out["by_type"][t] = _prf(sum(p.right for p in tp), s, g)
    n_roles = sum(len(p.principals) for p in pairs)
    roles_ok = sum(1 for p in pairs for i, a in p.principals.items() if p.gold.principals[i].role in a.roles)
    att_gold = sum(len(p.gold.attendees) for p in pairs)
    att_sys = sum(len(p.system.attendees()) for p in pairs)
    att_ok = sum(len(p.attendees) for p in pairs)
    out["fields"] = {
        "type": _ratio(sum(p.type_ok for p in pairs), len(pairs)),
        "principals": _ratio(sum(p.principals_ok for p in pairs), len(pairs)),
        "roles": _ratio(roles_ok, n_roles),
        "attendees": _prf(att_ok, att_sys, att_gold),
        "date": _ratio(sum(p.date_ok for p in pairs), len(pairs)),
        "place": _ratio(sum(place_right(p.gold.place, p.system.places) for p in pairs), len(pairs)),
        "status": _ratio(sum(p.system.status == p.gold.status for p in pairs), len(pairs)),
    }
    mvc = [e for e in scored_sys if e.type in ("Meeting", "Visit", "Call")]
    out["system_quality"] = {
        "events": len(mvc),
        "dated": _ratio(sum(e.date is not None for e in mvc), len(mvc)),
        "placed": _ratio(sum(bool(e.places) for e in mvc), len(mvc)),
        "two_principals": _ratio(sum(len(e.principals()) >= 2 for e in mvc), len(mvc)),
    }
    return out


# ---- errors -----------------------------------------------------------------------------


def _names(actors: Iterable[SysActor]) -> list[str]:
    return [f"{a.role()}:{a.label or _local(a.iri)}" for a in actors]


def _gold_row(g: GoldEvent) -> str:
    actors = ", ".join(f"{a.role}:{a.name}" for a in g.actors if a.principal)
    return f"{g.event} {g.type} {g.status} {g.date} @{g.place} [{actors}]"


def pair_problems(p: Pair) -> list[str]:
    """Error classes of a pair that is not right (and of its other fields)."""
    probs = []
    if not p.type_ok:
        probs.append(f"type {p.gold.type}→{p.system.type}")
    n_missing = len(p.gold.principals) - len(p.principals)
    extra = [a for a in p.system.principals() if all(a is not b for b in p.principals.values())]
    if n_missing:
        probs.append("principal missing")
    if extra:
        probs.append("extra principal")
    if not p.date_ok:
        if p.system.date is None:
            probs.append("date missing")
        elif p.gold.date == "-":
            probs.append("date where gold has none")
        else:
            probs.append("date wrong")
    return probs


def errors(matches: Sequence[ArticleMatch], top: int = 40) -> dict:
    items = []
    classes: Counter[str] = Counter()
    secondary: Counter[str] = Counter()
    for m in matches:
        for g in m.missed:
            classes[f"missed: no system event ({g.type})"] += 1
            items.append({"kind": "miss", "url": m.url, "gold": _gold_row(g), "why": ["no system event"]})
        for s in m.spurious:
            classes[f"false alarm: no gold event ({s.type})"] += 1
            items.append(
                {
                    "kind": "false alarm",
                    "url": m.url,
                    "system": s.iri,
                    "label": s.label,
                    "type": s.type,
                    "date": s.date,
                    "actors": _names(s.actors.values()),
                    "why": ["no gold event"],
                }
            )
        for p in m.pairs:
            if not place_right(p.gold.place, p.system.places):
                secondary["place wrong" if p.system.places else "place missing"] += 1
            if p.system.status != p.gold.status:
                secondary[f"status {p.gold.status}→{p.system.status}"] += 1
            if p.right or not (p.system.types & SCORED_TYPES):
                if not p.system.types & SCORED_TYPES:
                    classes[f"missed: paired with a {p.system.type}"] += 1
                continue
            probs = pair_problems(p)
            for c in probs:
                classes[c] += 1
            items.append(
                {
                    "kind": "wrong",
                    "url": m.url,
                    "gold": _gold_row(p.gold),
                    "system": p.system.iri,
                    "label": p.system.label,
                    "type": p.system.type,
                    "date": p.system.date,
                    "places": sorted(p.system.places),
                    "actors": _names(p.system.actors.values()),
                    "why": probs,
                }
            )
    return {
        "classes": dict(classes.most_common()),
        "other_fields": dict(secondary.most_common()),
        "items": items[:top],
        "total": len(items),
    }


# ---- building ---------------------------------------------------------------------------


def zip_of(shared: Path, day: str) -> Path:
    return shared / "corpora" / "saudinewsnet" / f"{day}.zip"


def gold_records(shared: Path, articles: Sequence[GoldArticle]) -> list[dict]:
    """The gold articles' records as they are in the day zips (original fields)."""
    want: dict[str, set[str]] = defaultdict(set)
    for a in articles:
        want[a.day].add(a.url)
    out = []
    for day, urls in sorted(want.items()):
        with zipfile.ZipFile(zip_of(shared, day)) as z:
            for name in z.namelist():
                if name.endswith(".json"):
                    for rec in json.loads(z.read(name).decode("utf-8")):
                        if rec.get("url") in urls:
                            out.append(rec)
                            urls.discard(rec["url"])
        if urls:
            raise KeyError(f"gold url(s) not in {zip_of(shared, day)}: {sorted(urls)[:3]}")
    return out


def kg_command() -> list[str]:
    exe = Path(sys.executable).with_name("kg")
    if exe.exists():
        return [str(exe)]
    found = shutil.which("kg")
    return [found] if found else [sys.executable, "-m", "kg.cli"]


def build(shared: Path, articles: Sequence[GoldArticle], out: Path, full_days: bool = False) -> float:
    """``kg build`` of the gold articles (or their whole days) into ``out``; the wall seconds."""
    with tempfile.TemporaryDirectory(prefix="events-eval-") as tmp:
        if full_days:
            inputs = [str(zip_of(shared, d)) for d in sorted({a.day for a in articles})]
        else:
            path = Path(tmp) / "gold-articles.jsonl"
            with path.open("w", encoding="utf-8") as f:
                for rec in gold_records(shared, articles):
                    f.write(json.dumps(rec, ensure_ascii=False) + "\n")
            inputs = [str(path)]
        t0 = time.perf_counter()
        proc = subprocess.run(
            [*kg_command(), "build", *inputs, "--out", str(out)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env=os.environ.copy(),
        )
        seconds = time.perf_counter() - t0
    if proc.returncode not in (0, 3):
        raise RuntimeError(f"kg build failed ({proc.returncode}): {proc.stderr.strip()[-2000:]}")
    return seconds


# ---- the report -------------------------------------------------------------------------


def _pct(d: dict) -> str:
    return f"{d['value']:.3f} ({d['n']}/{d['of']})"


def format_text(result: dict, errs: dict, meta: dict) -> str:
    s = result
    lines = [
        f"split: {meta['split']}  articles: {s['articles']}  gold events: {s['gold_events']} "
        f"{s['gold_by_type']}",
        f"system events (Meeting/Visit/Call/Agreement, per gold article): {s['system_events']} "
        f"{s['system_by_type']}; other types: {s['system_other_types']}; paired: {s['paired']}",
        f"build: {meta['build']} ({meta['build_seconds']:.1f} s wall)"
        if meta.get("build_seconds") is not None
        else f"build: {meta['build']}",
        "",
        f"{'':34}{'P':>7}{'R':>7}{'F1':>7}   right/system/gold",
    ]
    for key, name in (
        ("strict", "event (type+principals+date)"),
        ("lenient_principals", "lenient: type+principals"),
        ("lenient_one_principal", "lenient: type+1 principal"),
    ):
        d = s[key]
        lines.append(
            f"{name:34}{d['P']:7.3f}{d['R']:7.3f}{d['F1']:7.3f}   {d['right']}/{d['predicted']}/{d['gold']}"
        )
    for t, d in s["by_type"].items():
        lines.append(
            f"{'  ' + t + ' (strict)':34}{d['P']:7.3f}{d['R']:7.3f}{d['F1']:7.3f}   "
            f"{d['right']}/{d['predicted']}/{d['gold']}"
        )
    f = s["fields"]
    att = f["attendees"]
    lines += [
        "",
        "per field, over paired events:",
        f"  type {_pct(f['type'])}  principals {_pct(f['principals'])}  roles {_pct(f['roles'])}",
        f"  date {_pct(f['date'])}  place {_pct(f['place'])}  status {_pct(f['status'])}",
        f"  attendees P {att['P']:.3f} R {att['R']:.3f} ({att['right']}/{att['predicted']}/{att['gold']})",
        "system Meeting/Visit/Call events: "
        f"{s['system_quality']['events']}: dated {_pct(s['system_quality']['dated'])}, "
        f"placed {_pct(s['system_quality']['placed'])}, "
        f">= 2 principals {_pct(s['system_quality']['two_principals'])}",
        "",
        "error classes (misses, false alarms, wrong pairs):",
    ]
    lines += [f"  {n:4d}  {c}" for c, n in errs["classes"].items()]
    lines.append(
        "other field errors over paired events: "
        + ", ".join(f"{c} {n}" for c, n in errs["other_fields"].items())
    )
    lines.append(f"\nfirst {len(errs['items'])} of {errs['total']} errors:")
    for e in errs["items"]:
        if e["kind"] == "miss":
            lines.append(f"  MISS  {e['url']}\n        gold {e['gold']}")
        elif e["kind"] == "false alarm":
            lines.append(
                f"  FALSE {e['url']}\n        system {e['system']} {e['type']} {e['date']} "
                f"«{e['label']}» {e['actors']}"
            )
        else:
            lines.append(
                f"  WRONG {e['url']}  ({'; '.join(e['why'])})\n        gold   {e['gold']}\n"
                f"        system {e['system']} {e['type']} {e['date']} @{e['places']} «{e['label']}» "
                f"{e['actors']}"
            )
    lines.append(f"\n({meta['seconds']:.1f} s in all)")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=(*SPLITS, "all"), default="dev")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--gold-dir", type=Path, default=GOLD_DIR)
    ap.add_argument("--out", type=Path, help="build folder: built into, or reused when it holds a store")
    ap.add_argument("--rebuild", action="store_true", help="with --out: build again even if it holds a store")
    ap.add_argument("--full-days", action="store_true", help="build the gold articles' whole days")
    ap.add_argument("--format", choices=("text", "json"), default="text")
    ap.add_argument("--errors", type=int, default=40, help="errors to list")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    articles, gold = read_gold(args.split, args.gold_dir)
    if not articles:
        print(f"no gold articles for split {args.split}", file=sys.stderr)
        return 2
    meta: dict = {"split": args.split, "build_seconds": None}
    with tempfile.TemporaryDirectory(prefix="events-eval-out-") as tmp:
        out = args.out or Path(tmp) / "out"
        if args.out and (out / "store").is_dir() and not args.rebuild:
            meta["build"] = f"reused {out}"
        else:
            if not (args.shared / "corpora" / "saudinewsnet").is_dir():
                print(f"SaudiNewsNet not found under {args.shared}/corpora/saudinewsnet", file=sys.stderr)
                return 2
            meta["build_seconds"] = build(args.shared, articles, out, args.full_days)
            what = "whole days" if args.full_days else f"{len(articles)} gold articles"
            meta["build"] = f"kg build of the {what} into {out if args.out else 'a temporary folder'}"
        urls = {a.url for a in articles}
        system = load_events(out / "store", urls)
    matches = match_all(gold, urls, system.values())
    result = score(matches)
    errs = errors(matches, args.errors)
    meta["seconds"] = time.perf_counter() - t0
    if args.format == "json":
        print(json.dumps({**result, "errors": errs, **meta}, ensure_ascii=False, indent=2, default=list))
    else:
        print(format_text(result, errs, meta))
    return 0


if __name__ == "__main__":
    sys.exit(main())
