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
from kg.extraction import coref as corefs, discourse, layouts, unclaimed
from kg.extraction.cues import Cue, find_cues, opens_quote
from kg.extraction.documents import Documents
from kg.extraction.quotes import Quote
from kg.pipeline.ingest import slugify
from kg.model import Span, Statement
from kg.pipeline.nlp import ParsedBlock, Parsed
from kg.pipeline.sentences import ends_here

_GLUE = set(" \t\n,:;—–-")
# What an unnamed source of "according to" can be: media, reports, accounts, footage …
_SOURCE_NOUNS = {"media", "medium", "report", "account", "footage", "video", "source", "witness", "official", "document",
                 "record", "estimate", "figure", "statistic", "data", "poll", "survey", "study", "analysis",
                 "agency", "outlet", "observer", "activist", "resident", "local"}
_MARKS = set("“”‘’\"'«»")
# A parenthesis between a cue's clause and its quotation: " — which the paper noted as unusual — ".
_PARENTHESIS = re.compile(r"^\s*[—–]\s[^—–\n]{1,150}\s[—–]\s*$")
# The end of a written sentence: a full stop (or ! ?) and white space before a capital or an opening mark.
_SENTENCE_END = re.compile(r"[.!?]\]?[”’\"']?\s+(?=[A-Z“‘\"])")
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
        self.spoken: dict = {}  # (block offset, subject token) → the speaker resolved for it
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
        others = [c.verb.left_edge.i for c in getattr(self, "sentence_cues", []) if c is not cue
                  and c.verb.i > cue.verb.i]
        for c in cue.verb.children:  # "she said on television", "he said in a statement"
            if c.dep_ in ("prep", "advmod", "npadvmod", "aux", "auxpass", "neg") and not self.in_quote(pb.offset + c.idx):
                # … but not into another cue's clause ("criticized X for the toll saying, “…”")
                stop = min([o for o in others if c.left_edge.i < o <= c.right_edge.i], default=c.right_edge.i + 1)
                toks.extend(pb.doc[c.left_edge.i : stop])
        # a misparse can hang the quotation on the speaker ("X wrote, “Ginger Baker, great drummer …”" as an
        # apposition): the attribution clause never reaches into a quotation
        toks = [t for t in toks if t in cue.tokens or not (self.in_quote(pb.offset + t.idx) or t.text in _MARKS)]
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
        # a cue inside a parenthesis ("X commented — which the paper noted as unusual — “…”") reports nothing
        # outside it; the cue before the parenthesis reaches over it
        clause_text = self.text[max(block.begin, begin - 40) : begin]
        inside_dashes = cue.verb.dep_ == "relcl" and bool(re.search(r"[—–]\s*[^—–]*$", clause_text)) and \
            self.text[end : end + 3].strip()[:1] in ("—", "–")
        for q in self.quotes:
            if id(q) in self.used or not (block.begin <= q.outer.begin < block.end or q.outer.end > block.begin >= q.outer.begin):
                continue
            if inside_dashes:
                continue
            between = self.text[end : q.outer.begin]
            if self.text[max(0, end - 3) : end].strip().endswith(("—", "–")):
                between = "— " + between  # the clause took the parenthesis' opening dash
            if q.outer.begin >= end and _PARENTHESIS.match(between):
                out.append(q)
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
                if t.tag_ == "VBG" and opens_quote(t):  # "… the death toll saying, “…”": a quotation's cue
                    last = min(last, t.i - (2 if prev.text == "," else 1))
                elif prev.text == ",":
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
        return self._within_sentence(pb.offset + cue.verb.idx, pb.offset + doc[first].idx,
                                     pb.offset + doc[last].idx + len(doc[last].text))

    def _within_sentence(self, cue_at: int, b: int, e: int) -> tuple[int, int] | None:
        """A content span cut to the written sentence of its cue: the parser sometimes runs two sentences into one
        ("… told the press, “…” As of Tuesday there had been reports …"), and a sentence end outside quotation
        marks ends what the cue reports."""
        ends = [m.end() for m in _SENTENCE_END.finditer(self.text, min(cue_at, b), max(cue_at, e))
                if not self.in_quote(m.end() - 1)  # (a quotation may end its sentence: “… accused.” Next)
                and ends_here(self.text, m.start(), m.start() + len(m.group().rstrip()))]  # not "U.S." before a name
        if not ends:
            return b, e
        if cue_at <= b:  # "X said … . Next sentence": up to the first sentence end after the cue
            if any(cue_at < x <= b for x in ends):
                return None
            stop = min(x for x in ends if x > b)
            if stop >= e:
                return b, e
            while stop > b and self.text[stop - 1].isspace():
                stop -= 1
            if self.text[stop - 1] in ".!?":  # the sentence's own full stop is not content; a closing mark is
                stop -= 1
            return b, stop
        if any(e <= x <= cue_at for x in ends):  # the content is in an earlier sentence than its cue
            return None
        return max([x for x in ends if x <= b] + [b]), e

    # --- main -----------------------------------------------------------------------------------------------------
    def run(self) -> list[Statement]:
        for (pb, sent), toks in zip(self.parsed.sentences, self.parsed.sentence_tokens):
            self.sentence_cues = find_cues(pb, sent, self.in_quote, toks)
            for cue in self.sentence_cues:
                self._from_cue(cue)
        self._drop_nested()
        self._relayed()
        self.statements += layouts.headline_colon(self)
        self.statements += layouts.interviews(self) + layouts.social_posts(self)
        self.statements += unclaimed.attribute(self)
        unclaimed.continuations(self)
        self.statements.sort(key=lambda s: (s.begin, s.end))
        for i, st in enumerate(self.statements, 1):
            st.key = f"s{i}"
        return self.statements

    def _from_cue(self, cue: Cue) -> None:
        pb = cue.pb
        contents: list[Span] = []
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
            if q is not None and id(q) not in self.used and rng is not None and \
                    (rng[0] >= q.outer.begin or _only_glue(self.text[rng[0] : q.outer.begin])):
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
                contents = [c for c in contents if any(c.begin <= q.outer.end + 2 and q.outer.begin <= c.end + 2
                                                       for q in quoted)]
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
        if contents and self._add(cue, contents, qtype):
            self.used.update(id(q) for q in taken)

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
        if cue.verb.tag_ == "VBG" and cue.verb.dep_ in ("advcl", "xcomp") and cue.speaker is not None:
            # "Nice added [officials were trained], saying …": the participle's subject lies inside what an earlier
            # cue of the sentence reports, so the earlier cue's speaker goes on talking
            earlier = [c for c in getattr(self, "sentence_cues", []) if c is not cue and c.speaker is not None
                       and c.speaker.i < c.verb.i < cue.speaker.i < cue.verb.i]
            if earlier:
                cue.speaker = earlier[-1].speaker
        if cue.speaker is not None and cue.speaker.lower_ in ("that", "which", "who") and cue.verb.dep_ == "relcl":
            cue.speaker = cue.verb.head  # "a BBC report … that claimed": the noun the clause hangs on
        speaker = None
        if cue.speaker is not None:
            speaker = discourse.joint_source(self.coref, pb, cue.speaker) or corefs.resolve(self.coref, pb, cue.speaker)
        if speaker is not None and cue.speaker is not None and cue.speaker.i < cue.verb.i and \
                self.coref.index.actors[speaker[0]].kind not in ("person", "group") and \
                not any(c.dep_ == "conj" for c in cue.speaker.children):
            # "African Export–Import Bank president Okey Oramah said", misparsed with the bank as the subject: the
            # person named right before the verb, inside the subject's phrase, speaks
            before = pb.doc[cue.verb.i - 1]
            while before.i > cue.speaker.i and before.pos_ in ("ADV", "PART"):
                before = pb.doc[before.i - 1]
            person = self.coref.index.mention_of_token(pb, before) if before.pos_ == "PROPN" else None
            if person is not None and self.coref.index.actors[person[0]].kind == "person" and \
                    cue.speaker.left_edge.i <= before.i and not any(t.text in (",", "(") for t in
                                                                    pb.doc[cue.speaker.i : before.i]):
                speaker = person
        if cue.speaker is not None:
            key = (pb.offset, cue.speaker.i)
            if cue.verb.tag_ == "VBG" and key in self.spoken:  # "X said …, further saying …": as resolved for X
                speaker = self.spoken[key]
            elif speaker is not None:
                self.spoken.setdefault(key, speaker)
        if speaker is None and cue.according is not None and cue.speaker is not None:
            speaker = self._source_inside(pb, cue.speaker)  # "according to the fears expressed by an official"
        if speaker is None and cue.according is not None and cue.speaker is not None:
            speaker = self._unnamed_source(pb, cue.speaker)  # "according to Syrian state media"
        reporter = corefs.resolve(self.coref, pb, cue.reporter) if cue.reporter is not None else None
        cited = _cited(cue)
        if cited is not None and speaker is not None and reporter is None:
            # "Reuters, citing anonymous sources, reported …": the sources speak, Reuters relays them
            source = corefs.resolve(self.coref, pb, cited)
            if source is not None and source[0] != speaker[0]:
                speaker, reporter = source, speaker
        addressee = corefs.resolve(self.coref, pb, cue.addressee) if cue.addressee is not None else None
        doc_key = None
        if cue.speaker is not None:
            document = self.documents.at(pb, cue.speaker)
            if document is not None:  # "the joint statement said": the document speaks for its authors
                doc_key = document.key
                speaker = (document.publisher, speaker[1] if speaker else document.mention) \
                    if document.publisher else None
                if speaker is None and cue.speaker.tag_ in ("NNS", "NNPS"):
                    speaker = self._unnamed_source(pb, cue.speaker)  # "according to reports": unnamed sources
        cue_span = self.parsed.article.span(pb.offset + min(t.idx for t in cue.tokens),
                                            pb.offset + max(t.idx + len(t.text) for t in cue.tokens))
        if cue.lemma == "quote":
            cue_span = self.parsed.article.span(pb.offset + cue.verb.idx,
                                                pb.offset + cue.tokens[-1].idx + len(cue.tokens[-1].text))
        if any(c.overlaps(cue_span) for c in contents):
            return False
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
        label = corefs._label(pb, start, end)
        index = self.coref.index
        return index.add_actor("group/" + slugify(label), label, "group", span, "group"), span

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

    def _relayed(self) -> None:
        """A report inside another speaker's report ("Znak.com further reported its source said …", "Miliband said
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

    def in_headline(self, q: Quote) -> bool:
        return any(pb.block.kind in ("headline", "standfirst") and pb.block.span.contains(q.outer)
                   for pb in self.parsed.blocks)


def _cited(cue: Cue) -> Token | None:
    """The source a participle "citing …" names beside the cue ("X, citing officials, said"), if any."""
    for t in [*cue.verb.children, *(cue.speaker.children if cue.speaker is not None else ())]:
        if t.lemma_ == "cite" and t.tag_ == "VBG":
            obj = next((c for c in t.children if c.dep_ == "dobj"), None)
            if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
                return obj
    return None


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
