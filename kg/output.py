"""Writing query results for the command line: SPARQL result formats, RDF formats, or a plain-text table."""

from __future__ import annotations

from typing import BinaryIO

import pyoxigraph as ox

from kg.errors import ConfigError
from kg import formats
from kg.store import Result, term_text
from kg.store.serialize import write_triples


def print_result(result: Result, fmt: str, out: BinaryIO) -> None:
    if result.kind == "ask":
        if fmt in formats.RESULT_NAMES:
            out.write(_ask(result.value, fmt))
        else:
            out.write(b"true\n" if result.value else b"false\n")
        return
    if result.kind == "graph":
        # a row format asked of a graph result: its RDF counterpart (Turtle for the table)
        rdf = "ttl" if fmt == "table" else formats.get(fmt).for_graphs or fmt
        write_triples(result.value, rdf, output=out)  # type: ignore[arg-type]
        return
    if fmt in formats.RESULT_NAMES:
        result.value.serialize(out, formats.engine_results(fmt))  # type: ignore[attr-defined]
        return
    if fmt != "table":
        raise ConfigError(f"format {fmt!r} is for CONSTRUCT/DESCRIBE results; a SELECT gives table/csv/tsv/json/xml")
    rows = [[term_text(r[v]) for v in result.variables] for r in result.rows()]
    out.write(table(result.variables, rows).encode("utf-8"))


def table(head: list[str], rows: list[list[str]], width: int = 60) -> str:
    def cut(s: str) -> str:
        s = " ".join(s.split())
        return s if len(s) <= width else s[: width - 1] + "…"

    cells = [[cut(c) for c in r] for r in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(head)]
    lines = [" | ".join(h.ljust(w) for h, w in zip(head, widths)), "-+-".join("-" * w for w in widths)]
    lines += [" | ".join(c.ljust(w) for c, w in zip(r, widths)) for r in cells]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


def _ask(value: object, fmt: str) -> bytes:
    b = "true" if value else "false"
    if fmt == "json":
        return f'{{"head":{{}},"boolean":{b}}}\n'.encode()
    if fmt == "xml":
        return (f'<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head/>'
                f"<boolean>{b}</boolean></sparql>\n").encode()
    return f"_askResult\n{b}\n".encode()
