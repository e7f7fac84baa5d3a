"""Hadath (حدث): Arabic news in, event knowledge graph out."""

__version__ = "0.1.0"
