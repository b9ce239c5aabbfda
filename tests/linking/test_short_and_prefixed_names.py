"""What the text writes in front of a person's full name ("MP Dana Roe") and the short form of a leader's given name
("Ted" for Edward), evidence the linker reads for people of the knowledge base, and a football club's short name
("Celtic" of Celtic F.C.) in a report of football. Invented sentences; real parse,
real knowledge base."""

from __future__ import annotations

import datetime as dt

from kg.extraction import extract
from kg.pipeline.ingest import from_text
from kg.pipeline.link.linking import link

WD = "http://www.wikidata.org/entity/"


def linked(text: str, date: str) -> dict[str, str | None]:
    """Label → Wikidata id (or None) of every actor of a built article."""
    article = from_text(text, article_id="t", date=dt.date.fromisoformat(date))
    x = link(extract(article), date=article.meta.date, text=article.text)
    return {a.label: (a.links["wikidata"][len(WD):] if "wikidata" in a.links else None) for a in x.actors}


def test_a_legislator_s_word_in_front_of_the_full_name_singles_out_a_legislator():
    # Alan Meale, of the office holders' table (a seat only): the country alone is not enough, "MP" is
    text = ("MP Alan Meale said on Monday that the hospital in Mansfield should stay open, and Britain's health "
            "service would pay.")
    assert linked(text, "2016-03-04").get("MP Alan Meale") == "Q583946"
    assert linked(text.replace("MP Alan", "Alan"), "2016-03-04").get("Alan Meale") is None


def test_a_party_and_a_legislator_s_word_in_front_of_the_full_name():
    text = "Labour MP Alan Meale said on Monday that the hospital in Mansfield should stay open."
    assert linked(text, "2016-03-04").get("Labour MP Alan Meale") == "Q583946"


def test_a_word_in_front_that_names_no_post_is_no_title():
    # a gardener is no member of parliament: the country alone still leaves a legislator unlinked
    text = ("Gardener Alan Meale said on Monday that the hospital in Mansfield should stay open, and Britain's "
            "health service would pay.")
    assert set(linked(text, "2016-03-04").values()) <= {"Q145", None}


def test_the_short_form_of_a_leader_s_given_name_links_in_an_article_of_their_country():
    # Edward Heath, Prime Minister of the United Kingdom 1970-1974, written "Ted"
    text = "Ted Heath took Britain into the European Community, the museum in Salisbury reminded visitors on Sunday."
    assert linked(text, "2016-03-04").get("Ted Heath") == "Q128967"
    # without the country, a short form still needs a post or the date
    assert linked("Ted Heath, who runs a bakery in the village, said the fair would open on Friday.",
                  "2016-03-04").get("Ted Heath") is None


def test_a_club_s_short_name_in_a_report_of_football_is_the_club():
    # the knowledge base names the club "Celtic F.C."; news writes "Celtic"
    text = "Celtic said on Monday that the striker would miss the next football match with a knee injury."
    assert linked(text, "2016-03-04").get("Celtic") == "Q19593"
    # not in a report of another sport, nor outside sport
    assert linked("Celtic said on Monday that the rugby match would go ahead.", "2016-03-04").get("Celtic") is None
    assert linked("Celtic said on Monday that the fiddle festival in Glasgow would go ahead.",
                  "2016-03-04").get("Celtic") is None


def test_a_title_in_front_of_a_full_name_is_the_post_of_the_day():
    # "President George Bush" in 2005 is the president of the day; the father held the post before
    text = "President George Bush said in Washington on Monday that the United States would send more aid."
    assert linked(text, "2005-01-10").get("George Bush") == "Q207"



def test_a_peer_named_by_the_peerage_the_record_gives():
    # Alf Dubs, Baron Dubs and Ann Mallalieu, Baroness Mallalieu: legislators of the office holders' table, whom a
    # surname alone would not single out
    text = "Lord Dubs said on Monday that Britain should take more child refugees from camps in France."
    assert linked(text, "2016-03-04").get("Dubs") == "Q2644901"
    text = "Baroness Mallalieu said on Tuesday that the countryside in Britain would suffer."
    assert linked(text, "2016-03-04").get("Baroness Mallalieu") == "Q558513"
    # "Mr" is no peerage
    text = "Mr Haworth said on Monday that the hills of Britain needed more rangers."
    assert linked(text, "2016-03-04").get("Haworth") is None
