"""Validation: SHACL shapes (compiled checks; pySHACL as the reference) and OWL 2 consistency (HermiT).

``kg build`` checks every article graph against the shapes before it is stored; ``kg validate`` checks the whole
store against the shapes and the ontology plus the data for consistency.
"""

from kg.pipeline.validate.graphs import ontology_graph, shacl_support, shapes_graph
from kg.pipeline.validate.owl import consistency
from kg.pipeline.validate.checks import Report, check, pyshacl_report, shacl, spans

__all__ = ["Report", "check", "consistency", "ontology_graph", "pyshacl_report", "shacl", "shacl_support",
           "shapes_graph", "spans"]
