"""Forms of an organisation's name that the knowledge base does not list, tried when the name as written finds no
record: its words run together or apart ("Media Markt" / "MediaMarkt", "Hewlett Packard" / "Hewlett-Packard"), and
a region's abbreviation inside the name written out ("University of NSW" → "University of New South Wales")."""

from __future__ import annotations

import re

from kg.pipeline.link.kb import KnowledgeBase

_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")


def spacing_forms(name: str) -> list[str]:
    """The name with its words joined, hyphenated or split at an inner capital; only for names of two or three
    capitalised words (a longer name is seldom written so)."""
    words = name.split()
    out = []
    if 2 <= len(words) <= 3 and all(w[:1].isupper() and w.isalpha() for w in words):
        out += ["".join(words), "-".join(words)]
    if "-" in name and " " not in name:
        out += [name.replace("-", " "), name.replace("-", "")]
    if len(words) == 1 and _CAMEL.search(name):
        out.append(_CAMEL.sub(" ", name))
    return [f for f in out if f != name]


def abbreviation_forms(name: str, kb: KnowledgeBase) -> list[str]:
    """The name with an abbreviation of a region written out, where the abbreviation is that region's name in the
    knowledge base ("NSW" of New South Wales): "University of NSW" → "University of New South Wales"."""
    words = name.split()
    if len(words) < 2:
        return []
    out = []
    for i, w in enumerate(words):
        bare = w.replace(".", "")
        if not (2 <= len(bare) <= 4 and bare.isupper()):
            continue
        regions = [e for e, weight in kb.named_weighted(w) if e.type == "place" and e.category == "subdivision"
                   and weight >= 0.9]
        if len(regions) == 1:
            out.append(" ".join([*words[:i], regions[0].label, *words[i + 1:]]))
    return out
