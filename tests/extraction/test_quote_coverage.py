"""bench.quote_coverage: the quotation-mark spans it counts, and what it reports on an invented article."""

from __future__ import annotations

import pytest

from bench.quote_coverage import check, counted, quotation_spans, suspects
from kg.extraction import extract
from kg.pipeline.ingest import from_text


def spans(text: str) -> list[str]:
    return [m.text for m in quotation_spans(text, 0, len(text)) if counted(m)]


def test_double_marks_curly_straight_and_mixed():
    text = ('“We will open the bridge next week,” she said. "The works are over now," he added, '
            '"and the road is safe again.” It was "a very good day" for "Alderton".')
    assert spans(text) == ["We will open the bridge next week,", "The works are over now,",
                           "and the road is safe again.", "a very good day"]


def test_single_marks_are_not_apostrophes():
    text = "The players' union said 'we are not going to accept this offer' and the club's chief didn't reply."
    assert spans(text) == ["we are not going to accept this offer"]
    assert spans("It's the 'people's budget', they say, for the '90s and the town's people.") == []


def test_titles_scare_quotes_and_short_phrases_do_not_count():
    text = ('The show "Rivers, Their Banks and Their People" opened; critics called it "bold" and '
            '"not quite finished".')
    assert spans(text) == []


def test_an_unclosed_paragraph_runs_to_its_end():
    text = "“The first part of what the mayor said goes on into the next paragraph."
    [m] = quotation_spans(text, 0, len(text))
    assert m.kind == "open" and m.text.startswith("The first part")


ARTICLE = """Hollis says the bridge will stay open all winter

"It felt as if the whole town had been holding its breath for two years."

Officials in the harbour town of Alderton reopened the main bridge on Tuesday after two years of repairs.

"We are proud of the workers who finished the bridge before the winter," Mayor Jane Hollis said at the ceremony.

"Nobody should have to wait two years for a bridge like this one ever again."

A sign on the old toll booth read "Closed For The Season Until Further Notice" all afternoon.
"""


@pytest.mark.slow
def test_report_on_an_invented_article():
    article = from_text(ARTICLE, article_id="alderton")
    x = extract(article)
    rep = check(article, x)
    # three spans of four words or more; the sign's title-case text is not counted
    assert rep.spans == 3
    # the mayor's quotation and the one that continues it are covered; the opening one has nobody to say it
    assert rep.covered == 2
    assert rep.uncovered == ["[double] It felt as if the whole town had been holding its breath for two years."]
    assert [h for h in rep.headline if "bridge will stay open" in h]
    assert suspects(article, x) == []
