"""Node positions computed at build time, so the page draws at once with physics off.

Measured on a generated graph (3,000 entities, 1,500 events; 1,500 nodes drawn) in
headless Chromium on 2 shared cores: with positions given, the first frame came
0.55–0.7 s after navigation; letting vis-network stabilise the same graph (150
iterations, ForceAtlas2, then frozen) took 2.3–2.8 s. Laying it out here costs about
1 s, once per build. Each connected component is laid out on its own (fixed seeds: a
rebuild gives the same picture) and the components are packed in rows, largest first;
otherwise the many two- and three-node stories of a news day would be flung to the rim
by the repulsion of the big component.

Small components use networkx's spring layout and then a pass that pushes apart nodes
closer than a label's width, which the force layout alone leaves clumped around hubs.
Big ones use a grid force layout in NumPy (``grid_force_layout``): networkx's spring
layout took 2–4 s on the 1,400-node component of that graph and needs SciPy above 500
nodes.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import networkx as nx
import numpy as np

SPACING = 140.0  # canvas pixels per node, roughly: the side of the square each node gets
MIN_DISTANCE = 110.0  # nodes closer than this (in small components) are pushed apart
_GAP = 80.0  # between packed components
_SMALL = 300  # up to this size: networkx's spring layout and the O(n²) overlap pass
_UNIT = 180.0  # canvas pixels per ideal edge length in big components: nearest neighbours ~65 px
# Nodes of one grid cell a node is repelled by, at most (``grid_force_layout``); a news day's
# layout never has that many in one cell (so it is unchanged), a hairball has hundreds.
CELL_CAP = 48


def layout(
    nodes: Sequence[str], edges: Iterable[tuple[str, str]], *, seed: int = 7
) -> dict[str, tuple[int, int]]:
    """Integer canvas coordinates for every node in ``nodes``."""
    g = nx.Graph()
    g.add_nodes_from(nodes)
    g.add_edges_from((a, b) for a, b in edges if a in g and b in g and a != b)
    # Components in a stable order: largest first, ties by the first node's position in ``nodes``.
    order = {n: i for i, n in enumerate(nodes)}
    comps = sorted(
        (sorted(c, key=order.__getitem__) for c in nx.connected_components(g)),
        key=lambda c: (-len(c), order[c[0]]),
    )
    return _pack([_component_layout(_component(g, c), c, seed) for c in comps])


def _component(g: nx.Graph, members: list[str]) -> nx.Graph:
    """The component as a graph of its own, nodes and edges in ``members`` order.

    ``g.subgraph`` iterates its node set, whose order changes with Python's string hashing
    from run to run; the layout (seeded) must see the same order every time.
    """
    rank = {m: i for i, m in enumerate(members)}
    sub = nx.Graph()
    sub.add_nodes_from(members)
    sub.add_edges_from(
        sorted(
            ((a, b) if rank[a] < rank[b] else (b, a) for m in members for a, b in g.edges(m)),
            key=lambda e: (rank[e[0]], rank[e[1]]),
        )
    )
    return sub


def _component_layout(sub: nx.Graph, members: list[str], seed: int) -> dict[str, tuple[float, float]]:
    n = len(members)
    if n == 1:
        return {members[0]: (0.0, 0.0)}
    if n == 2:
        return {members[0]: (-SPACING / 2, 0.0), members[1]: (SPACING / 2, 0.0)}
    if n > _SMALL:
        index = {m: i for i, m in enumerate(members)}
        ends = np.array([(index[a], index[b]) for a, b in sub.edges], dtype=np.int64).reshape(-1, 2)
        xy = grid_force_layout(n, ends[:, 0], ends[:, 1], seed=seed) * _UNIT
    else:
        # More rounds are cheap on small components and untangle them.
        iterations = 200 if n <= 100 else 60
        pos = nx.spring_layout(sub, seed=seed, iterations=iterations, scale=SPACING * math.sqrt(n) / 2)
        xy = _push_apart(np.array([pos[m] for m in members], dtype=float), MIN_DISTANCE)
    return {m: (float(x), float(y)) for m, (x, y) in zip(members, xy, strict=True)}


def grid_force_layout(
    n: int, sources: np.ndarray, targets: np.ndarray, *, seed: int = 7, iterations: int = 80
) -> np.ndarray:
    """Fruchterman–Reingold with the grid variant's local repulsion: ``(n, 2)`` positions.

    Repulsion acts only within two ideal edge lengths, and the pairs that close are
    found through a grid of cells that size, so a round costs about O(n + edges) rather
    than O(n²). Units: the ideal edge length is 1. ``sources``/``targets`` are the edges'
    end indices.
    """
    rng = np.random.default_rng(seed)
    side = math.sqrt(n)
    pos = rng.uniform(-side / 2, side / 2, (n, 2))
    reach = 2.0  # repulsion cut-off, and the grid's cell size
    temperature = side / 8  # the most a node may move in one round; cools down
    ids = np.arange(n)
    stride = 1 << 21  # cell key = x * stride + y; cells never get that far from the origin
    for _ in range(iterations):
        cell = np.floor(pos / reach).astype(np.int64)
        key = cell[:, 0] * stride + cell[:, 1]
        order = np.argsort(key, kind="stable")
        sorted_keys = key[order]
        firsts, seconds, weights = [], [], []
        crowded = False
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                wanted = key + dx * stride + dy
                lo = np.searchsorted(sorted_keys, wanted, "left")
                count = np.searchsorted(sorted_keys, wanted, "right") - lo
                # A dense graph (one article of thousands of co-mentions) packs its nodes
                # into a few cells, and all pairs of them made each round O(n²): a node
                # feels at most ``CELL_CAP`` nodes of a cell, each pushing for the rest.
                kept = np.minimum(count, CELL_CAP)
                total = int(kept.sum())
                if total:
                    # Expand each node's run [lo, lo + kept) of the sorted order into pairs.
                    offsets = np.arange(total) - np.repeat(np.cumsum(kept) - kept, kept)
                    firsts.append(np.repeat(ids, kept))
                    seconds.append(order[np.repeat(lo, kept) + offsets])
                    weights.append(np.repeat(count / np.maximum(kept, 1), kept))
                    crowded = crowded or bool((count > CELL_CAP).any())
        i, j = np.concatenate(firsts), np.concatenate(seconds)
        w = np.concatenate(weights)[i != j] if crowded else None
        i, j = i[i != j], j[i != j]
        delta = pos[i] - pos[j]
        dist2 = (delta**2).sum(1) + 1e-9
        push = np.where(dist2 < reach * reach, 1.0 / dist2, 0.0)  # k²/d along the unit vector
        if w is not None:
            push *= w
        disp: np.ndarray = np.stack([np.bincount(i, delta[:, c] * push, n) for c in (0, 1)], axis=1)
        delta = pos[sources] - pos[targets]
        pull = delta * np.sqrt((delta**2).sum(1))[:, None]  # d²/k along the unit vector
        for c in (0, 1):
            disp[:, c] += np.bincount(targets, pull[:, c], n) - np.bincount(sources, pull[:, c], n)
        disp -= 0.02 * pos  # a little gravity keeps loose ends near the rest
        length = np.sqrt((disp**2).sum(1)) + 1e-9
        pos += disp * (np.minimum(length, temperature) / length)[:, None]
        temperature = max(temperature * 0.95, 0.05)
    return pos


def _push_apart(xy: np.ndarray, min_distance: float, rounds: int = 60) -> np.ndarray:
    """Move pairs closer than ``min_distance`` apart, a share of the shortfall each round."""
    xy = xy + np.random.default_rng(0).normal(scale=1e-3, size=xy.shape)  # separates coincident nodes
    n = len(xy)
    for _ in range(rounds):
        delta = xy[:, None, :] - xy[None, :, :]
        dist = np.sqrt((delta**2).sum(-1))
        np.fill_diagonal(dist, np.inf)
        short = np.clip(min_distance - dist, 0, None)
        if not short.any():
            break
        push = (delta / dist[..., None]) * (short / 2)[..., None]
        xy += np.nan_to_num(push).sum(1) / max(1, min(n - 1, 4))
    return xy


def _pack(components: list[dict[str, tuple[float, float]]]) -> dict[str, tuple[int, int]]:
    """Shelf-pack component boxes into rows about as wide as the whole is tall."""
    boxes = []
    for comp in components:
        xs = [p[0] for p in comp.values()]
        ys = [p[1] for p in comp.values()]
        boxes.append((comp, min(xs), min(ys), max(xs) - min(xs) + SPACING, max(ys) - min(ys) + SPACING))
    area = sum((w + _GAP) * (h + _GAP) for *_, w, h in boxes)
    row_width = max(math.sqrt(area) * 1.3, max((w for *_, w, _h in boxes), default=0.0))
    out: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for comp, min_x, min_y, w, h in boxes:
        if x > 0 and x + w > row_width:
            x, y, row_height = 0.0, y + row_height + _GAP, 0.0
        for node, (px, py) in comp.items():
            out[node] = (px - min_x + x + SPACING / 2, py - min_y + y + SPACING / 2)
        x += w + _GAP
        row_height = max(row_height, h)
    if not out:
        return {}
    # Centre on the origin, where vis-network puts its initial view.
    cx = (min(p[0] for p in out.values()) + max(p[0] for p in out.values())) / 2
    cy = (min(p[1] for p in out.values()) + max(p[1] for p in out.values())) / 2
    return {n: (round(px - cx), round(py - cy)) for n, (px, py) in out.items()}
