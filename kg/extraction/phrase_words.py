"""Words of a noun phrase that say who it is about: its label, a nationality word that names a country, a noun of
somebody who speaks for another person, and the group of a document's unnamed authors."""

from __future__ import annotations

from spacy.tokens import Token

from kg import lexicon
from kg.model import Span
from kg.pipeline.nlp import ParsedBlock

_DETERMINERS = {"the", "a", "an"}


# Nouns of somebody who speaks for another person or is related to them: "a spokesman for X", "a lawyer for X",
# "the mother of X" is never X.
_FOR_ANOTHER = frozenset({"spokesman", "spokeswoman", "spokesperson", "lawyer", "attorney", "aide", "adviser",
                          "advisor", "representative", "counsel", "agent", "publicist", "solicitor", "barrister",
                          "mother", "father", "parent", "son", "daughter", "wife", "husband", "brother", "sister",
                          "widow", "widower", "partner", "girlfriend", "boyfriend", "fiance", "fiancé", "fiancée",
                          "friend", "neighbour", "neighbor", "cousin", "uncle", "aunt", "niece", "nephew",
                          "grandmother", "grandfather", "relative", "colleague", "teammate", "coach"})


def authors_group(index, tail: str, label: str, span: Span) -> str:  # noqa: ANN001 - an ActorIndex
    """The one group of a document's unnamed authors ("authors of the study"), keyed by ``tail``."""
    return index.add_actor("group/authors-of-" + tail, "authors of the " + label, "group", span, "group")


def speaks_for_another(noun: Token, name: Token) -> bool:
    """Whether the name at the end of a noun's phrase is another person than the noun's: "a spokesman for Helen
    Carter", "an aide to Prime Minister Helen Carter" (a title of the name's own inside the phrase), unlike "Former
    Dutch envoy to Chile Marijke Stroom"."""
    if noun.lemma_.lower() in _FOR_ANOTHER:
        return True
    between = noun.doc[noun.i + 1 : name.i]
    return any(t.text in lexicon.titles() or t.text[:1].isupper() and t.lemma_.lower() in lexicon.post_heads()
               for t in between)


def phrase_label(pb: ParsedBlock, start: int, end: int) -> str:
    """The words of a noun phrase as a label: its determiner and a closing possessive left out."""
    toks = list(pb.doc[start:end])
    while toks and toks[0].lower_ in _DETERMINERS:
        toks = toks[1:]
    while toks and toks[-1].tag_ == "POS":  # "protesters' demands": the possessor is "protesters"
        toks = toks[:-1]
    text = "".join(t.text_with_ws for t in toks).strip()
    return text


_REGION_WORDS = {"latin", "south", "north", "central", "east", "west", "southern", "northern", "eastern", "western",
                 "pan", "african", "asian", "arab"}


def demonym_token(pb: ParsedBlock, t: Token) -> bool:
    """A nationality word on its own, not the tail of a region ("Latin American", "South African" are not the U.S.
    or South Africa's "African")."""
    return not (t.i > 0 and pb.doc[t.i - 1].lower_ in _REGION_WORDS and pb.doc[t.i - 1].text[:1].isupper())
