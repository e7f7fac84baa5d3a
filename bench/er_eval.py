"""Score cross-article person resolution against the hand-annotated gold set.

    python bench/er_eval.py [--shared ../shared] [--gold bench/er_gold/persons.tsv]
                            [--format text|json] [--errors 15] [--jobs 2]

The gold set (``bench/er_gold/persons.tsv``, format in its header) holds SaudiNewsNet
urls, character offsets into ``Article.text`` and a person id per mention, never text.
This script builds the graph of the days the gold set covers, in memory, with the
project's own pipeline (``iter_articles`` → ``extract_all`` → ``resolve``), and maps each
gold mention to the person entity one of whose ``MentionRef`` spans overlaps it in the
same article (the largest overlap wins). ``MentionRef.article`` is ``Article.id`` (a hash of
the url and the text, ``kg.ingest.articles.article_id``), so gold urls are looked up among
the built articles first. A gold mention that no person mention overlaps
is *not found*: it counts as a singleton of its own (so it costs recall, never
precision) and the number of them is reported.

Metrics, over gold mentions only (system mentions outside the gold set are ignored):

* pairwise P/R/F1 over pairs of gold mentions: a pair is predicted coreferent when both
  map to the same entity, gold-coreferent when both carry the same cluster id;
* B-cubed P/R/F1 (Bagga & Baldwin 1998), averaged over mentions.

Both overall, for ``name`` mentions and for ``title`` (title-only) mentions. For pairwise
scores, the ``name`` figure counts pairs of two name mentions and the ``title`` figure
pairs with at least one title mention; for B-cubed, the per-mention scores (computed
against the full clusters) are averaged over the mentions of that kind.

The error list gives the most frequent wrongly merged pairs (two gold persons, one system
entity) and wrongly split pairs (one gold person, two system entities; both found), with
the surface forms read from the article text, then per person the mentions not found
(extraction misses rather than resolution errors). Nothing is cached; ``--jobs`` sets the
extraction processes (the five days of the current gold set take about 3 minutes at 2).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.model import Graph  # noqa: E402

GOLD = ROOT / "bench" / "er_gold" / "persons.tsv"
COLUMNS = ("url", "start", "end", "cluster", "kind", "day")
KINDS = ("name", "title")
NOT_FOUND = "<not found>"


@dataclass(frozen=True)
class GoldMention:
    url: str
    start: int
    end: int
    cluster: str
    kind: str  # name | title
    day: str  # the SaudiNewsNet zip the article is in: 2015-07-21


@dataclass(frozen=True)
class Prf:
    precision: float
    recall: float
    f1: float

    @classmethod
    def of(cls, p: float, r: float) -> Prf:
        return cls(p, r, 2 * p * r / (p + r) if p + r else 0.0)


@dataclass(frozen=True)
class PairCounts:
    """Pairs of mentions: coreferent in gold, in the prediction, in both."""

    gold: int
    predicted: int
    correct: int

    def prf(self) -> Prf:
        p = self.correct / self.predicted if self.predicted else 1.0
        r = self.correct / self.gold if self.gold else 1.0
        return Prf.of(p, r)


# ---- the gold file ---------------------------------------------------------------------


def read_gold(path: Path = GOLD) -> list[GoldMention]:
    """Rows of the gold TSV; ``#`` lines are comments, the first other line the header."""
    out: list[GoldMention] = []
    header: list[str] | None = None
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            if tuple(header) != COLUMNS:
                raise ValueError(f"{path}:{n}: header must be {' '.join(COLUMNS)}, not {line!r}")
            continue
        if len(cells) != len(COLUMNS):
            raise ValueError(f"{path}:{n}: {len(cells)} columns, expected {len(COLUMNS)}")
        row = dict(zip(COLUMNS, cells, strict=True))
        m = GoldMention(
            row["url"], int(row["start"]), int(row["end"]), row["cluster"], row["kind"], row["day"]
        )
        if m.kind not in KINDS:
            raise ValueError(f"{path}:{n}: kind {m.kind!r} is not one of {KINDS}")
        if not 0 <= m.start < m.end:
            raise ValueError(f"{path}:{n}: bad span {m.start}-{m.end}")
        out.append(m)
    return out


# ---- metrics (pure functions of two labelings of the same mentions) ----------------------


def pair_counts(
    gold: Sequence[str], pred: Sequence[str], keep: Iterable[tuple[int, int]] | None = None
) -> PairCounts:
    """Pairwise counts over all pairs ``i < j`` (or over the pairs in ``keep``)."""
    pairs = combinations(range(len(gold)), 2) if keep is None else keep
    g = p = c = 0
    for i, j in pairs:
        same_g = gold[i] == gold[j]
        same_p = pred[i] == pred[j]
        g += same_g
        p += same_p
        c += same_g and same_p
    return PairCounts(g, p, c)


def pairwise(gold: Sequence[str], pred: Sequence[str]) -> Prf:
    """Pairwise precision/recall/F1 of ``pred`` against ``gold`` (labels per mention).

    With no coreferent pair on a side the matching ratio is 1 (nothing to get wrong).
    """
    return pair_counts(gold, pred).prf()


def bcubed_per_mention(gold: Sequence[str], pred: Sequence[str]) -> list[tuple[float, float]]:
    """(precision, recall) of every mention: |G∩P| / |P| and |G∩P| / |G| of its clusters."""
    g_size = Counter(gold)
    p_size = Counter(pred)
    both = Counter(zip(gold, pred, strict=True))
    return [(both[(g, p)] / p_size[p], both[(g, p)] / g_size[g]) for g, p in zip(gold, pred, strict=True)]


def bcubed(gold: Sequence[str], pred: Sequence[str], only: Sequence[int] | None = None) -> Prf:
    """B-cubed P/R/F1, averaged over all mentions (or over the indices in ``only``)."""
    per = bcubed_per_mention(gold, pred)
    idx = range(len(per)) if only is None else only
    if not idx:
        return Prf(0.0, 0.0, 0.0)
    p = sum(per[i][0] for i in idx) / len(idx)
    r = sum(per[i][1] for i in idx) / len(idx)
    return Prf.of(p, r)


# ---- building the system's answer -------------------------------------------------------


def build_graph(shared: Path, days: Sequence[str], jobs: int = 2) -> Graph:
    """The graph of the given SaudiNewsNet days, built in memory by the project's pipeline."""
    from kg.build import extract_all
    from kg.ingest import iter_articles

    zips = [shared / "corpora" / "saudinewsnet" / f"{d}.zip" for d in days]
    missing = [z for z in zips if not z.exists()]
    if missing:
        raise FileNotFoundError(f"SaudiNewsNet day(s) not found: {', '.join(map(str, missing))}")
    articles = list(iter_articles(zips))
    facts = extract_all(articles, jobs=jobs)
    from kg.resolve import resolve

    return resolve(facts)


@dataclass(frozen=True)
class Mapped:
    """One gold mention and what the system made of it."""

    gold: GoldMention
    surface: str  # the gold span's text
    entity: str | None  # person entity id, None when not found
    label: str  # the entity's label, or NOT_FOUND
    other_kind: str | None  # kind of a non-person entity covering it, when no person does


def map_gold(gold: Sequence[GoldMention], graph: Graph) -> list[Mapped]:
    """Each gold mention → the person entity whose mention overlaps it most (same article)."""
    by_url = {a.url: a for a in graph.articles}
    spans: dict[str, list[tuple[int, int, str, str, str]]] = defaultdict(list)
    for e in graph.entities:
        for m in e.mentions:
            spans[m.article].append((m.start, m.end, e.id, e.kind, e.label))
    out = []
    for g in gold:
        art = by_url.get(g.url)
        if art is None:
            raise KeyError(f"gold url not among the built articles ({g.day}): {g.url}")
        best: dict[str, tuple[int, str, str]] = {}
        for s, e, eid, kind, label in spans.get(art.id, ()):
            ov = min(e, g.end) - max(s, g.start)
            if ov > 0 and ov > best.get(kind, (0, "", ""))[0]:
                best[kind] = (ov, eid, label)
        person = best.get("person")
        other = None if person else next((k for k in ("organization", "place") if k in best), None)
        out.append(
            Mapped(
                g,
                art.text[g.start : g.end],
                person[1] if person else None,
                person[2] if person else NOT_FOUND,
                other,
            )
        )
    return out


# ---- the report -------------------------------------------------------------------------


def score(mapped: Sequence[Mapped]) -> dict:
    gold = [m.gold.cluster for m in mapped]
    # A mention not found is a singleton of its own.
    pred = [m.entity if m.entity is not None else f"{NOT_FOUND}#{i}" for i, m in enumerate(mapped)]
    kinds = [m.gold.kind for m in mapped]
    n = len(mapped)
    all_pairs = list(combinations(range(n), 2))
    name_pairs = [(i, j) for i, j in all_pairs if kinds[i] == kinds[j] == "name"]
    title_pairs = [(i, j) for i, j in all_pairs if "title" in (kinds[i], kinds[j])]
    result: dict = {
        "mentions": n,
        "clusters": len(set(gold)),
        "gold_pairs": pair_counts(gold, pred).gold,
        "articles": len({m.gold.url for m in mapped}),
        "days": sorted({m.gold.day for m in mapped}),
        "by_kind": dict(Counter(kinds)),
        "not_found": sum(m.entity is None for m in mapped),
        "not_found_by_kind": dict(Counter(m.gold.kind for m in mapped if m.entity is None)),
        "found_as_other_kind": dict(Counter(m.other_kind for m in mapped if m.other_kind)),
        "scores": {},
    }
    for kind, pairs in (("all", all_pairs), ("name", name_pairs), ("title", title_pairs)):
        only = None if kind == "all" else [i for i in range(n) if kinds[i] == kind]
        counts = pair_counts(gold, pred, pairs)
        result["scores"][kind] = {
            "pairwise": asdict(counts.prf()),
            "pair_counts": asdict(counts),
            "bcubed": asdict(bcubed(gold, pred, only)),
        }
    return result


def errors(mapped: Sequence[Mapped], top: int = 15) -> dict:
    """The most frequent resolver errors, grouped, and the mentions extraction missed.

    ``merged``: pairs of two gold persons mapped to one entity, grouped by the two clusters;
    ``split``: pairs of one gold person mapped to two entities (both found), grouped by the
    cluster and the two entity labels; ``missed``: per cluster, gold mentions no person
    mention overlaps (an extraction miss, not a resolution error).
    """
    merged: dict[tuple[str, str], list[tuple[Mapped, Mapped]]] = defaultdict(list)
    split: dict[tuple[str, str, str], list[tuple[Mapped, Mapped]]] = defaultdict(list)
    for a, b in combinations(mapped, 2):
        if a.entity is None or b.entity is None:
            continue
        same_g = a.gold.cluster == b.gold.cluster
        same_p = a.entity == b.entity
        if same_p and not same_g:
            x, y = sorted((a, b), key=lambda m: m.gold.cluster)
            merged[(x.gold.cluster, y.gold.cluster)].append((x, y))
        elif same_g and not same_p:
            x, y = sorted((a, b), key=lambda m: (m.entity or "", m.surface))
            split[(a.gold.cluster, x.entity or "", y.entity or "")].append((x, y))

    def forms(ms: Iterable[Mapped]) -> list[str]:
        counts = Counter(m.surface for m in ms)
        return [f"{s} ×{c}" if c > 1 else s for s, c in counts.most_common(4)]

    def ranked(groups: dict) -> list:
        return sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:top]

    out_merged = [
        {
            "pairs": len(pairs),
            "gold": [ca, cb],
            "entity": pairs[0][0].label,
            "forms": [forms(p[0] for p in pairs), forms(p[1] for p in pairs)],
        }
        for (ca, cb), pairs in ranked(merged)
    ]
    out_split = [
        {
            "pairs": len(pairs),
            "gold": cluster,
            "entities": [pairs[0][0].label, pairs[0][1].label],
            "forms": [forms(p[0] for p in pairs), forms(p[1] for p in pairs)],
        }
        for (cluster, _a, _b), pairs in ranked(split)
    ]
    missed_by: dict[str, list[Mapped]] = defaultdict(list)
    for m in mapped:
        if m.entity is None:
            missed_by[m.gold.cluster].append(m)
    out_missed = [
        {"mentions": len(ms), "gold": cluster, "forms": forms(ms)} for cluster, ms in ranked(missed_by)
    ]
    return {"merged": out_merged, "split": out_split, "missed": out_missed}


def format_text(result: dict, errs: dict, seconds: float) -> str:
    lines = [
        f"gold: {result['mentions']} mentions ({result['by_kind'].get('name', 0)} name, "
        f"{result['by_kind'].get('title', 0)} title-only), {result['clusters']} persons, "
        f"{result['gold_pairs']} coreferent pairs, {result['articles']} articles, "
        f"days {', '.join(result['days'])}",
        f"not found by the system (scored as singletons): {result['not_found']} "
        f"{result['not_found_by_kind']}; of these covered by a non-person entity: "
        f"{result['found_as_other_kind']}",
        "",
        f"{'':8}{'pairwise P':>11}{'R':>7}{'F1':>7}   {'B3 P':>6}{'R':>7}{'F1':>7}   pairs g/p/ok",
    ]
    for kind in ("all", "name", "title"):
        s = result["scores"][kind]
        pw, b3, pc = s["pairwise"], s["bcubed"], s["pair_counts"]
        lines.append(
            f"{kind:8}{pw['precision']:11.3f}{pw['recall']:7.3f}{pw['f1']:7.3f}   "
            f"{b3['precision']:6.3f}{b3['recall']:7.3f}{b3['f1']:7.3f}   "
            f"{pc['gold']}/{pc['predicted']}/{pc['correct']}"
        )
    lines += ["", "wrongly merged (gold persons A ≠ B, one system entity):"]
    for e in errs["merged"]:
        lines.append(
            f"  {e['pairs']:5d}  {e['gold'][0]} + {e['gold'][1]}  → «{e['entity']}»  "
            f"A: {' | '.join(e['forms'][0])}   B: {' | '.join(e['forms'][1])}"
        )
    lines += ["", "wrongly split (one gold person, two system entities):"]
    for e in errs["split"]:
        lines.append(
            f"  {e['pairs']:5d}  {e['gold']}: «{e['entities'][0]}» ≠ «{e['entities'][1]}»  "
            f"{' | '.join(e['forms'][0])}   vs   {' | '.join(e['forms'][1])}"
        )
    lines += ["", "not found (no person mention overlaps; scored as singletons):"]
    for e in errs["missed"]:
        lines.append(f"  {e['mentions']:5d}  {e['gold']}: {' | '.join(e['forms'])}")
    lines.append(f"\n({seconds:.1f} s)")
    return "\n".join(lines)


def evaluate(shared: Path, gold_path: Path = GOLD, jobs: int = 2) -> tuple[dict, list[Mapped]]:
    gold = read_gold(gold_path)
    days = sorted({g.day for g in gold})
    graph = build_graph(shared, days, jobs=jobs)
    mapped = map_gold(gold, graph)
    return score(mapped), mapped


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--format", choices=("text", "json"), default="text")
    ap.add_argument("--errors", type=int, default=15, help="error groups to list of each sort")
    ap.add_argument("--jobs", type=int, default=2, help="extraction worker processes")
    args = ap.parse_args(argv)
    if not (args.shared / "corpora" / "saudinewsnet").is_dir():
        print(f"SaudiNewsNet not found under {args.shared}/corpora/saudinewsnet", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    result, mapped = evaluate(args.shared, args.gold, jobs=args.jobs)
    errs = errors(mapped, args.errors)
    seconds = time.perf_counter() - t0
    if args.format == "json":
        print(
            json.dumps({**result, "errors": errs, "seconds": round(seconds, 1)}, ensure_ascii=False, indent=2)
        )
    else:
        print(format_text(result, errs, seconds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
