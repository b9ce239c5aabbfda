"""Direct quotations that the parse of a quotation mangles: invented texts, one per failure class."""

from __future__ import annotations

import pytest

from tests.extraction.helpers import run, said, speaker_of

pytestmark = pytest.mark.slow


def _direct(text: str) -> list[tuple[str | None, str]]:
    return [(who, what) for kind, who, what in said(text) if kind == "direct"]


def test_quote_misparsed_as_an_apposition_of_the_speaker_is_still_the_speakers():
    # the parser hangs "Lena Fox, great singer …" on the subject as an apposition
    text = ("Tributes\n\nTom Archer wrote on social media, \"Lena Fox, great singer, kind and generous friend. "
            "We toured together for years.\"")
    assert speaker_of(text, "We toured together") == "Tom Archer"


def test_quote_after_a_prepositional_phrase_without_a_comma():
    text = ("Verdict\n\nNora Quill, a lawyer representing the family, told the Herald after the verdict \"My clients "
            "are relieved that the long process is over.\"")
    assert ("Nora Quill", "My clients are relieved that the long process is over.") in _direct(text)


def test_whole_complement_quoted_after_that_is_direct():
    got = said("Observers\n\nThe head of the mission, John Carter, stressed that \"only what we verify on the ground "
               "will shape our opinion.\"")
    assert ("direct", "John Carter", "only what we verify on the ground will shape our opinion.") in got


def test_imperative_quote_introduced_by_a_colon_is_direct():
    got = said("Letters\n\nThe court heard that Dale Mercer wrote to his brother: \"If you cannot come by train, "
               "take the bus.\"")
    assert any(kind == "direct" and what.startswith("If you cannot come") for kind, _, what in got), got


def test_the_speakers_title_is_not_content():
    got = said("Trade\n\nNorland's president Ivo Marek said, \"Without Norland the trade zone would mean little.\"")
    assert ("direct", "Ivo Marek", "Without Norland the trade zone would mean little.") in got


def test_a_participle_that_opens_a_quotation_takes_it_from_the_criticism_before():
    got = said("Strikes\n\nThe envoy Rosa Vidal criticized the army for the rising toll saying, \"While I was "
               "travelling, dozens more people have been killed.\"")
    assert any(kind == "direct" and who == "Rosa Vidal" and what.startswith("While I was travelling")
               for kind, who, what in got), got
    assert not any(kind == "mixed" and "While I was" in what for kind, _, what in got), got


def test_the_subject_of_a_passive_cue_is_not_its_speaker():
    text = ("Collapse\n\nThe governor arrived on Monday. In a meeting he was told by the rescue chief Ian Holt of "
            "\"about forty people under the rubble\".")
    x = run(text)
    labels = {a.key: a.label for a in x.actors}
    for st in x.statements:
        if any("forty people" in c.text for c in st.content):
            assert labels.get(st.speaker or "") == "Ian Holt"
    text = "Attack\n\nKarl Weiss, who was described as \"obsessed with knives\" by the police, was arrested."
    assert all(who != "Karl Weiss" for _, who, what in said(text) if "obsessed" in what)


def test_verbs_that_report_only_next_to_a_quotation():
    text = ("Tributes\n\nSinger Paul Brennan also reacted on social media, \"Sad news today. He was a kind and "
            "generous man.\"\n\nGovernor Mary Collins addressed the crowd: \"Nobody ought to treat these floods casually.\"")
    got = _direct(text)
    assert ("Paul Brennan", "Sad news today. He was a kind and generous man.") in got, got
    assert ("Mary Collins", "Nobody ought to treat these floods casually.") in got, got
    # away from a quotation they report nothing
    assert said("Strike\n\nThe union continued its strike and addressed the problem of pay.") == []


def test_inverted_cue_after_a_quotation_without_a_comma():
    text = ("Bridge attack\n\nThe attacker, Ivan Doyle, was stopped by passers-by.\n\n"
            "\"We owe so much to the strangers who stepped in\" tweeted the city mayor, Rosa Diaz.")
    assert speaker_of(text, "We owe so much") == "Rosa Diaz"


def test_quotation_that_closes_its_sentence_is_not_the_next_sentences():
    text = ("Summit\n\nAt the summit, President Alan Reyes insisted that the border was safe, he said. \"We have not "
            "had help from our neighbour.\" President Luis Mora then urged the creation of a border force.")
    assert speaker_of(text, "We have not had help") == "Alan Reyes"


def test_a_surname_after_another_given_name_is_not_the_first_bearer():
    text = ("Attack\n\nUsman Dar attacked people on the bridge. Police said Dar was known to them.\n\n"
            "\"The bravery of ordinary people is incredible,\" tweeted Mayor Sadiq Dar.\n\nDar was later shot.")
    x = run(text)
    usman = next(a for a in x.actors if a.label == "Usman Dar")
    spans = [(m.span.begin, m.span.text) for m in usman.mentions]
    sadiq = text.index("Sadiq Dar") + len("Sadiq ")
    assert all(b != sadiq for b, _ in spans), spans  # "Sadiq Dar" is somebody else
    assert any(b == text.index("Dar was later") for b, _ in spans), spans  # the bare surname stays with Usman


def test_what_the_parser_runs_into_the_next_sentence_is_not_content():
    text = ("Stigma\n\nAnthropologist Laura Bennett told reporters during a later briefing, \"People of another "
            "background have often been accused.\" As of Tuesday several markets had seen fewer buyers.")
    got = said(text)
    assert ("direct", "Laura Bennett", "People of another background have often been accused.") in got, got
    assert not any("As of Tuesday" in what for _, _, what in got), got


def test_a_clause_before_the_cue_is_not_part_of_a_quotation_next_to_it():
    text = ("Penguins\n\nThe researchers noted implications for conservation: Natalie Gray remarked, \"For a decade, "
            "our group has worked to protect the beaches near the nests.\"")
    assert ("direct", "Natalie Gray", "For a decade, our group has worked to protect the beaches near the nests.") \
        in said(text)


def test_a_participle_after_a_quotation_goes_on_with_its_speaker():
    text = ("Legislature\n\nSenator Ann Porter remarked, \"It has been a long, hard fight for so many people,\" "
            "further remarking, \"Women in this state have said it is time for a change.\"")
    assert speaker_of(text, "Women in this state") == "Ann Porter"


def test_a_cue_inside_a_parenthesis_does_not_take_the_quotation_after_it():
    text = ("Parliament\n\nSpeaker Tom Hale commented on the plan — which the Herald described as a rare step — "
            "\"However it is dressed up, the purpose is to stop the debate.\"")
    assert (speaker_of(text, "However it is dressed up") or "").endswith("Tom Hale")
