"""Acronyms joined to the organisation whose initials they are: "Pacific Trade Council (PTC)" … "the PTC" is one
organisation (:func:`kg.extraction.actors.collect_names` asks, once the recogniser's names are in)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg import gazetteer

if TYPE_CHECKING:
    from kg.extraction.actors import ActorIndex


def join_acronyms(index: ActorIndex) -> None:
    """ "Pacific Trade Council (PTC)" … "the PTC": one organisation."""
    orgs = [a for a in index.actors.values() if a.kind in ("organization", "government")]
    for short in orgs:
        if not short.label.replace(".", "").isupper() or " " in short.label:
            continue
        initials = short.label.replace(".", "")
        for long in orgs:
            if long is short:
                continue
            words = long.label.split()
            # "United States National Institute of … (NIAID)": the initials may leave out the country's name
            heads = [0] + [k for k in (1, 2, 3) if k < len(words) and gazetteer.country(" ".join(words[:k]))]
            if any(_initials(words[k:]) == initials for k in heads):
                index.merge_into(short.key, long.key, "acronym")
                break


def _initials(words: list[str]) -> str:
    """The initials of a name's capitalised words; a word written in capitals gives all its letters ("US Navy" is
    USN, not UN; "UK Atomic Energy Authority" is UKAEA)."""
    out = []
    for w in words:
        bare = w.replace(".", "")
        if w[0].isupper():
            out.append(bare if len(bare) > 1 and bare.isalpha() and bare.isupper() else w[0])
    return "".join(out)
