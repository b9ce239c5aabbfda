"""Entity types the recogniser gives for people's names, corrected (:func:`correct_label`, the rules listed in
kg.extraction.persons), and the spelling variants of a surname met in the article."""

from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan

from kg import gazetteer, lexicon
from kg.extraction.known_kinds import descriptor_of, organisation_only, reports_a_clause
from kg.pipeline.nlp import ParsedBlock

ORG_LIKE = re.compile(r"\b(administration|government|ministry|department|office|council|commission|party|"
                       r"league|union|organi[sz]ation|community|agency|committee|court|army|forces|center|centre|"
                       r"institute|institution|foundation|bank|fund|group|times|news|press|network|association|"
                       r"hospital|university|college|school|museum|club|service|authority|bureau|board|corporation|"
                       r"company)\b",
                       re.IGNORECASE)


def correct_label(pb: ParsedBlock, ent: SpacySpan, label: str, surnames: set[str],
                  variants: dict[str, str]) -> str:
    """The entity type, corrected where the recogniser is known to slip on people's names (see the module)."""
    text = ent.text
    if label == "PERSON" and run_together(ent):
        return "NONE"
    if label == "PERSON" and len(ent) == 1 and text not in surnames and \
            (text in lexicon.national_nouns() or text in lexicon.demonyms()) and \
            (ent.end == len(pb.doc) or pb.doc[ent.end].pos_ not in ("NOUN", "PROPN")):
        return "NORP"  # "the 22-year-old Scot finished fourth": a person's nationality, not a name (not an adjective)
    before = pb.doc[ent.start - 1] if ent.start > 0 else None
    if label in ("PERSON", "GPE", "ORG") and len(ent) == 1 and _title(before) and text[:1].isupper() and \
            not gazetteer.country(text) and not (label != "PERSON" and big_city(text)):
        return "PERSON"  # "President Obama" (a town in Japan), "Russian President Medvedev" tagged as a place
    if label in ("PERSON", "ORG") and len(ent) == 1 and text not in surnames:
        if gazetteer.city(text) and not gazetteer.country(text) and (not text.isupper() or big_city(text)) and \
                (label == "PERSON" or big_city(text) or _locative(ent) or ent.root.pos_ == "ADJ" or
                 pb.block.kind == "headline") and \
                not (label == "ORG" and reports_a_clause(ent) and gazetteer.capital_of(text) is None):
            # ("Norland: minister resigns": a place's label; a city's name tagged as an organisation that reports
            # what a clause says is the bank, club or firm named after it — "prices rose, Harlow said" — while a
            # capital that speaks is its country's government)
            # (an acronym is no small town: "UN" is not Un; a company named like a small town is the company:
            # "Nokia said", "the firm Monsanto", unless the sentence puts it somewhere: "a plant in Nokia")
            return "GPE"  # "in Annapolis", "Tbilisi" tagged as a person
    if label == "ORG" and len(ent) == 1 and text in surnames:
        return "PERSON"  # a surname tagged as an organisation
    if label == "GPE" and len(ent) == 1 and text in surnames and ent.root.dep_ in ("nsubj", "nsubjpass"):
        return "PERSON"  # "Paris said" after "Valeska Paris": the person, not the capital's government
    if label in ("ORG", "GPE", "NORP") and text.split()[0] in lexicon.titles() and len(ent) > 1:
        return "PERSON"  # "Ms Jones" tagged as an organisation
    title_case = all(t.text[:1].isupper() for t in ent)
    if label == "ORG" and 2 <= len(ent) <= 3 and ent[0].lower_ in lexicon.given_names() and \
            not ORG_LIKE.search(text) and title_case and \
            not (ent[-1].lower_ in lexicon.org_heads() and organisation_only(text, surnames)):
        # "Sophie Marchand" tagged as an organisation: a given name and a surname (not "Virginia Post", a name
        # ending in an organisation's noun that the knowledge base knows as an organisation's)
        return "PERSON"
    if label in ("GPE", "LOC") and 2 <= len(ent) <= 3 and title_case and ent[0].lower_ in lexicon.given_names() and \
            not ORG_LIKE.search(text) and not gazetteer.country(ent[0].text) and not gazetteer.city(text) and \
            not gazetteer.country(text):
        return "PERSON"  # "a late goal from Ilse Varga" tagged as a place: a given name and a surname
    if label == "GPE" and 2 <= len(ent) <= 3 and title_case and ent.root.dep_ == "nsubj" and \
            ent.root.head.lemma_.lower() in lexicon.reporting_verbs() and not ORG_LIKE.search(text) and \
            not gazetteer.country(text) and not gazetteer.city(text) and not _kb_named_otherwise(text):
        return "PERSON"  # "“…,” Rio Ferrand told the BBC" tagged as a place: no place of that name speaks
    if label == "ORG" and 2 <= len(ent) <= 3 and title_case and not ORG_LIKE.search(text) and \
            before is not None and before.pos_ == "NOUN" and before.is_lower and _role(before):
        # "Water commissioner Zsófia Bánkúti" tagged as an organisation (names in other languages often are): a
        # role for a person right before the name makes it a person (an apposition after it: _person_apposition)
        return "PERSON"
    if label in ("ORG", "WORK_OF_ART") and 2 <= len(ent) <= 3 and title_case and not ORG_LIKE.search(text) and \
            _kb_person(text):
        return "PERSON"  # a name the knowledge base knows as a person's only (a quotation's name taken for a title)
    if label == "ORG" and 2 <= len(ent) <= 3 and title_case and not ORG_LIKE.search(text) and _person_apposition(ent):
        return "PERSON"  # "Tamás Kovácsy, the government commissioner for …": what the apposition says
    if label == "ORG" and len(ent) == 1 and (v := surname_variant(text, surnames)) is not None:
        variants[text] = v
        return "PERSON"  # "Kovach" after "Dana Kovac": a variant spelling of a surname of the article
    if label == "PERSON" and text.replace(".", "").isupper() and len(text) > 1:
        return "ORG"  # "PTC" tagged as a person: an acronym names an organisation
    if label in ("GPE", "LOC", "FAC", "NORP", "PERSON") and descriptor_of(pb.doc, ent.start, ent.end, after=False) \
            and not (label == "PERSON" and 2 <= len(ent) <= 3 and ent[0].lower_ in lexicon.given_names()):
        return "ORG"  # "supermarket Greenbasket" as a person (but "broadcaster Tim Osei": a given name opens it)
    if (label == "GPE" or label == "PERSON" and len(ent) == 1
            or label == "NORP" and ent.root.dep_ not in ("amod", "compound")) and organisation_only(text, surnames):
        return "ORG"  # "a UN panel", a grocer "lowered …": a name the knowledge base knows as an organisation's only
    if label == "PERSON" and len(ent) == 1 and ent[0].lower_ not in lexicon.given_names() and \
            organisation_only(text, surnames, short=True):
        return "ORG"  # "Labour said": a party's short name, no person's
    if label == "PERSON" and 2 <= len(ent) <= 4 and title_case and ent[0].lower_ not in lexicon.given_names() \
            and organisation_only(text, surnames):
        return "ORG"  # "Green Compact said": no given name, and an organisation's very name
    if label == "PERSON" and city_club_name(ent):
        return "ORG"  # "Leeds Rovers said": a city's club, a name the knowledge base gives an organisation only
    return label


def city_club_name(ent: SpacySpan) -> bool:
    """A name of two or three capitalised words, no given name first, whose first words are a city's and that the
    knowledge base knows as an organisation's only ("Leeds Rovers"): a club, and its words no surnames."""
    return 2 <= len(ent) <= 3 and all(t.text[:1].isupper() for t in ent) and \
        ent[0].lower_ not in lexicon.given_names() and gazetteer.city(ent[:-1].text) is not None and \
        organisation_only(ent.text, short=True)


def club_words(names: list[tuple[ParsedBlock, list[SpacySpan]]]) -> set[str]:
    """The last words of the city's clubs the article names ("Rovers" of "Leeds Rovers"): a one-word name tagged as
    a person's that is one of them is the club."""
    return {e[-1].text for _, ents in names for e in ents if e.label_ in ("PERSON", "ORG") and city_club_name(e)}


def run_together(ent: SpacySpan) -> bool:
    """A "name" tagged as a person's that holds a country that is no given name, or a body's acronym ("Turkey EU" of
    the headline "Turkey EU talks deal"): names run together, nobody's name (and its words no surnames)."""
    def country_named(t) -> bool:  # noqa: ANN001 - the country's own name, not an adjective ("Oliver Irish")
        c = gazetteer.country(t.text)
        return c is not None and (c.name == t.text or t.text.isupper()) and t.lower_ not in lexicon.given_names()

    return len(ent) >= 2 and any(
        country_named(t) or
        t.text.isupper() and len(t.text) >= 2 and gazetteer.country(t.text) is None and organisation_only(t.text)
        for t in ent)


def product_name(ent: SpacySpan, organisations: set[str]) -> bool:
    """A name tagged as a person's that opens with the name of a company the article names on its own
    (``organisations``, the one-word names it tags as organisations) and no given name ("Acmesoft Messenger" after
    "Acmesoft said"): a product's, and its words no surnames."""
    return 2 <= len(ent) <= 3 and ent[0].text in organisations and \
        all(t.text[:1].isupper() for t in ent) and ent[0].lower_ not in lexicon.given_names() and \
        len(ent[0].text) >= 3 and not gazetteer.country(ent[0].text)


# nouns for a work that its title follows ("the drama Wasp", "her album Halcyon"): the title is nobody's name
WORK_NOUNS = {"film", "movie", "drama", "comedy", "thriller", "documentary", "musical", "play", "opera", "ballet",
              "album", "single", "song", "track", "novel", "book", "memoir", "sitcom", "series", "show", "game"}


def work_titles(names: list[tuple[ParsedBlock, list[SpacySpan]]]) -> set[str]:
    """The names the article gives right after a work noun ("the gritty drama Wasp"), opening with no given name:
    a film's, a record's or a book's title, nobody's name wherever it stands ("Wasp tells the story …")."""
    out = set()
    for pb, _ in names:
        for t in pb.doc[:-1]:
            if t.lower_ in WORK_NOUNS and t.pos_ == "NOUN" and (n := t.nbor()).pos_ == "PROPN" and \
                    n.text[:1].isupper() and n.lower_ not in lexicon.given_names():
                end = n.i + 1
                while end < len(pb.doc) and end - n.i < 4 and pb.doc[end].pos_ == "PROPN":
                    end += 1
                out.add(pb.doc[n.i : end].text)
    return out


def one_word_organisations(names: list[tuple[ParsedBlock, list[SpacySpan]]]) -> set[str]:
    """The one-word names the recogniser tags as organisations in the article, twice at least and more often than
    as people."""
    votes: dict[str, int] = {}
    for _, ents in names:
        for e in ents:
            if len(e) == 1 and e.label_ in ("ORG", "PERSON"):
                votes[e.text] = votes.get(e.text, 0) + (1 if e.label_ == "ORG" else -1)
    return {w for w, v in votes.items() if v >= 2}


def _person_apposition(ent: SpacySpan) -> bool:
    """Whether a name is followed by an apposition headed by a singular post or role noun ("X, the government
    commissioner for …", "X, a spokeswoman for …")."""
    root = ent.root
    for c in root.children:
        if c.dep_ == "appos" and c.i >= ent.end and c.tag_ == "NN":
            low = c.lower_
            if low in lexicon.post_heads() or low in lexicon.role_nouns() or low in lexicon.person_nouns():
                return True
    return False


def _title(tok) -> bool:  # noqa: ANN001 - a spaCy token or None
    """A title that only comes before a person's name: "President", "Senator", "Mr", "Dr" (capitalised)."""
    return tok is not None and tok.text[:1].isupper() and \
        (tok.text.rstrip(".") in lexicon.titles() or tok.text in lexicon.titles() or
         tok.lower_ in lexicon.post_heads() and tok.lower_ in ("president", "senator", "governor", "mayor",
                                                              "chancellor", "premier", "minister", "secretary"))


def _role(noun) -> bool:  # noqa: ANN001 - a spaCy token
    low = noun.lemma_.lower()
    return low in lexicon.post_heads() or low in lexicon.role_nouns() or low in lexicon.person_nouns()


def _kb_named_otherwise(name: str) -> bool:
    """Whether the knowledge base knows the name as anything but a person's (a state, a region, a body)."""
    from kg.pipeline.link import kb

    return any(e.type != "person" for e in kb.default().named(name))


def _kb_person(name: str) -> bool:
    from kg.pipeline.link import kb

    found = kb.default().named(name)
    return bool(found) and all(e.type == "person" for e in found)


def surname_variant(text: str, surnames: set[str]) -> str | None:
    """The surname of the article that ``text`` spells with one letter changed, added or dropped ("Saree" for
    "Sarea"), when it is the only such one; a name of five letters or more, capitalised, not an acronym, that names
    no place or organisation the knowledge base knows."""
    if len(text) < 5 or not text[:1].isupper() or text.isupper() or not text.isalpha() or text in surnames:
        return None
    found = [s for s in surnames if s != text and len(s) >= 5 and s[:2] == text[:2] and _one_edit(s, text)]
    if len(found) != 1 or gazetteer.city(text) or gazetteer.country(text):
        return None
    from kg.pipeline.link import kb

    if any(e.type != "person" for e in kb.default().named(text)):
        return None
    return found[0]


def _one_edit(a: str, b: str) -> bool:
    """Whether two words differ by one substituted, inserted or deleted letter."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def _locative(ent: SpacySpan) -> bool:
    """A name the sentence uses as a place: the object of "in", "at", "from" …"""
    root, prep = ent.root, ent.root.head
    if prep.lower_ == "to" and prep.i > 0 and prep.doc[prep.i - 1].lower_ == "according":
        return False  # "according to Nokia": a source
    return root.dep_ == "pobj" and prep.lower_ in ("in", "at", "from", "near", "to", "into", "outside", "around")


def big_city(word: str) -> bool:
    """A city large enough to be named in the news on its own (a small town's name is often a given name too:
    "Antony", a town of France)."""
    c = gazetteer.city(word)
    return c is not None and (c.population or 0) >= 100_000
