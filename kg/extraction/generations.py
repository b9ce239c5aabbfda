"""The generation a name's suffix marks: "Tom Harlan Sr." and "Tom Harlan Jr." are a father and a son, and "Harlan
Jr." is the son; the surname is the word before the suffix. A Roman numeral after a single name is a regnal number
("Charles III"), not a generation of a surname."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan

from kg.pipeline.nlp import ParsedBlock

_GENERATIONS = {"jr": "jr", "sr": "sr", "junior": "jr", "senior": "sr", "ii": "ii", "iii": "iii", "iv": "iv"}
_NUMERALS = {"ii", "iii", "iv"}


def suffix(word: str, words: int = 3) -> str | None:
    """The generation ``word`` marks as the last of a name of ``words`` words ("Jr.", "Sr", "III"), normalised; None
    for any other word, and for a numeral after a single name ("Charles III")."""
    if not word[:1].isupper() or word == "Junior" or words < 2:
        return None
    gen = _GENERATIONS.get(word.rstrip(".,").lower())
    return None if gen in _NUMERALS and words < 3 else gen


def generation(pb: ParsedBlock, ent: SpacySpan, surname: str) -> tuple[str, str | None]:
    """A one-word name and the generation beside it: "Harlan Sr." where the recogniser took only "Harlan" (the
    suffix after it) or only "Sr." (the surname before it)."""
    if (gen := suffix(surname, 2)) is not None and ent.start > 0 and pb.doc[ent.start - 1].pos_ == "PROPN":
        return pb.doc[ent.start - 1].text, gen
    if ent.end < len(pb.doc) and (gen := suffix(pb.doc[ent.end].text, 2)) is not None:
        return surname, gen
    return surname, None


_COMPARATIVES = {"younger": min, "elder": max, "older": max}


def comparative(pb: ParsedBlock, start: int) -> str | None:
    """ "younger" or "elder" before the name whose first token is ``start``: "the younger Nassar", "the elder
    Nassar" (None for a name without one)."""
    word = pb.doc[start - 1].lower_ if start > 1 else ""
    return word if word in _COMPARATIVES and pb.doc[start - 2].lower_ == "the" else None


def by_age(index, keys: list[str], word: str) -> str | None:  # noqa: ANN001 - index: ActorIndex
    """Of several people sharing a surname, the youngest ("the younger") or the oldest ("the elder") by the ages
    the article gives their full names ("Omar Hale, 23,", "16-year-old Adel Hale"); None when it does not give each
    of them a different age: the text does not say which."""
    from kg.extraction.discourse import age_of

    ages: dict[str, int] = {}
    for key in keys:
        for m in index.actors[key].mentions:
            hit = index.parsed.token_at(m.span.begin)
            head = hit[1] if hit is not None else None
            while head is not None and head.dep_ in ("compound", "flat") and head.head.i > head.i:
                head = head.head
            if head is not None and (age := age_of(head)) is not None:
                ages.setdefault(key, int(age))
    if len(ages) != len(keys) or len(set(ages.values())) != len(keys):
        return None
    pick = _COMPARATIVES[word]
    return pick(ages, key=lambda k: ages[k])
