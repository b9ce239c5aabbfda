"""Pronouns: "he", "his", "she", "her", "its" outside quotations go to an actor of the discourse; in a quotation "I"
is its speaker and "we" the body the speaker speaks for.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Token

from kg import lexicon
from kg.extraction import coref as corefs
from kg.extraction.coref import FEMALE, MALE, NEUTER
from kg.model import Span

if TYPE_CHECKING:
    from kg.extraction.coref import Coref

FIRST_SINGULAR = {"i", "me", "my", "mine", "myself"}


FIRST_PLURAL = {"we", "us", "our", "ours", "ourselves"}


def first_person(coref: Coref, statements) -> None:  # noqa: ANN001
    """In a quotation, "I" is its speaker and "we" the body the speaker speaks for: an organisation speaking, or the
    organisation (not the country: "we" of a president may be the nation or the people in the room) of a post the
    speaker holds."""
    index = coref.index
    parsed = index.parsed
    posts = {h.holder: h.organization for h in coref.holdings if h.organization}
    for st in statements:
        if st.speaker is None or st.quote_type not in ("direct", "mixed") or st.speaker not in index.actors:
            continue
        speaker = index.actors[st.speaker]
        we: str | None = speaker.key
        if speaker.kind == "person":
            org = posts.get(speaker.key)
            we = org if org in index.actors and index.actors[org].kind in ("organization", "government") else None
        for span in st.content:
            for pb, tok in parsed.tokens_starting_in(span.begin, span.end):
                off = pb.offset + tok.idx
                if tok.pos_ != "PRON" or not coref.in_quote(off):
                    continue
                low = tok.lower_
                key = speaker.key if low in FIRST_SINGULAR else we if low in FIRST_PLURAL else None
                if key is None or key not in index.actors or off in coref.pronouns:
                    continue
                coref.pronouns[off] = key
                index.actors[key].mentions.append(_mention(parsed.article.span(off, off + len(tok.text))))


# --- pronouns ---------------------------------------------------------------------------------------------------


@dataclass
class _Seen:
    key: str
    offset: int
    subject: bool
    sentence: int


def resolve_pronouns(coref: Coref) -> None:
    index = coref.index
    parsed = index.parsed
    history: list[_Seen] = coref.history
    for sent_no, ((pb, sent), toks) in enumerate(zip(parsed.sentences, parsed.sentence_tokens)):
        for tok in toks:
            off = parsed.tok_begin(pb, tok)
            hit = index.mention_of_token(pb, tok)
            if hit is not None:
                key, span = hit
                if span.begin == off and not coref.in_quote(off):  # what is named inside a quote is not narrated
                    history.append(_Seen(key, off, _is_subject(tok, span, parsed, pb), sent_no))
                continue
            tag = tok.tag_
            if tag != "NN" and tag not in ("PRP", "PRP$"):
                continue  # neither a person noun nor a pronoun (a word's tag read once: most words are neither)
            if tag == "NN" and (_speaking_role(coref, tok, off) or _unnamed_subject(coref, tok, off)):
                # "The ministry's spokesman declared …", "A 25-year-old man was injured": an unnamed person is
                # somebody "he" can refer to next
                hit = corefs.resolve(coref, pb, tok, create=True)
                if hit is not None and hit[0] in index.actors:
                    history.append(_Seen(hit[0], off, True, sent_no))
                    sex = _GENDERED.get(tok.lemma_.lower()) or next(
                        ({"male": "m", "female": "f"}[c.lower_] for c in tok.children if c.lower_ in ("male", "female")),
                        None)
                    if sex:
                        coref.gender.setdefault(hit[0], sex)
                continue
            low = tok.lower_
            subject_it = low == "it" and tok.dep_ == "nsubj" and tok.head.lemma_ in lexicon.reporting_verbs()
            if tok.pos_ != "PRON" or (low not in MALE | FEMALE | NEUTER and not subject_it) or coref.in_quote(off):
                continue
            key = _antecedent(coref, history, low, tok, sent_no)
            if key is None:
                continue
            coref.pronouns[off] = key
            index.actors[key].mentions.append(_mention(parsed.article.span(off, off + len(tok.text))))
            if low in MALE:
                coref.gender.setdefault(key, "m")
            elif low in FEMALE:
                coref.gender.setdefault(key, "f")
            history.append(_Seen(key, off, tok.dep_ in ("nsubj", "nsubjpass"), sent_no))


_GENDERED = {"man": "m", "boy": "m", "woman": "f", "girl": "f"}


def _unnamed_subject(coref: Coref, tok: Token, off: int) -> bool:
    """A man or a woman the text does not name, as the subject of a clause ("A 25-year-old man was injured")."""
    return tok.dep_ in ("nsubj", "nsubjpass") and tok.tag_ == "NN" and not coref.in_quote(off) and \
        (tok.lemma_.lower() in _GENDERED or tok.lemma_.lower() in lexicon.person_nouns() and
         any(c.lower_ in ("male", "female") for c in tok.children))


def _speaking_role(coref: Coref, tok: Token, off: int) -> bool:
    """A singular role noun (spokesman, official, prosecutor …) that is the subject of a reporting verb."""
    if tok.dep_ != "nsubj" or tok.tag_ != "NN" or coref.in_quote(off):
        return False
    verb = tok.head
    if verb.lemma_.lower() not in lexicon.reporting_verbs():
        return False
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.pos_ == "PROPN":
        return False  # "Niger's president Mahamadou Issoufou said": a title before a name, not somebody unnamed
    lemma = tok.lemma_.lower()
    return lemma in lexicon.person_nouns() or lemma in lexicon.post_heads() or lemma in lexicon.role_nouns()


def _mention(span: Span):  # noqa: ANN202
    from kg.model import Mention

    return Mention(span, "pronoun")


def _is_subject(tok: Token, span: Span, parsed, pb) -> bool:  # noqa: ANN001
    """Whether the mention starting at ``tok`` is a clause subject (its syntactic head, climbing appositions)."""
    toks = [t for _, t in parsed.tokens_starting_in(parsed.tok_begin(pb, tok), span.end)]  # no doc[i:] (slow)
    inside = {t.i for t in toks}
    root = next((t for t in toks if t.head.i not in inside or t.head.i == t.i), tok)
    while root.dep_ in ("compound", "flat", "appos") and root.head.i != root.i:
        root = root.head
    return root.dep_ in ("nsubj", "nsubjpass")


def _antecedent(coref: Coref, history: list[_Seen], low: str, tok: Token, sent_no: int) -> str | None:
    index = coref.index
    if low in NEUTER or low == "it":
        wanted = {"organization", "government", "country"}
    else:
        wanted = {"person"}
    gender = "m" if low in MALE else "f" if low in FEMALE else None
    candidates = [s for s in history if index.actors.get(s.key) and index.actors[s.key].kind in wanted
                  and sent_no - s.sentence <= 4]
    if gender:
        candidates = [s for s in candidates if coref.gender.get(s.key, gender) == gender]
    if not candidates:
        return None
    is_object = tok.dep_ in ("dobj", "pobj", "dative")
    same = [s for s in candidates if s.sentence == sent_no]
    if same:
        subj = [s for s in same if s.subject]
        if subj and not (is_object and len({s.key for s in same}) > 1 and subj[-1].key == same[-1].key):
            return subj[-1].key
        if not is_object:
            return same[-1].key
    for back in range(1, 5):
        prev = [s for s in candidates if s.sentence == sent_no - back]
        subj = [s for s in prev if s.subject]
        if subj:
            return subj[-1].key
        if prev:
            return prev[-1].key
    return candidates[-1].key


# --- descriptions -----------------------------------------------------------------------------------------------
