"""Government readouts and releases, and short wire stories: the dates and events their set phrases carry
(invented texts)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.extraction.helpers import run

pytestmark = pytest.mark.slow
TUESDAY = dt.date(2011, 3, 8)


def times_of(text: str, date: dt.date = TUESDAY) -> dict[str, str | None]:
    return {t.span.text: t.value for t in run(text, date).times}


def test_a_date_in_figures_is_one_day_month_first():
    got = times_of("Readout of the Minister's Call with Chancellor Varga, 3/7/2011\n\nThe Minister called "
                   "Chancellor Varga on 14/2/2011 as well.")
    assert got["3/7/2011"] == "2011-03-07"
    assert got["14/2/2011"] == "2011-02-14"


def test_a_range_of_days_with_its_year_is_that_month():
    got = times_of("Statement on Relief for Ostland\n\nFloods struck the valley during the period of "
                   "February 11-14, 2011. Storms hit on March 2-3, 40 homes were lost.")
    assert got["February 11-14, 2011"] == "2011-02"
    assert "2011" not in got
