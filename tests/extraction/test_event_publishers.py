"""Key events and their days as news of many publishers tell them: a guilty plea, a pick for a post, a rule taking
effect, a bill killed (no death), a phone number (no year), and an event the lead names only as the background of
its news (invented texts; see docs/extraction.md, "News of many publishers")."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.extraction import extract
from kg.pipeline.ingest import from_text
from tests.extraction.helpers import dated_events, run

pytestmark = pytest.mark.slow
WEDNESDAY = dt.date(2024, 3, 13)


def types(text: str) -> set[str]:
    return {e.type for e in run(text, WEDNESDAY).events}


def test_a_guilty_plea_is_an_event_of_its_day():
    got = dated_events("Former clerk pleads guilty to theft\n\nA former town clerk pleaded guilty on Monday to "
                       "stealing $40,000 from a parish fund.\n\nShe will be sentenced in May.", WEDNESDAY)
    assert got["pleads guilty"] == ("plea", "2024-03-11")
    got = dated_events("Court news\n\nThe driver entered a plea of not guilty on Friday.", WEDNESDAY)
    assert ("plea", "2024-03-08") in got.values()
    # a plea for help or a plea deal is no plea to a charge
    assert "plea" not in types("Charity news\n\nThe mayor made a plea for help on Friday. The two sides reached a "
                               "plea deal later.")


def test_picking_a_person_for_a_post_is_an_appointment_and_replacing_a_thing_is_not():
    assert "appointment" in types("Governor picks new police chief\n\nGovernor Ann Vell has chosen her deputy, Mark "
                                  "Toller, to replace outgoing police chief Sam Ridd, aides said on Tuesday.")
    assert "appointment" in types("Agency news\n\nFormer mayor Lena Strand was tapped to run the water agency, an "
                                  "official said on Monday.")
    assert "appointment" in types("Board news\n\nThe board named Carla Menn as chairman on Friday.")
    # replacing a thing, naming a street or picking a song is no appointment
    assert "appointment" not in types("Town news\n\nThe new pumps will replace the old ones next year. The council "
                                      "named the street after a poet. Fans picked the song of the year.")


def test_killing_a_bill_or_a_deal_is_no_killing():
    assert "killing" not in types("Senate news\n\nSenators killed the bill on Friday, and the committee killed a "
                                  "part of the funding deal in April.")
    assert "killing" in types("Village news\n\nGunmen killed two farmers on Friday.")


def test_a_rule_taking_effect_is_an_event_of_its_day_unless_it_is_an_event_taking_effect():
    got = dated_events("Rules news\n\nThe new parking rules took effect on Monday across the city.", WEDNESDAY)
    assert ("entry-into-force", "2024-03-11") in got.values()
    assert "entry-into-force" not in types("Clinic news\n\nThe sedative took effect within minutes.")
    # an event that takes effect is dated by it, and no event of its own
    got = dated_events("Tribunal rules on suspension\n\nOn Wednesday, the tribunal published an opinion on the "
                       "suspension of the assembly, which came into force on Monday, calling it lawful.", WEDNESDAY)
    assert got["suspension"] == ("suspension", "2024-03-11")
    assert "entry-into-force" not in {t for t, _ in got.values()}


def test_a_phone_number_is_no_year():
    x = run("Crash hotline opens\n\nRelatives can call the crash hotline on 1800 200 311 or 02 1300 555 212.",
            WEDNESDAY)
    assert not [t for t in x.times if t.value in ("1800", "1300")]


def test_a_background_day_in_a_nouns_own_phrase_is_not_the_leads_day():
    got = dated_events("Volunteers hand out food\n\nVolunteers were handing out food in the square on Friday to help "
                       "families hit by Sunday's storm.\n\nShops joined the appeal.", WEDNESDAY)
    assert got["storm"] == ("disaster", "2024-03-10")
    assert got["help"][1] != "2024-03-10"


def test_an_event_named_only_by_what_it_left_takes_no_lead_day():
    got = dated_events("Help arrives for storm victims\n\nAid workers on Tuesday reached victims of the hurricane in the "
                       "hills.\n\nRoads are still closed.", WEDNESDAY)
    assert got["storm"] == ("disaster", None)


def test_a_bodys_vote_is_an_event_and_a_voters_ballot_is_not():
    got = dated_events("Assembly backs budget\n\nThe regional assembly voted 61 to 22 on Tuesday to approve the "
                       "budget.", WEDNESDAY)
    assert got["voted"] == ("vote", "2024-03-12")
    assert "vote" not in types("Town news\n\nShe voted at a school near her home, and the wards voted for the mayor.")


def test_a_leaked_memo_is_a_leak_and_a_gas_leak_is_not():
    got = dated_events("Memo news\n\nSomebody leaked the memo to a newspaper on Monday. The leak of the memo angered "
                       "the minister. A gas leak closed a street.", WEDNESDAY)
    assert got["leaked"] == ("leak", "2024-03-11")
    assert "gas leak" not in got or got["gas leak"][0] != "leak"


def test_leaving_a_party_and_coming_to_power_are_events():
    got = dated_events("Party news\n\nThe former mayor left the party in 2019. Her rival came to power in 2021 and "
                       "left the room early.", WEDNESDAY)
    assert got["left"] == ("resignation", "2019")
    assert got["came to power"] == ("inauguration", "2021")
    assert len([t for t, _ in got.values() if t == "resignation"]) == 1


def test_a_day_that_opens_a_sentence_does_not_date_a_deed_in_its_relative_clause():
    got = dated_events("Defector news\n\nThe case goes on.\n\nOn Monday, officers went to the flat where they "
                       "claimed the man left the party with its files.", WEDNESDAY)
    assert got["left"][1] is None


def test_a_pages_stamp_with_a_weekday_or_in_figures_is_no_event():
    x = run("Dog owner charged\n\nPublished Friday, March 8, 2024\n\nA man was charged on Thursday with cruelty.\n\n"
            "Posted 3/8/2024 1:57 PM", WEDNESDAY)
    assert [e.type for e in x.events] == ["charge"]


def test_a_place_or_a_holiday_is_no_named_event():
    x = run("Box office news\n\nThe comedy took $30 million over New Year's weekend. The "
            "final was played at the City Stadium in 2000. The World Cup starts on Friday.", WEDNESDAY)
    assert [e.mentions[0].text for e in x.events] == ["World Cup"]


def test_companies_that_merge_make_an_acquisition_and_lanes_do_not():
    got = dated_events("Hollis and Dunmore to merge\n\nThe chains announced the merger on Monday.", WEDNESDAY)
    assert got["merge"][0] == "acquisition"
    assert "acquisition" not in types("Town news\n\nThe two lanes merge near the bridge. Smith and Jones merged "
                                      "their styles.")


def test_the_headlines_news_does_not_take_the_day_of_a_like_event_years_before():
    x = run("Former minister placed under arrest\n\nPolice served the arrest warrant on the former minister at his "
            "flat.\n\nThe case has lasted years.\n\nIn May 2001, police in another country arrested the minister on a "
            "warrant.", dt.date(2004, 12, 13))
    times = {t.key: t.value for t in x.times}
    arrests = sorted((m.text, times.get(e.time or "")) for e in x.events if e.type == "arrest" for m in e.mentions[:1])
    assert arrests == [("arrest", None), ("arrested", "2001-05")]


def test_emailing_a_named_party_is_a_contact_and_emailing_photos_is_not():
    got = dated_events("Data exposed\n\nThe records were found on a public server.\n\nOn January 28, the security "
                       "firm emailed Northgate Bank about the server. She emailed the photos to her mother.",
                       WEDNESDAY)
    assert got["emailed"] == ("consultation", "2024-01-28")
    x = run("Data exposed\n\nShe emailed the photos to her mother on Friday.", WEDNESDAY)
    assert "consultation" not in {e.type for e in x.events}


def test_a_page_stamp_in_figures_or_with_a_page_dates_an_undated_article():
    def date_of(stamp: str, date: dt.date | None = None) -> dt.date | None:
        article = from_text(f"Harbour works begin\n\n{stamp}\n\nCranes arrived.", article_id="invented", date=date)
        extract(article)
        return article.meta.date

    assert date_of("21/10/2009 - 08:15:42") == dt.date(2009, 10, 21)  # day first: 21 is no month
    assert date_of("Published 10/27/2009 4:05 PM") == dt.date(2009, 10, 27)  # month first
    assert date_of("(Filed: 22/10/2009)") == dt.date(2009, 10, 22)
    assert date_of("Wednesday, October 21, 2009; Page B03") == dt.date(2009, 10, 21)
    assert date_of("03/10/2009 11:20") is None  # March 10 or 3 October: no date
    # the caller's date wins, and a date in a sentence of the body is no stamp
    assert date_of("21/10/2009 - 08:15", WEDNESDAY) == WEDNESDAY
    assert date_of("Work began on 21/10/2009 at the harbour.") is None


def test_the_perfect_of_news_under_a_dated_report_takes_the_reports_day():
    got = dated_events("Harbour board news\n\nJo Pike has been named to head the harbour board, an official said on "
                       "Monday.\n\nThe board meets weekly.", WEDNESDAY)
    assert got["named"] == ("appointment", "2024-03-11")
    got = dated_events("Storm moves north\n\nThe storm moved north.\n\nTwo fishermen have died at sea, a coast guard "
                       "official said on Monday.", WEDNESDAY)
    assert got["died"] == ("death", "2024-03-11")
    # a perfect that reaches back is not the report's news
    got = dated_events("Harbour board\n\nJo Pike has twice been named to head the harbour board, an official said on "
                       "Monday.\n\nThe board meets weekly.", WEDNESDAY)
    assert got["named"][1] is None
    got = dated_events("Storm moves north\n\nThe storm moved north.\n\nTwo fishermen have died at sea since 2019, a "
                       "coast guard official said on Monday.", WEDNESDAY)
    assert got["died"][1] != "2024-03-11"


def test_a_courts_ruling_told_with_its_words_is_an_event_of_its_day():
    got = dated_events("Grocers hail ruling\n\nGrocers welcomed a court's ruling against the state.\n\nThe judge ruled "
                       "on Friday that the state could not sue the chains under the price law.", WEDNESDAY)
    assert got["ruling"] == ("ruling", "2024-03-08")
    x = run("Grocers win\n\nThe three-judge panel ruled on Friday that the state could not sue the chains.", WEDNESDAY)
    assert "ruling" in {e.type for e in x.events}
    assert any("could not sue" in c.text for s in x.statements for c in s.content)  # and it still says so
    # who rules a country makes no ruling
    assert "ruling" not in types("Island news\n\nThe family ruled the island for decades, a historian said.")


def test_the_leads_first_sentence_retelling_the_headline_in_other_words_dates_it():
    got = dated_events("Orchard output slides\n\nApple output in the valley fell in February, dampening hopes of a "
                       "recovery.\n\nGrowers blamed the frost.", WEDNESDAY)
    assert got["slides"] == ("event", "2024-02")
    # another subject, or a verb that reports, tells no deed of the headline's
    got = dated_events("Orchard output slides\n\nPickers in the valley walked out in February.", WEDNESDAY)
    assert got["slides"][1] is None
    got = dated_events("Orchard output slides\n\nGrowers said output fell in February.", WEDNESDAY)
    assert got["slides"][1] is None


def test_a_title_case_headlines_verb_is_the_leads_same_verb():
    got = dated_events("Independent Declared Ostland Mayor-Elect\n\nOstland City Council\n\nAfter two recounts, "
                       "independent Lea Moss was declared Ostland's mayor-elect on Tuesday. Her rival did not concede.",
                       WEDNESDAY)
    assert got["declared"] == ("event", "2024-03-12")
    # a verb of saying in such a headline tells no deed
    got = dated_events("Council Says Budget Balanced\n\nThe council said on Tuesday that the budget was balanced.",
                       WEDNESDAY)
    assert "said" not in got


def test_a_day_offered_as_one_of_two_dates_no_event():
    got = dated_events("Ostland to vote\n\nElections are to be held on May 9.\n\nOfficials were to meet on Sunday to "
                       "decide whether to hold the poll May 7 or May 9.", WEDNESDAY)
    assert got["Elections"] == ("election", "2024-05-09")
    got = dated_events("Ostland to vote\n\nOfficials will decide whether the two ministers meet on Friday or "
                       "Saturday.", WEDNESDAY)
    assert got["meet"] == ("meeting", None)


def test_a_brawl_a_heat_wave_and_a_donation_are_events():
    got = dated_events("Derby marred\n\nTwo players and a fan were hurt in a brawl at the harbour stadium on Friday "
                       "night.", WEDNESDAY)
    assert got["brawl"] == ("assault", "2024-03-08")
    assert "disaster" in types("Schools shut\n\nA heat wave that began on Monday has closed schools across the valley.")
    assert "aid" in types("Charity gets boost\n\nThe Ostland charity has received a donation of $50,000 from a local "
                          "bank.")
    assert "aid" in types("Charity gets boost\n\nA local bank donated $50,000 to the Ostland charity on Monday.")
    got = dated_events("Coast shaken\n\nA magnitude 5.9 quake struck the coast on Monday.", WEDNESDAY)
    assert got["quake"] == ("disaster", "2024-03-11")


def test_a_day_given_to_what_nobody_timetables_is_already_past():
    got = dated_events("Ostland mourns\n\nElections are to be held within 60 days of the governor's death on "
                       "Thursday.", WEDNESDAY)
    assert got["death"] == ("death", "2024-03-07")
    x = run("League acts\n\nFriday's brawl at the harbour stadium will go down as one of the league's lowest moments.",
            WEDNESDAY)
    assert [t.value for t in x.times] == ["2024-03-08"]
    # what is timetabled follows its clause
    got = dated_events("League acts\n\nThe league will review Friday's match at the harbour stadium.", WEDNESDAY)
    assert got["match"] == ("sports-event", "2024-03-15")
    # and what is feared or planned has not happened yet
    got = dated_events("City on alert\n\nPolice fear an attack on Friday at the harbour.", WEDNESDAY)
    assert got["attack"][1] == "2024-03-15"


def test_a_named_event_with_its_noun_is_of_the_nouns_kind():
    got = dated_events("Side struggles\n\nThe team lost its first three games in the Six Nations tournament. The side "
                       "has struggled in this year's tournament.", WEDNESDAY)
    assert got["Six Nations tournament"] == ("competition", "2024")


def test_the_lead_retelling_the_headline_with_the_same_object_dates_it():
    got = dated_events("Minister offers blueprint for fitness\n\nFrom gyms to diet, the government sets out its plan."
                       "\n\nHealth minister Ana Holt yesterday praised personal choice as she launched the government's "
                       "blueprint for disease prevention.", WEDNESDAY)
    assert got["offers"] == ("offer", "2024-03-12")
    # a verb of another object is not the headline's deed told again
    x = run("Minister offers blueprint for fitness\n\nFrom gyms to diet, the government sets out its plan.\n\n"
            "Health minister Ana Holt yesterday praised personal choice as she opened a gym in the port.", WEDNESDAY)
    assert all("opened" not in [m.text for m in e.mentions] for e in x.events if e.type == "offer")
    # an object that is itself an event is no such thread: filing a resignation is not rejecting it
    x = run("Premier rejects resignation\n\nThe finance minister filed his resignation on Monday. The premier "
            "declined it.", WEDNESDAY)
    assert not any({"rejects", "filed"} <= {m.text for m in e.mentions} for e in x.events)
