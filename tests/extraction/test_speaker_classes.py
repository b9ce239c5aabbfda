"""Speakers on text laid out by any publisher: classes of wrong named speakers, each with an invented text."""

from __future__ import annotations

import pytest

from kg.extraction.captions import CREDIT
from tests.extraction.helpers import run, speaker_of

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("line", [
    "Water covers the road near Milbrook on Friday. Tom Reyes / Valley Courier via Getty Images",
    "Volunteers fill sandbags in Eastport. (AP Photo/Lena Ward)",
    "The square after the storm. Photograph: Omar Lind/Reuters",
    "A rescue boat on the river. Photo: Kim Sato",
])
def test_photo_credits_mark_a_caption(line):
    assert CREDIT.search(line)


@pytest.mark.parametrize("line", [
    "The river rose two metres overnight, the county said.",
    "Prices rose 3 per cent in the year to June, with food up 5 per cent.",
])
def test_story_sentences_are_not_captions(line):
    assert not CREDIT.search(line)


def test_a_caption_between_a_quote_and_she_said_is_not_the_referent():
    text = ("Floods close roads\n\n"
            "County Judge Alma Ruiz ordered evacuations on Thursday.\n\n"
            "“We expect the water to keep rising through the weekend,” Ruiz said.\n\n"
            "Mabel Ostrander wades through her flooded yard in Dunmore on Thursday. Tom Reyes / Valley Courier via "
            "Getty Images\n\n"
            "“People near the creek should leave tonight,” she said.")
    assert speaker_of(text, "People near the creek") == "Alma Ruiz"
