"""Forms of an organisation's name that the knowledge base does not list, tried when the name as written finds no
record: its words run together or apart ("Media Markt" / "MediaMarkt", "Hewlett Packard" / "Hewlett-Packard"), a
region's abbreviation inside the name written out ("University of NSW" → "University of New South Wales"), a
long name's last word in the other number ("… Infectious Disease" for "… Infectious Diseases").
"""

from __future__ import annotations

import re

from collections.abc import Iterable

from kg.pipeline.link.kb import Entity, KnowledgeBase, name_key

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
    if len(words) >= 4 and words[-1][:1].isupper() and words[-1].isalpha():
        # a slip in a long name's last word; a short one ("Air Force", "Coast Guards") may be another body
        out.append(name[:-1] if words[-1].endswith("s") else name + "s")
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


def other_forms(names: Iterable[str], kb: KnowledgeBase) -> list[tuple[Entity, float, str, str]]:
    """Records found by another form of the names (the record, its base confidence, why, and the name as written,
    so that a generic name stays generic in another form): spacing, a region's abbreviation, the number of a long
    name's last word, and a party's short name before "party" ("M5S party")."""
    out = []
    for n in names:
        if n.lower().endswith(" party") and len(n.split()) == 2:
            for e, w in kb.named_weighted(n[:-6]):
                if e.category == "political party":
                    out.append((e, 0.9, "name", n[:-6]) if w >= 0.9 else (e, 0.45, "weak name", n[:-6]))
        head, sep, tail = n.partition(" the ")
        if sep and head[:1].isupper() and head.split()[-1][:1].isupper() and len(tail.split()) >= 2:
            # two names run together ("Twitter the Federal Aviation Administration", a name's own "of the"
            # excepted): the second, where it is an organisation's very name
            out += [(e, 0.85, "name after another", tail) for e, w in kb.named_weighted(tail) if w >= 1.0]
        for form in spacing_forms(n) + abbreviation_forms(n, kb):
            if name_key(form) == name_key(n):
                continue  # "Central-Bank" is compared as "Central Bank": no other form
            out += [(e, 0.85, "another form of the name", n) for e, w in kb.named_weighted(form) if w >= 0.9]
    return out


# what a football club's name adds to the short name news uses ("Celtic" of Celtic F.C.)
_CLUB_SUFFIXES = ("F.C.", "FC", "A.F.C.", "AFC", "Football Club")


def club_forms(names: Iterable[str], kb: KnowledgeBase) -> list[tuple[Entity, str]]:
    """Football clubs whose name is the text's with a club's suffix ("Celtic" → Celtic F.C.), for a report of
    football: records that the knowledge base describes as a football club, found by their very name."""
    out = []
    for n in names:
        if not n[:1].isupper() or n.split()[-1] in _CLUB_SUFFIXES:
            continue
        for suffix in _CLUB_SUFFIXES:
            out += [(e, n) for e, w in kb.named_weighted(f"{n} {suffix}") if w >= 1.0
                    and re.search(r"\b(football|soccer) (club|team)\b", (e.description or "").lower())]
    return out


def news_channels(found: list[Entity], names: Iterable[str], kb: KnowledgeBase) -> list[tuple[str, Entity]]:
    """A name that the records found bear only as a short name ("Fox" of the Fox Broadcasting Company) and that
    opens a news channel's name ("Fox News"): the news channel competes, and the text must decide."""
    out = []
    for n in names if found else ():
        if any(name_key(e.label) == name_key(n) for e in found):
            continue
        out += [(n, e) for e in kb.named(f"{n} News") if e.category == "news organization" and e not in found]
    return out


def parent_disagrees(e: Entity, name: str, names: Iterable[str]) -> bool:
    """Whether the text names the body after a parent ("the Justice Department's Office of International
    Affairs") that none of the record's names speaks of (the Energy Department's office of that name): a generic
    name shared by many bodies, given to another parent's."""
    import re

    key = name_key(name)
    for n in names:
        m = re.match(r"^(.+?)(?:['’]s|s['’]) (.+)$", n)
        if not m or name_key(m.group(2)) != key:
            continue
        parent = set(name_key(m.group(1)).split()) - {"department", "ministry", "office", "of", "the", "and", "us"}
        words = {w for x in (e.label, *e.aliases) for w in name_key(x).split()}
        if parent and not parent <= words:
            return True
    return False
