"""SPARQL syntax errors in words: where (line and column) and what was expected, for people.

The engine's parser reports the furthest point it reached and every token that could have come there ("expected one
of LATERAL, SERVICE, [_]", or a list of Unicode ranges for a missing prefix), often at the very end of the text.
This module looks at the text itself first, for the mistakes people make — an update sent as a query (and the
other way round), a misspelt query form, an undeclared prefix, an unclosed string, IRI or brace, a triple pattern
without its object, a selected variable that is neither grouped nor aggregated — and falls back on the engine's
report, with its list of expected tokens in words.

>>> e = explain("SELECT * WHERE {\\n  ?s ?p\\n}", "error at 3:2: expected one of LATERAL, SERVICE, [_]")
>>> (e.line, e.column, e.message)
(2, 8, 'the triple pattern "?s ?p" has no object: a triple pattern is a subject, a predicate and an object')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg import namespaces
from kg.errors import QueryError
from kg.sparql.text import Token, tokens

QUERY_FORMS = ("select", "construct", "ask", "describe")
UPDATE_FORMS = ("insert", "delete", "load", "clear", "drop", "create", "add", "move", "copy", "with")
# prefixes people leave out, with their usual namespaces (a suggestion in the message)
WELL_KNOWN = namespaces.PREFIXES
_REPORT = re.compile(r"error at (\d+):(\d+): (?:expected (?:one of )?)?(.*)", re.DOTALL)
_GROUP_KEYWORDS = {"filter", "optional", "bind", "values", "graph", "service", "minus", "union", "lateral", "not",
                   "exists"}


@dataclass
class SparqlSyntaxError(QueryError):
    """A query or update that does not parse: where, and what is wrong in words."""

    kind: str  # "query" or "update"
    line: int  # 1-based
    column: int  # 1-based, in characters
    message: str
    expected: str = ""  # what could have come there, in words (the engine's report), or ""
    text: str = ""  # the query or update
    sent_as_other: bool = False  # an update sent as a query, or the other way round

    def __post_init__(self) -> None:
        super().__init__(str(self))

    def __str__(self) -> str:
        return f"malformed {self.kind} at line {self.line}, column {self.column}: {self.message}"

    def __reduce__(self):  # noqa: ANN204 - an exception that crosses a process boundary keeps its fields
        return (SparqlSyntaxError, (self.kind, self.line, self.column, self.message, self.expected, self.text,
                                    self.sent_as_other))

    def pointer(self) -> str:
        """The line of the text with a caret under the column (for plain-text and HTML reports)."""
        lines = self.text.splitlines() or [""]
        line = lines[min(self.line, len(lines)) - 1]
        return f"{line}\n{' ' * (self.column - 1)}^"

    def as_dict(self) -> dict[str, object]:
        return {"kind": self.kind, "line": self.line, "column": self.column, "message": self.message,
                "expected": self.expected, "sent_as_other": self.sent_as_other}


def explain(text: str, report: str, kind: str = "query", *, base: str | None = None) -> SparqlSyntaxError:
    """The syntax error of ``text`` (a ``kind``: query or update, parsed with the base IRI ``base``) in words, from
    the engine's ``report``."""
    toks = list(tokens(text))
    checks = [_other_form, _unclosed, _undeclared_prefix, _missing_object] + ([] if base else [_relative_iri])
    for check in checks:
        found = check(text, toks, kind, report)
        if found is not None:
            return found
    return _from_report(text, report, kind)


def _relative_iri(text: str, toks: list[Token], kind: str, report: str) -> SparqlSyntaxError | None:
    if any(t.keyword == "base" for t in toks):
        return None
    for t in toks:
        if t.kind == "iri" and not re.match(r"<[A-Za-z][A-Za-z0-9+.-]*:", t.text):
            return _error(text, kind, t.start, f"the IRI {t.text} is relative and the {kind} has no BASE: write the "
                          "whole IRI (http://…)")
    return None


def _at(text: str, offset: int) -> tuple[int, int]:
    offset = max(0, min(offset, len(text)))
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _error(text: str, kind: str, offset: int, message: str, **kw: object) -> SparqlSyntaxError:
    line, column = _at(text, offset)
    return SparqlSyntaxError(kind, line, column, message, text=text, **kw)  # type: ignore[arg-type]


def _first_form(toks: list[Token]) -> Token | None:
    """The first keyword after the PREFIX and BASE declarations."""
    i = 0
    while i < len(toks):
        k = toks[i].keyword
        if k == "prefix":
            i += 3
        elif k == "base":
            i += 2
        else:
            return toks[i]
    return None


def _other_form(text: str, toks: list[Token], kind: str, report: str) -> SparqlSyntaxError | None:
    first = _first_form(toks)
    if first is None:
        return _error(text, kind, len(text), f"the {kind} is empty after its PREFIX and BASE declarations")
    word = first.keyword
    if kind == "query" and word in UPDATE_FORMS:
        return _error(text, kind, first.start, f"this is an update ({first.text.upper()}), not a query: send it "
                      "as an update", sent_as_other=True)
    if kind == "update" and word in QUERY_FORMS:
        return _error(text, kind, first.start, f"this is a query ({first.text.upper()}), not an update: send it "
                      "as a query", sent_as_other=True)
    forms = QUERY_FORMS if kind == "query" else UPDATE_FORMS
    if word not in forms:
        names = ", ".join(f.upper() for f in forms[:-1]) + " or " + forms[-1].upper()
        return _error(text, kind, first.start, f"a {kind} starts with {names} (after PREFIX and BASE), not "
                      f"{first.text[:40]!r}")
    return None


def _unclosed(text: str, toks: list[Token], kind: str, report: str) -> SparqlSyntaxError | None:
    for t in toks:
        if t.kind == "punct" and t.text in "\"'":
            return _error(text, kind, t.start, "this string is not closed: end it with the same quote mark on the "
                          "same line (or use \"\"\" for text over several lines)")
        if t.kind == "punct" and t.text == "<" and _expects(report, '">"'):
            return _error(text, kind, t.start, "this IRI is not closed with '>' (an IRI has no spaces)")
    stack: list[Token] = []
    pairs = {"}": "{", ")": "(", "]": "["}
    for t in toks:
        if t.kind != "punct":
            continue
        if t.text in "{([":
            stack.append(t)
        elif t.text in pairs:
            if not stack or stack[-1].text != pairs[t.text]:
                return _error(text, kind, t.start, f"this '{t.text}' closes nothing"
                              + (f" (the '{stack[-1].text}' before it is still open)" if stack else ""))
            stack.pop()
    if stack:
        closing = {"{": "}", "(": ")", "[": "]"}[stack[-1].text]
        return _error(text, kind, stack[-1].start, f"this '{stack[-1].text}' is never closed: the {kind} ends "
                      f"before its '{closing}'")
    return None


def _undeclared_prefix(text: str, toks: list[Token], kind: str, report: str) -> SparqlSyntaxError | None:
    declared = {toks[i + 1].text.rstrip(":").lower() for i, t in enumerate(toks[:-1]) if t.keyword == "prefix"}
    for i, t in enumerate(toks):
        if t.kind != "word" or ":" not in t.text or (i and toks[i - 1].keyword == "prefix"):
            continue
        prefix = t.text.split(":", 1)[0]
        if prefix.lower() in declared or prefix.startswith("_") or not re.fullmatch(r"[A-Za-z][\w.-]*|", prefix):
            continue
        hint = f" — add PREFIX {prefix}: <{WELL_KNOWN[prefix]}>" if prefix in WELL_KNOWN else \
            f" — add PREFIX {prefix}: <…> before the {kind}"
        return _error(text, kind, t.start, f"the prefix '{prefix}:' is not declared{hint}")
    return None


def _missing_object(text: str, toks: list[Token], kind: str, report: str) -> SparqlSyntaxError | None:
    """A triple pattern that stops after its predicate (``?s ?p }`` or ``?s ?p .``)."""
    terms: list[Token] = []
    parens = 0
    for t in toks:
        if t.depth == 0 and t.text != "}":
            terms = []
            continue
        if t.text == "(":
            parens += 1
        elif t.text == ")":
            parens = max(0, parens - 1)
            continue
        if parens or t.keyword in _GROUP_KEYWORDS:
            terms = []
            continue
        if t.text in ("{", "}", ".") or t.text in (";", ","):
            if len(terms) == 2 and t.text in ("}", "."):
                pattern = text[terms[0].start:terms[1].start + len(terms[1].text)]
                return _error(text, kind, terms[1].start + len(terms[1].text), f'the triple pattern "{pattern}" has '
                              "no object: a triple pattern is a subject, a predicate and an object")
            terms = terms[:1] if t.text == ";" else terms[:2] if t.text == "," else []
            continue
        if t.kind in ("var", "iri", "string", "word"):
            if t.kind == "word" and t.text.endswith(".") and len(t.text) > 1:  # "ex:o." ends the pattern
                terms = []
                continue
            terms.append(t)
    return None


def _expects(report: str, token: str) -> bool:
    m = _REPORT.match(report)
    return bool(m) and token in m.group(3)


def _from_report(text: str, report: str, kind: str) -> SparqlSyntaxError:
    """The engine's own report, with its position and its expected tokens in words."""
    m = _REPORT.match(report.strip())
    if m is None:
        return SparqlSyntaxError(kind, 1, 1, report.strip() or "cannot be parsed", text=text)
    line, column, rest = int(m.group(1)), int(m.group(2)), m.group(3)
    lines = text.splitlines() or [""]
    if line > len(lines) or (line == len(lines) and column > len(lines[-1])):
        line, column = _at(text, len(text.rstrip()))
        complete = text.rstrip().endswith("}")
        message = f"something is missing in the {kind}" if complete else f"the {kind} ends too early"
    else:
        message = "unexpected text here"
    if "unbound" in rest.lower():
        return SparqlSyntaxError(kind, line, column, "a variable is selected beside an aggregate (COUNT, SUM …) but "
                                 "is not in GROUP BY: group by it, or aggregate it (SAMPLE(?x) AS ?y)", text=text)
    words = _expected_words(rest)
    if words:
        message += f"; expected {words}"
    return SparqlSyntaxError(kind, line, column, message, expected=words, text=text)


def _expected_words(rest: str) -> str:
    """``one of ",", ".", ['A' ..= 'Z' …], [_]`` → ``',' or '.' or a name``."""
    items: list[str] = []
    for part in re.findall(r"\[[^\]]*\]|\"(?:[^\"\\]|\\.)*\"|[^,\s][^,]*", rest):
        part = part.strip()
        if part in ("[_]", "") or part.startswith("[") and part.count("..") == 0 and len(part) <= 5:
            continue
        if part.startswith("["):
            word = "a name" if "'A'" in part or "a'" in part else "a number" if "'0'" in part else "a character"
        elif part.startswith('"'):
            word = f"'{part[1:-1]}'"
        elif part.isupper() or part[:2] == "is":
            word = part.upper()
        else:
            word = part
        if word not in items:
            items.append(word)
    if not items:
        return ""
    functions = [w for w in items if re.fullmatch(r"[A-Z][A-Z0-9_]+", w)]
    if len(functions) > 4:  # the engine lists the functions an expression could start with
        items = [w for w in items if w not in functions] + ["an expression"]
    if "'?'" in items or "'$'" in items:
        items = [w for w in items if w not in ("'?'", "'$'")] + ["a variable"]
    if "':'" in items and "a name" in items:
        items = [w for w in items if w not in ("':'", "a name")] + ["a prefixed name"]
    items = ["an IRI" if w == "'<'" else w for w in items]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]
