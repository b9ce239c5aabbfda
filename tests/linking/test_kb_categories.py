"""Whole categories of the news world that the knowledge base holds (scripts/kb_commons.py and the tables of
data/kb-sources/): a member of the category named in an invented article is linked; a namesake of another country in
an article about a country of its own stays unlinked, or is linked to that country's body."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kg.extraction import extract
from kg.pipeline.ingest import from_text
from kg.pipeline.link.linking import link

WD = "http://www.wikidata.org/entity/"
TABLE = Path(__file__).resolve().parents[2] / "data" / "kb-sources" / "commons.tsv"
COMMONS = [ln.split("\t") for ln in TABLE.read_text(encoding="utf-8").splitlines()[1:] if ln.startswith("Q")]


def qids(text: str, date: str = "2019-05-14") -> dict[str, str]:
    article = from_text(text, article_id="t", date=dt.date.fromisoformat(date))
    x = link(extract(article), date=article.meta.date)
    return {a.label: a.links["wikidata"][len(WD):] for a in x.actors if "wikidata" in a.links}


@pytest.mark.slow
def test_a_national_legislature_is_linked_in_an_article_of_its_country():
    text = ("Taiwan lawmakers back new budget\n\n"
            "TAIPEI (Reuters) - The Legislative Yuan approved a defence budget on Tuesday, and the Executive Yuan "
            "said the money would go to new patrol boats for Taiwan's coast guard.\n")
    found = qids(text)
    assert found.get("Legislative Yuan") == "Q715869", found


@pytest.mark.slow
def test_the_chambers_of_a_parliament_are_linked_by_their_own_names():
    text = ("Indian lawmakers pass farm bill\n\n"
            "NEW DELHI - The Lok Sabha passed the farm bill on Monday and the Rajya Sabha is to vote on it this "
            "week, India's farm minister said.\n\n"
            "In Berlin, the Bundesrat postponed its own vote on a German farm law.\n")
    found = qids(text)
    assert found.get("Lok Sabha") == "Q230003", found
    assert found.get("Rajya Sabha") == "Q244730", found
    assert found.get("Bundesrat") == "Q146138", found


@pytest.mark.slow
def test_a_generic_chamber_name_of_one_country_is_not_linked_in_another_countrys_article():
    # "House of Representatives" and "Senate" are also the names of Cyprus's, Australia's and Paraguay's chambers
    text = ("Budget bill stalls in Washington\n\n"
            "WASHINGTON - The House of Representatives passed the spending bill on Friday, but the Senate is "
            "not expected to take it up before the United States government runs out of money next week.\n")
    found = qids(text)
    others = {r[0] for r in COMMONS if r[1] != "Q30"}  # the chambers of the other 31 countries of the table
    for label in ("House of Representatives", "Senate"):
        assert found.get(label) not in others, (label, found)


@pytest.mark.slow
def test_a_national_news_agency_is_linked_and_its_acronym_only_with_its_country():
    text = ("Czech and Swedish ministers meet in Prague\n\n"
            "PRAGUE - The Czech foreign minister told the Czech News Agency on Monday that talks would go on, and "
            "Sweden's trade minister told Tidningarnas Telegrambyrå the same. The Serbian news agency Tanjug "
            "said Belgrade would join the talks.\n")
    found = qids(text)
    assert found.get("Czech News Agency") == "Q341118", found
    assert found.get("Tidningarnas Telegrambyrå") == "Q1312158", found
    assert found.get("Tanjug") == "Q371267", found
    # an acronym of a country's agency ("APA", "BTA") in an article of another country names something else
    text = ("Psychologists gather in Denver\n\n"
            "DENVER - The APA said on Friday that its members in Colorado had voted to back the new guidelines.\n")
    assert qids(text).get("APA") != "Q680662"
