"""A person's name after a description ("Conservative MP Philip Hammond") is looked up on its own; a name is never
cut into a shorter one ("Mary Ann Smith" is not "Ann Smith")."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.model import Actor, Extraction, Mention, Span
from kg.pipeline.link import kb as kbmod
from kg.pipeline.link.linking import decide
from kg.pipeline.link.names import trailing_names


@pytest.mark.parametrize("text, names", [
    ("Conservative MP Philip Hammond", ["Philip Hammond"]),
    ("Minority Whip Dick Durbin", ["Dick Durbin"]),
    ("Speaker John Bercow", ["John Bercow"]),
    ("mayor of Santa Clara, DeShawn Porter", ["DeShawn Porter", "Santa Clara, DeShawn Porter"]),
    ("Mary Ann Smith", []),
    ("Koszalin Piotr Jedlinski", []),
    ("Philip Hammond", []),
])
def test_the_name_after_a_description(text, names):
    assert trailing_names(text) == names


def _person(label: str) -> Actor:
    return Actor("person/x", label, "person", mentions=[Mention(Span(0, len(label), label), "name")])


def _linked(label: str, kb, day: dt.date) -> str | None:  # noqa: ANN001
    uk = Actor("country/united-kingdom", "United Kingdom", "country")
    return {d.key: d.entity for d in decide(Extraction([_person(label), uk]), kb, date=day)}["person/x"]


def test_a_described_name_links_like_the_name_alone():
    kb = kbmod.default()
    day = dt.date(2019, 8, 28)
    plain = _linked("Philip Hammond", kb, day)
    assert plain == "person/philip-hammond"
    assert _linked("Conservative MP Philip Hammond", kb, day) == plain
    # a first name is not a description: no shorter name is tried
    assert _linked("Mary Philip Hammond", kb, day) is None


@pytest.mark.parametrize("text, names", [
    ("Assemblymember Jane Holt", ["Jane Holt"]),  # a title no list knows, before a given name
    ("Anne Marie Holt", []),  # two given names
    ("Leeds Jane Holt", []),  # a place before the name: the place of a description, left to extraction
])
def test_a_word_before_a_given_name_is_no_part_of_the_name(text, names):
    assert trailing_names(text) == names
