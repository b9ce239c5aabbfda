"""House styles of many publishers: how their texts are stored, how they set quotations, their page furniture and
whom their pronouns and titles name (invented text)."""

from __future__ import annotations

import pytest

from kg.extraction import extract
from kg.pipeline.ingest import ingest
from tests.extraction.helpers import said

pytestmark = pytest.mark.slow


def test_windows_1252_quote_marks_stored_as_control_characters_are_read_as_quote_marks(tmp_path):
    # a page saved as Windows-1252 and read as Latin-1: “ ” — • become U+0093 U+0094 U+0097 U+0095
    body = ("Harbour plan\n\n\u0093We will rebuild the pier by spring,\u0094 said Mayor Ann Vole. "
            "The council \u0097 which meets on Monday \u0097 agreed.\n\n\u0095 Related: ferry times\n")
    path = tmp_path / "harbour.txt"
    path.write_text(body, encoding="utf-8")
    article = ingest(path)
    assert "\u201cWe will rebuild" in article.text and "\u2014 which meets" in article.text
    x = extract(article)
    labels = {a.key: a.label for a in x.actors}
    assert [(s.quote_type, labels.get(s.speaker or "")) for s in x.statements] == [("direct", "Ann Vole")]


def test_typewriter_double_marks_of_wire_copy_quote():
    got = said("Dock plan\n\n''We will rebuild the pier by spring,'' said Mayor Ann Vole. Her deputy, Tom Reed, "
               "agreed. ``It is a fair plan,'' he said.")
    assert got == [("direct", "Ann Vole", "We will rebuild the pier by spring,"),
                   ("direct", "Tom Reed", "It is a fair plan,")]


def test_doubled_curly_single_marks_quote_as_double_marks():
    got = said("Dock plan\n\n‘‘We will rebuild the pier by spring,’’ said Mayor Ann Vole. ‘‘It is a fair "
               "plan,’’ said her deputy, Tom Reed.")
    assert got == [("direct", "Ann Vole", "We will rebuild the pier by spring,"),
                   ("direct", "Tom Reed", "It is a fair plan,")]


def test_a_typed_quotation_that_lost_its_close_does_not_swallow_the_next_one():
    got = said("Dock plan\n\nMayor Ann Vole spoke on Monday. ``We can finish it in a month.' The council met later, "
               "and the ministry said the inspectors would arrive ``shortly'' to check the cranes.")
    assert ("mixed", "ministry", "the inspectors would arrive ``shortly'' to check the cranes") in got


def test_a_nested_single_quote_closing_with_the_typed_double_leaves_the_cue_after_it():
    got = said("Harbour vote\n\nThe council met on Monday. ``We must act now on the sea wall,'' said Councillor Ruth "
               "Amos. Her colleague, Ben Ocho, disagreed. ``I say to the board, 'Wait for the survey,''' he said.")
    assert got == [("direct", "Ruth Amos", "We must act now on the sea wall,"),
                   ("direct", "Ben Ocho", "I say to the board, 'Wait for the survey,'")]