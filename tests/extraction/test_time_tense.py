"""Relative days resolved with tense and aspect against the article date (invented texts)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.extraction.helpers import run

pytestmark = pytest.mark.slow
MONDAY = dt.date(2024, 3, 11)


def value_of(text: str, expr: str, date: dt.date = MONDAY) -> str | None:
    x = run("Title\n\n" + text, date)
    return next(t.value for t in x.times if t.span.text == expr)


def test_past_friday_is_the_friday_before():
    assert value_of("The talks ended on Friday without a deal.", "Friday") == "2024-03-08"
    assert value_of("Police said the man had been arrested Friday.", "Friday") == "2024-03-08"


def test_future_friday_is_the_friday_after():
    assert value_of("The talks will resume on Friday.", "Friday") == "2024-03-15"
    assert value_of("The court is expected to rule Friday.", "Friday") == "2024-03-15"
    assert value_of("The team plays its next game on Friday.", "Friday") == "2024-03-15"


def test_last_this_and_next_weekday():
    assert value_of("He arrived last Tuesday.", "last Tuesday") == "2024-03-05"
    assert value_of("She will travel next Tuesday.", "next Tuesday") == "2024-03-19"
    assert value_of("The board meets this Thursday.", "this Thursday") == "2024-03-14"


def test_the_article_day_itself():
    assert value_of("The minister spoke on Monday.", "Monday") == "2024-03-11"
