"""Time expressions resolved against the article date: a systematic suite of invented sentences, one class of news
writing per row (tense and aspect, deixis, month-days around the new year, decades, deadlines, lengths of time that
are not times, datelines that give the article its date)."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.pipeline.ingest import from_text
from kg.extraction import extract
from tests.extraction.helpers import run

pytestmark = pytest.mark.slow
MONDAY = dt.date(2024, 3, 11)  # the article date of most rows: a Monday
JAN3 = dt.date(2024, 1, 3)
AUG1 = dt.date(2024, 8, 1)

CASES = [
    # a weekday read backwards: past, past perfect, present perfect, a past report of the day
    ("The talks ended on Friday without a deal.", "Friday", "2024-03-08", MONDAY),
    ("Police had arrested the man on Thursday.", "Thursday", "2024-03-07", MONDAY),
    ("The minister has resigned, she announced on Friday.", "Friday", "2024-03-08", MONDAY),
    ("Officials have said since Tuesday that the road is closed.", "Tuesday", "2024-03-05", MONDAY),
    ("The army said on Sunday it had taken the town.", "Sunday", "2024-03-10", MONDAY),
    ("The court heard on Thursday that the man fled.", "Thursday", "2024-03-07", MONDAY),
    ("Two people were killed on Saturday, police said.", "Saturday", "2024-03-09", MONDAY),
    ("Saturday's match ended in a draw.", "Saturday", "2024-03-09", MONDAY),
    ("The summit, which opened on Wednesday, focused on trade.", "Wednesday", "2024-03-06", MONDAY),
    ("The ministers were meeting on Wednesday when the news broke.", "Wednesday", "2024-03-06", MONDAY),
    ("Earlier on Sunday, the minister had spoken to reporters.", "Sunday", "2024-03-10", MONDAY),
    ("He may have left the country on Friday.", "Friday", "2024-03-08", MONDAY),
    ("The minister spoke on Monday.", "Monday", "2024-03-11", MONDAY),
    # a weekday read forwards: will, is to, plans to, is due to, a plan's participle, a modal, a timetable's present,
    # a progressive, a postponement
    ("The leaders will meet on Friday.", "Friday", "2024-03-15", MONDAY),
    ("The president is to visit the region on Wednesday.", "Wednesday", "2024-03-13", MONDAY),
    ("The union plans to strike on Thursday.", "Thursday", "2024-03-14", MONDAY),
    ("The trial is due to begin on Tuesday.", "Tuesday", "2024-03-12", MONDAY),
    ("The vote is scheduled for Thursday.", "Thursday", "2024-03-14", MONDAY),
    ("The two sides would meet on Friday if the ceasefire held.", "Friday", "2024-03-15", MONDAY),
    ("The minister may resign on Friday.", "Friday", "2024-03-15", MONDAY),
    ("The papers must be filed by Friday.", "Friday", "2024-03-15", MONDAY),
    ("Results are expected by Wednesday.", "Wednesday", "2024-03-13", MONDAY),
    ("Voters go to the polls on Sunday.", "Sunday", "2024-03-17", MONDAY),
    ("The summit, which opens on Wednesday, will focus on trade.", "Wednesday", "2024-03-13", MONDAY),
    ("The ministers are meeting on Wednesday to discuss the plan.", "Wednesday", "2024-03-13", MONDAY),
    ("The hearing was adjourned until Friday.", "Friday", "2024-03-15", MONDAY),
    ("The vote was postponed to Thursday.", "Thursday", "2024-03-14", MONDAY),
    ("The road was closed on Friday and will reopen on Thursday.", "Thursday", "2024-03-14", MONDAY),
    ("Campaigning ended ahead of Sunday's vote.", "Sunday", "2024-03-17", MONDAY),
    # last / this / next
    ("He arrived last Tuesday.", "last Tuesday", "2024-03-05", MONDAY),
    ("The board meets this Thursday.", "this Thursday", "2024-03-14", MONDAY),
    ("She will travel next Tuesday.", "next Tuesday", "2024-03-19", MONDAY),
    ("The company cut jobs last week.", "last week", "2024-W10", MONDAY),
    ("Prices rose earlier this month.", "this month", "2024-03", MONDAY),
    ("The law takes effect next month.", "next month", "2024-04", MONDAY),
    ("Turnout fell last year.", "last year", "2023", MONDAY),
    # weekends (TIMEX3 week-weekend values)
    ("The ferry ran aground over the weekend.", "the weekend", "2024-W10-WE", MONDAY),
    ("Talks were held last weekend.", "last weekend", "2024-W10-WE", MONDAY),
    ("The vote is this weekend.", "this weekend", "2024-W11-WE", MONDAY),
    ("The band plays at the weekend.", "the weekend", "2024-W11-WE", MONDAY),
    ("Talks will resume next weekend.", "next weekend", "2024-W12-WE", MONDAY),
    # deixis and parts of a day
    ("The fire broke out yesterday.", "yesterday", "2024-03-10", MONDAY),
    ("The minister said today that taxes would rise.", "today", "2024-03-11", MONDAY),
    ("The band plays tonight.", "tonight", "2024-03-11", MONDAY),
    ("A man was stabbed last night outside a bar.", "last night", "2024-03-10", MONDAY),
    ("The shop was raided yesterday morning.", "yesterday morning", "2024-03-10", MONDAY),
    ("The envoy arrives tomorrow evening.", "tomorrow evening", "2024-03-12", MONDAY),
    ("The storm hit on Monday night.", "Monday", "2024-03-11", MONDAY),
    ("Rebels attacked the town late Sunday.", "Sunday", "2024-03-10", MONDAY),
    ("Parliament will vote late Tuesday.", "Tuesday", "2024-03-12", MONDAY),
    ("The match kicks off at 3pm on Saturday.", "3pm", "2024-03-16", MONDAY),
    # a day of a month without a year: the nearest year, unless the tense says otherwise
    ("The fire started on December 28.", "December 28", "2023-12-28", JAN3),
    ("The fire started on 28 December.", "28 December", "2023-12-28", JAN3),
    ("The trial opens on January 28.", "January 28", "2024-01-28", JAN3),
    ("The journalist was killed on November 5.", "November 5", "2023-11-05", AUG1),
    ("The election will be held on November 5.", "November 5", "2024-11-05", MONDAY),
    ("The report, dated November 5, says prices rose.", "November 5", "2023-11-05", MONDAY),
    ("He died on the night of March 3.", "March 3", "2024-03-03", MONDAY),
    ("The ban was lifted in December.", "December", "2023-12", MONDAY),
    ("The ban will be lifted in December.", "December", "2024-12", MONDAY),
    # ranges: each end is a day of its own
    ("The festival runs from March 14 to March 17.", "March 17", "2024-03-17", MONDAY),
    # a range of days within a month is that month; the second day of "March 4 and 5" is a day of its own
    ("Climbers will scale the peaks during May 23–31.", "May 23–31", "2024-05", MONDAY),
    ("The climb will take place 11–24 September.", "11–24 September", "2024-09", MONDAY),
    ("Runners will take part on September 19 or 20.", "September 19 or 20", "2024-09", MONDAY),
    ("Rules took effect on February 8 and 9 respectively.", "9", "2024-02-09", MONDAY),
    # a month of a year; a month a sentence opens with; "in May"; "this past August"
    ("The family started asking for mercy March of 2008.", "March of 2008", "2008-03", MONDAY),
    ("In February, the firm announced a review.", "February", "2024-02", MONDAY),
    ("The fund said in May that growth had slowed.", "May", "2023-05", MONDAY),
    ("This past August, she took the crown.", "August", "2023-08", MONDAY),
    # a month of last or next year, a month with "mid-", Christmas
    ("The president took office in January last year.", "January last year", "2023-01", MONDAY),
    ("The tournament runs until mid-April.", "April", "2024-04", MONDAY),
    ("The talks will resume after Christmas.", "Christmas", "2024-12-25", AUG1),
    # seasons: their year
    ("Applicants who applied before last summer must apply again.", "last summer", "2023", MONDAY),
    ("The peaks will be scaled this spring.", "this spring", "2024", MONDAY),
    ("The ice will be thin next winter.", "next winter", "2024", MONDAY),
    # decades, "ago", and lengths of time that are not times
    ("The company was founded in the 1990s.", "the 1990s", "199", MONDAY),
    ("The plant closed two years ago.", "two years ago", "2022", MONDAY),
    # a part of the day after or before the day named last
    ("He was asked to go on Thursday night and left the next morning.", "the next morning", "2024-03-08", MONDAY),
    ("The 45-year-old man was arrested.", "45-year-old", None, MONDAY),
    ("Rescuers worked for 24 hours.", "24 hours", None, MONDAY),
]


@pytest.mark.parametrize(("sentence", "expression", "value", "date"), CASES, ids=[c[0][:40] for c in CASES])
def test_time_value(sentence: str, expression: str, value: str | None, date: dt.date):
    x = run("Title\n\n" + sentence, date)
    found = {t.span.text: t.value for t in x.times}
    assert expression in found, found
    assert found[expression] == value


def test_the_present_of_a_headline_is_the_recent_past():
    x = run("Minister resigns Friday\n\nThe minister left office.", MONDAY)
    assert [(t.span.text, t.value) for t in x.times] == [("Friday", "2024-03-08")]


def test_the_infinitive_of_a_headline_is_the_future():
    x = run("Leaders to meet Friday\n\nThe talks follow months of tension.", MONDAY)
    assert [(t.span.text, t.value) for t in x.times] == [("Friday", "2024-03-15")]


def test_the_two_days_of_a_range():
    x = run("Title\n\nThe festival runs from March 14 to March 17.", MONDAY)
    assert [t.value for t in x.times] == ["2024-03-14", "2024-03-17"]


def test_may_and_march_as_names_are_no_months():
    x = run("Title\n\nTheresa May and Ann March met the envoy. Ruiz and May spoke later.", MONDAY)
    assert [t.span.text for t in x.times] == []


def test_an_undated_article_keeps_relative_days_unresolved():
    x = run("Title\n\nThe storm hit the coast on Thursday. It was the worst since May 5, 2001.")
    assert [(t.span.text, t.value) for t in x.times] == [("Thursday", None), ("May 5, 2001", "2001-05-05")]


def dated(text: str) -> tuple[dt.date | None, dict[str, str | None]]:
    article = from_text(text, article_id="invented")
    x = extract(article)
    return article.meta.date, {t.span.text: t.value for t in x.times}


def test_a_date_line_at_the_top_gives_the_article_its_date():
    date, times = dated("Storm hits coast\n\nTuesday, 12 March 2019\n\nThe storm hit the coast on Friday.")
    assert date == dt.date(2019, 3, 12)
    assert times == {"Tuesday, 12 March 2019": "2019-03-12", "Friday": "2019-03-08"}
    date, _ = dated("Storm hits coast\n\nPublished: March 12, 2019 10:31 GMT\n\nThe storm hit the coast on Friday.")
    assert date == dt.date(2019, 3, 12)


def test_a_dateline_with_a_day_gives_the_date_in_the_year_of_the_latest_date_named():
    date, times = dated("Storm hits coast\n\nLONDON, Oct 31 (Agency) – The storm that formed on October 29, 2019 "
                        "hit the coast on Thursday.")
    assert date == dt.date(2019, 10, 31)
    assert times["Thursday"] == "2019-10-31"
    date, _ = dated("Talks fail\n\nKYIV, Jan. 2 (Agency) - Talks held on December 30, 2019 failed.")
    assert date == dt.date(2020, 1, 2)
    date, times = dated("Storm hits coast\n\nParis, March 3, 2019 (Agency) - The storm hit the coast on Friday.")
    assert date == dt.date(2019, 3, 3) and times["Friday"] == "2019-03-01"


def test_a_dateline_on_29_february_takes_the_leap_year_nearest_the_latest_date_named():
    date, _ = dated("Vote delayed\n\nROME, Feb 29 (Agency) – The vote set for March 2, 2020 was delayed.")
    assert date == dt.date(2020, 2, 29)
    date, _ = dated("Vote delayed\n\nROME, Feb 29 (Agency) – The vote held on March 1, 2021 was annulled.")
    assert date == dt.date(2020, 2, 29)  # the nearest leap year, not no date at all


def test_a_dateline_without_a_date_or_a_year_gives_none():
    assert dated("Storm hits coast\n\nWASHINGTON (AP) — The storm hit the coast on Thursday.")[0] is None
    assert dated("Storm hits coast\n\nLONDON, Oct 31 (Agency) – The storm hit the coast on Thursday.")[0] is None


def test_a_date_the_metadata_gives_wins_over_the_dateline():
    article = from_text("Storm\n\nLONDON, Oct 31 (Agency) – The storm of October 29, 2019 hit the coast.",
                        article_id="invented", date=dt.date(2019, 11, 1))
    extract(article)
    assert article.meta.date == dt.date(2019, 11, 1) and not article.meta.date_inferred


def test_deixis_in_a_quotation_counts_from_the_narrations_day_not_from_another_quoted_deixis():
    x = run("Talks\n\n\u201cLate last night I spoke with my counterpart, and yesterday morning I had a conversation "
            "with the envoy,\u201d the minister said at his press conference on Thursday.", dt.date(2024, 3, 16))
    found = {t.span.text: t.value for t in x.times}
    assert found["last night"] == "2024-03-13"
    assert found["yesterday morning"] == "2024-03-13"


def test_a_dateline_a_day_before_the_metadata_date_is_the_day_relative_times_count_from():
    article = from_text("Storm\n\nLONDON, March 12 (Agency) – The storm hit the coast yesterday and the ferries "
                        "stopped on Tuesday. The port reopens on Friday.", article_id="invented",
                        date=dt.date(2024, 3, 13))
    x = extract(article)
    assert article.meta.date == dt.date(2024, 3, 13)
    assert {t.span.text: t.value for t in x.times if t.span.text != "March 12"} == {
        "yesterday": "2024-03-11", "Tuesday": "2024-03-12", "Friday": "2024-03-15"}
