"""Title-case headlines, where the entity recogniser runs a name into the verb after it (invented texts)."""

from __future__ import annotations

import pytest

from tests.extraction.helpers import run

pytestmark = pytest.mark.slow


def test_a_name_that_holds_its_own_reporting_verb_speaks_nothing():
    x = run("Ghana Notes Change of Mood in Talks With Togo\n\n"
            "Prime Minister Helen Carter spoke to reporters in the capital on Monday about the talks.")
    labels = {a.key: a.label for a in x.actors}
    assert not [labels.get(s.speaker or "") for s in x.statements if "Notes" in (labels.get(s.speaker or "") or "")]


def test_a_title_case_headline_with_a_name_before_its_verb_still_speaks():
    x = run("Carter Says Budget Will Pass\n\n"
            "Prime Minister Helen Carter spoke to reporters in the capital on Monday about the budget.")
    labels = {a.key: a.label for a in x.actors}
    assert [labels.get(s.speaker or "") for s in x.statements] in ([], ["Helen Carter"])
