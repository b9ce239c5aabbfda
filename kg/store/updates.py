"""The writes of every back-end as SPARQL Update operations, in the order they are applied."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Edit:
    """What replacing a stored graph by new N-Triples changes in it: the lines to delete and those to insert."""

    delete: list[str]
    insert: list[str]


def edit(stored: str, new: str) -> Edit | None:
    """The edit that turns a stored graph (N-Triples, as the engine writes it) into ``new``, or None when it must be
    rewritten whole: an empty graph is dropped, not kept, and a changed line with a blank node cannot be edited (a
    label names no node across two texts; lines with blank nodes that both texts write alike keep their nodes).

    A triple the two texts write alike is left alone; one written otherwise (``"0.90"`` stored as ``"0.9"``) is
    deleted and inserted again, which leaves it stored: the result is the new graph either way."""
    if not new or new.isspace():
        return None
    # split at newlines only: a literal may hold a line separator of another kind (U+2028, U+0085) unescaped
    after, before = set(new.split("\n")), set(stored.split("\n"))
    after.discard("")
    before.discard("")
    delete, insert = sorted(before - after), sorted(after - before)
    if any("_:" in line for line in delete) or any("_:" in line for line in insert):
        return None
    return Edit(delete, insert)


def update_operations(drop: Iterable[str], replace: dict[str, str],
                      rewrite: dict[str, dict[str, str]],
                      edits: dict[str, Edit] | None = None) -> Iterator[tuple[str, str]]:
    """The SPARQL Update operations of :meth:`GraphStore.apply_changes`, each ``(operation, "")`` or, for the data
    to insert into a graph, ``(graph, N-Triples)``: graphs dropped, subjects rewritten, graphs replaced (in that
    order, so that an engine that applies the operations one by one writes the provenance graphs, which record
    what an article contributed, last). A graph of ``replace`` that has an edit in ``edits`` (one already stored)
    has only its changed triples deleted (``DELETE DATA``) and inserted instead of being dropped and written whole."""
    edits = edits or {}
    for g in drop:
        yield f"DROP SILENT GRAPH <{g}>", ""
    for graph, subjects in rewrite.items():
        if not subjects:
            continue
        values = " ".join(f"<{s}>" for s in sorted(subjects))
        yield (f"DELETE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }} "
               f"WHERE {{ VALUES ?s {{ {values} }} GRAPH <{graph}> {{ ?s ?p ?o }} }}"), ""
        body = "".join(subjects[s] for s in sorted(subjects))
        if body.strip():
            yield graph, body
    for name in sorted(replace, key=lambda n: "/graph/provenance/" in n):
        change = edits.get(name)
        if change is None:
            yield f"DROP SILENT GRAPH <{name}>", ""
            yield name, replace[name]
            continue
        if change.delete:
            yield "DELETE DATA { GRAPH <%s> {\n%s\n} }" % (name, "\n".join(change.delete)), ""
        if change.insert:
            yield name, "\n".join(change.insert)


def operations_text(drop: Iterable[str], replace: dict[str, str], rewrite: dict[str, dict[str, str]],
                    edits: dict[str, Edit] | None = None) -> str:
    """:func:`update_operations` as one SPARQL Update text."""
    return " ;\n".join(op if op.startswith(("DROP ", "DELETE ")) else
                        f"INSERT DATA {{ GRAPH <{op}> {{\n{body}\n}} }}"
                        for op, body in update_operations(drop, replace, rewrite, edits))
