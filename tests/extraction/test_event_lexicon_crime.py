"""Crimes and charges the trigger lexicon names: an indictment or a charge "with" a crime (CAMEO 173), and a robbery
or a heist (invented texts; docs/extraction.md, "More news events")."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.extraction.helpers import dated_events, run

pytestmark = pytest.mark.slow
WEDNESDAY = dt.date(2024, 3, 13)


def events(text: str) -> dict[str, tuple[str, str | None]]:
    return dated_events(text, WEDNESDAY)


def test_an_indictment_and_a_charge_with_a_crime_are_charges_coded_173():
    from kg.vocab import cameo

    got = events("Courts\n\nA grand jury indicted the former treasurer on Tuesday for fraud.\n\nHe denies it.")
    assert got.get("indicted") == ("charge", "2024-03-12")
    got = events("Courts\n\nPolice charged a 30-year-old man with arson on Monday.\n\nHe will appear in court.")
    assert got.get("charged") == ("charge", "2024-03-11")
    assert cameo("charge") == "173"


def test_a_charge_without_a_crime_is_no_event():
    assert "charged" not in events("Shops\n\nThe car park charged drivers five pounds on Monday.\n\nIt is busy.")


def test_a_robbery_and_robbing_a_bank_are_robberies():
    got = events("Crime\n\nTwo men robbed a jeweller's shop in the high street on Friday.\n\nNo one was hurt.")
    assert got.get("robbed") == ("robbery", "2024-03-08")
    got = events("Crime\n\nThe robbery took place on Friday afternoon at a bank in Leeds.\n\nNo one was hurt.")
    assert got.get("robbery") == ("robbery", "2024-03-08")


def test_a_noun_that_modifies_a_charge_names_no_event_of_its_own():
    x = run("Player arrested on domestic violence charge\n\nThe player was arrested on Friday.\n\nHe denies it.",
            WEDNESDAY)
    assert all(e.type != "violence" for e in x.events)
