"""Forms of a person's name that the knowledge base does not list: an English given name's short form ("Ash" for
Ashton, "Bill" for William), a middle name left out, a surname's Arabic article left out ("Assad" for al-Assad),
and a misspelt title in front of a surname ("Minster" for Minister).

Each form only finds candidates; what singles one person out (a post, a title, the article's date) is asked for by
:mod:`kg.pipeline.link.people` as for a given name spelt one letter apart.
"""

from __future__ import annotations

from functools import cache, lru_cache

from kg import lexicon
from kg.pipeline.link.kb import Entity, KnowledgeBase, name_key

# English hypocoristics: the short form → the given names it stands for (both ways: "Joseph Roe" is "Joe Roe" too)
_SHORT_FORMS = {
    "al": "albert alan alfred", "alex": "alexander alexandra", "andy": "andrew", "ash": "ashton ashley",
    "ben": "benjamin", "bernie": "bernard", "beth": "elizabeth", "betsy": "elizabeth", "bill": "william",
    "billy": "william", "bob": "robert", "bobby": "robert", "charlie": "charles", "chris": "christopher christine",
    "chuck": "charles", "dan": "daniel", "danny": "daniel", "dave": "david", "dick": "richard", "don": "donald",
    "doug": "douglas", "ed": "edward edwin edmund", "eddie": "edward", "fred": "frederick", "gene": "eugene",
    "greg": "gregory", "hank": "henry", "jeff": "jeffrey", "jerry": "gerald jerome", "jim": "james",
    "jimmy": "james", "joe": "joseph", "josh": "joshua", "kate": "katherine catherine", "ken": "kenneth",
    "larry": "lawrence", "liz": "elizabeth", "matt": "matthew", "mike": "michael", "mitch": "mitchell",
    "nick": "nicholas", "pat": "patrick patricia", "pete": "peter", "phil": "philip phillip", "rick": "richard",
    "rob": "robert", "ron": "ronald", "sam": "samuel samantha", "steve": "stephen steven", "sue": "susan",
    "ted": "edward theodore", "tim": "timothy", "tom": "thomas", "tommy": "thomas", "tony": "anthony",
    "vince": "vincent", "will": "william", "zach": "zachary",
}


@cache
def _pairs() -> frozenset[tuple[str, str]]:
    out = set()
    for short, full in _SHORT_FORMS.items():
        for f in full.split():
            out |= {(short, f), (f, short)}
    return frozenset(out)


def other_forms(name: str, people: list[Entity]) -> list[Entity]:
    """People the knowledge base names otherwise than the text, with the same surname: a short form of the
    given name ("Ash Carter" → Ashton Carter) or a middle name left out ("Dana Roe" → Dana Mae Roe); the rest of
    the name must agree. ``people``: the records of the text's surname."""
    words = name.split()
    if len(words) < 2:
        return []
    given, middle, surname = name_key(words[0]), [name_key(w) for w in words[1:-1]], name_key(words[-1])
    forms = {b for a, b in _pairs() if a == given}
    initials = {f[:1] for f in forms | {given}}
    out = []
    for e in people:
        if e.label[:1].lower() not in initials and e.label[:1].isascii():
            continue  # (a quick look before the names are compared folded)
        theirs = e.label.split()
        if e.type != "person" or e.family_name or len(theirs) < 2 or len(theirs) > len(words) + 1:
            continue  # (a name whose family name comes first is not read as given name + surname)
        first = name_key(theirs[0])
        if first not in forms and first != given:
            continue
        if name_key(theirs[-1]) != surname:
            continue
        rest = [name_key(w) for w in theirs[1:-1]]
        if first in forms and rest == middle:
            out.append(e)
        elif first == given and not middle and len(rest) == 1 and len(rest[0]) > 1:
            out.append(e)  # a middle name left out (not an initial: "John F. Roe" is the text's "John Roe" too rarely)
    return out


_PARTICLES = ("al-", "el-", "al ")


def with_particle(surname: str, kb: KnowledgeBase) -> list[Entity]:
    """People whose family name is the text's with an Arabic article in front ("Assad" → al-Assad)."""
    if " " in surname or "-" in surname:
        return []
    out: dict[str, Entity] = {}
    for p in _PARTICLES:
        out |= {e.id: e for e in kb.with_surname(p + surname) if e.type == "person"}
    return list(out.values())


# the titles a slip may hide before a surname ("Presdent", "Minster"); words that are also names or common words
# a letter away from other names ("crown"/"Brown", "state", "prime", "madam"/"Madan") are left out
_SLIP_TITLES = ("ambassador", "attorney", "chairman", "chairwoman", "chancellor", "commander", "commissioner",
                "congressman", "congresswoman", "director", "general", "governor", "lawmaker", "mayor", "minister",
                "premier", "president", "prince", "professor", "representative", "reverend", "secretary", "senator",
                "sheikh", "spokesman", "spokeswoman", "sultan")


@cache
def _title_words() -> frozenset[str]:
    heads = {w for h in lexicon.post_heads() for w in h.split()}
    return frozenset({t.lower().rstrip(".") for t in lexicon.titles()} | heads)


@lru_cache(maxsize=4096)
def misspelt_title(word: str) -> str | None:
    """The title a word in front of a name is a slip of ("Minster" → "minister"): one letter apart from one of the
    titles above, itself no title and no given name; None otherwise."""
    from kg.pipeline.link.people import one_letter_apart

    w = word.lower()
    if len(w) < 5 or w in _title_words() or w in lexicon.given_names():
        return None
    return next((t for t in _SLIP_TITLES if one_letter_apart(t, w)), None)
