"""Statements: who said what to whom, through whom — direct, indirect and mixed.

For every reporting cue, what was said is its complement clause; quotations next to the cue or holding its
complement make the statement direct (all of the content is quoted) or mixed (part of it is). One quotation split by
the cue (“A,” he said, “B.”) is one statement with two content spans. A quotation no cue claims continues the
previous speaker when it stands as a sentence of its own right after an attributed one; a headline "X: claim" is
attributed to X. Speakers and addressees resolve to actors through :mod:`kg.extraction.coref`.
"""

from __future__ import annotations

import re

from kg.extraction import coref as corefs, discourse, headline_bodies
from kg.extraction.cue_frames import described_name, message_author
from kg.extraction.cues import Cue, find_cues
from kg.extraction.documents import Documents, going_on
from kg.extraction.complements import ADDRESSEE_VERBS
from kg.extraction.glued import regrouped, titled_person
from kg.extraction.noun_cues import find_noun_cues
from kg.extraction.quotes import Quote
from kg.extraction.quote_places import without_repeats
from kg.extraction.source_phrases import cited_source
from kg.extraction.statement_sources import StatementSources
from kg.extraction.statement_spans import StatementSpans, only_glue, to_the_marks
from kg.extraction.steps import Step, Work
from kg.model import Span, Statement
from kg.pipeline.ingest import slugify
from kg.pipeline.nlp import Parsed

_MON = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_PLACE_WORD = r"[A-Z][A-Za-z.'’\-]+"
# A dateline at the start of a paragraph: "LONDON, Oct 31 (Newswire) – ", "WASHINGTON — ", "NEW YORK (AP) — ",
# "Kyiv, Ukraine (Agency) - ". It is the writer's, never part of what somebody said.
DATELINE = re.compile(
    rf"^(?:[A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+)*(?:, {_PLACE_WORD}(?: {_PLACE_WORD})*)?(?:,? {_MON} \d{{1,2}})?"
    rf"(?: \([^()\n]{{1,40}}\))?"
    rf"|{_PLACE_WORD}(?: {_PLACE_WORD})*(?:, {_PLACE_WORD}(?: {_PLACE_WORD})*)?(?:,? {_MON} \d{{1,2}})? "
    rf"\([^()\n]{{1,40}}\))\s*(?:—|–|--|-)\s+")


class StatementFinder(StatementSpans, StatementSources):
    def __init__(self, parsed: Parsed, coref: corefs.Coref, quotes: list[Quote], documents: Documents,
                 *, single_marks: bool = False) -> None:
        self.single_marks = single_marks  # the article quotes with ‘…’ (British style), not only in headlines
        self.parsed = parsed
        self.text = parsed.article.text
        self.coref = coref
        self.quotes = quotes
        self.documents = documents
        self.used: set[int] = set()  # ids of quotes given to a statement
        self.spoken: dict = {}  # (block offset, subject token) → the speaker resolved for it
        self.statements: list[Statement] = []
        self.datelines = [(pb.block.span.begin, pb.block.span.begin + m.end()) for pb in parsed.blocks
                          if pb.block.kind == "paragraph" and (m := DATELINE.match(pb.block.span.text))]

    # --- helpers --------------------------------------------------------------------------------------------------
    def in_quote(self, off: int) -> bool:
        return self.coref.in_quote(off)

    def quote_holding(self, off: int) -> Quote | None:
        return next((q for q in self.quotes if any(s.begin <= off < s.end for s in q.spans)), None)

    # --- main -----------------------------------------------------------------------------------------------------
    def from_cues(self) -> list[Statement]:
        """The statements of the reporting cues, sentence by sentence; then nested reports sorted out."""
        for (pb, sent), toks in zip(self.parsed.sentences, self.parsed.sentence_tokens):
            self.sentence_cues = find_cues(pb, sent, self.in_quote, toks) + \
                find_noun_cues(pb, sent, self.in_quote, toks)
            for cue in self.sentence_cues:
                self._from_cue(cue)
        self._drop_nested()
        self._according_after()
        self._relayed()
        return self.statements

    def _from_cue(self, cue: Cue) -> None:
        pb = cue.pb
        if cue.verb.dep_ != "ROOT" and cue.sent.text.rstrip(" \"”’'").endswith("?") and \
                any(c.lower_ in ("why", "how", "whether") and c.dep_ in ("advmod", "mark") for c in cue.verb.children):
            return  # "Could you tell us why Spain now considers …?": a question asks about a view, reports none
        if cue.verb.tag_ == "VBG" and any(o is not cue and (src := cited_source(o)) is not None and
                                          src.head.i == cue.verb.i for o in getattr(self, "sentence_cues", [])):
            return  # "X, citing officials, said …": the participle names whom X relays, it says nothing itself
        contents: list[Span] = []
        clause: list[Span] = []  # a headline's own clause after a quotation and a colon
        qtype = "indirect"
        quoted: list[Quote] = []
        taken: list[Quote] = []  # quotations this cue claims, if it makes a statement
        for head in cue.complements:
            q = self.quote_holding(pb.offset + head.idx)
            if cue.verb.dep_ == "relcl" and head.i == cue.verb.head.i:  # "a charge that X denied": the noun phrase
                a, b = corefs.np_bounds(head)
                while b - 1 > a and pb.doc[b - 1].lower_ in ("that", "which", "who", ","):
                    b -= 1
                rng = (pb.offset + pb.doc[a].idx, pb.offset + pb.doc[b - 1].idx + len(pb.doc[b - 1].text))
            else:
                rng = self._subtree_span(pb, head, cue)
            if rng is not None:  # "LONDON (Reuters) - “…,” X said": the dateline the parse ran into is not said
                rng = next(((e, rng[1]) for b, e in self.datelines if b <= rng[0] < e < rng[1]), rng)
            if q is not None and id(q) not in self.used and rng is not None and \
                    (rng[0] >= q.outer.begin or only_glue(self.text[rng[0] : q.outer.begin])):
                quoted.append(q)
                continue
            if rng is None:
                continue
            inside = [q for q in self.quotes if id(q) not in self.used and rng[0] <= q.outer.begin < rng[1]]
            if len(inside) == 1 and self._whole(rng, inside[0]):
                quoted.append(inside[0])  # "stressed that “…”": the whole complement is quoted, a direct quotation
                continue
            if inside:
                end = max(rng[1], *(q.outer.end for q in inside))
                taken += inside
                contents.append(self.parsed.article.span(rng[0], end))
                # a short quotation inside a topic ("concerned about the spread of “shadow rostering”") is a term
                # the writer marks, not the source's words (tests/gold/README.md: scare quotes)
                if not (head.i in cue.topics and all(len(q.inner.text.split()) <= 3 for q in inside)):
                    qtype = "mixed"
            else:
                contents.append(self.parsed.article.span(*rng))
        for q in self._adjacent_quotes(cue):
            if q not in quoted:
                quoted.append(q)
        if quoted:  # the attribution clause is not what was said ("Niger's president X said, “…”")
            begin, end = self._clause_range(cue)
            contents = [c for c in contents if not (begin <= c.begin and c.end <= end)]
            if any(self.is_clause(q) for q in quoted):
                # "X noted A: Y remarked, “…”": with a whole utterance quoted next to the cue, a clause the parser
                # also hung on the cue but that does not touch the quotation is not part of what was said
                kept = [c for c in contents if any(c.begin <= q.outer.end + 2 and q.outer.begin <= c.end + 2
                                                   for q in quoted)]
                if pb.block.kind == "headline" and all(self.text[q.outer.end :].lstrip().startswith(":")
                                                       for q in quoted):
                    # "“We will not back down”: union vows to continue strike": the clause after the colon is a
                    # statement of its own, beside the quotation it introduces
                    clause = [c for c in contents if c not in kept]
                contents = kept
            taken += quoted
            if not contents:
                ordered = sorted(quoted, key=lambda q: q.outer.begin)
                if any(self.is_clause(q) for q in ordered):
                    qtype = "direct"
                    contents = [s for q in ordered for s in q.spans]
                else:  # a quoted phrase ("warns of ‘global risks …’"): part of a paraphrase, marks kept
                    qtype = "mixed"
                    contents = [q.outer for q in ordered]
            else:
                qtype = "mixed"
                contents += [s for q in quoted for s in q.spans]
        if not contents:
            return
        contents = _join_adjacent(self.parsed.article, _merge(sorted(set(contents))))
        contents = [c for c in (self._without_dateline(c) for c in contents) if c is not None]
        if qtype == "mixed":
            qtype, contents = self.mend_marks(qtype, contents)
        if contents and self._add(cue, contents, qtype):
            # (a quotation cut off with another cue's clause is left to that cue)
            self.used.update(id(q) for q in taken if any(c.begin < q.outer.end and q.outer.begin < c.end
                                                         for c in contents) or q in quoted)
            if clause:
                self._add(cue, _merge(sorted(set(clause))), "indirect")

    def mend_marks(self, qtype: str, contents: list[Span]) -> tuple[str, list[Span]]:
        """A mixed statement's edges put on a quotation's marks (:func:`to_the_marks`); what is then one whole
        quotation that holds an utterance is a direct one ("said “…”, however he added …")."""
        contents = to_the_marks(self.parsed.article, self.quotes, contents)
        if not any(c.begin < q.outer.end and q.outer.begin < c.end for c in contents for q in self.quotes):
            return "indirect", contents  # the quotation was cut off with another cue's clause: none is left
        whole = next((q for q in self.quotes if len(contents) == 1 and contents[0] == q.outer), None)
        if whole is not None and self.is_clause(whole):
            return "direct", list(whole.spans)
        return qtype, contents

    def _whole(self, rng: tuple[int, int], q: Quote) -> bool:
        """Whether a complement is one quotation and nothing else but a "that" and punctuation."""
        before = self.text[rng[0] : q.outer.begin].strip(" ,:")
        after = self.text[q.outer.end : max(rng[1], q.outer.end)].strip(" ,.;:")
        return before.lower() in ("", "that") and not after and self.is_clause(q)

    def _without_dateline(self, span: Span) -> Span | None:
        for b, e in self.datelines:
            if b <= span.begin < e:
                return self.parsed.article.span(e, span.end) if span.end > e else None
        return span

    def is_clause(self, q: Quote) -> bool:
        """Whether a quotation holds a whole utterance — its top verb has its own subject inside the quotation, or
        it spans several sentences — rather than a phrase the writer's sentence completes (“underscored …”, the
        Secretary of State did; ‘global risks …’, he warned of)."""
        lead = self.text[max(0, q.outer.begin - 3) : q.outer.begin].rstrip()
        if lead.endswith((",", ":")) and q.inner.text[:1].isupper() and len(q.inner.text.split()) >= 4 and \
                any(t.pos_ in ("VERB", "AUX") for _, t in self.parsed.tokens_starting_in(q.inner.begin, q.inner.end)):
            return True  # "He told her: “If you can't make it, take a knife”": introduced as an utterance
        if lead.endswith((",", ":")) and q.inner.text[:1].isupper() and len(q.inner.text.split()) >= 2 and \
                q.inner.text.rstrip(" ,").endswith((".", "!", "?", "…")) and not q.parts:
            return True  # "He replied: “No, of course not.”": a whole sentence without a verb, still an answer
        for span in q.spans:
            hit = self.parsed.token_at(span.begin)
            if hit is None:
                continue
            pb, tok = hit
            every = [t for _, t in self.parsed.tokens_starting_in(pb.offset + tok.idx, span.end)]
            toks = [t for t in every if not t.is_punct]
            inside = {t.i for t in toks}
            tops = [t for t in toks if t.head.i not in inside or t.head.i == t.i]
            if any(t.is_sent_start for t in every[1:]):  # (Token.sent builds a span: slow)
                return True
            # a misparse may hang the quotation's subject elsewhere ("“only the facts verified …, and not what is
            # said to us, will determine …”"): a subject and its verb inside, and no verb opening the quotation
            opener = toks[0].pos_ not in ("VERB", "AUX") or span.text.startswith("[") if toks else False
            if opener and len(toks) >= 6 and \
                    any(t.dep_ in ("nsubj", "nsubjpass") and t.head.i in inside for t in toks):
                return True
            for top in tops:
                if top.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj")
                                                        and c.i in inside for c in top.children):
                    return True
        return False

    def _add(self, cue: Cue, contents: list[Span], qtype: str) -> bool:
        pb = cue.pb
        if pb.block.kind in ("headline", "standfirst") and cue.verb.tag_ in ("VBN", "VBD") and \
                cue.speaker is not None and cue.speaker.i < cue.verb.i and \
                not any(c.dep_ in ("dobj", "dative", "ccomp") for c in cue.verb.children) and \
                (cue.verb.lemma_ in ADDRESSEE_VERBS or cue.verb.i + 1 < len(pb.doc) and
                 pb.doc[cue.verb.i + 1].lower_ == "with"):
            return False  # headlinese's passive: "Parents urged to …", "Bakery owner threatened with fine"
        nxt = pb.doc[cue.verb.i + 1] if cue.verb.i + 1 < len(pb.doc) else None
        if cue.verb.lemma_ in _ASKING and nxt is not None and nxt.tag_ in ("VBP", "VBZ", "VBD", "MD"):
            return False  # "27% of consumers asked are interested …": the people asked, not who asked them
        if cue.verb.tag_ == "VBG" and cue.verb.dep_ in ("advcl", "xcomp") and cue.speaker is not None and \
                message_author(cue.verb) is None:
            # "Nice added [officials were trained], saying …": the participle's subject lies inside what an earlier
            # cue of the sentence reports, so the earlier cue's speaker goes on talking
            earlier = [c for c in getattr(self, "sentence_cues", []) if c is not cue and c.speaker is not None
                       and c.speaker.i < c.verb.i < cue.speaker.i < cue.verb.i]
            if earlier:
                cue.speaker = earlier[-1].speaker
        if cue.speaker is not None and cue.speaker.lower_ in ("that", "which", "who") and cue.verb.dep_ == "relcl":
            cue.speaker = cue.verb.head  # "a BBC report … that claimed": the noun the clause hangs on
        if cue.speaker is not None and cue.verb.dep_ == "relcl" and cue.speaker.i == cue.verb.head.i:
            last = [c for c in cue.speaker.children if c.dep_ == "conj" and c.i < cue.verb.i]
            if last and (cue.verb.tag_ == "VBZ" or any(a.tag_ == "VBZ" for a in cue.verb.children if a.dep_ == "aux")):
                # "according to A and the minister B, who adds that …": one person, the nearer (by name)
                cue.speaker = next((c for c in last[-1].children if c.dep_ == "appos"), last[-1])
        speaker = None
        if cue.speaker is not None and (named := described_name(cue.speaker)) is not None:
            cue.speaker = named  # "said University of X, Y's chancellor, Jo Roe": Jo Roe (a name the recogniser missed)
            if corefs.resolve(self.coref, pb, named, create=False) is None:
                run = pb.doc[min(t.i for t in named.subtree if t.dep_ == "compound" or t.i == named.i) : named.i + 1]
                self.coref.index.add_actor("person/" + slugify(run.text), run.text, "person",
                                           self.parsed.span_of(pb, run), "name")
        if cue.speaker is not None:
            speaker = discourse.joint_source(self.coref, pb, cue.speaker) or corefs.resolve(self.coref, pb, cue.speaker)
        if speaker is not None and cue.speaker is not None and cue.speaker.i < cue.verb.i and \
                self.coref.index.actors[speaker[0]].kind not in ("person", "group") and \
                not any(c.dep_ == "conj" for c in cue.speaker.children):
            # "Coastal Development Fund director Amara Njoku said", misparsed with the bank as the subject: the
            # person named right before the verb, inside the subject's phrase, speaks
            before = pb.doc[cue.verb.i - 1]
            while before.i > cue.speaker.i and before.pos_ in ("ADV", "PART"):
                before = pb.doc[before.i - 1]
            person = self.coref.index.mention_of_token(pb, before) if before.pos_ == "PROPN" else None
            if person is not None and self.coref.index.actors[person[0]].kind == "person" and \
                    cue.speaker.left_edge.i <= before.i and not any(t.text in (",", "(") for t in
                                                                    pb.doc[cue.speaker.i : before.i]):
                speaker = person
        if speaker is not None and cue.speaker is not None and cue.speaker.i > cue.verb.i and \
                self.coref.index.actors[speaker[0]].kind != "person":
            speaker = titled_person(self.coref, pb, cue.speaker) or speaker  # "said Acme University, its dean, Jo Roe"
        if cue.speaker is not None:
            key = (pb.offset, cue.speaker.i)
            if cue.verb.tag_ == "VBG" and key in self.spoken:  # "X said …, further saying …": as resolved for X
                speaker = self.spoken[key]
            elif speaker is not None:
                self.spoken.setdefault(key, speaker)
        if speaker is None and cue.according is not None and cue.speaker is not None:
            speaker = self._source_inside(pb, cue.speaker)  # "according to the fears expressed by an official"
        if speaker is None and cue.according is not None and cue.speaker is not None:
            speaker = self._unnamed_source(pb, cue.speaker)  # "according to Latvian public radio"
        reporter = corefs.resolve(self.coref, pb, cue.reporter) if cue.reporter is not None else None
        cited = cited_source(cue)
        if cited is not None and speaker is not None and reporter is None:
            # "AFP, citing unnamed officials, reported …": the officials speak, AFP relays them
            source = corefs.resolve(self.coref, pb, cited)
            if source is not None and source[0] != speaker[0]:
                speaker, reporter = source, speaker
        addressee = corefs.resolve(self.coref, pb, cue.addressee) if cue.addressee is not None else None
        if (glued := regrouped(self.coref, pb, cue.verb, cue.addressee, contents)) is not None:
            addressee, contents = glued  # "told Radio Nord Omar Haddad had …": the outlet is told, Haddad had …
        doc_key = None
        if cue.speaker is not None:
            document = self.documents.at(pb, cue.speaker)
            if document is not None:  # "the joint statement said": the document speaks for its authors
                doc_key = document.key
                speaker = (document.publisher, speaker[1] if speaker else document.mention) \
                    if document.publisher else None
                if speaker is None and cue.speaker.tag_ in ("NNS", "NNPS"):
                    speaker = self._unnamed_source(pb, cue.speaker)  # "according to reports": unnamed sources
                elif speaker is None:
                    # "The decree read: …", "according to the indictment, …": its authors
                    speaker = self._unsigned(pb, cue.speaker, document)
        if doc_key is None and cue.speaker is not None and \
                (prior := going_on(self.coref, self.statements, pb, cue.speaker)) is not None:
            doc_key, speaker = prior.reported_in, (prior.speaker, self.parsed.span_of(pb, cue.speaker))
        cue_span = self.parsed.article.span(pb.offset + min(t.idx for t in cue.tokens),
                                            pb.offset + max(t.idx + len(t.text) for t in cue.tokens))
        if cue.lemma == "quote":
            cue_span = self.parsed.article.span(pb.offset + cue.verb.idx,
                                                pb.offset + cue.tokens[-1].idx + len(cue.tokens[-1].text))
        if any(c.overlaps(cue_span) for c in contents):
            return False
        if speaker is not None and speaker[1] is not None and \
                speaker[1].begin <= pb.offset + cue.verb.idx < speaker[1].end:
            return False  # "Ghana Notes Change of Mood": a title-case headline the recogniser read as a name
        st = Statement(
            key="",
            content=contents,
            quote_type=qtype,  # type: ignore[arg-type]
            speaker=speaker[0] if speaker else None,
            speaker_mention=speaker[1] if speaker else None,
            addressee=addressee[0] if addressee and (not speaker or addressee[0] != speaker[0]) else None,
            addressee_mention=addressee[1] if addressee and (not speaker or addressee[0] != speaker[0]) else None,
            cue=cue_span,
            cue_lemma=cue.lemma,
            reported_by=reporter[0] if reporter else None,
            reported_in=doc_key or self.documents.via(pb, cue.verb),
            sentence=self.parsed.span_of(pb, cue.sent),
            evidence="document" if doc_key and speaker else "according" if cue.according is not None else "cue",
        )
        if any(s.content == st.content for s in self.statements):
            return True
        if st.speaker is None:
            return False  # nobody to attribute it to: a heading ("Call for diplomacy"), an unsigned document, a misparse
        self.statements.append(st)
        return True

    def in_headline(self, q: Quote) -> bool:
        return any(pb.block.kind in ("headline", "standfirst") and pb.block.span.contains(q.outer)
                   for pb in self.parsed.blocks)


# Verbs of asking people, whose past participle right before a finite verb ends a reduced relative clause.
_ASKING = {"ask", "survey", "poll", "question", "interview"}


def _join_adjacent(article, spans: list[Span]) -> list[Span]:  # noqa: ANN001
    """Parts separated only by spaces are one stretch of text ("called [the report] [a disgrace]")."""
    out: list[Span] = []
    for s in spans:
        if out and s.begin > out[-1].end and not article.text[out[-1].end : s.begin].strip():
            out[-1] = article.span(out[-1].begin, s.end)
            continue
        out.append(s)
    return out


def _merge(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for s in spans:
        if out and s.begin < out[-1].end:
            if s.end > out[-1].end:
                prev = out.pop()
                text = prev.text + s.text[prev.end - s.begin:]
                out.append(Span(prev.begin, s.end, text))
            continue
        out.append(s)
    return out


def _cues(work: Work) -> None:
    finder = StatementFinder(work.parsed, work.coref, work.quotes, work.documents, single_marks=work.single_marks)
    work.put(statement_finder=finder, cue_statements=list(finder.from_cues()))


def _numbered(work: Work) -> None:
    statements = work.statement_finder.statements
    headline_bodies.rebind(work.statement_finder.coref, statements)
    statements.sort(key=lambda s: (s.begin, s.end))
    statements[:] = without_repeats(work.statement_finder.parsed, statements)
    for i, st in enumerate(statements, 1):
        st.key = f"s{i}"
    work.put(statements=statements)


CUES = Step("cues", ("parsed", "coref", "quotes", "documents", "single_marks", "pronouns"),
            ("statement_finder", "cue_statements"), _cues,
            "statements of reporting cues (verbs, and nouns such as \"her claim that\"): speaker, addressee, "
            "content clause and adjacent quotations; nested and relayed reports")
STATEMENTS = Step("statements", ("statement_finder", "cue_statements", "layout_statements", "unclaimed_statements"),
                  ("statements",), _numbered, "every statement in text order, numbered")
