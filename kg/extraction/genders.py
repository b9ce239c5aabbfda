"""A person's gender from an honorific ("Mr.", "Ms"), a title of rank ("King", "Princess") or a common given name
("Sophie Moreau"), for the pronouns that refer to them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg import lexicon
from kg.extraction.steps import Step, Work

if TYPE_CHECKING:
    from kg.extraction.coref import Coref


def _learn_gender(coref: Coref) -> None:
    """A person's gender from an honorific ("Mr.", "Ms") or a common given name ("Sophie Moreau")."""
    names = lexicon.given_names()
    for actor in coref.index.actors.values():
        if actor.kind == "person" and len(actor.label.split()) >= 2:
            # the first given name before the surname, past a title the label keeps ("Mufti Karim Nadir", "MP Ana
            # Ruiz")
            first = next((w for w in (w.lower() for w in actor.label.split()[:-1]) if w in names), None)
            if first is not None:
                coref.gender[actor.key] = names[first]
        for m in actor.mentions:
            if m.span.text.startswith(("Mr.", "Mr ")):
                coref.gender[actor.key] = "m"
            elif m.span.text.startswith(("Mrs", "Ms", "Miss", "Madam")):
                coref.gender[actor.key] = "f"
            elif actor.kind == "person" and m.kind in ("name", "title"):
                hit = coref.index.parsed.token_at(m.span.begin)
                title = hit[1].doc[hit[1].i - 1].text if hit is not None and hit[1].i > 0 else ""
                first = m.span.text.split()[0] if m.kind == "title" else title
                if first in _GENDERED_TITLES:  # "King Maha …", "Princess Ubolratana"
                    coref.gender[actor.key] = _GENDERED_TITLES[first]


# Titles of rank that say a person's sex.
_GENDERED_TITLES = {**dict.fromkeys(("King", "Prince", "Emperor", "Sultan", "Emir", "Duke", "Lord", "Sir"), "m"),
                    **dict.fromkeys(("Queen", "Princess", "Empress", "Duchess", "Lady", "Dame"), "f")}


def _genders(work: Work) -> None:
    _learn_gender(work.coref)
    work.put(genders=work.coref.gender)


GENDERS = Step("genders", ("coref",), ("genders",), _genders,
               "a person's gender from an honorific or a common given name")
