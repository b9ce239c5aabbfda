"""The layout keeps its promises (README, "Architecture"): no import circles among the modules of kg/ and server/,
kg/ never imports server/, and no module grows past the size at which it asks to be split."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("kg", "server")
MAX_LINES = 400
# modules allowed past MAX_LINES, each with why it is one piece: keep this list short
LONG_MODULES: dict[str, str] = {
    "kg.extraction.statements": "the statement rules of the extraction round; to be split into declared steps "
                                "with kg/extraction (issue 16, item 4)",
    "kg.sparql.netguard": "the connection guard: the audit hook, the allow-list and the guarded thread are one "
                          "security boundary, kept in one file to be read as one",
    "kg.store.remote.store": "the remote back-end's GraphStore methods (403 lines)",
}
# kg modules allowed to import server/: none (kg serve finds the server through an entry point)
KG_IMPORTS_SERVER: dict[str, str] = {}


# circles known and waiting for their owner's rework: each with the modules and why it is still there
KNOWN_CIRCLES: dict[tuple[str, ...], str] = {
}


def modules() -> dict[str, Path]:
    out = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            out[".".join(parts)] = path
    return out


def imports(name: str, path: Path, *, top_level_only: bool) -> set[str]:
    """The project modules ``name`` imports (``from a import b`` counts ``a.b`` when that is a module); with
    ``top_level_only``, only the imports run when the module is imported (not those inside functions)."""
    known = modules()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    if top_level_only:  # imports under `if TYPE_CHECKING:` and try/except run at import time only if not typing
        flat = []
        for node in nodes:
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                continue
            flat.extend(ast.walk(node) if isinstance(node, (ast.If, ast.Try)) else [node])
        nodes = flat
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(up + ([base] if base else []))
            targets = [base] + [f"{base}.{a.name}" for a in node.names]
        else:
            continue
        for t in targets:
            while t and t not in known:
                t = t.rpartition(".")[0]
            if t and t != name:
                found.add(t)
    return found


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def _without_packages(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    # a package importing its own submodules to re-export them is how a package is built, not a circle
    return {m: {t for t in targets if not (m.startswith(t + ".") and t in graph)} for m, targets in graph.items()}


def test_no_import_circles():
    graph = _without_packages({m: imports(m, p, top_level_only=True) for m, p in modules().items()})
    assert [c for c in cycles(graph) if tuple(c) not in KNOWN_CIRCLES] == []


def test_kg_never_imports_server():
    offenders = {}
    for m, p in modules().items():
        if m.startswith("kg.") or m == "kg":
            bad = sorted(t for t in imports(m, p, top_level_only=False) if t == "server" or t.startswith("server."))
            if bad and m not in KG_IMPORTS_SERVER:
                offenders[m] = bad
    assert offenders == {}


def test_no_module_past_the_size_limit():
    long = {m: n for m, p in modules().items()
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES and m not in LONG_MODULES}
    assert long == {}, f"split these modules (or list them in LONG_MODULES with why): {long}"


def test_the_checks_can_fail():
    """The circle finder finds a circle, and the import reader sees a lazy import only when asked to."""
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []
    lazy = imports("kg.commands.build", ROOT / "kg/commands/build.py", top_level_only=False)
    eager = imports("kg.commands.build", ROOT / "kg/commands/build.py", top_level_only=True)
    assert "kg.pipeline.corpus" in lazy and "kg.pipeline.corpus" not in eager


# modules allowed to write the process environment, each with why: none
ENVIRON_WRITERS: dict[str, str] = {}


def environ_writes(path: Path) -> list[int]:
    """Lines that write the process environment (``os.environ[...] =``, ``setdefault``, ``update``, ``putenv``)."""
    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, (ast.Assign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Subscript) and ast.unparse(t.value) == "os.environ" for t in targets):
                lines.append(node.lineno)
        elif isinstance(node, ast.Call) and ast.unparse(node.func) in (
                "os.environ.setdefault", "os.environ.update", "os.putenv", "os.environ.pop"):
            lines.append(node.lineno)
    return lines


def test_settings_are_read_never_written_to_the_environment():
    writes = {m: n for m, p in modules().items() if (n := environ_writes(p)) and m not in ENVIRON_WRITERS}
    assert writes == {}
    gone = [m for m in ENVIRON_WRITERS if not environ_writes(modules()[m])]
    assert gone == [], "the allow-list names writes that are gone: remove them"
