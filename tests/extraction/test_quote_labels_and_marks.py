"""Classes of direct quotations found on a second pool of unlabelled articles (bench.quote_coverage): a name label
opening a quotation, marks that scrapers substitute, lost closing marks, quotations nested in the same straight
marks. Invented texts, one set per class."""

from __future__ import annotations

import pytest

from tests.extraction.helpers import run, said

pytestmark = pytest.mark.slow


def _direct(text: str) -> list[tuple[str | None, list[str]]]:
    x = run(text)
    labels = {a.key: a.label for a in x.actors}
    return [(labels.get(s.speaker or ""), [c.text for c in s.content]) for s in x.statements
            if s.quote_type == "direct"]


# --- "Rank Name: “…" (a police or council page's verbless attribution): the quotation over all its paragraphs ----


def test_a_name_label_opening_a_quotation_over_paragraphs():
    text = ("Cyclist hurt in hit-and-run\n\n"
            "A cyclist was taken to hospital after a collision on Mill Lane on Tuesday evening.\n\n"
            "Inspector Mark Davies: “The driver did not stop and we are keen to trace the vehicle.\n\n"
            "“It was a dark hatchback and it will have damage to the front.\n\n"
            "“Anyone with dashcam footage from Mill Lane should get in touch.”")
    got = _direct(text)
    assert ("Mark Davies", ["The driver did not stop and we are keen to trace the vehicle.",
                            "It was a dark hatchback and it will have damage to the front.",
                            "Anyone with dashcam footage from Mill Lane should get in touch."]) in got


def test_a_name_label_before_plain_text_keeps_the_paragraph():
    text = ("Budget vote\n\n"
            "Councillor Amir Haddad and Councillor Jo Pike spoke before the vote.\n\n"
            "Amir Haddad: We cannot keep cutting the library budget every year.\n\n"
            "Jo Pike: The library will stay open on Saturdays.")
    got = _direct(text)
    assert ("Amir Haddad", ["We cannot keep cutting the library budget every year."]) in got
