"""Statements: who said what to whom, through whom — direct, indirect and mixed.

For every reporting cue, what was said is its complement clause; quotations next to the cue or holding its
complement make the statement direct (all of the content is quoted) or mixed (part of it is). One quotation split by
the cue (“A,” he said, “B.”) is one statement with two content spans. A quotation no cue claims continues the
previous speaker when it stands as a sentence of its own right after an attributed one; a headline "X: claim" is
attributed to X. Speakers and addressees resolve to actors through :mod:`kg.extraction.coref`.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from kg import lexicon
from kg.extraction import coref as corefs, layouts
from kg.extraction.cues import Cue, find_cues
from kg.extraction.documents import Documents
from kg.extraction.quotes import Quote
from kg.model import Span, Statement
from kg.nlp import ParsedBlock, Parsed

_GLUE = set(" \t\n,:;—–-")
_MON = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_PLACE_WORD = r"[A-Z][A-Za-z.'’\-]+"
# A dateline at the start of a paragraph: "LONDON, Oct 31 (Newswire) – ", "WASHINGTON — ", "NEW YORK (AP) — ",
# "Kyiv, Ukraine (Agency) - ". It is the writer's, never part of what somebody said.
DATELINE = re.compile(
    rf"^(?:[A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+)*(?:, {_PLACE_WORD}(?: {_PLACE_WORD})*)?(?:,? {_MON} \d{{1,2}})?"
    rf"(?: \([^()\n]{{1,40}}\))?"
    rf"|{_PLACE_WORD}(?: {_PLACE_WORD})*(?:, {_PLACE_WORD}(?: {_PLACE_WORD})*)?(?:,? {_MON} \d{{1,2}})? "
    rf"\([^()\n]{{1,40}}\))\s*(?:—|–|--|-)\s+")


def _only_glue(text: str) -> bool:
    return all(c in _GLUE for c in text) or text.strip(" ,:;") in ("that", "")


class StatementFinder:
    def __init__(self, parsed: Parsed, coref: corefs.Coref, quotes: list[Quote], documents: Documents,
                 *, single_marks: bool = False) -> None:
        self.single_marks = single_marks  # the article quotes with ‘…’ (British style), not only in headlines
        self.parsed = parsed
        self.text = parsed.article.text
        self.coref = coref
        self.quotes = quotes
        self.documents = documents
        self.used: set[int] = set()  # ids of quotes given to a statement
        self.statements: list[Statement] = []
        self.datelines = [(pb.block.span.begin, pb.block.span.begin + m.end()) for pb in parsed.blocks
                          if pb.block.kind == "paragraph" and (m := DATELINE.match(pb.block.span.text))]

    # --- helpers --------------------------------------------------------------------------------------------------
    def in_quote(self, off: int) -> bool:
        return self.coref.in_quote(off)

    def quote_holding(self, off: int) -> Quote | None:
        return next((q for q in self.quotes if any(s.begin <= off < s.end for s in q.spans)), None)

    def _clause_range(self, cue: Cue) -> tuple[int, int]:
        """Article offsets covering the cue, its speaker and addressee (the attribution clause)."""
        pb = cue.pb
        toks = list(cue.tokens)
        for t in (cue.speaker, cue.addressee, cue.reporter):
            if t is not None and abs(t.i - cue.verb.i) < 25:
                a, b = corefs.np_bounds(t)
                toks.extend(pb.doc[a:b])
                # an apposition after the speaker belongs to the clause: "said Jon Alterman, an analyst at …"
                for c in t.children:
                    if c.dep_ in ("appos", "prep", "acl", "relcl") and c.i > t.i:
                        toks.extend(pb.doc[c.left_edge.i : c.right_edge.i + 1])
        for c in cue.verb.children:  # "she said on television", "he said in a statement"
            if c.dep_ in ("prep", "advmod", "npadvmod", "aux", "auxpass", "neg") and not self.in_quote(pb.offset + c.idx):
                toks.extend(pb.doc[c.left_edge.i : c.right_edge.i + 1])
        begin = min(pb.offset + t.idx for t in toks)
        end = max(pb.offset + t.idx + len(t.text) for t in toks)
        return begin, end

    def _gap(self, cue: Cue, q: Quote) -> int | None:
        """Characters between a quotation and the cue's clause when only punctuation separates them, else None."""
        begin, end = self._clause_range(cue)
        if q.outer.end <= begin and _only_glue(self.text[q.outer.end : begin]):
            return begin - q.outer.end
        if q.outer.begin >= end and _only_glue(self.text[end : q.outer.begin]):
            return q.outer.begin - end
        return None

    def _adjacent_quotes(self, cue: Cue) -> list[Quote]:
        """Quotations next to the cue's clause — unless another cue of the sentence sits closer to them
        ("Ban criticized Israel for …, saying, “…”": the quotation is what he said, not what he criticised)."""
        out = [q for q in self._adjacent_raw(cue)]
        others = [c for c in getattr(self, "sentence_cues", []) if c is not cue]
        keep = []
        for q in out:
            mine = self._gap(cue, q)
            theirs = [g for c in others if (g := self._gap(c, q)) is not None]
            if mine is not None and theirs and min(theirs) < mine:
                continue
            keep.append(q)
        return keep

    def _adjacent_raw(self, cue: Cue) -> list[Quote]:
        """Quotations right before the cue's clause (“…,” he said) or right after it (he said: “…”). A quotation
        that closes its own sentence with a full stop is not the complement of the next sentence's verb."""
        begin, end = self._clause_range(cue)
        block = cue.pb.block.span
        out = []
        for q in self.quotes:
            if id(q) in self.used or not (block.begin <= q.outer.begin < block.end or q.outer.end > block.begin >= q.outer.begin):
                continue
            if q.outer.end <= begin and _only_glue(self.text[q.outer.end : begin]):
                if q.inner.text.rstrip().endswith(".") and "," not in self.text[q.outer.end : begin]:
                    continue
                out.append(q)
            elif q.outer.begin >= end and _only_glue(self.text[end : q.outer.begin]):
                out.append(q)
        return out

    def _subtree_span(self, pb: ParsedBlock, head: Token, cue: Cue) -> tuple[int, int] | None:
        """The content under ``head``: its subtree without the cue, the speaker and an "according to X" phrase —
        the longest unbroken stretch of what is left, trimmed."""
        skip = {c.i for c in cue.tokens}
        if cue.speaker is not None:
            sa, sb = corefs.np_bounds(cue.speaker)
            skip.update(range(sa, sb))
        if cue.according is not None:
            skip.update(t.i for t in cue.according.subtree)
        toks = [t for t in head.subtree if t.i not in skip]
        if not toks:
            return None
        runs: list[list[Token]] = [[toks[0]]]
        for t in toks[1:]:
            if t.i == runs[-1][-1].i + 1:
                runs[-1].append(t)
            else:
                runs.append([t])
        best = max(runs, key=lambda r: sum(len(t.text) for t in r if not t.is_punct))
        first, last = best[0].i, best[-1].i
        # cut a trailing participle clause the writer added after a comma (", referring to the alliance")
        for t in toks:
            if t.lower_ in lexicon.narration_participles() and t.i > first and not self.in_quote(pb.offset + t.idx):
                prev = pb.doc[t.i - 1]
                if prev.text == ",":
                    last = min(last, t.i - 2)
                elif t.tag_ == "VBG" and t.dep_ in ("advcl", "acl", "pcomp", "xcomp") and \
                        (prev.lower_ in ("by", "while", "when", "after", "before") or t.dep_ in ("advcl", "acl")):
                    # "… a military one by saying at a press conference, “…”", "… the death toll saying, “…”"
                    last = min(last, t.i - (2 if prev.lower_ in ("by", "while", "when", "after", "before") else 1))
        # "… in an “appalling tragedy” while the minister wrote …": another speaker's report is not this content
        for other in getattr(self, "sentence_cues", []):
            v = other.verb
            if other is not cue and v.dep_ in ("advcl", "conj") and v.left_edge.i > first and \
                    any(a.i == head.i for a in v.ancestors) and other.speaker is not None and \
                    (cue.speaker is None or other.speaker.i != cue.speaker.i) and \
                    not self.in_quote(pb.offset + v.idx):
                last = min(last, v.left_edge.i - 1)
        doc = pb.doc
        while first <= last and (doc[first].is_punct and doc[first].text not in "“‘\"'" or doc[first].lower_ in ("that", "of", "for", "about", "against")):
            first += 1
        while last >= first and doc[last].is_punct and doc[last].text not in "”’\"'":
            last -= 1
        if last < first:
            return None
        return pb.offset + doc[first].idx, pb.offset + doc[last].idx + len(doc[last].text)

    # --- main -----------------------------------------------------------------------------------------------------
    def run(self) -> list[Statement]:
        for pb, sent in self.parsed.sentences:
            self.sentence_cues = find_cues(pb, sent, self.in_quote)
            for cue in self.sentence_cues:
                self._from_cue(cue)
        self._drop_nested()
        self._headline_colon()
        self.statements += layouts.interviews(self) + layouts.social_posts(self)
        self._orphans()
        self.statements.sort(key=lambda s: (s.begin, s.end))
        for i, st in enumerate(self.statements, 1):
            st.key = f"s{i}"
        return self.statements

    def _from_cue(self, cue: Cue) -> None:
        pb = cue.pb
        contents: list[Span] = []
        qtype = "indirect"
        quoted: list[Quote] = []
        for head in cue.complements:
            q = self.quote_holding(pb.offset + head.idx)
            if cue.verb.dep_ == "relcl" and head.i == cue.verb.head.i:  # "a charge that X denied": the noun phrase
                a, b = corefs.np_bounds(head)
                while b - 1 > a and pb.doc[b - 1].lower_ in ("that", "which", "who", ","):
                    b -= 1
                rng = (pb.offset + pb.doc[a].idx, pb.offset + pb.doc[b - 1].idx + len(pb.doc[b - 1].text))
            else:
                rng = self._subtree_span(pb, head, cue)
            if q is not None and id(q) not in self.used and rng is not None and \
                    (rng[0] >= q.outer.begin or _only_glue(self.text[rng[0] : q.outer.begin])):
                quoted.append(q)
                continue
            if rng is None:
                continue
            inside = [q for q in self.quotes if id(q) not in self.used and rng[0] <= q.outer.begin < rng[1]]
            if inside:
                end = max(rng[1], *(q.outer.end for q in inside))
                for q in inside:
                    self.used.add(id(q))
                contents.append(self.parsed.article.span(rng[0], end))
                qtype = "mixed"
            else:
                contents.append(self.parsed.article.span(*rng))
        for q in self._adjacent_quotes(cue):
            if q not in quoted:
                quoted.append(q)
        if quoted:
            for q in quoted:
                self.used.add(id(q))
            if not contents:
                ordered = sorted(quoted, key=lambda q: q.outer.begin)
                if any(self._is_clause(q) for q in ordered):
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
        if contents:
            self._add(cue, contents, qtype)

    def _without_dateline(self, span: Span) -> Span | None:
        for b, e in self.datelines:
            if b <= span.begin < e:
                return self.parsed.article.span(e, span.end) if span.end > e else None
        return span

    def _is_clause(self, q: Quote) -> bool:
        """Whether a quotation holds a whole utterance — its top verb has its own subject inside the quotation, or
        it spans several sentences — rather than a phrase the writer's sentence completes (“underscored …”, the
        Secretary of State did; ‘global risks …’, he warned of)."""
        for span in q.spans:
            hit = self.parsed.token_at(span.begin)
            if hit is None:
                continue
            pb, tok = hit
            toks = []
            for t in pb.doc[tok.i:]:
                if pb.offset + t.idx >= span.end:
                    break
                if not t.is_punct:
                    toks.append(t)
            inside = {t.i for t in toks}
            tops = [t for t in toks if t.head.i not in inside or t.head.i == t.i]
            if len({t.sent.start for t in toks}) > 1:
                return True
            for top in tops:
                if top.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj")
                                                        and c.i in inside for c in top.children):
                    return True
        return False

    def _add(self, cue: Cue, contents: list[Span], qtype: str) -> None:
        pb = cue.pb
        if cue.speaker is not None and cue.speaker.lower_ in ("that", "which", "who") and cue.verb.dep_ == "relcl":
            cue.speaker = cue.verb.head  # "a BBC report … that claimed": the noun the clause hangs on
        speaker = corefs.resolve(self.coref, pb, cue.speaker) if cue.speaker is not None else None
        if speaker is None and cue.according is not None and cue.speaker is not None:
            speaker = self._source_inside(pb, cue.speaker)  # "according to the fears expressed by an official"
        reporter = corefs.resolve(self.coref, pb, cue.reporter) if cue.reporter is not None else None
        addressee = corefs.resolve(self.coref, pb, cue.addressee) if cue.addressee is not None else None
        doc_key = None
        if cue.speaker is not None:
            document = self.documents.at(pb, cue.speaker)
            if document is not None:  # "the joint statement said": the document speaks for its authors
                doc_key = document.key
                speaker = (document.publisher, speaker[1] if speaker else document.mention) \
                    if document.publisher else None
        cue_span = self.parsed.article.span(pb.offset + min(t.idx for t in cue.tokens),
                                            pb.offset + max(t.idx + len(t.text) for t in cue.tokens))
        if cue.lemma == "quote":
            cue_span = self.parsed.article.span(pb.offset + cue.verb.idx,
                                                pb.offset + cue.tokens[-1].idx + len(cue.tokens[-1].text))
        if any(c.overlaps(cue_span) for c in contents):
            return
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
            return
        if st.speaker is None:
            return  # nobody to attribute it to: a heading ("Call for diplomacy"), an unsigned document, a misparse
        self.statements.append(st)

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
        said"; "he had noted some progress … but warned that …"), the inner one carries what it says: the outer one
        keeps only what comes before the inner attribution, or goes if nothing is left."""
        keep = []
        for st in self.statements:
            inner = [o for o in self.statements if o is not st and o.cue is not None and o.speaker == st.speaker
                     and any(c.contains(o.cue) for c in st.content) and st.quote_type != "direct"]
            if not inner:
                keep.append(st)
                continue
            first = min(inner, key=lambda o: o.cue.begin)  # type: ignore[union-attr]
            cut = first.cue.begin  # type: ignore[union-attr]
            sm = first.speaker_mention
            if sm is not None and st.content[0].begin <= sm.begin < cut and \
                    len(self.text[sm.end : cut].split()) <= 2:  # "Ortiz insisted", not "he had noted … but warned"
                cut = sm.begin
            part = st.content[0]
            head = self.text[part.begin : cut].rstrip()
            for tail in (" but", " and", ",", " while"):
                head = head[: -len(tail)].rstrip() if head.endswith(tail) else head
            if len(head.split()) >= 3 and cut > part.begin:
                st.content = [self.parsed.article.span(part.begin, part.begin + len(head))]
                keep.append(st)
        self.statements = keep

    def _headline_colon(self) -> None:
        """ "Keller: Sylvania will join the alliance" — a headline that attributes a claim with a colon.

        The rule is the kind of what precedes the colon and the syntax of what follows: a person or an organisation
        named right before the colon, followed by a clause (a finite verb) or a quotation, is a statement; a
        country, a place, a topic or a desk label ("Spain: minister resigns over leak", "Analysis: …") is a kicker
        label, and the headline is not attributed."""
        for pb in self.parsed.blocks:
            if pb.block.kind != "headline":
                continue
            doc = pb.doc
            colon = next((t for t in doc if t.text == ":"), None)
            if colon is None or colon.i == 0 or colon.i > 6 or colon.i >= len(doc) - 2:
                continue
            hit = self.coref.index.mention_of_token(pb, doc[colon.i - 1])
            if hit is None or self.coref.index.actors[hit[0]].kind not in ("person", "organization", "government"):
                continue
            if any(not t.text[:1].isupper() for t in doc if pb.offset + t.idx < hit[1].begin):
                continue  # "Talks in Geneva, Keller: …": the name is not the whole label ("German Chancellor X" is)
            after = doc[colon.i + 1 :]
            if not any(t.tag_ in ("VBZ", "VBP", "VBD", "MD") for t in after) and \
                    not any(q.outer.begin >= pb.offset + doc[colon.i].idx for q in self.quotes
                            if pb.block.span.contains(q.outer)):
                continue  # "Keller: a profile": no claim
            b = pb.offset + doc[colon.i + 1].idx
            e = pb.block.span.end
            content = self.parsed.article.span(b, e)
            if any(s.content[0].overlaps(content) for s in self.statements):
                continue
            quoted = any(content.contains(q.outer) for q in self.quotes)
            self.statements.append(Statement("", [content], "mixed" if quoted else "indirect", speaker=hit[0],
                                             speaker_mention=hit[1], sentence=pb.block.span, evidence="headline"))
            for q in self.quotes:
                if content.contains(q.outer):
                    self.used.add(id(q))

    def _orphans(self) -> None:
        """Quotations no cue claimed: a quoted sentence right after an attributed one continues its speaker."""
        for q in self.quotes:
            if id(q) in self.used or q.mark == "single" and not (self.single_marks or self._in_headline(q)):
                continue
            if len(q.inner.text.split()) < 4:
                continue  # scare quotes, titles, names
            prev = self._previous_statement(q)
            if prev is None or not self._starts_sentence(q):
                continue
            self.used.add(id(q))
            if prev.quote_type == "direct":  # the same speaker goes on: one statement, another part
                prev.content = _merge(sorted(set(prev.content + q.spans)))
                continue
            self.statements.append(Statement(
                "", q.spans, "direct", speaker=prev.speaker, speaker_mention=None, addressee=prev.addressee,
                reported_by=prev.reported_by, reported_in=prev.reported_in, sentence=q.outer, evidence="continuation"))

    def _in_headline(self, q: Quote) -> bool:
        return any(pb.block.kind in ("headline", "standfirst") and pb.block.span.contains(q.outer)
                   for pb in self.parsed.blocks)

    def _starts_sentence(self, q: Quote) -> bool:
        before = self.text[: q.outer.begin].rstrip(" ")
        return not before or before.endswith(("\n", ".", "!", "?", ":", ";", "”", '"'))

    def _previous_statement(self, q: Quote) -> Statement | None:
        """The last statement before ``q`` in the same or the previous paragraph, if it has a speaker."""
        blocks = [pb.block.span for pb in self.parsed.blocks]
        here = next((i for i, b in enumerate(blocks) if b.begin <= q.outer.begin < b.end), None)
        if here is None:
            return None
        window_begin = blocks[max(0, here - 1)].begin
        before = [s for s in self.statements if window_begin <= s.end <= q.outer.begin and s.speaker]
        if not before:
            return None
        last = max(before, key=lambda s: s.end)
        between = self.text[last.end : q.outer.begin]
        if here > 0 and last.end < blocks[here].begin and not between.rstrip().endswith((":", "”", '"', ".")):
            return None
        return last


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
