"""A parenthetical "X said" inside a narrated sentence: the verb coordinated after it goes on with the narrated
clause, or, when it is a verb of saying ("and added"), with X (invented texts)."""

from __future__ import annotations

import pytest

from tests.extraction.helpers import speaker_of, speaker_of_or_none

pytestmark = pytest.mark.slow


def test_a_verb_after_an_aside_is_not_the_reporters():
    text = ("Rooms of glass\n\n"
            "Edith Varga spent ten years planning a show of glass. "
            "The first gallery owner, a collector in Oslo, laughed at the plan, Ms. Varga said, and dismissed "
            "the idea of a glass show at once.")
    assert speaker_of(text, "glass show") == "first gallery owner"


def test_and_added_after_an_aside_is_the_reporters():
    text = ("Ferry accident\n\n"
            "Mayor Tomas Erling visited the harbour on Sunday. "
            "The ferry sank near the pier, the mayor said, and added that nobody was hurt.")
    assert speaker_of(text, "nobody was hurt") == "Tomas Erling"


def test_and_added_after_a_quotation_stays_with_the_speaker():
    text = ("Ferry accident\n\n"
            "Mayor Tomas Erling visited the harbour on Sunday. "
            "“The ferry sank near the pier,” Erling said, and added that nobody was hurt.")
    assert speaker_of(text, "The ferry sank") == "Tomas Erling"
    assert speaker_of_or_none(text, "nobody was hurt") in (None, "Tomas Erling")


def test_a_verb_after_an_aside_goes_with_a_subject_the_parser_made_the_root():
    text = ("A show of buttons\n\n"
            "Peter Langley offered a show of buttons to two museums. "
            "The first dealer, a textile expert in Ghent, roared with laughter, Mr. Langley said, and dismissed "
            "the idea of a button show out of hand.")
    assert speaker_of_or_none(text, "button show") in (None, "first dealer")


@pytest.mark.parametrize("text, author", [
    ("Senator Ben Hollis declined to comment on a Tuesday post by Governor Maria Lopez saying that the protest had "
     "been staged.", "Maria Lopez"),
    ("Senator Ben Hollis declined to comment on Governor Maria Lopez's statement saying that the protest had been "
     "staged.", "Maria Lopez"),
])
def test_a_message_saying_speaks_for_its_author_not_for_who_mentions_it(text, author):
    assert speaker_of("Senate reaction\n\n" + text, "the protest had been staged") == author


def test_a_message_with_no_author_named_stays_with_who_sent_it():
    text = ("Senate reaction\n\n"
            "Senator Ben Hollis posted a message on Tuesday saying that the protest had been staged.")
    assert speaker_of(text, "the protest had been staged") == "Ben Hollis"


def test_a_place_a_message_comes_from_is_not_its_author():
    text = ("Senate reaction\n\n"
            "Senator Ben Hollis posted a video from the rally saying that the protest had been staged.")
    assert speaker_of(text, "the protest had been staged") == "Ben Hollis"


def test_a_quotation_after_narration_about_another_person_is_not_the_last_speakers():
    text = ("Budget\n\n"
            "Finance Minister Tom Reid said the budget would cut the deficit. “We have made hard choices,” he said.\n\n"
            "Clara Benson, the opposition leader, was scathing. “This budget punishes the poor and rewards the rich.”")
    assert speaker_of_or_none(text, "punishes the poor") in (None, "Clara Benson")


def test_a_quotation_after_narration_about_the_same_speaker_goes_on():
    text = ("Budget\n\n"
            "Finance Minister Tom Reid said the budget would cut the deficit. “We have made hard choices,” he said.\n\n"
            "Reid paused. “This budget protects the poor and asks more of the rich.”")
    assert speaker_of(text, "protects the poor") == "Tom Reid"
