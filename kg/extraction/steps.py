"""Extraction as declared steps: each step says what it needs and what it adds, and runs on one shared workspace.

A step is like a spaCy component with ``requires``/``assigns``: a name, the artefacts it reads (``needs``), the
artefacts it makes or completes (``adds``) and a function of the :class:`Work`. The steps are registered, in order,
in one place (:mod:`kg.extraction.registry`); :func:`check` makes sure that every need is met by an earlier step (or
is the parse the extraction starts from), so that a step put before what it reads fails at import, not on some
article. A new rule is one module with its ``STEP`` and one line in the registry.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from kg.pipeline.nlp import Parsed

# What extraction starts from: the parsed article.
GIVEN = ("parsed",)


class StepOrderError(ValueError):
    """A registry whose steps read an artefact no earlier step adds (or add one twice)."""


@dataclass
class Work:
    """The workspace the steps share: the parse, and every artefact a step adds, by name (``work.coref``)."""

    parsed: Parsed
    artefacts: dict[str, Any] = field(default_factory=dict)

    def __getattr__(self, name: str) -> Any:
        try:
            return self.__dict__["artefacts"][name]
        except KeyError:
            raise AttributeError(f"no step has added {name!r} yet") from None

    def put(self, **artefacts: Any) -> None:
        self.artefacts.update(artefacts)


@dataclass(frozen=True)
class Step:
    name: str
    needs: tuple[str, ...]
    adds: tuple[str, ...]
    run: Callable[[Work], None]
    doc: str = ""  # one line for the steps table (docs/extraction.md)


def check(steps: Iterable[Step], given: Iterable[str] = GIVEN) -> None:
    """Raise :class:`StepOrderError` unless each step's needs are given or added by an earlier step, and no
    artefact is added by two steps (a later step completes an artefact by naming what it adds to it)."""
    known = {name: "(given)" for name in given}
    names: set[str] = set()
    for step in steps:
        if step.name in names:
            raise StepOrderError(f"step {step.name!r} is registered twice")
        names.add(step.name)
        missing = [n for n in step.needs if n not in known]
        if missing:
            raise StepOrderError(f"step {step.name!r} needs {', '.join(missing)}, which no earlier step adds")
        for n in step.adds:
            if n in known:
                raise StepOrderError(f"step {step.name!r} adds {n!r}, which step {known[n]!r} already adds")
            known[n] = step.name


def run(steps: Iterable[Step], work: Work) -> Work:
    for step in steps:
        step.run(work)
        absent = [n for n in step.adds if n not in work.artefacts]
        if absent:
            raise StepOrderError(f"step {step.name!r} did not add {', '.join(absent)}")
    return work
