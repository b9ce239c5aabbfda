"""The SHACL shapes, compiled: ``ontology/shapes.ttl`` read once into plain Python checks over an index of the data.

pySHACL evaluates the shapes generically over rdflib's store and took ~80 ms per article, as long as the
extraction itself; these checks take about a millisecond. They implement the part of SHACL Core
(https://www.w3.org/TR/shacl/) the shapes use — ``sh:targetClass`` with the ontology's class hierarchy; property
shapes whose ``sh:path`` is one IRI with ``sh:minCount``, ``sh:maxCount``, ``sh:class``, ``sh:datatype``,
``sh:pattern``, ``sh:in``, ``sh:minLength``, ``sh:minInclusive``, ``sh:maxInclusive``, ``sh:lessThanOrEquals`` and ``sh:message`` — with
SHACL's semantics, one result per focus node and path (counts) or per value (the others). If the shapes file ever
uses anything else, :func:`compiled` says what and :func:`kg.pipeline.validate.shacl` falls back to pySHACL, which also
stays the reference the tests compare these checks with (tests/core/test_shapes.py).

The data is indexed as N-Triples terms (kg.pipeline.rdf.ntriples: ``<iri>``, ``"lexical"^^<datatype>``), as ``kg build`` maps
an article; rdflib triples are written as such terms first. A literal's lexical form is read only where a check
needs it, and its well-formedness for its datatype is decided by rdflib for any form these checks do not know.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH

from kg.pipeline.rdf.ntriples import LANG_STRING_TERM, XSD_STRING_TERM, literal_parts, term, unescape

Triple = tuple  # (subject, predicate, object): N-Triples terms, or rdflib terms

_NODE_KEYS = {RDF.type, SH.targetClass, SH.property, RDFS.comment, RDFS.label}
_PROPERTY_KEYS = {SH.path, SH.minCount, SH.maxCount, SH["class"], SH.datatype, SH.pattern, SH["in"], SH.minLength,
                  SH.minInclusive, SH.maxInclusive, SH.lessThanOrEquals, SH.message, SH.name, SH.description}
_TYPE, _SUBCLASS = term(RDF.type), term(RDFS.subClassOf)
_XSD = "<http://www.w3.org/2001/XMLSchema#"
_INTEGER, _DECIMAL, _BOOLEAN, _DATE = f"{_XSD}integer>", f"{_XSD}decimal>", f"{_XSD}boolean>", f"{_XSD}date>"
# lexical forms well-formed beyond doubt (anything else goes to rdflib, which decides as pySHACL does)
_PLAIN_INTEGER = re.compile(r"-?\d{1,18}")
_PLAIN_DECIMAL = re.compile(r"-?\d{1,18}(?:\.\d{1,18})?")
_PLAIN_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_INTEGER_SUFFIX = '"^^' + _INTEGER
_NONE: dict = {}


class Unsupported(Exception):
    """The shapes use a SHACL feature these checks do not implement."""


@dataclass
class Index:
    """The data as lookups: each subject's values per predicate (N-Triples terms), and the types of each node."""

    nodes: dict = field(default_factory=dict)  # subject -> predicate -> [objects]
    subclass: list[tuple] = field(default_factory=list)  # rdfs:subClassOf pairs the data itself states
    supers: dict = field(default_factory=dict)  # each class with its superclasses, set by Shapes.validate
    support: dict = field(default_factory=dict)  # node -> types that the ontology gives it
    instances: dict = field(default_factory=dict)  # (node, class) -> whether the node is one, found once

    @classmethod
    def of(cls, triples: Iterable[Triple]) -> Index:
        """The index of N-Triples-term triples, or of rdflib triples (a Graph, say), which are written as terms."""
        ix = cls()
        nodes = ix.nodes
        written: dict = {}  # rdflib terms written as N-Triples terms, each once
        for s, p, o in triples:
            if type(s) is not str or type(p) is not str or type(o) is not str:
                s, p, o = _written(s, written), _written(p, written), _written(o, written)
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


def _written(t, cache: dict) -> str:  # noqa: ANN001
    if type(t) is str:
        return t
    found = cache.get(t)
    if found is None:
        found = cache[t] = term(t)
    return found


ValueCheck = tuple[Callable[[str], bool], Callable[[str], str]]  # (is the value right, what is wrong with it)
PairCheck = Callable[[Index, str, list], list[str]]  # (index, focus node, its values) -> problems


@dataclass
class PropertyShape:
    """A property shape as checks: the counts of values (one result per focus node), each value on its own (one
    result per value), and comparisons with another property's values."""

    path: str
    message: str | None
    shown: str = ""  # the path as the report writes it (a prefixed name)
    min_count: int | None = None
    max_count: int | None = None
    values: list[ValueCheck] = field(default_factory=list)
    pairs: list[PairCheck] = field(default_factory=list)

    def problems(self, ix: Index, focus: str, vals) -> list[str]:  # noqa: ANN001
        out: list[str] = []
        n = len(vals)
        if self.min_count is not None and n < self.min_count:
            out.append(f"has {n} value(s), needs at least {self.min_count}")
        if self.max_count is not None and n > self.max_count:
            out.append(f"has {n} values, allows at most {self.max_count}")
        if n:
            for ok, why in self.values:
                for v in vals:
                    if not ok(v):
                        out.append(why(v))
            for pair in self.pairs:
                out += pair(ix, focus, vals)
        return out


@dataclass(eq=False)
class NodeShape:
    name: str
    targets: set[str]
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
    _by_type: dict = field(default_factory=dict)  # a node type -> the shapes that target it (for ``closure``)

    @staticmethod
    def is_instance(ix: Index, node, cls: str) -> bool:  # noqa: ANN001
        found = ix.instances.get((node, cls))
        if found is None:
            found = ix.instances[node, cls] = any(cls in ix.supers.get(t, (t,)) for t in ix.types(node))
        return found

    def _shapes_of(self, t: str, supers: dict, memo: dict) -> list[NodeShape]:
        found = memo.get(t)
        if found is None:
            classes = supers.get(t, (t,))
            found = memo[t] = [s for s in self.shapes if not s.targets.isdisjoint(classes)]
        return found

    def validate(self, ix: Index, n3: Callable[[str], str] | None = None) -> list[str]:
        """One line per SHACL validation result: ``focus: path: message``, sorted."""
        # the data may add to the class hierarchy (a whole store holds the ontology graph too), as in pySHACL
        own_hierarchy = not ix.subclass
        ix.supers = self.closure if own_hierarchy else _closure(self.hierarchy + ix.subclass)
        ix.support = self.support
        ix.instances = {}
        memo = self._by_type if own_hierarchy else {}
        nodes = ix.nodes if own_hierarchy else {*ix.nodes, *self.support}
        out: list[str] = []
        for node in nodes:
            types = ix.types(node)
            if not types:
                continue
            shapes = self._shapes_of(types[0], ix.supers, memo) if len(types) == 1 else list(
                dict.fromkeys(s for t in types for s in self._shapes_of(t, ix.supers, memo)))
            for shape in shapes:
                self._check(ix, node, shape, out)
        if own_hierarchy:  # the ontology's own instances (controlled values), found once
            for shape in self.shapes:
                for node in dict.fromkeys(n for c in shape.targets for n in self.support_focus.get(c, ())):
                    if node not in ix.nodes:
                        self._check(ix, node, shape, out)
        return sorted(out)

    @staticmethod
    def _check(ix: Index, node: str, shape: NodeShape, out: list[str]) -> None:
        props = ix.nodes.get(node, _NONE)
        for prop in shape.properties:
            problems = prop.problems(ix, node, props.get(prop.path, ()))
            if problems:
                focus = shown(node)
                out.extend(f"{focus}: {prop.shown}: {prop.message or p}" for p in problems)


def shown(t: str) -> str:
    """A term as a report names it: an IRI or a blank node without its marks, a literal as written."""
    if t[:1] == "<":
        return t[1:-1]
    if t[:2] == "_:":
        return t[2:]
    return t


# --- literals ---------------------------------------------------------------------------------------------------
def well_typed(v: str, datatype: str) -> bool:
    """Whether the term ``v`` is a literal of ``datatype`` whose lexical form is well-formed for it."""
    if v[:1] != '"':
        return False
    if datatype == XSD_STRING_TERM and v[-1] == '"':
        return True  # a plain literal is an xsd:string
    suffix = '"^^' + datatype
    if not v.endswith(suffix):
        if datatype in (XSD_STRING_TERM, LANG_STRING_TERM):
            lexical, dt_, lang = literal_parts(v)
            return bool(lang) if datatype == LANG_STRING_TERM else dt_ == XSD_STRING_TERM
        return False
    lexical = v[1 : -len(suffix)]
    if "\\" in lexical:
        lexical = unescape(lexical)
    if datatype == _INTEGER and _PLAIN_INTEGER.fullmatch(lexical):
        return True
    if datatype == _DECIMAL and _PLAIN_DECIMAL.fullmatch(lexical):
        return True
    if datatype == _BOOLEAN and lexical in ("true", "false"):
        return True
    if datatype == _DATE and _PLAIN_DATE.fullmatch(lexical) and _valid_date(lexical):
        return True
    return not _rdflib_literal(lexical, datatype).ill_typed


def _valid_date(lexical: str) -> bool:
    try:
        dt.date.fromisoformat(lexical)
    except ValueError:
        return False
    return True


def _rdflib_literal(lexical: str, datatype: str) -> Literal:
    return Literal(lexical, datatype=URIRef(datatype[1:-1]))


@lru_cache(maxsize=1 << 16)
def number(v: str):  # noqa: ANN201
    """A literal term's value when it is a (well-formed) number, else None. Kept per term: the offsets of a span are
    read by several shapes (each bound, and their order)."""
    if v.endswith(_INTEGER_SUFFIX):  # the offsets of every span: read without more ado
        lexical = v[1 : -len(_INTEGER_SUFFIX)]
        if lexical.isascii() and lexical.isdigit() and len(lexical) <= 18:
            return int(lexical)
    if v[:1] != '"':
        return None
    lexical, datatype, lang = literal_parts(v)
    if datatype is None or lang:
        return None
    if datatype == _INTEGER and _PLAIN_INTEGER.fullmatch(lexical):
        return int(lexical)
    if datatype == _DECIMAL and _PLAIN_DECIMAL.fullmatch(lexical):
        try:
            return Decimal(lexical)
        except InvalidOperation:  # pragma: no cover - the pattern admits only decimals
            return None
    return _number(_rdflib_literal(lexical, datatype))


def _number(v):  # noqa: ANN001, ANN202
    """An rdflib literal's value when it is a number, else None (non-numbers are not comparable with these shapes)."""
    if isinstance(v, Literal) and not getattr(v, "ill_typed", False):
        x = v.toPython()
        if isinstance(x, (int, float, Decimal)) and not isinstance(x, bool):
            return x
    return None


def _text(v: str) -> str | None:
    """The string a pattern or a length reads: a literal's lexical form, an IRI; None for a blank node."""
    if v[:1] == '"':
        return literal_parts(v)[0]
    if v[:1] == "<":
        return v[1:-1]
    return None


# --- compiling --------------------------------------------------------------------------------------------------
def _compile_property(g: Graph, p, n3: Callable[[URIRef], str]) -> PropertyShape:  # noqa: ANN001, C901
    keys = set(g.predicates(p))
    if keys - _PROPERTY_KEYS:
        raise Unsupported(f"property shape uses {', '.join(sorted(str(k) for k in keys - _PROPERTY_KEYS))}")
    path = g.value(p, SH.path)
    if not isinstance(path, URIRef):
        raise Unsupported("a sh:path that is not one IRI")
    msg = g.value(p, SH.message)
    shape = PropertyShape(term(path), str(msg) if msg is not None else None, n3(path))
    values = shape.values
    for key, value in g.predicate_objects(p):
        if key == SH.minCount:
            shape.min_count = int(value)
        elif key == SH.maxCount:
            shape.max_count = int(value)
        elif key == SH["class"]:
            c = term(value)
            shape.pairs.append(lambda ix, f, vals, c=c: [  # instances as the data's index types them
                f"value {v} is not a {shown(c)}" for v in vals if not Shapes.is_instance(ix, v, c)])
        elif key == SH.datatype:
            d = term(value)
            values.append((lambda v, d=d: well_typed(v, d), lambda v, d=d: f"value {v} is not a well-formed {shown(d)}"))
        elif key == SH.pattern:
            rx = re.compile(str(value))
            values.append((lambda v, rx=rx: (x := _text(v)) is not None and rx.search(x) is not None,
                           lambda v, rx=rx: f"value {v} does not match {rx.pattern}"))
        elif key == SH["in"]:
            allowed = frozenset(term(x) for x in Collection(g, value))
            values.append((allowed.__contains__, lambda v: f"value {v} is not one of the allowed values"))
        elif key == SH.minLength:
            n = int(value)
            values.append((lambda v, n=n: (x := _text(v)) is not None and len(x) >= n,
                           lambda v, n=n: f"value {v} is shorter than {n}"))
        elif key == SH.minInclusive:
            low = _number(value)
            if low is None:
                raise Unsupported("a sh:minInclusive that is not a number")
            values.append((lambda v, low=low: (x := number(v)) is not None and x >= low,
                           lambda v, low=low: f"value {v} is not ≥ {low}"))
        elif key == SH.maxInclusive:
            high = _number(value)
            if high is None:
                raise Unsupported("a sh:maxInclusive that is not a number")
            values.append((lambda v, high=high: (x := number(v)) is not None and x <= high,
                           lambda v, high=high: f"value {v} is not ≤ {high}"))
        elif key == SH.lessThanOrEquals:
            q = term(value)
            shape.pairs.append(lambda ix, f, vals, q=q: [
                f"value {v} is not ≤ {w} ({shown(q)})" for v in vals for w in ix.get(f, q)
                if (a := number(v)) is None or (b := number(w)) is None or a > b])
    return shape


def compile_shapes(g: Graph, ontology: Graph) -> Shapes:
    """Compile a shapes graph; the ontology gives the class hierarchy for ``sh:targetClass`` and ``sh:class``.

    :raises Unsupported: naming the first feature of the shapes these checks do not implement.
    """
    from kg.pipeline.validate.checks import namespaces

    n3 = (lambda t: t.n3(namespaces()))  # noqa: E731
    hierarchy = [(term(s), term(o)) for s, o in ontology.subject_objects(RDFS.subClassOf)]
    support: dict = defaultdict(list)
    for node, t in ontology.subject_objects(RDF.type):
        support[term(node)].append(term(t))
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
        props = [_compile_property(g, p, n3) for p in g.objects(s, SH.property)]
        out.shapes.append(NodeShape(term(s), {term(c) for c in g.objects(s, SH.targetClass)}, props))
    names = {p for s in set(g.subjects(RDF.type, SH.NodeShape)) | set(g.subjects(SH.targetClass, None))
             for p in g.objects(s, SH.property)}
    for p in set(g.subjects(SH.path, None)) - names:
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
