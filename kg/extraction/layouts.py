"""Statements that a layout, not a reporting verb, attributes: embedded social posts and interviews in Q&A form.

- A social post embedded in an article ends with its signature: "… — Jane Doe (@janedoe) October 3, 2022". What
  precedes the signature in the paragraph (or, for a signature on a line of its own, the paragraph before it) is the
  post, said by its author.
- An interview in Q&A form: paragraphs opened by a label ("Q:", "((Newswire))", "Ilka Morandi:", "IM:").
  Questions ("Q:", or a paragraph that asks) are the interviewer's — the outlet or person a question's label names,
  else the subject of "spoke to", "interviewed", "talked with" … before the first question; "A:" answers are the
  interviewee's (the person those verbs name as their object, else the person in focus at the first question —
  never the interviewer); a label naming a person, or spelling a person's
  initials, gives the paragraph to that person. Outside an interview, a paragraph opened by a known person's or
  organisation's name and a colon ("Park: We want …") is theirs. Without any label, paragraphs that ask and
  paragraphs that answer after "X spoke with Y" are an interview too (:mod:`kg.extraction.qa_paragraphs`).
"""

from __future__ import annotations

import re

from kg import lexicon
from kg.extraction import coref as corefs, discourse, qa_paragraphs
from kg.extraction.complements import personal
from kg.extraction.documents import untagged_issuer
from kg.extraction.steps import Step, Work
from kg.pipeline.ingest import slugify
from kg.model import Span, Statement

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
SIGNATURE = re.compile(rf"\s*(?:—|–|--|-)\s*(?P<name>[^()\n—–@]{{2,60}}?)\s*\(@\w{{1,30}}\)\s*"
                       rf"(?:{_MONTH} \d{{1,2}},? \d{{4}}|\d{{1,2}} {_MONTH},? \d{{4}})?\s*$")
_LINK_TAIL = re.compile(r"(?:\s*(?:pic\.twitter\.com/\S+|https?://\S+))+\s*$")
QA_LABEL = re.compile(r"^(?P<label>Q|Question|A|Answer)\s*[:.]\s+")
NAME_LABEL = re.compile(r"^(?P<label>[A-Z][\w.'’\- ]{1,40}?):\s+")
_FIELD = re.compile(r"\b[A-Z][A-Za-z]+ ?: +[$€£]?\d")  # a field of a fact box with a figure: "GDP: $973bn"
_INTERVIEW_VERBS = {"interview", "speak", "talk", "sit", "ask", "question"}


def headline_role(finder, q):  # noqa: ANN001, ANN202
    """A club's or a team's page that is one quotation over paragraphs under a headline labelled by a role ("The
    Manager | “…”", "Head coach: …"), with no statement before it: the unnamed holder of that role speaks."""
    if not q.parts or any(st.begin < q.outer.begin for st in finder.statements):
        return None
    head = next((pb for pb in finder.parsed.blocks if pb.block.kind == "headline"), None)
    if head is None or head.block.span.end > q.outer.begin:
        return None
    text = head.block.span.text
    cut = min((i for i in (text.find("|"), text.find(":")) if i > 0), default=-1)
    label = text[:cut].strip() if cut > 0 else ""
    words = label.lower().split()
    if not 1 <= len(words) <= 3 or lexicon.role_nouns().get(words[-1]) != "source" or \
            not all(w == "the" or w in lexicon.role_nouns() or w in ("head", "assistant") for w in words):
        return None
    begin = head.block.span.begin + text.index(label)
    span = finder.parsed.article.span(begin, begin + len(label))
    role = " ".join(w for w in words if w != "the")
    key = finder.coref.index.add_actor("anon/" + slugify(role), role, "person", span, "role")
    return (key, span), span


def social_posts(finder) -> list[Statement]:  # noqa: ANN001 - a StatementFinder
    out = []
    paragraphs = [pb for pb in finder.parsed.blocks if pb.block.kind == "paragraph"]
    for i, pb in enumerate(paragraphs):
        block = pb.block.span
        m = SIGNATURE.search(block.text)
        if m is None:
            continue
        body_end = block.begin + m.start()
        if m.start() == 0:  # the signature on a line of its own: the post is the paragraph before
            if i == 0:
                continue
            prev = paragraphs[i - 1].block.span
            body_begin, body_end = prev.begin, prev.end
        else:
            body_begin = block.begin
        text = finder.text[body_begin:body_end]
        text = _LINK_TAIL.sub("", text).rstrip()
        if len(text.split()) < 2:
            continue
        content = finder.parsed.article.span(body_begin, body_begin + len(text))
        if any(c.overlaps(content) for st in finder.statements for c in st.content):
            continue
        name = finder.parsed.article.span(block.begin + m.start("name"), block.begin + m.end("name"))
        speaker = _author(finder, name)
        out.append(Statement("", [content], "direct", speaker=speaker, speaker_mention=name, sentence=block,
                             evidence="named"))
    return out


def _author(finder, name: Span) -> str:  # noqa: ANN001
    index = finder.coref.index
    key = index.owner_at(name.begin, name.end)
    if key in index.actors:
        index.add_actor(key, index.actors[key].label, index.actors[key].kind, name)
        return key
    return index.add_actor("person/" + slugify(name.text), name.text, "person", name)


def interviews(finder) -> list[Statement]:  # noqa: ANN001
    """Paragraphs opened by a speaker label: "Q:"/"A:", "((Newswire))", "Ilka Morandi:", initials ("IM:")."""
    paragraphs = [pb for pb in finder.parsed.blocks if pb.block.kind == "paragraph"]
    labelled = []
    for pb in paragraphs:
        m = QA_LABEL.match(pb.block.span.text) or BRACKET_LABEL.match(pb.block.span.text) or \
            NAME_LABEL.match(pb.block.span.text)
        if m is not None and len(m.group("label").split()) <= 4:
            labelled.append((pb, m))
    questions = [pb for pb, m in labelled if pb.block.span.text.rstrip().endswith("?")]
    if len(labelled) < 2 or not questions:
        out, asked = qa_paragraphs.unlabelled(finder, lambda at: _interviewer(finder, at),
                                              lambda at, asker: _interviewee(finder, at, asker))
        _address(out, asked, next((st.speaker for st, q in zip(out, asked) if q), None))
        return out + _named_paragraphs(finder, labelled)
    first = labelled[0][0].block.span.begin
    index = finder.coref.index
    interviewer = None
    for pb, m in labelled:  # the label of a question that names somebody: "((Wikinews))"
        if pb in questions and m.group("label") not in ("Q", "Question"):
            interviewer = _label_actor(finder, pb, m, create=True)
            if interviewer is not None:
                break
    interviewer = interviewer or _interviewer(finder, first)
    interviewee = None
    out: list[Statement] = []
    asked: list[bool] = []  # whether each statement of ``out`` is a question of the interviewer
    for pb, m in labelled:
        label = m.group("label")
        if label in ("Q", "Question") or pb in questions:
            who = interviewer
        elif label in ("A", "Answer"):
            interviewee = interviewee or _interviewee(finder, first, interviewer) or \
                discourse.salient_person(finder.coref, first)
            who = interviewee if interviewee != interviewer else None
        else:
            who = _label_actor(finder, pb, m) or _initials(index, label)
        st = _labelled(finder, pb, m, who)
        if st is not None:
            out.append(st)
            asked.append(who == interviewer)
    _address(out, asked, interviewer)
    return out


def _address(out: list[Statement], asked: list[bool], interviewer: str | None) -> None:
    """In an interview each answers the other: an answer is said to the interviewer, a question to the one who
    answers it next."""
    for i, st in enumerate(out):
        if asked[i]:
            answer = next((a for a, q in zip(out[i + 1 :], asked[i + 1 :]) if not q), None)
            to = answer.speaker if answer is not None else None
        else:
            to = interviewer
        if to is not None and to != st.speaker:
            st.addressee = to


BRACKET_LABEL = re.compile(r"^\(\((?P<label>[^()\n]{1,40})\)\)\s*(?::\s*)?")  # ("((WSS)) : Which …")


def _named_paragraphs(finder, labelled) -> list[Statement]:  # noqa: ANN001
    """Outside an interview, only a paragraph opened by a known person's or organisation's name and a colon."""
    out = []
    for pb, m in labelled:
        if QA_LABEL.match(pb.block.span.text) or BRACKET_LABEL.match(pb.block.span.text):
            continue
        key = _label_actor(finder, pb, m)
        if key is not None:
            st = _labelled(finder, pb, m, key)
            if st is not None:
                out.append(st)
    return out


def _label_actor(finder, pb, m, *, create: bool = False) -> str | None:  # noqa: ANN001
    """The person or organisation a label names: a mention covering the whole label; with ``create``, a label that
    is a proper name nobody else bears becomes an organisation (an interviewing outlet: "((Newswire))")."""
    index = finder.coref.index
    b = pb.block.span.begin
    lb, le = b + m.start("label"), b + m.end("label")
    key = index.owner_at(lb, le)
    if key in index.actors and index.actors[key].kind in ("person", "organization", "government"):
        return key
    label = m.group("label").strip()
    named = [a.key for a in index.actors.values() if a.kind in ("person", "organization", "government") and
             (a.label == label or a.kind == "person" and " " not in label and a.label.split()[-1] == label)]
    if len(named) == 1:
        return named[0]  # "((Ana Ruiz))", "((Ruiz))" left untagged in its brackets: the one the article names so
    if (person := _initials(index, label)) is not None and _reporter(finder, person):
        return person  # "((WSS))" of the reporter the article names in full
    if create and label[:1].isupper() and not label.isupper() and len(label.split()) <= 3:
        return index.add_actor("org/" + slugify(label), label, "organization", finder.parsed.article.span(lb, le))
    return None


def _reporter(finder, key: str) -> bool:  # noqa: ANN001
    """Whether the article introduces a person as a reporter ("accredited reporter William S. Saturn")."""
    text = finder.parsed.article.text
    return any(any(w in text[max(0, m.span.begin - 40) : m.span.begin].lower() for w in _REPORTERS)
               for m in finder.coref.index.actors[key].mentions)


_REPORTERS = ("reporter", "correspondent", "journalist", "interviewer", "editor")


def _initials(index, label: str) -> str | None:  # noqa: ANN001
    """ "IM" for Ilka Morandi: the one person whose name's initials the label spells."""
    if not label.isupper() or not 2 <= len(label) <= 4:
        return None
    found = [a.key for a in index.actors.values() if a.kind == "person"
             and "".join(w[0] for w in a.label.split() if w[:1].isupper()) == label]
    return found[0] if len(found) == 1 else None


def _interviewer(finder, before: int) -> str | None:  # noqa: ANN001
    """Who asks: the subject of "spoke to", "interviewed", "talked with" … before the first question."""
    index = finder.coref.index
    for pb, sent in finder.parsed.sentences:
        if pb.offset + sent.start_char >= before:
            break
        for tok in sent:
            if tok.lemma_ in _INTERVIEW_VERBS and tok.pos_ == "VERB":
                subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
                # (a name the recogniser left untagged, "Newsline spoke with …": an outlet, or a person by a given name)
                hit = None if subj is None else index.mention_of_token(pb, subj) or \
                    untagged_issuer(finder.coref, pb, subj)
                if hit is not None:
                    return hit[0]
    return None


def _interviewee(finder, before: int, interviewer: str | None) -> str | None:  # noqa: ANN001
    """Who answers: the first person named after "spoke to", "interviewed", "talked with" … before the first
    question ("Ann Lee spoke to the coach Mark Tully"), never the interviewer."""
    index = finder.coref.index
    for pb, sent in finder.parsed.sentences:
        if pb.offset + sent.start_char >= before:
            break
        for tok in sent:
            if tok.lemma_ not in _INTERVIEW_VERBS or tok.pos_ != "VERB":
                continue
            for t in sent[tok.i - sent.start + 1 :]:  # the first person named after the verb
                hit = index.mention_of_token(pb, t)
                if hit is not None and hit[0] != interviewer and index.actors[hit[0]].kind == "person":
                    return hit[0]
    return None


def _labelled(finder, pb, m, who: str | None) -> Statement | None:  # noqa: ANN001
    if who is None:
        return None
    block = pb.block.span
    content = finder.parsed.article.span(block.begin + m.end(), block.end)
    if len(content.text.split()) < 2 or any(c.overlaps(content) for st in finder.statements for c in st.content):
        return None
    quoted = _opening_quotation(finder, content.begin)
    if quoted is None and m.re is NAME_LABEL and any(c.isdigit() or c == "@" for c in content.text) and (not any(
            t.pos_ in ("VERB", "AUX") for t in pb.doc if content.begin <= pb.offset + t.idx < content.end)
            or len(_FIELD.findall(content.text)) >= 2):
        # "Venue: Hall 2B, Oslo", "Tea: 213 for 1", "Area: 40 sq km Population: 2 million GDP: …": a fact box's
        # fields and values, not speech
        return None
    if quoted is not None:  # "Detective Constable Jo Bell: “…" — the quotation, over all its paragraphs, is said
        finder.used.add(id(quoted))
        return Statement("", list(quoted.spans), "direct", speaker=who, sentence=block, evidence="interview")
    return Statement("", [content], "direct", speaker=who, sentence=block, evidence="interview")


def _opening_quotation(finder, at: int):  # noqa: ANN001, ANN202 - a StatementFinder; a Quote or None
    """The double quotation that a label's paragraph opens with, right after the label (none given to a statement
    yet)."""
    return next((q for q in finder.quotes if q.outer.begin == at and q.mark == "double"
                 and id(q) not in finder.used), None)


def headline_colon(finder) -> list[Statement]:  # noqa: ANN001 - a StatementFinder
    """ "Keller: Sylvania will join the alliance" — a headline that attributes a claim with a colon.

    The rule is the kind of what precedes the colon and the syntax of what follows: a person or an organisation
    named right before the colon, followed by a clause (a finite verb) or a quotation, is a statement; a
    country, a place, a topic or a desk label ("Spain: minister resigns over leak", "Analysis: …") is a kicker
    label, and the headline is not attributed."""
    out: list[Statement] = []
    for pb in finder.parsed.blocks:
        if pb.block.kind != "headline":
            continue
        doc = pb.doc
        colon = next((t for t in doc if t.text == ":"), None)
        if colon is not None and (st := _claim_then_source(finder, pb, colon)) is not None:
            out.append(st)
            continue
        if colon is None or colon.i == 0 or colon.i > 6 or colon.i >= len(doc) - 2:
            continue
        if doc[: colon.i].text.strip().lower() in lexicon.kicker_labels():
            continue  # "Explainer: …", "Q&A: …": the kind of piece, whatever the recogniser made of the word
        hit = finder.coref.index.mention_of_token(pb, doc[colon.i - 1])
        if hit is None and doc[colon.i - 1].pos_ == "NOUN" and colon.i <= 3:
            hit = corefs.resolve(finder.coref, pb, doc[colon.i - 1], create=False)  # "Fire chief: …", named below
        if hit is None or finder.coref.index.actors[hit[0]].kind not in ("person", "organization", "government"):
            continue
        if any(not t.text[:1].isupper() for t in doc if pb.offset + t.idx < hit[1].begin):
            continue  # "Talks in Geneva, Keller: …": the name is not the whole label ("German Chancellor X" is)
        if _label_not_source(finder, pb, colon, hit[0]):
            continue
        after = doc[colon.i + 1 :]
        if not any(t.tag_ in ("VBZ", "VBP", "VBD", "MD") for t in after) and \
                not any(q.outer.begin >= pb.offset + doc[colon.i].idx for q in finder.quotes
                        if pb.block.span.contains(q.outer)):
            continue  # "Keller: a profile": no claim
        b = pb.offset + doc[colon.i + 1].idx
        e = pb.block.span.end
        content = finder.parsed.article.span(b, e)
        if any(s.content[0].overlaps(content) for s in finder.statements + out):
            continue
        quoted = any(content.contains(q.outer) for q in finder.quotes)
        out.append(Statement("", [content], "mixed" if quoted else "indirect", speaker=hit[0],
                             speaker_mention=hit[1], sentence=pb.block.span, evidence="headline"))
        for q in finder.quotes:
            if content.contains(q.outer):
                finder.used.add(id(q))
    return out


def _label_not_source(finder, pb, colon, key: str) -> bool:  # noqa: ANN001
    """A name before a headline's colon that is a page's label, not a source: the topic the headline goes on to
    name again ("Acme : Senators Halt Acme Order"), or the columnist whose byline the page carries ("JO
    ROE: …" over "By Jo Roe" or a line that is only the name)."""
    label = pb.doc[: colon.i].text.strip().lower()
    if any(m.span.begin >= pb.offset + colon.idx and m.span.end <= pb.block.span.end
           for m in finder.coref.index.actors[key].mentions):
        return True
    # (a byline is a line of its own, or set in capitals: "attacked by Roe" in a sentence is no byline)
    return any(text.lower() in (label, "by " + label) for b in finder.parsed.blocks
               if b.block.kind != "headline" and len(text := b.block.span.text.strip()) <= len(label) + 3) or \
        f"BY {label.upper()}" in finder.text


def _claim_then_source(finder, pb, colon):  # noqa: ANN001, ANN202 - a Statement or None
    """ "Mayor recovering after surgery: city officials", "Storm kills 12: police" — a wire headline that gives its
    source after the colon: a short noun phrase (people, a body, a person) after a clause with a verb."""
    doc = pb.doc
    after = [t for t in doc[colon.i + 1 :] if not t.is_punct]
    if not 1 <= len(after) <= 4 or colon.i < 3 or \
            not any(t.tag_ in ("VBZ", "VBP", "VBD", "MD", "VBG", "VBN") for t in doc[: colon.i]):
        return None
    head = next((t for t in after if t.head.i == t.i or t.head.i < colon.i or t.head.i >= after[-1].i + 1), None)
    if head is None or head.pos_ not in ("NOUN", "PROPN") or \
            head.pos_ == "NOUN" and head.lower_ not in lexicon.group_nouns() and not personal(head):
        return None
    hit = corefs.resolve(finder.coref, pb, head)
    index = finder.coref.index
    if hit is None or hit[0] not in index.actors or index.actors[hit[0]].kind == "country":
        return None
    content = finder.parsed.article.span(pb.offset + doc[0].idx, pb.offset + doc[colon.i - 1].idx +
                                         len(doc[colon.i - 1].text))
    if any(s.content[0].overlaps(content) for s in finder.statements):
        return None
    whole = next((q for q in finder.quotes if q.outer == content and finder.is_clause(q)), None)
    if whole is not None:  # "“No deal is better than a bad deal”: minister": the source's own words
        finder.used.add(id(whole))
        return Statement("", list(whole.spans), "direct", speaker=hit[0], speaker_mention=hit[1],
                         sentence=pb.block.span, evidence="headline")
    return Statement("", [content], "indirect", speaker=hit[0], speaker_mention=hit[1], sentence=pb.block.span,
                     evidence="headline")


def _layouts(work: Work) -> None:
    finder = work.statement_finder
    found = headline_colon(finder)
    finder.statements += found
    more = interviews(finder) + social_posts(finder)
    finder.statements += more
    work.put(layout_statements=found + more)


LAYOUTS = Step("layouts", ("statement_finder", "cue_statements"), ("layout_statements",), _layouts,
               "statements a layout attributes: a headline \"X: claim\" (or \"claim: X\"), Q&A interviews, embedded "
               "social posts")
