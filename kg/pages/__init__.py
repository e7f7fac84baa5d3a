"""Interactive pages: the resolved graph as one self-contained, offline HTML file, and a
page per entity and per event beside it, and the events table."""

from kg.pages.graph_page import write_graph_page
from kg.pages.node_pages import find_entities, find_entity, write_pages
from kg.pages.paths import page_name, page_path
from kg.pages.table_page import write_table_page

__all__ = [
    "find_entities",
    "find_entity",
    "page_name",
    "page_path",
    "write_graph_page",
    "write_pages",
    "write_table_page",
]
