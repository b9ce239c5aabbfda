"""Pronouns: "he", "his", "she", "her", "its" outside quotations go to an actor of the discourse (in a quotation, "I"
and "we": :mod:`kg.extraction.first_person`).

Which actor (:func:`_antecedent`): gender and kind agree (a "his" never goes to a woman, an "its" never to a person);
in the pronoun's own sentence the subject, else the nearest mention, but never its own clause's subject for an
object ("X told him"); otherwise salience over the last sentences in the manner of Lappin and Leass (1994): each
mention weighs by its role and is halved with every sentence since, so that the person the story is about — named
again and again, also inside the quotations about them — outweighs a speaker named once before a long quotation,
and the subject of a "he said" prefers whoever spoke last and is never somebody named only inside a quotation
(people quoted name others, rarely themselves); the person of a "For X," opening a sentence, whose view it gives,
counts as its subject and a speaker.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from kg import lexicon
from kg.extraction.captions import caption_offsets
from kg.extraction import coref as corefs
from kg.extraction.coref import FEMALE, MALE, NEUTER
from kg.extraction.glued import clause_subject, reported_clause
from kg.extraction.mention_roles import Seen, reports, role_of, seen_at, verb_at
from kg.extraction.noun_cues import issues_words
from kg.extraction.steps import Step, Work
from kg.model import Span

if TYPE_CHECKING:
    from kg.extraction.coref import Coref

# --- pronouns ---------------------------------------------------------------------------------------------------


# Lappin & Leass (1994) salience: a mention's weight by its role, halved with every sentence since
ROLE_WEIGHT = {"subject": 80, "object": 50, "oblique": 40, "possessive": 30, "other": 0}
RECENCY = 100
SPEAKER_CHAIN = 60  # "“…,” he said" after a quotation chain: whoever spoke last goes on
WINDOW = 4  # sentences of narration back (sentences wholly inside a quotation do not count)
CONTESTED = 1.5  # a runner-up within this factor of the best makes a speaking pronoun's antecedent contested


def resolve_pronouns(coref: Coref) -> None:
    index = coref.index
    parsed = index.parsed
    history: list[Seen] = coref.history
    captions = caption_offsets(parsed)
    narrated = _narrated_sentences(coref, parsed)
    for sent_no, ((pb, sent), toks) in enumerate(zip(parsed.sentences, parsed.sentence_tokens)):
        if pb.offset in captions:
            continue  # a picture's caption: whom it names is not in the story's discourse
        for tok in toks:
            off = parsed.tok_begin(pb, tok)
            hit = index.mention_of_token(pb, tok)
            if hit is not None:
                key, span = hit
                if span.begin == off:
                    # what is named inside a quote is what was said about, not a narrated participant
                    history.append(seen_at(key, off, tok, span, parsed, pb, sent_no, coref.in_quote(off)))
                    if (people := _people_of(coref, pb, tok, off, key)) is not None:
                        # "Agency officials speculated …. They said …": the officials act, their body does not
                        history[-1].subject, history[-1].speaker, history[-1].role = False, False, "other"
                        history.append(Seen(people, off, True, sent_no, "subject", verb=verb_at(pb, tok.head),
                                            speaker=reports(tok.head)))
                continue
            tag = tok.tag_
            if tag == "NNS" and tok.dep_ in ("nsubj", "nsubjpass") and tok.lower_ in lexicon.group_nouns() and \
                    not coref.in_quote(off):
                # "The officers were suspended … They indicated …": a group that acts is somebody "they" can be
                hit = corefs.resolve(coref, pb, tok, create=True)
                if hit is not None and hit[0] in index.actors and index.actors[hit[0]].kind == "group":
                    history.append(Seen(hit[0], off, True, sent_no, "subject", verb=verb_at(pb, tok),
                                         speaker=reports(tok)))
                continue
            if tag != "NN" and tag not in ("PRP", "PRP$"):
                continue  # neither a person noun nor a pronoun (a word's tag read once: most words are neither)
            if tag == "NN" and tok.dep_ in ("nsubj", "nsubjpass") and tok.lemma_.lower() in lexicon.org_heads() and \
                    not coref.in_quote(off) and any(c.lower_ in ("a", "an", "the") or c.dep_ == "poss" and c.pos_ != "PRON"
                                                    for c in tok.children) and \
                    reported_clause(tok) is None:
                # "A regional airline has cancelled … It said …": an unnamed body that acts is what "it" can be
                hit = corefs.resolve(coref, pb, tok, create=True)
                if hit is not None and hit[0] in index.actors and \
                        index.actors[hit[0]].kind in ("organization", "government"):
                    history.append(Seen(hit[0], off, True, sent_no, "subject", verb=verb_at(pb, tok),
                                         speaker=reports(tok)))
                continue
            if tag == "NN" and (_speaking_role(coref, tok, off) or _unnamed_subject(coref, tok, off)
                                or _acting_role(coref, tok, off) and not _named_person_near(coref, history, sent_no)):
                # "The ministry's spokesman declared …", "A young woman was hurt", "The coach reacted …":
                # an unnamed person is somebody "he" can refer to next
                hit = corefs.resolve(coref, pb, tok, create=True)
                if hit is not None and hit[0] in index.actors:
                    poss = tok.dep_ == "poss"
                    history.append(Seen(hit[0], off, not poss, sent_no, "possessive" if poss else "subject",
                                         verb=verb_at(pb, tok), speaker=reports(tok)))
                    sex = _GENDERED.get(tok.lemma_.lower()) or next(
                        ({"male": "m", "female": "f"}[c.lower_] for c in tok.children if c.lower_ in ("male", "female")),
                        None)
                    if sex:
                        coref.gender.setdefault(hit[0], sex)
                continue
            low = tok.lower_
            speaking = tok.dep_ == "nsubj" and (tok.head.lemma_ in lexicon.reporting_verbs() or
                                                low == "it" and issues_words(tok.head))
            # "it said", "they said": a body or a group speaks (not the pair of "X and Y said they believe …")
            subject_it = speaking and (low == "it" or low == "they" and not _pair_reports(tok))
            if tok.pos_ != "PRON" or (low not in MALE | FEMALE | NEUTER and not subject_it) or coref.in_quote(off):
                continue
            key = _antecedent(coref, history, low, tok, sent_no, pb, narrated)
            if key is None:
                continue
            coref.pronouns[off] = key
            index.actors[key].mentions.append(pronoun_mention(parsed.article.span(off, off + len(tok.text))))
            if low in MALE:
                coref.gender.setdefault(key, "m")
            elif low in FEMALE:
                coref.gender.setdefault(key, "f")
            role = role_of(tok)
            history.append(Seen(key, off, role == "subject", sent_no, role, verb=verb_at(pb, tok),
                                 speaker=role == "subject" and reports(tok)))


_GENDERED = {"man": "m", "boy": "m", "woman": "f", "girl": "f"}


def _unnamed_subject(coref: Coref, tok: Token, off: int) -> bool:
    """A man or a woman the text does not name, as the subject of a clause ("A young woman was hurt")."""
    return tok.dep_ in ("nsubj", "nsubjpass") and tok.tag_ == "NN" and not coref.in_quote(off) and \
        (tok.lemma_.lower() in _GENDERED or tok.lemma_.lower() in lexicon.person_nouns() and
         any(c.lower_ in ("male", "female") for c in tok.children))


def _acting_role(coref: Coref, tok: Token, off: int) -> bool:
    """A definite role noun that acts ("The coach reacted by …", "the umpire stopped play", "the coach's protest"):
    the sports and court desks tell of "the coach" or "the judge" without naming them, and "he said" later goes to
    whoever acted."""
    if tok.dep_ not in ("nsubj", "nsubjpass", "poss", "ROOT") or coref.in_quote(off):
        return False  # a subject, a possessor ("the coach's actions"), or a subject the parser left as the root
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return False
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.pos_ == "PROPN":
        return False  # "the coach Ana Ruiz reacted": a title before a name
    # a source noun (coach, judge, umpire), never a topic noun ("the suspect", "the striker"): those describe the
    # person in focus, whom they would bind to whoever is salient at the time
    # a post ("the home secretary spoke on Sunday. He said …") acts as a person too
    lemma = tok.lemma_.lower()
    return lexicon.role_nouns().get(lemma) == "source" or lemma in lexicon.post_heads() and tok.tag_ == "NN"


def _named_person_near(coref: Coref, history: list[Seen], sent_no: int) -> bool:
    """Whether a named person was mentioned in the last :data:`WINDOW` sentences: "the coach" then is most likely
    that person under a role the article did not spell out, not somebody new."""
    actors = coref.index.actors
    for s in reversed(history):
        if sent_no - s.sentence > WINDOW:
            return False
        a = actors.get(s.key)
        if a is not None and a.kind == "person" and not s.key.startswith("anon/"):
            return True
    return False


def _speaking_role(coref: Coref, tok: Token, off: int) -> bool:
    """A singular role noun (spokesman, official, prosecutor …) that is the subject of a reporting verb."""
    if tok.dep_ != "nsubj" or tok.tag_ != "NN" or coref.in_quote(off):
        return False
    verb = tok.head
    if verb.lemma_.lower() not in lexicon.reporting_verbs():
        return False
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.pos_ == "PROPN":
        return False  # "Tunisia's trade minister Leila Haddad said": a title before a name, not somebody unnamed
    lemma = tok.lemma_.lower()
    return lemma in lexicon.person_nouns() or lemma in lexicon.post_heads() or lemma in lexicon.role_nouns()


def _people_of(coref: Coref, pb, tok: Token, off: int, key: str) -> str | None:  # noqa: ANN001
    """The group a named body's people make as the subject of a clause ("Agency officials", "ministry officials"):
    the body's name (``key``, mentioned at ``tok``) is a compound of a plural group noun."""
    head = tok
    while head.dep_ == "compound" and head.head.i > head.i:
        head = head.head
    if head is tok or head.tag_ != "NNS" or head.lower_ not in lexicon.group_nouns() or \
            head.dep_ not in ("nsubj", "nsubjpass") or coref.in_quote(off):
        return None
    actor = coref.index.actors.get(key)
    if actor is None or actor.kind not in ("organization", "government"):
        return None
    hit = corefs.resolve(coref, pb, head, create=True)
    return hit[0] if hit is not None and hit[0] in coref.index.actors and \
        coref.index.actors[hit[0]].kind == "group" else None


def pronoun_mention(span: Span):  # noqa: ANN202
    from kg.model import Mention

    return Mention(span, "pronoun")


def _pair_reports(tok: Token) -> bool:
    """Whether a "they" stands in what a coordinated subject reports ("X and Y said they believe …")."""
    verb = tok.head
    while verb.dep_ in ("ccomp", "conj", "xcomp") and verb.head.i != verb.i:
        verb = verb.head
        if verb.lemma_.lower() in lexicon.reporting_verbs():
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            return subject is not None and any(c.dep_ == "conj" for c in subject.children)
    return False




def _narrated_sentences(coref: Coref, parsed) -> list[int]:  # noqa: ANN001 - a Parsed
    """For each sentence, how many sentences up to it are narration: a sentence wholly inside a quotation (its
    first and last words quoted) does not count, so that the distance back to an antecedent is read over the
    narration — "“…. …. …. …,” she told the paper" reaches the person named before a long quotation as easily as
    after a short one."""
    out: list[int] = []
    n = 0
    for (pb, _sent), toks in zip(parsed.sentences, parsed.sentence_tokens):
        words = [t for t in toks if not (t.is_punct or t.is_space)]
        quoted = bool(words) and coref.in_quote(pb.offset + words[0].idx) and coref.in_quote(pb.offset + words[-1].idx)
        n += not quoted
        out.append(n)
    return out


def _antecedent(coref: Coref, history: list[Seen], low: str, tok: Token, sent_no: int, pb,  # noqa: ANN001
                narrated: list[int]) -> str | None:
    """The actor a pronoun refers to. Gender and kind must agree. In its own sentence, the subject ("X said he …"),
    else the nearest mention ("… was Oren Maddox, midway through his second season") — but an object is never its
    own clause's subject ("X told him"). Otherwise the most salient actor of the last :data:`WINDOW` sentences of
    narration: each mention weighs by its role (:data:`ROLE_WEIGHT`), half as much inside a quotation (what was said about
    somebody keeps them in view), halved with every sentence since; the subject of a reporting verb prefers whoever
    spoke last."""
    index = coref.index
    if low == "they":
        wanted = {"group", "organization", "government"}
    elif low in NEUTER or low == "it":
        wanted = {"organization", "government", "country"}
    else:
        wanted = {"person"}
    gender = "m" if low in MALE else "f" if low in FEMALE else None
    recent: list[Seen] = []
    here = narrated[sent_no]
    for s in reversed(history):  # the history is in text order: read back only over the window
        if here - narrated[s.sentence] > WINDOW:
            break
        recent.append(s)
    recent.reverse()
    candidates = [s for s in recent if (a := index.actors.get(s.key)) is not None
                  and a.kind in wanted and (not gender or coref.gender.get(s.key, gender) == gender)]
    if low in NEUTER or low == "it":
        # "one of the largest developers in the UK. … it warned": a country named only where things are is a
        # place, not the body an "it" or "its" goes on with ("support for Ukraine as it defends its …" still is);
        # a country that speaks has acted as one (a subject, an owner), not only been listed or gone to
        agents = {s.key for s in candidates if s.role in ("subject", "possessive")} if role_of(tok) == "subject" and \
            reports(tok) else {s.key for s in candidates if not s.place}
        candidates = [s for s in candidates if index.actors[s.key].kind != "country" or s.key in agents]
    if not candidates:
        return None
    ahead = _fronted_subject(coref, tok, pb, wanted, gender)
    if ahead is not None:
        return ahead
    if tok.dep_ == "nsubj" and any(c.lower_ == "also" for c in tok.head.children if c.dep_ == "advmod") and \
            (before := [s for s in candidates if s.sentence == sent_no - 1 and s.subject and not s.quoted]):
        return before[0].key  # "He also instructed …": the subject of the sentence before goes on, not the most salient
    role = role_of(tok)
    verb = verb_at(pb, tok)
    own = clause_subject(tok)  # "X said Y left because he …": the reported clause's own subject, not X
    if own is not None and not (role in ("object", "oblique") and verb == pb.offset + own[1].idx):
        hit = index.mention_of_token(pb, own[0])
        if hit is not None and any(s.key == hit[0] for s in candidates):
            return hit[0]
    bound = {s.key for s in candidates if role in ("object", "oblique") and s.sentence == sent_no
             and s.role == "subject" and s.verb == verb >= 0}  # "X told him": him is not X
    if tok.dep_ in ("nsubj", "nsubjpass"):
        # "When challenged by X for …, he stated …": the fronted passive's agent acts on the subject, is not it
        for clause in (c for c in tok.head.children if c.dep_ == "advcl" and c.i < tok.i):
            for t in clause.subtree:
                if t.dep_ == "pobj" and t.head.dep_ == "agent" and (hit := index.mention_of_token(pb, t)):
                    bound.add(hit[0])
    speaking = role == "subject" and reports(tok)
    if speaking and (quoted := [(b, e) for b, e in coref.quote_spans if e <= pb.offset + tok.idx and not
                                index.parsed.article.text[e : pb.offset + tok.idx].strip(" ,“”\"'’")][-1:]):
        # "“X lied,” he told the court": X is talked about; "X said Y would play. “…,” he said": X goes on
        named = {s.key for s in candidates if s.quoted and quoted[0][0] <= s.offset < quoted[0][1]}
        bound |= named if any(s.key not in named for s in candidates) else set()
        if len(chain := {s.key for s in candidates if s.sentence == sent_no - 1 and s.speaker and not s.quoted
                         and not s.reported and s.key not in bound}) == 1:
            return chain.pop()
    same = [s for s in candidates if s.sentence == sent_no and not s.quoted and s.key not in bound]
    if same:
        subj = [s for s in same if s.subject]
        # "He said Y is “…”; however, “…”, he added": who adds is who said, not Y, the subject talked about
        said = [s for s in subj if s.speaker and s.offset < pb.offset + tok.idx] if speaking else []
        return (said or subj or same)[-1].key
    scores: dict[str, float] = {}
    last: dict[str, int] = {}  # ties go to the one mentioned last
    for s in candidates:
        if s.key in bound or speaking and (s.quoted or s.reported):
            continue  # the "he" of "he said" speaks: who is named only inside a quotation or a report is talked about
        w = RECENCY + ROLE_WEIGHT[s.role] + (SPEAKER_CHAIN if speaking and s.speaker else 0)
        if s.quoted:
            w /= 2
        scores[s.key] = scores.get(s.key, 0.0) + w * 0.5 ** (sent_no - s.sentence)
        last[s.key] = s.offset
    if not scores:
        return None
    ranked = sorted(scores, key=lambda k: (scores[k], last[k]), reverse=True)
    if speaking and len(ranked) > 1 and scores[ranked[1]] * CONTESTED >= scores[ranked[0]]:
        # "“…,” he said" with two people it could be, close in salience (the last speaker and a person narrated
        # since): the best guess stands, marked as contested for the statement's confidence
        coref.contested.add(tok.idx + pb.offset)
    return ranked[0]


def _fronted_subject(coref: Coref, tok: Token, pb, wanted: set[str], gender: str | None) -> str | None:  # noqa: ANN001
    """A pronoun inside a clause or phrase fronted before its sentence's subject names that subject ("Until
    handing power to his brother, Rueda had led …", "After her speech, Ms Lind left"): the named subject that
    follows, when its kind and gender agree."""
    node = tok
    while node.head.i != node.i and node.head.dep_ != "ROOT":
        node = node.head
    root = node.head
    if node.i == root.i or node.dep_ not in ("advcl", "prep") or node.i > root.i:
        return None
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > tok.i), None)
    if subject is None or node.right_edge.i >= subject.i:
        return None
    if any(coref.index.mention_of_token(pb, t) for t in tok.doc[node.left_edge.i : tok.i]):
        return None  # "After Lind left his office, Berg …": the clause names its own antecedent first
    hit = coref.index.mention_of_token(pb, subject)
    if hit is None or coref.in_quote(hit[1].begin):
        return None
    actor = coref.index.actors.get(hit[0])
    if actor is None or actor.kind not in wanted or hit[0].startswith("anon/") or \
            (gender and coref.gender.get(hit[0], gender) != gender):
        return None
    return hit[0]


def _pronouns(work: Work) -> None:
    resolve_pronouns(work.coref)
    work.put(pronouns=work.coref.pronouns)


PRONOUNS = Step("pronouns", ("coref", "genders", "holdings", "roles", "role_mentions"), ("pronouns",), _pronouns,
                "third-person pronouns resolved to the actor they stand for")
