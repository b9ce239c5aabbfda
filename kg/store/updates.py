"""The writes of every back-end as SPARQL Update operations, in the order they are applied."""

from __future__ import annotations

from collections.abc import Iterable, Iterator


def update_operations(drop: Iterable[str], replace: dict[str, str],
                      rewrite: dict[str, dict[str, str]]) -> Iterator[tuple[str, str]]:
    """The SPARQL Update operations of :meth:`GraphStore.apply_changes`, each ``(operation, "")`` or, for the data
    to insert into a graph, ``(graph, N-Triples)``: graphs dropped, subjects rewritten, graphs replaced (in that
    order, so that an engine that applies the operations one by one writes the provenance graphs, which record
    what an article contributed, last)."""
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
        yield f"DROP SILENT GRAPH <{name}>", ""
        yield name, replace[name]


def operations_text(drop: Iterable[str], replace: dict[str, str], rewrite: dict[str, dict[str, str]]) -> str:
    """:func:`update_operations` as one SPARQL Update text."""
    return " ;\n".join(op if op.startswith(("DROP ", "DELETE ")) else
                        f"INSERT DATA {{ GRAPH <{op}> {{\n{body}\n}} }}"
                        for op, body in update_operations(drop, replace, rewrite))
