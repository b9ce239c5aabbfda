"""The SHACL shapes, compiled: ``ontology/shapes.ttl`` read once into plain Python checks over an index of the data.

pySHACL evaluates the shapes generically over rdflib's store and took ~80 ms per article, as long as the
extraction itself; these checks take about a millisecond. They implement the part of SHACL Core
(https://www.w3.org/TR/shacl/) the shapes use — ``sh:targetClass`` with the ontology's class hierarchy; property
shapes whose ``sh:path`` is one IRI with ``sh:minCount``, ``sh:maxCount``, ``sh:class``, ``sh:datatype``,
``sh:pattern``, ``sh:in``, ``sh:minLength``, ``sh:minInclusive``, ``sh:maxInclusive``, ``sh:lessThanOrEquals`` and ``sh:message`` — with
SHACL's semantics, one result per focus node and path (counts) or per value (the others). If the shapes file ever
uses anything else, :func:`compiled` says what and :func:`kg.pipeline.validate.shacl` falls back to pySHACL, which also
stays the reference the tests compare these checks with (tests/core/test_shapes.py).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache

from rdflib import RDF, RDFS, XSD, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH

Triple = tuple  # (subject, predicate, object) of rdflib terms

_NODE_KEYS = {RDF.type, SH.targetClass, SH.property, RDFS.comment, RDFS.label}
_PROPERTY_KEYS = {SH.path, SH.minCount, SH.maxCount, SH["class"], SH.datatype, SH.pattern, SH["in"], SH.minLength,
                  SH.minInclusive, SH.maxInclusive, SH.lessThanOrEquals, SH.message, SH.name, SH.description}


class Unsupported(Exception):
    """The shapes use a SHACL feature these checks do not implement."""


_TYPE, _SUBCLASS = RDF.type, RDFS.subClassOf  # hoisted: every namespace attribute access builds a new URIRef
_NONE: dict = {}


@dataclass
class Index:
    """The data as lookups: each subject's values per predicate, and the types of each node."""

    nodes: dict = field(default_factory=dict)  # subject -> predicate -> [objects]
    subclass: list[tuple] = field(default_factory=list)  # rdfs:subClassOf pairs the data itself states
    supers: dict = field(default_factory=dict)  # each class with its superclasses, set by Shapes.validate
    support: dict = field(default_factory=dict)  # node -> types that the ontology gives it

    @classmethod
    def of(cls, triples: Iterable[Triple]) -> Index:
        ix = cls()
        nodes = ix.nodes
        for s, p, o in triples:
            props = nodes.get(s)
            if props is None:
                props = nodes[s] = {}
            vals = props.get(p)
            if vals is None:
                props[p] = [o]
            else:
                vals.append(o)
        ix.subclass = [(s, o) for s, props in nodes.items() for o in props.get(_SUBCLASS, ())]
        return ix

    def get(self, s, p) -> list:  # noqa: ANN001
        return self.nodes.get(s, _NONE).get(p, ())

    def types(self, node) -> Iterable:  # noqa: ANN001
        own = self.nodes.get(node, _NONE).get(_TYPE, ())
        extra = self.support.get(node)
        return own if extra is None else [*own, *extra]


Check = Callable[[Index, object, list], list[str]]  # (index, focus node, its values) -> problems


@dataclass
class PropertyShape:
    path: URIRef
    checks: list[Check]
    message: str | None


@dataclass
class NodeShape:
    name: URIRef
    targets: set[URIRef]
    properties: list[PropertyShape]


def _closure(pairs: Iterable[tuple]) -> dict:
    """Each class with all its superclasses (itself included), from (subclass, superclass) pairs."""
    parents: dict = defaultdict(set)
    for c, sup in pairs:
        parents[c].add(sup)
    supers = {}
    for c in set(parents) | {o for v in parents.values() for o in v}:
        seen, todo = {c}, [c]
        while todo:
            for sup in parents.get(todo.pop(), ()):
                if sup not in seen:
                    seen.add(sup)
                    todo.append(sup)
        supers[c] = seen
    return supers


@dataclass
class Shapes:
    shapes: list[NodeShape]
    hierarchy: list[tuple]  # the ontology's (subclass, superclass) pairs
    closure: dict = field(default_factory=dict)  # their closure
    support: dict = field(default_factory=dict)  # node -> its types in the ontology (controlled values)
    support_focus: dict = field(default_factory=dict)  # class -> the ontology's nodes that are its instances

    @staticmethod
    def is_instance(ix: Index, node, cls: URIRef) -> bool:  # noqa: ANN001
        return any(cls in ix.supers.get(t, (t,)) for t in ix.types(node))

    def validate(self, ix: Index, n3: Callable[[object], str]) -> list[str]:
        """One line per SHACL validation result: ``focus: path: message``, sorted."""
        # the data may add to the class hierarchy (a whole store holds the ontology graph too), as in pySHACL
        ix.supers = self.closure if not ix.subclass else _closure(self.hierarchy + ix.subclass)
        ix.support = self.support
        focus_of: dict[URIRef, list] = defaultdict(list)  # class -> the nodes that are its instances
        for node in ix.nodes if not ix.subclass else {*ix.nodes, *self.support}:
            for t in ix.types(node):
                for c in ix.supers.get(t, (t,)):
                    focus_of[c].append(node)
        out: list[str] = []
        if not ix.subclass:  # the ontology's own instances (controlled values), found once
            for c, nodes in self.support_focus.items():
                focus_of[c].extend(n for n in nodes if n not in ix.nodes)
        for shape in self.shapes:
            nodes = dict.fromkeys(n for c in shape.targets for n in focus_of.get(c, ()))
            for node in nodes:
                for prop in shape.properties:
                    vals = ix.get(node, prop.path)
                    for check in prop.checks:
                        for problem in check(ix, node, vals):
                            out.append(f"{node}: {n3(prop.path)}: {prop.message or problem}")
        return sorted(out)


def _number(v):  # noqa: ANN001, ANN202
    """A literal's value when it is a number, else None (non-numbers are not comparable with these shapes)."""
    if isinstance(v, Literal) and not getattr(v, "ill_typed", False):
        x = v.toPython()
        if isinstance(x, (int, float)) and not isinstance(x, bool):
            return x
        from decimal import Decimal

        if isinstance(x, Decimal):
            return x
    return None


def _datatype(v) -> URIRef | None:  # noqa: ANN001
    if not isinstance(v, Literal):
        return None
    if v.language:
        return RDF.langString
    return v.datatype or XSD.string


def _compile_property(g: Graph, p) -> PropertyShape:  # noqa: ANN001, C901
    keys = set(g.predicates(p))
    if keys - _PROPERTY_KEYS:
        raise Unsupported(f"property shape uses {', '.join(sorted(str(k) for k in keys - _PROPERTY_KEYS))}")
    path = g.value(p, SH.path)
    if not isinstance(path, URIRef):
        raise Unsupported("a sh:path that is not one IRI")
    checks: list[Check] = []
    for key, value in g.predicate_objects(p):
        if key == SH.minCount:
            n = int(value)
            checks.append(lambda ix, f, vals, n=n: [f"has {len(vals)} value(s), needs at least {n}"]
                          if len(vals) < n else [])
        elif key == SH.maxCount:
            n = int(value)
            checks.append(lambda ix, f, vals, n=n: [f"has {len(vals)} values, allows at most {n}"]
                          if len(vals) > n else [])
        elif key == SH["class"]:
            checks.append(lambda ix, f, vals, c=value: [f"value {v} is not a {c}" for v in vals
                                                        if not Shapes.is_instance(ix, v, c)])
        elif key == SH.datatype:
            checks.append(lambda ix, f, vals, d=value: [
                f"value {v!r} is not a well-formed {d}" for v in vals
                if _datatype(v) != d or getattr(v, "ill_typed", False)])
        elif key == SH.pattern:
            rx = re.compile(str(value))
            checks.append(lambda ix, f, vals, rx=rx: [f"value {v!r} does not match {rx.pattern}" for v in vals
                                                      if isinstance(v, BNode) or not rx.search(str(v))])
        elif key == SH["in"]:
            allowed = frozenset(Collection(g, value))
            checks.append(lambda ix, f, vals, a=allowed: [f"value {v} is not one of the allowed values"
                                                          for v in vals if v not in a])
        elif key == SH.minLength:
            n = int(value)
            checks.append(lambda ix, f, vals, n=n: [f"value {v!r} is shorter than {n}" for v in vals
                                                    if isinstance(v, BNode) or len(str(v)) < n])
        elif key == SH.minInclusive:
            low = _number(value)
            if low is None:
                raise Unsupported("a sh:minInclusive that is not a number")
            checks.append(lambda ix, f, vals, low=low: [
                f"value {v!r} is not ≥ {low}" for v in vals if (x := _number(v)) is None or x < low])
        elif key == SH.maxInclusive:
            high = _number(value)
            if high is None:
                raise Unsupported("a sh:maxInclusive that is not a number")
            checks.append(lambda ix, f, vals, high=high: [
                f"value {v!r} is not ≤ {high}" for v in vals if (x := _number(v)) is None or x > high])
        elif key == SH.lessThanOrEquals:
            checks.append(lambda ix, f, vals, q=value: [
                f"value {v!r} is not ≤ {w!r} ({q})" for v in vals for w in ix.get(f, q)
                if (a := _number(v)) is None or (b := _number(w)) is None or a > b])
    msg = g.value(p, SH.message)
    return PropertyShape(path, checks, str(msg) if msg is not None else None)


def compile_shapes(g: Graph, ontology: Graph) -> Shapes:
    """Compile a shapes graph; the ontology gives the class hierarchy for ``sh:targetClass`` and ``sh:class``.

    :raises Unsupported: naming the first feature of the shapes these checks do not implement.
    """
    hierarchy = list(ontology.subject_objects(RDFS.subClassOf))
    support: dict = defaultdict(list)
    for node, t in ontology.subject_objects(RDF.type):
        support[node].append(t)
    closure = _closure(hierarchy)
    support_focus: dict = defaultdict(list)
    for node, types in support.items():
        for c in {c for t in types for c in closure.get(t, (t,))}:
            support_focus[c].append(node)
    out = Shapes([], hierarchy, closure, dict(support), dict(support_focus))
    for s in set(g.subjects(RDF.type, SH.NodeShape)) | set(g.subjects(SH.targetClass, None)):
        keys = set(g.predicates(s))
        if keys - _NODE_KEYS:
            raise Unsupported(f"{s} uses {', '.join(sorted(str(k) for k in keys - _NODE_KEYS))}")
        props = [_compile_property(g, p) for p in g.objects(s, SH.property)]
        out.shapes.append(NodeShape(s, set(g.objects(s, SH.targetClass)), props))
    for p in set(g.subjects(SH.path, None)) - {p for s in out.shapes for p in g.objects(s.name, SH.property)}:
        raise Unsupported(f"property shape {p} outside a node shape")
    return out


@cache
def compiled() -> Shapes | str:
    """The project's shapes compiled, or why they cannot be (then pySHACL checks them)."""
    from kg.pipeline.validate.graphs import shacl_support, shapes_graph

    try:
        return compile_shapes(shapes_graph(), shacl_support())
    except Unsupported as e:
        return str(e)
