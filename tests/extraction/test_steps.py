"""Extraction as declared steps: the registry's order is checked, a new step is one registration, the document
lists the steps as they are."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extraction import steps
from kg.extraction.registry import STEPS, table
from kg.extraction.steps import Step, StepOrderError, Work
from kg.pipeline.ingest import from_text
from kg.pipeline.nlp import parse

ROOT = Path(__file__).resolve().parents[2]


def _noop(work: Work) -> None:
    pass


def test_every_step_needs_only_what_an_earlier_step_adds():
    steps.check(STEPS)  # (also run when the registry is imported)
    added = {"parsed"}
    for step in STEPS:
        assert set(step.needs) <= added, step.name
        added |= set(step.adds)


def test_a_step_registered_before_what_it_reads_is_refused_by_name():
    names = [s.name for s in STEPS]
    moved = list(STEPS)
    documents = moved.pop(names.index("documents"))
    moved.insert(names.index("coref"), documents)  # before the coreference workspace it reads
    with pytest.raises(StepOrderError, match="step 'documents' needs coref"):
        steps.check(moved)


def test_an_artefact_added_twice_or_a_step_registered_twice_is_refused():
    with pytest.raises(StepOrderError, match="adds 'quotes'"):
        steps.check(list(STEPS) + [Step("more quotes", ("parsed",), ("quotes",), _noop)])
    with pytest.raises(StepOrderError, match="registered twice"):
        steps.check(list(STEPS) + [STEPS[0]])


def test_a_new_rule_is_one_step_registered_after_what_it_needs():
    def count(work: Work) -> None:
        work.put(direct_quotes=sum(1 for s in work.statements if s.quote_type == "direct"))

    extra = (*STEPS, Step("direct quotes", ("statements",), ("direct_quotes",), count))
    steps.check(extra)
    article = from_text('Talks\n\nThe minister said on Monday: "We will not give up."', article_id="invented")
    work = steps.run(extra, Work(parse(article)))
    assert work.direct_quotes == 1 and len(work.extraction.statements) == 1


def test_a_step_that_does_not_add_what_it_declares_fails():
    article = from_text("Talks\n\nThe talks went on.", article_id="invented")
    with pytest.raises(StepOrderError, match="did not add"):
        steps.run((Step("nothing", ("parsed",), ("something",), _noop),), Work(parse(article)))


def test_the_document_lists_the_registered_steps():
    doc = (ROOT / "docs" / "extraction.md").read_text(encoding="utf-8")
    listed = doc.split("<!-- steps-table -->\n", 1)[1].split("\n<!-- /steps-table -->", 1)[0]
    assert listed == table(), "docs/extraction.md: rewrite the steps table from kg.extraction.registry.table()"


def test_extraction_modules_stay_small():
    for path in (ROOT / "kg" / "extraction").glob("*.py"):
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 420, path.name
