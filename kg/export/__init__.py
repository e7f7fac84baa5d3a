"""Exports of the resolved graph for other tools: GraphML and GEXF (Gephi), and a CSV
table of events, one row per event (GDELT-style)."""

from kg.export.events_csv import CSV_COLUMNS, event_rows, write_events_csv
from kg.export.network import to_networkx, write_gexf, write_graphml

__all__ = [
    "CSV_COLUMNS",
    "event_rows",
    "to_networkx",
    "write_events_csv",
    "write_exports",
    "write_gexf",
    "write_graphml",
]


def write_exports(graph, out_dir) -> dict:
    """Write ``graph.graphml``, ``graph.gexf`` and ``events.csv`` into ``out_dir``; figures back.

    Each file is written under a temporary name and renamed into place. Figures:
    ``nodes``, ``edges``, ``events`` (CSV rows) and the size in bytes of each file.
    """
    import time
    from pathlib import Path

    t0 = time.perf_counter()
    out = Path(out_dir)
    g = to_networkx(graph)
    figures = {
        "nodes": g.number_of_nodes(),
        "edges": g.number_of_edges(),
        "graphml_bytes": write_graphml(graph, out / "graph.graphml", g=g),
        "gexf_bytes": write_gexf(graph, out / "graph.gexf", g=g),
    }
    rows, size = write_events_csv(graph, out / "events.csv")
    figures.update(events=rows, csv_bytes=size, seconds=round(time.perf_counter() - t0, 3))
    return figures
