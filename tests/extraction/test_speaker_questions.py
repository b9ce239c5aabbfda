"""An interviewer's question that asks about somebody's view reports no view (invented texts)."""

from __future__ import annotations

import pytest

from tests.extraction.helpers import said

pytestmark = pytest.mark.slow


def test_a_view_asked_about_in_a_question_is_no_statement():
    got = said("Briefing\n\nQ: Could you tell us why Spain now considers the deal a good outcome?\n\n"
               "The minister said Spain had always supported dialogue.")
    assert [(speaker, content) for _, speaker, content in got] == \
        [("minister", "Spain had always supported dialogue")]


def test_a_question_about_what_was_said_still_reports_it():
    got = said("Briefing\n\nWhy did Minister Tom Reid say the plan was dead? The unions had rejected it.")
    assert [(speaker, content) for _, speaker, content in got] == [("Tom Reid", "the plan was dead")]
