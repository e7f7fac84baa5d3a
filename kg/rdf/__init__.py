"""The event graph as RDF: SEM events, OWL-Time times, PROV sources, NIF mentions.

``kg.rdf`` is the only package that knows ontology terms (all named in
``kg.rdf.terms``; ``hd:`` terms are declared in ``ontology/hadath.ttl``). The model
is described, with example queries, in ``ontology/README.md``.
"""

from kg.rdf.graph_to_rdf import graph_to_rdf, graph_to_triples, time_stamp
from kg.rdf.terms import PREFIXES
from kg.rdf.turtle import to_turtle, write_turtle

__all__ = ["PREFIXES", "graph_to_rdf", "graph_to_triples", "time_stamp", "to_turtle", "write_turtle"]
