"""Links the knowledge base allows once the text's evidence is read, and links the text rules out: other forms of a
person's name, spacing and abbreviations in an organisation's name, an acronym spelt out in the same article, a
country's name standing for its national team. Invented sentences; real parse, real knowledge base."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.extraction import extract
from kg.pipeline.ingest import from_text
from kg.pipeline.link.linking import link

WD = "http://www.wikidata.org/entity/"


def linked(text: str, date: str) -> dict[str, str | None]:
    """Label → Wikidata id (or None) of every actor of a built article."""
    article = from_text(text, article_id="t", date=dt.date.fromisoformat(date))
    x = link(extract(article), date=article.meta.date, text=article.text)
    return {a.label: (a.links["wikidata"][len(WD):] if "wikidata" in a.links else None) for a in x.actors}


# ------------------------------------------------------------------------------------------- people's names
@pytest.mark.parametrize("text, date, label, qid", [
    # a short form of the given name (Robert Gates, Secretary of Defense 2006-2011)
    ("Defense Secretary Bob Gates told troops in Kabul on Monday that the United States would stay.",
     "2010-03-04", "Bob Gates", "Q212979"),
    # a middle name left out (Juan Manuel Santos, President of Colombia 2010-2018)
    ("Colombian President Juan Santos said on Monday that talks would resume.", "2012-03-04", "Juan Santos",
     "Q57311"),
])
def test_another_form_of_a_name_links_with_a_post_at_the_date(text, date, label, qid):
    assert linked(text, date).get(label) == qid


def test_another_form_of_a_name_without_a_post_or_a_title_stays_unlinked():
    # the same words in an article that gives the person no post, no title and no country of theirs
    assert linked("Bob Gates, who runs a bakery in the village, said the fair would open on Friday.",
                  "2010-03-04").get("Bob Gates") is None


def test_a_surname_without_its_arabic_article_finds_the_person():
    text = "Syria's president, Assad, said on Monday that the talks in Damascus would go on."
    found = linked(text, "2015-03-04")
    assert found.get("Assad") == "Q44329"


def test_a_misspelt_title_in_front_of_a_surname_is_dropped():
    found = linked("Presdent Sarkozy told reporters in Paris that France would act.", "2010-03-04")
    assert found.get("Presdent Sarkozy") == "Q329"
