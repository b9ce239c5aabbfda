"""People's names: what the entity recogniser gives for a person, corrected, and the mentions of one person clustered.

- A name without the description the recogniser ran into it ("Anthropologist Laura Bennett"), with the given names
  and the honorific it left out ("Sadiq" + "Khan", "Mr." + "Lin").
- Entities the recogniser typed wrongly (``person_labels.correct_label``): a surname of the article tagged as an
  organisation, a given name and a surname ("Sophie Marchand"), or a name the knowledge base knows as a person's and
  not as an organisation's, tagged as an organisation; a one-letter spelling variant of a surname met in the article ("Yahya
  Sarea" … "Saree said", as reports transliterate names differently); a person's name run into the organisation of
  the title before it ("director of Pacific Aid Network Mei-ling Chan said": :func:`split_title_org_name`); an outlet
  told run into the name that opens the reported clause ("told Radio Nord Omar Haddad had …": :func:`split_told_name`).
- Not people at all: a city's club the knowledge base knows ("Leeds Rovers", and "Rovers" alone after it), a
  nationality standing as a noun ("the 22-year-old Scot"), a work's title given after a work noun ("the drama
  Sparrow", and "Sparrow" wherever it stands after).
- Clustering: full names first; a surname or "Mr. X" joins the full name it matches; of several people sharing a
  surname, the one the discourse is about at that point (:func:`pick_by_recency`).
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from spacy.tokens import Span as SpacySpan, Token

from kg import gazetteer, lexicon
from kg.extraction.generations import by_age, comparative, generation as _generation, suffix as _suffix
from kg.extraction.person_labels import (  # noqa: F401 - read from here by actors.py and the tests
    ORG_LIKE, big_city as _big_city, city_club_name, club_words, correct_label, one_word_organisations, product_name,
    run_together, surname_variant, work_titles)
from kg.pipeline.ingest import slugify
from kg.pipeline.nlp import ParsedBlock, Parsed

if TYPE_CHECKING:
    from kg.extraction.actors import ActorIndex


def split_title_org_name(pb: ParsedBlock, ent: SpacySpan) -> tuple[SpacySpan, SpacySpan] | None:
    """ "director of Pacific Aid Network Mei-ling Chan said": the recogniser ran the person's name into the
    organisation a title names (or tagged the whole a person's name). After "<post> of/to/at/for", an organisation whose last two words are capitalised names and
    whose phrase speaks (its last word is the subject of a reporting verb, or one follows it) is split into the
    organisation and the person; None for anything else."""
    doc = pb.doc
    at = ent.start - 1 if ent.start >= 1 and doc[ent.start - 1].lower_ != "the" else ent.start - 2
    if at < 1 or doc[at].lower_ not in ("of", "to", "at", "for", "and") or len(ent) < 3 or \
            ent.label_ == "PERSON" and ent[0].lower_ in lexicon.given_names():
        return None  # ("a spokesman for Mary Ann Jones": a person's whole name)
    # "Minister of State for Earth Sciences and Coastal Works Ravi Menon": back over the title's words
    while at >= 2 and doc[at].lower_ in ("of", "for", "and") and doc[at - 1].text[:1].isupper() and \
            doc[at - 1].lemma_.lower() not in lexicon.post_heads() and ent.start - at < 10:
        at -= 1
        while at >= 1 and doc[at].text[:1].isupper() and doc[at].lemma_.lower() not in lexicon.post_heads():
            at -= 1
    post = doc[at - 1] if doc[at].lower_ in ("of", "to", "at", "for", "and") else doc[at]
    if post.lemma_.lower() not in lexicon.post_heads() and post.lower_ not in lexicon.role_nouns() and \
            post.lemma_.lower() not in lexicon.person_nouns():
        return None
    last = ent[-1]
    nxt = doc[ent.end] if ent.end < len(doc) else None
    verbs = lexicon.reporting_verbs()
    speaks = (last.dep_ == "nsubj" and last.head.lemma_.lower() in verbs) or \
        (nxt is not None and nxt.lemma_.lower() in verbs and nxt.pos_ in ("VERB", "AUX"))
    if not speaks:
        return None
    words: list[int] = []  # token index where each word of the entity starts ("Mei-ling" is one word)
    for t in ent:
        if t.i > ent.start and not doc[t.i - 1].whitespace_:
            continue  # attached to the word before it ("Mei", "-", "ling")
        words.append(t.i)
    if len(words) < 3:
        return None
    cut = words[-2]
    if not all(doc[i].text[:1].isupper() for i in words[-2:]) or ORG_LIKE.search(doc[cut:ent.end].text):
        return None
    return doc[ent.start:cut], doc[cut:ent.end]


def split_told_name(pb: ParsedBlock, ent: SpacySpan, surnames: set[str]) -> tuple[SpacySpan, SpacySpan] | None:
    """ "X told Radio Nord Omar Haddad had run …": with "that" left out, the recogniser runs the outlet told
    into the subject of the reported clause. Right after a form of "tell", an entity of capitalised words followed by
    a verb is split where a person's name starts (a given name, or a name whose last word another person name of the
    article carries) into the addressee and that person; None for anything else."""
    doc = pb.doc
    if len(ent) >= 4 and ent[0].lower_ in lexicon.given_names() and ent[2].lower_ == "for" \
            and ent[1].text[:1].isupper() and all(t.text[:1].isupper() for t in ent[3:]):
        # "Lydia Brandt for Food Standards Agency, says": the person speaking for a body, run into one entity
        return doc[ent.start + 3 : ent.end], doc[ent.start : ent.start + 2]
    if ent.start < 1 or doc[ent.start - 1].lemma_.lower() != "tell" or len(ent) < 3 or ent.end >= len(doc):
        return None
    nxt = doc[ent.end]
    if nxt.pos_ not in ("AUX", "VERB") or nxt.tag_ in ("VBG", "TO") or \
            not all(t.text[:1].isupper() or t.lower_ in _PARTICLES or t.i == ent.start and t.lower_ == "the" for t in ent):
        return None
    givens = lexicon.given_names()
    for k in range(ent.start + 1, ent.end - 1):
        if not doc[k].text[:1].isupper() or ORG_LIKE.search(doc[k:ent.end].text):
            continue
        if doc[k].lower_ in givens or (doc[k].text in surnames and doc[ent.end - 1].text in surnames):
            return doc[ent.start:k], doc[k:ent.end]
    return None


_PARTICLES = frozenset({"bin", "al", "el", "de", "van", "von", "da", "di", "du", "la", "le", "ibn", "abu"})


def _is_role_word(t: Token) -> bool:
    low = t.lower_
    return low in ("former", "late") or low in lexicon.role_nouns() or low in lexicon.post_heads() or \
        low in lexicon.post_words() or low in lexicon.person_nouns() or _occupation(t)


def _occupation(t: Token) -> bool:
    """ "Archaeologist Ben Ortiz": a word of an occupation's shape opening a name whose next word is a given name."""
    doc = t.doc
    return t.i + 1 < len(doc) and t.lower_.endswith(("ist", "er", "or", "ian")) and len(t) > 5 and \
        t.lower_ not in lexicon.given_names() and doc[t.i + 1].lower_ in lexicon.given_names() and \
        t.text not in lexicon.titles()


def without_title(pb: ParsedBlock, ent: SpacySpan) -> SpacySpan:
    """A person's name without the description the recogniser ran into it ("Anthropologist Laura Bennett",
    "Former Dutch envoy to Chile Marijke Stroom"): the proper nouns after the last role word."""
    words = [t for t in ent if _is_role_word(t) and t.text not in lexicon.titles()]
    if not words:
        return ent
    start = words[-1].i + 1
    while start < ent.end and (pb.doc[start].pos_ != "PROPN" or pb.doc[start].lower_ in ("of", "the", "to")):
        start += 1
    # the name is the run of proper nouns that ends the entity, bound to its last word
    run = ent.end - 1
    while run - 1 >= start and pb.doc[run - 1].pos_ == "PROPN" and pb.doc[run - 1].dep_ in ("compound", "flat") \
            and pb.doc[run - 1].head.i >= run - 1:
        run -= 1
    return pb.doc[run : ent.end] if run < ent.end else ent


def with_given_names(pb: ParsedBlock, ent: SpacySpan) -> SpacySpan:
    """Extend a person name left over given names the recogniser left out ("Tomasz" + "Wirth" → "Tomasz Wirth"):
    capitalised proper nouns outside any other entity that are neither titles nor words of a post."""
    doc = pb.doc
    start = ent.start
    while start > 0 and start > ent.start - 2:
        t = doc[start - 1]
        if t.tag_ != "NNP" or not t.text[:1].isupper() or t.ent_type_ or t.text in lexicon.titles() or \
                t.lower_ in lexicon.post_words() or t.lower_ in lexicon.post_heads() or \
                t.lower_ in lexicon.role_nouns() or not t.is_alpha or _big_city(t.text) or _occupation(t) or \
                gazetteer.country(t.text) or (start >= 2 and doc[start - 2].lower_ in ("of", "in")):
            break  # "Mayor of Springfield Rosa Diaz", "Agent in Charge Rosa Diaz": a title's last word is no given name
        start -= 1
    end = ent.end
    if end < len(doc) and _PARTICLE.match(doc[end].text) and not doc[end].ent_type_ and doc[end - 1].whitespace_:
        end += 1  # "Marc Duval d'Aubigny": a family name with its particle, left out
    return doc[start:end] if (start, end) != (ent.start, ent.end) else ent


_PARTICLE = re.compile(r"^[dD][’'][A-ZÀ-Ý][a-zà-ÿ]+$")


def _with_honorific(pb: ParsedBlock, ent: SpacySpan) -> SpacySpan:
    """Extend a person name left over an honorific: "Mr." + "Lin" → "Mr. Lin"."""
    if ent.start > 0 and pb.doc[ent.start - 1].text in lexicon.titles():
        return pb.doc[ent.start - 1 : ent.end]
    return ent


def _person_key(label: str) -> str:
    return "person/" + slugify(label)


def names_the_recogniser_missed(index: ActorIndex) -> None:
    """A surname or an acronym already known in the article, where the entity recogniser missed it ("Keller: …",
    "PTC calls for …" in a headline, "Lopez added …")."""
    names: dict[str, tuple[str, str]] = {}
    sharing: dict[str, list[str]] = {}
    for actor in index.actors.values():
        if actor.kind == "person":
            words = actor.label.split()
            words = words[:-1] if len(words) >= 3 and _suffix(words[-1], len(words)) else words
            if len(words) >= 2:
                names.setdefault(words[-1], (actor.key, "surname"))
                sharing.setdefault(words[-1], []).append(actor.key)
            for m in actor.mentions:
                if m.kind in ("surname", "title") and " " not in m.span.text:
                    names.setdefault(m.span.text, (actor.key, "surname"))
        elif actor.kind in ("organization", "government"):
            for m in actor.mentions:
                t = m.span.text
                if t.replace(".", "").isupper() and 2 <= len(t) <= 8:
                    names.setdefault(t, (actor.key, "acronym"))
    parsed = index.parsed
    if not names:
        return
    surnames = {w for w, (_, kind) in names.items() if kind == "surname"}
    verbs = lexicon.reporting_verbs()
    for (pb, _), toks in zip(parsed.sentences, parsed.sentence_tokens):  # the tokens made once (kg.pipeline.nlp)
        for tok in toks:
            hit = names.get(tok.text)
            if hit is None and tok.pos_ == "PROPN" and tok.dep_ == "nsubj" and tok.head.lemma_.lower() in verbs and \
                    (variant := surname_variant(tok.text, surnames)) is not None:
                hit = names[variant]  # "“…,” Hamed said" after "Rashid Hameed": a name followed by "said"
            if hit is None or not tok.text[:1].isupper() or index.mention_of_token(pb, tok) is not None:
                continue
            if index.owner_at(pb.offset + tok.idx, pb.offset + tok.idx + len(tok.text)) is not None:
                continue
            key, kind = hit
            prev = pb.doc[tok.i - 1] if tok.i > 0 else None
            if kind == "surname" and prev is not None and prev.pos_ == "PROPN" and prev.text[:1].isupper() and \
                    prev.text not in lexicon.titles() and prev.text not in index.actors[key].label.split():
                continue  # "Tomasz Wirth" is not the "Hanna Wirth" met before: another first name, another person
            bearers = sharing.get(tok.text, [])
            if tok.i + 1 < len(pb.doc) and (gen := _suffix(pb.doc[tok.i + 1].text)) is not None:
                bearers = [k for k in bearers if _suffix(index.actors[k].label.split()[-1]) == gen] or bearers
                key = bearers[0] if len(bearers) == 1 else key  # "Harlan Jr.": the one of that generation
            if len(bearers) > 1:
                word = comparative(pb, tok.i)  # "the younger Nassar": by the ages given, else nobody
                key = by_age(index, bearers, word) if word else pick_by_recency(index, bearers, pb.offset + tok.idx)
                if key is None:
                    continue
            index.add_actor(key, index.actors[key].label, index.actors[key].kind, parsed.span_of(pb, tok), kind)


def person_surnames(names: list[tuple[ParsedBlock, list[SpacySpan]]], organisations: set[str]) -> set[str]:
    """Every word of every multi-word person name, and names after an honorific ("Mr. Hale"), in the article (each
    block with its names, :func:`kg.extraction.known_kinds.joined_names`: "Valeska Paris", which the recogniser
    split into two places, included): to catch "Hale’s pledges" tagged as a place or "Ortiz" as an organisation. A
    company's product (``organisations``: :func:`one_word_organisations`), names run together and a city's club
    give none."""
    out: set[str] = set()
    for pb, ents in names:
        for ent in ents:
            if ent.label_ == "PERSON" and (len(ent) >= 2 or (ent.start and pb.doc[ent.start - 1].text in lexicon.titles())) \
                    and not product_name(ent, organisations) and not run_together(ent) and not city_club_name(ent):
                out.update(t.text for t in ent if t.text not in lexicon.titles())
    return out


def cluster_persons(index: ActorIndex, pending: list[tuple[ParsedBlock, SpacySpan]],
                    variants: dict[str, str] | None = None) -> None:
    """Full names first; then surnames and "Mr. X" join the full name they match (last word, or first word for
    family-name-first names). When several people share the name (a father and son, a leader and an envoy), the
    one the discourse is about at that point takes it (:func:`pick_by_recency`); when that is undecidable the
    mention is left out rather than given to the wrong person."""
    parsed = index.parsed
    shared: dict[str, list[str]] = {}  # a word of a full name → the person keys with it first or last
    items = sorted(pending, key=lambda x: (-len(bare_name(x[1])), x[0].offset + x[1].start_char))
    singles = []
    for pb, ent in items:
        bare = bare_name(ent)
        if not bare:
            continue
        words = bare.split()
        shown = _with_honorific(pb, ent)
        span = parsed.span_of(pb, shown)
        core = words[:-1] if _suffix(words[-1], len(words)) else words  # "Tom Harlan Jr.": Harlan
        if len(core) >= 2:
            key = _person_key(bare)
            for w in (core[-1], core[0], *(core[-2:-1] if _PARTICLE.match(core[-1]) else ())):  # "Giscard"
                if key not in shared.setdefault(w, []):
                    shared[w].append(key)
            index.add_actor(key, bare, "person", span, "name")
            if index.actors[key].described_as is None:
                index.actors[key].described_as = _title_before(pb, ent)
        else:
            singles.append((pb, ent, shown, span, (variants or {}).get(core[0], core[0])))
    for pb, ent, shown, span, surname in sorted(singles, key=lambda x: x[3].begin):
        kind = "title" if shown.start < ent.start else "surname"
        surname, suffix = _generation(pb, ent, surname)
        keys = shared.get(surname, [])
        if suffix:  # "Harlan Sr." of a father and a son both named Tom Harlan: only the one of that generation
            keys = [k for k in keys if _suffix(index.actors[k].label.split()[-1]) == suffix]
        if not keys and (variant := surname_variant(surname, set(shared))) is not None:
            keys = shared[variant]  # "Hamid" after "Rashid Hamed": the same name spelt another way
        key = pick_by_recency(index, keys, span.begin) if len(keys) > 1 else keys[0] if keys else None
        if len(keys) > 1 and (word := comparative(pb, ent.start)) is not None:
            key = by_age(index, keys, word)  # "the younger Nassar": by the ages given, else nobody
        if key is None and keys:
            continue  # two people of that name equally in view: unresolved rather than wrong
        titled = None
        if key is None:
            key = _person_key(surname)
            shared[surname] = [key]
            kind = "name" if kind == "surname" else kind
            titled = _title_before(pb, ent)  # "President Roe": the post the text gives a person it names by surname
        index.add_actor(key, surname, "person", span, kind)
        if titled and index.actors[key].described_as is None:
            index.actors[key].described_as = titled


def pick_by_recency(index: ActorIndex, keys: list[str], offset: int) -> str | None:
    """Of several people sharing a name, the one the text has been calling by the bare surname; else the one that was
    the subject of this or the last sentence; else the one named first — unless two were last mentioned in the
    same sentence (then None: the text does not say which)."""
    parsed = index.parsed
    last: list[tuple[int, str]] = []
    for key in keys:
        before = [m.span.begin for m in index.actors[key].mentions if m.span.begin < offset] if key in index.actors \
            else []
        if before:
            last.append((max(before), key))
    if not last:
        return None
    # the writer who names a second bearer in full keeps the bare surname for the one it already stood for
    # ("Piet Wirth … Wirth … Alderman Hanna Wirth (no relation) … Wirth was arrested")
    # (the surname itself: "her niece, Ada," calls one of two Kesslers by her given name, which says nothing of which
    # one a bare "Kessler" stands for)
    by_surname = [key for _, key in last if any(m.kind in ("surname", "title") and m.span.begin < offset and
                                                 m.span.text.split()[-1] == index.actors[key].label.split()[-1]
                                                 for m in index.actors[key].mentions)]
    if len(by_surname) == 1:
        return by_surname[0]
    last.sort(reverse=True)
    # "X Brandt said …" … "“…,” Brandt said": of the bearers, the one who spoke before speaks again
    if _speaking_at(parsed, offset):
        spoke = [key for _, key in last if any(m.span.begin < offset and _speaking_at(parsed, m.span.begin)
                                               for m in index.actors[key].mentions if m.kind != "pronoun")]
        if len(spoke) == 1:
            return spoke[0]
    if len(last) > 1 and _sentence_no(parsed, last[0][0]) == _sentence_no(parsed, last[1][0]):
        return None
    # the one who was the subject of this or the last sentence goes on ("His son, Peter Hale, took it over. Peter
    # Hale wants … Hale said"); a bearer named in passing ("confirmed with his daughter Ilse Marr") does not take
    # the bare surname from the person the article is about, named first
    here = _sentence_no(parsed, offset)
    focus = [key for off, key in last if here - _sentence_no(parsed, off) <= 1 and _subject_at(parsed, off)]
    if focus:
        return focus[0]
    firsts = sorted((min(m.span.begin for m in index.actors[key].mentions), key) for _, key in last)
    return firsts[0][1]


def _subject_at(parsed: Parsed, offset: int) -> bool:
    hit = parsed.token_at(offset)
    if hit is None:
        return False
    tok = hit[1]
    while tok.dep_ in ("compound", "flat") and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in ("nsubj", "nsubjpass")


def _speaking_at(parsed: Parsed, offset: int) -> bool:
    """Whether the name at ``offset`` is the subject of a reporting verb ("Brandt said", "said Brandt")."""
    hit = parsed.token_at(offset)
    if hit is None:
        return False
    tok = hit[1]
    while tok.dep_ in ("compound", "flat", "appos") and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "nsubj" and tok.head.lemma_.lower() in lexicon.reporting_verbs()


def _sentence_no(parsed: Parsed, offset: int) -> int:
    starts = parsed.__dict__.setdefault("_sentence_starts", [pb.offset + s.start_char for pb, s in parsed.sentences])
    return bisect.bisect_right(starts, offset)


def bare_name(ent: SpacySpan) -> str:
    """A person's name without honorifics and a possessive, its words spaced as written ("Mei-ling Chan")."""
    toks = [t for t in ent if t.text not in lexicon.titles() and t.text not in ("’s", "'s")]
    return " ".join("".join(t.text_with_ws for t in toks).split()).strip(" ,")


def _title_before(pb: ParsedBlock, ent: SpacySpan) -> str | None:
    """The words the text puts before a full name as what the person is ("Assistant U.S. Attorney", "actor",
    "Nampa Police Chief"): the modifiers of the name that run up to it; for the linker (a record's description
    must agree with them)."""
    doc = pb.doc
    i = ent.start - 1
    while i >= 0 and doc[i].pos_ in ("PROPN", "NOUN", "ADJ") and doc[i].dep_ in ("compound", "amod", "nmod") and \
            i < doc[i].head.i < ent.end:
        i -= 1
    words = doc[i + 1 : ent.start]
    return words.text if len(words) else None
