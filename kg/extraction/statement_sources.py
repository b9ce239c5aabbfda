"""Who stands behind a statement beyond its cue's subject: the unnamed source of "according to" ("state media",
"the reports"), the agent inside a source phrase, and reports nested in other reports (the inner statement carries
what it says; a report inside another speaker's is relayed by them). A part of :class:`kg.extraction.statements.
StatementFinder`.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extraction import coref as corefs
from kg.extraction.phrase_words import phrase_label, authors_group
from kg.model import Document
from kg.pipeline.ingest import slugify
from kg.pipeline.nlp import ParsedBlock

# What an unnamed source of "according to" can be: media, reports, accounts, footage …
_SOURCE_NOUNS = {"media", "medium", "report", "account", "footage", "video", "source", "witness", "official", "document",
                 "record", "estimate", "figure", "statistic", "data", "poll", "survey", "study", "analysis",
                 "agency", "outlet", "observer", "activist", "resident", "local", "police", "authority",
                 "prosecutor", "investigator", "researcher", "scientist", "expert", "organiser", "organizer"}


class StatementSources:
    """The source-finding steps of :class:`kg.extraction.statements.StatementFinder`."""

    def _unnamed_source(self, pb: ParsedBlock, tok: Token):  # noqa: ANN202
        """The unnamed source of an "according to" ("according to state media", "according to witness accounts",
        "according to the reports"): a group of its own, named by the phrase. Not a document met before (its
        issuer speaks) nor a bare pronoun."""
        if tok.pos_ not in ("NOUN", "PROPN") or tok.lemma_.lower() not in _SOURCE_NOUNS:
            return None
        start, end = corefs.np_bounds(tok)
        last = tok
        while (nxt := next((c for c in last.children if c.dep_ == "conj"), None)) is not None:
            last = nxt  # "according to the videos and the broadcaster": one source of them all
        end = max(end, corefs.np_bounds(last)[1])
        span = self.parsed.span_of(pb, pb.doc[start:end])
        label = phrase_label(pb, start, end)
        index = self.coref.index
        return index.add_actor("group/" + slugify(label), label, "group", span, "group"), span

    def document_speaker(self, pb: ParsedBlock, tok: Token):  # noqa: ANN202 - (actor key, span) or None
        """Who speaks where a document is the subject ("the joint statement said", "The decree read: …"): its
        publisher; unnamed sources for reports in the plural; else the document's unnamed authors. None where the
        token is no document."""
        document = self.documents.at(pb, tok)
        if document is None:
            return None
        if document.publisher:
            return document.publisher, self.parsed.span_of(pb, tok)
        if tok.tag_ in ("NNS", "NNPS"):
            return self._unnamed_source(pb, tok)
        return self._unsigned(pb, tok, document)

    def document_before(self, pb: ParsedBlock, tok: Token):  # noqa: ANN202 - (actor key, span) or None
        """Who speaks for "It read, “…”", "Part of the statement reads": the document the pronoun stands for (the last
        one named in this sentence or the one before) or the document the part is of — its publisher or, unsigned,
        its authors."""
        if tok.lower_ in ("part", "portion", "excerpt", "section", "some", "much"):
            of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            return self.document_speaker(pb, pobj) if pobj is not None else None
        if tok.lower_ not in ("it", "this"):
            return None
        at = pb.offset + tok.idx
        sent_start = pb.offset + tok.sent.start_char
        before = [d for d in self.documents.items if d.mention.begin < at and
                  self.text.count(". ", d.mention.end, sent_start) <= 1 and not self.in_quote(d.mention.begin)]
        if not before:
            return None
        document = max(before, key=lambda d: d.mention.begin)
        span = self.parsed.span_of(pb, tok)
        if document.publisher:
            return document.publisher, span
        return self._authors_of(document, document.label, span)

    def _unsigned(self, pb: ParsedBlock, tok: Token, document: Document):  # noqa: ANN202
        """The authors of a document the article never ascribes ("The study reports …", "the statement read"):
        one group, named after the document, that speaks wherever the document does."""
        start = corefs.np_bounds(tok)[0]
        span = self.parsed.span_of(pb, pb.doc[start : tok.i + 1])
        return self._authors_of(document, phrase_label(pb, start, tok.i + 1), span)  # "the summary", not "… of X"

    def _authors_of(self, document: Document, label: str, span):  # noqa: ANN001, ANN202
        key = authors_group(self.coref.index, document.key.split("/", 1)[-1], label, span)
        document.publisher = key
        return key, span

    def _source_inside(self, pb: ParsedBlock, tok: Token):  # noqa: ANN202
        """The agent named inside a source phrase: "… expressed by a senior official", "a statement by X"."""
        for t in tok.subtree:
            if t.dep_ in ("agent",) or (t.dep_ == "prep" and t.lower_ == "by"):
                pobj = next((c for c in t.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return corefs.resolve(self.coref, pb, pobj)
            if t.dep_ == "poss" and t.head.i == tok.i:
                return corefs.resolve(self.coref, pb, t, create=False)
        return None

    def _drop_nested(self) -> None:
        """When one statement's content holds another's cue with the same speaker ("Ortiz insisted that …, he
        said"; "she saw some headway … but cautioned that …"), the inner one carries what it says: the outer one
        keeps only what comes before the inner attribution, or goes if nothing is left."""
        keep = []
        for st in self.statements:
            inner = [o for o in self.statements if o is not st and o.cue is not None and o.speaker == st.speaker
                     and any(c.contains(o.cue) for c in st.content) and st.quote_type != "direct"
                     and not self.text[: (o.speaker_mention or o.cue).begin].rstrip().lower().endswith(" what")]
            # ("it is investigating what it called a flaw": a naming inside the content, which stays whole)
            if not inner:
                keep.append(st)
                continue
            first = min(inner, key=lambda o: o.cue.begin)  # type: ignore[union-attr]
            cut = first.cue.begin  # type: ignore[union-attr]
            sm = first.speaker_mention
            if sm is not None and st.content[0].begin <= sm.begin < cut and \
                    len(self.text[sm.end : cut].split()) <= 2:  # "Ortiz insisted", not "she saw … but cautioned"
                cut = sm.begin
            part = st.content[0]
            head = self.text[part.begin : cut].rstrip()
            for tail in (" which", " who", " but", " and", ",", " while"):  # (", which he believes …")
                head = head[: -len(tail)].rstrip() if head.endswith(tail) else head
            if len(head.split()) >= 3 and cut > part.begin:
                st.content = [self.parsed.article.span(part.begin, part.begin + len(head))]
                if st.quote_type == "mixed":  # "“…”, however he added": the quotation, not its dangling word
                    st.quote_type, st.content = self.mend_marks(st.quote_type, st.content)  # type: ignore[assignment]
                    if first.quote_type == "indirect" and any(c.begin < q.inner.end and q.inner.begin < c.end
                                                              for c in first.content for q in self.quotes):
                        # "admits X, cites ‘human error’": the quotation cut off goes with the inner cue
                        first.quote_type, first.content = self.mend_marks("mixed", first.content)  # type: ignore
                keep.append(st)
        self.statements = keep

    def _according_after(self) -> None:
        """ "X said that C according to the agency Y": what follows C names who relays X's words, not another speaker
        of C — X's statement stops before "according to" and is reported by Y (a statement of Y's with the same
        words goes)."""
        drop = []
        for st in self.statements:
            if st.evidence != "according" or st.cue is None or not st.content or st.cue.begin < st.content[-1].end:
                continue
            outer = next((o for o in self.statements if o is not st and o.evidence == "cue" and o.speaker and
                          o.speaker != st.speaker and o.cue is not None and o.cue.end <= st.content[0].begin and
                          any(c.contains(st.cue) for c in o.content)), None)
            if outer is None:
                continue
            last = outer.content[-1]
            head = self.text[last.begin : st.cue.begin].rstrip(" ,")
            if not head:
                continue
            outer.content = outer.content[:-1] + [self.parsed.article.span(last.begin, last.begin + len(head))]
            outer.reported_by = outer.reported_by or st.speaker
            drop.append(st)
        self.statements = [s for s in self.statements if all(s is not d for d in drop)]

    def _relayed(self) -> None:
        """A report inside another speaker's report ("the site further reported its source said …", "Miliband said
        the government had pledged …") is relayed by the outer speaker: it is the inner statement's
        ``reported_by``."""
        for st in self.statements:
            if st.reported_by is not None or st.cue is None:
                continue
            outer = [o for o in self.statements if o is not st and o.speaker and o.speaker != st.speaker
                     and o.quote_type != "direct" and any(c.contains(st.cue) for c in o.content)
                     and o.cue is not None and self._reports_clause(o.cue.begin, st.cue.begin)]
            if outer:
                st.reported_by = min(outer, key=lambda o: sum(len(c) for c in o.content)).speaker
                if st.quote_type == "indirect" and any(c.begin <= q.outer.begin and q.outer.end <= c.end + 1
                                                       for c in st.content for q in self.quotes):
                    # "X told reporters Y had promised “timely repatriation” for …": the quotation the outer report
                    # took is the inner speaker's words too
                    st.quote_type = "mixed"

    def _reports_clause(self, outer_at: int, inner_at: int) -> bool:
        """Whether the cue at ``inner_at`` heads a clause the cue at ``outer_at`` reports (through complements and
        coordination; not a relative clause: "…, an accusation the government denies")."""
        hit, top = self.parsed.token_at(inner_at), self.parsed.token_at(outer_at)
        if hit is None or top is None or hit[0] is not top[0]:
            return False
        tok = hit[1]
        while tok.i != top[1].i and tok.dep_ in ("ccomp", "conj", "xcomp", "parataxis") and tok.head.i != tok.i:
            tok = tok.head
        return tok.i == top[1].i

