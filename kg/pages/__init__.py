"""Interactive pages: the resolved graph as one self-contained, offline HTML file."""

from kg.pages.graph_page import write_graph_page

__all__ = ["write_graph_page"]
