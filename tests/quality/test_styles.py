"""House styles the seed does not show: straight double quotes, British single quotes, titles without a full stop,
one paragraph a line. Small invented texts, so that these stay covered whatever the development set holds."""

from __future__ import annotations

from kg.extraction import extract
from kg.pipeline.ingest import from_text


def statements(text: str) -> list[tuple[str, str | None, str]]:
    x = extract(from_text(text, article_id="style"))
    return [(s.quote_type, s.speaker, s.quote) for s in x.statements]


def test_straight_double_quotes_and_a_continued_quotation():
    got = statements('Vote looms\n\n"We will win," said John Smith, the party leader. "It is time for change."\n\n'
                     "His rival, Mary Jones, told reporters that the result was not certain.")
    assert ("direct", "person/john-smith", "We will win, … It is time for change.") in got
    assert ("indirect", "person/mary-jones", "the result was not certain") in got


def test_british_single_quotes():
    got = statements("Vote looms\n\n‘We will win,’ said John Smith, the party leader. ‘It’s time for change.’\n\n"
                     "His rival, Mary Jones, spoke later. Ms Jones said the party’s plan was ‘dangerous’.")
    assert ("direct", "person/john-smith", "We will win, … It’s time for change.") in got
    assert any(t == "mixed" and s == "person/mary-jones" for t, s, _ in got)


def test_split_quotation_and_pronoun_speaker():
    got = statements("Talks end\n\nThe minister, Anna Berg, met her counterpart on Monday. “The talks were hard,” "
                     "she said, “but we made progress.”")
    assert ("direct", "person/anna-berg", "The talks were hard, … but we made progress.") in got


def test_according_to_and_a_group_speaker():
    got = statements("Clashes\n\nAt least ten people were hurt, according to local officials. Some analysts "
                     "warned that the violence could spread.")
    speakers = {s for _, s, _ in got}
    assert any(s and s.startswith("group/") and "officials" in s for s in speakers)
    assert any(s and "analysts" in s for s in speakers)
