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


def test_a_time_of_day_falls_on_the_day_its_sentence_or_story_names():
    x = run("Storm\n\nOn Friday, the coastguard logged the first alert around 3:15 p.m. local time. The curfew begins at "
            "8 p.m. local time (1900 UTC) tomorrow.", dt.date(2019, 12, 2))
    got = {t.span.text: t.value for t in x.times}
    assert got["around 3:15 p.m. local time"] == "2019-11-29"
    assert got["8 p.m. local time"] == got["1900 UTC"] == "2019-12-03"


def test_a_month_told_in_the_past_is_the_last_one():
    x = run("Deaths\n\nThe journalist was killed in December. The talks will resume in December. Donors have agreed "
            "to meet again in February.", dt.date(2019, 9, 26))
    assert [t.value for t in x.times] == ["2018-12", "2019-12", "2020-02"]


def test_this_morning_is_the_articles_day():
    x = run("Rugby\n\nThe team trained this morning.", dt.date(2020, 8, 29))
    assert [t.value for t in x.times] == ["2020-08-29"]


def test_ago_counts_back_from_the_articles_date_and_a_decade_is_its_three_digits():
    x = run("Life\n\nA year ago the band split. Two decades ago she moved. About two months ago the virus appeared. "
            "A week ago he left. He played in the 1970s. It took two years to build.", dt.date(2020, 2, 12))
    assert [(t.span.text, t.value) for t in x.times] == [
        ("A year ago", "2019"), ("Two decades ago", "2000"), ("About two months ago", "2019-12"),
        ("A week ago", "2020-W06"), ("the 1970s", "197"), ("two years", None)]


def test_this_sunday_told_in_the_past_is_the_sunday_just_gone():
    tuesday = MONDAY + dt.timedelta(days=1)
    assert value_of("This Sunday, inventor Lev Marsh glided across the bay in a home-built craft.", "This Sunday",
                    tuesday) == "2024-03-10"
    assert value_of("This Sunday, the club will hold its annual fair.", "This Sunday", tuesday) == "2024-03-17"


def test_the_year_that_closes_a_list_of_days_is_each_days_year():
    text = "Records show that Ray Dunn sold fentanyl on March 3, April 9, and May 21, in 2022, at his home."
    assert value_of(text, "March 3") == "2022-03-03"
    assert value_of(text, "April 9") == "2022-04-09"
    assert value_of("The firm filed on June 2 and July 8, 2021, two reports.", "June 2") == "2021-06-02"


def test_a_decade_in_words_is_that_decade():
    assert value_of("She served as a minister in the seventies and again in the late eighties.",
                    "the seventies") == "197"
    assert value_of("She served as a minister in the seventies and again in the late eighties.",
                    "the late eighties") == "198"
