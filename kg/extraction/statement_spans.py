"""The spans of a statement: the attribution clause of a cue, the quotations next to it, and the stretch of its
complement that is what was said, cut to the written sentence. A part of :class:`kg.extraction.statements.
StatementFinder` (which holds ``parsed``, ``text``, ``quotes``, ``used`` and ``sentence_cues``).
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from kg import lexicon
from kg.extraction import coref as corefs
from kg.extraction.cues import Cue, opens_quote
from kg.extraction.complements import as_clause
from kg.extraction.quotes import Quote
from kg.extraction.source_phrases import relaying_participle
from kg.model import Span
from kg.pipeline.nlp import ParsedBlock
from kg.pipeline.sentences import ends_here

_GLUE = set(" \t\n,:;—–-")
_MARKS = set("“”‘’\"'«»")
# A parenthesis between a cue's clause and its quotation: " — which the paper noted as unusual — ".
_PARENTHESIS = re.compile(r"^\s*[—–]\s[^—–\n]{1,150}\s[—–]\s*$")
# The end of a written sentence: a full stop (or ! ?) and white space before a capital or an opening mark.
_SENTENCE_END = re.compile(r"[.!?]\]?[”’\"']?\s+(?=[A-Z“‘\"])")


# Prepositions that set another source's report beside the content ("despite X claiming", "amid Y saying").
_JUXTAPOSING = {"despite", "amid", "amidst", "after", "before", "following", "as", "while", "with", "unlike"}


def _juxtaposing(verb: Token, head: Token) -> Token | None:
    """The preposition of contrast or time between a content's head and a report inside it, if any."""
    t = verb
    while t.i != head.i and t.head.i != t.i:
        if t.dep_ == "prep" and t.lower_ in _JUXTAPOSING and t.i < verb.i:
            return t
        t = t.head
    return None


def only_glue(text: str) -> bool:
    return all(c in _GLUE for c in text) or text.strip(" ,:;") in ("that", "")


_DANGLING = re.compile(r"^(?:\s*[,;])?\s+[a-z]+(?:\s+[a-z]+)?[,;]?$")  # ", however" / " also" after a close


def to_the_marks(article, quotes: list[Quote], contents: list[Span]) -> list[Span]:  # noqa: ANN001 - an Article
    """Content spans whose edges cut through a quotation's marks, mended: a span that starts right after an opening
    mark and runs past its closing one starts at the mark ("said “X” could …"); a span that runs on after a
    quotation closed on a comma by a word or two ("“…,” also condemning", "“…”, however") ends at the mark."""
    out = []
    for c in contents:
        begin, end = c.begin, c.end
        for q in quotes:
            if q.inner.begin == begin and q.outer.end <= end and q.outer.begin == begin - 1:
                begin = q.outer.begin
            if begin <= q.outer.begin and q.outer.end < end and \
                    (q.inner.text.rstrip().endswith(",") or article.text[q.outer.end : end].lstrip()[:1] in ",;") \
                    and _DANGLING.match(article.text[q.outer.end : end]):
                end = q.outer.end
        out.append(c if (begin, end) == (c.begin, c.end) else article.span(begin, end))
    return out


# What a verb of saying sent, right before the quotation that is it ("tweeted the response “…”").
_MESSAGE_NOUN = re.compile(r"\s+(?:the|this|a|an|its|his|her|their)\s+(?:\w+\s+)?(?:response|statement|message|reply|"
                           r"note|post|tweet|warning|comment)\s*[:,]?\s*", re.I)

class StatementSpans:
    """The span-finding steps of :class:`kg.extraction.statements.StatementFinder`."""

    def _clause_range(self, cue: Cue) -> tuple[int, int]:
        """Article offsets covering the cue, its speaker and addressee (the attribution clause); worked out once
        per cue and sentence (every quotation near a sentence's cues asks for each cue's clause)."""
        cues = getattr(self, "sentence_cues", [])
        memo = self.__dict__.get("_clause_memo")
        if memo is None or memo[0] is not cues:
            memo = self.__dict__["_clause_memo"] = (cues, {})
        found = memo[1].get(id(cue))
        if found is None:
            found = memo[1][id(cue)] = (cue, self._clause_range_of(cue, cues))
        return found[1]

    def _clause_range_of(self, cue: Cue, cues: list[Cue]) -> tuple[int, int]:
        pb = cue.pb
        toks = list(cue.tokens)
        for t in (cue.speaker, cue.addressee, cue.reporter):
            if t is not None and abs(t.i - cue.verb.i) < 25:
                a, b = corefs.np_bounds(t)
                toks.extend(pb.doc[a:b])
                # an apposition after the speaker belongs to the clause: "said Priya Nandakumar, a researcher at …"
                for c in t.children:
                    if c.dep_ in ("appos", "prep", "acl", "relcl") and c.i > t.i:
                        toks.extend(pb.doc[c.left_edge.i : c.right_edge.i + 1])
        others = [c.verb.left_edge.i for c in cues if c is not cue and c.verb.i > cue.verb.i]
        for c in cue.verb.children:  # "she said on television", "he said in a statement"
            if c.dep_ in ("prep", "advmod", "npadvmod", "aux", "auxpass", "neg") and not self.in_quote(pb.offset + c.idx):
                # … but not into another cue's clause ("criticized X for the toll saying, “…”")
                stop = min([o for o in others if c.left_edge.i < o <= c.right_edge.i], default=c.right_edge.i + 1)
                toks.extend(pb.doc[c.left_edge.i : stop])
        # a misparse can hang the quotation on the speaker ("X wrote, “Rufus Tam, fine fiddler …”" as an
        # apposition): the attribution clause never reaches into a quotation
        toks = [t for t in toks if t in cue.tokens or not (self.in_quote(pb.offset + t.idx) or t.text in _MARKS)]
        begin = min(pb.offset + t.idx for t in toks)
        end = max(pb.offset + t.idx + len(t.text) for t in toks)
        return begin, end

    def _gap(self, cue: Cue, q: Quote) -> int | None:
        """Characters between a quotation and the cue's clause when only punctuation separates them, else None."""
        begin, end = self._clause_range(cue)
        if q.outer.end <= begin and only_glue(self.text[q.outer.end : begin]):
            return begin - q.outer.end
        if q.outer.begin >= end and only_glue(self.text[end : q.outer.begin]):
            return q.outer.begin - end
        return None

    def _adjacent_quotes(self, cue: Cue) -> list[Quote]:
        """Quotations next to the cue's clause — unless another cue of the sentence sits closer to them
        ("Ban criticized Israel for …, saying, “…”": the quotation is what he said, not what he criticised)."""
        out = [q for q in self._adjacent_raw(cue)]
        if cue.verb.tag_ == "VBG" and cue.complements and all(c.i > cue.verb.i for c in cue.complements):
            # "“…,” he continued, adding that …": a participle with its own clause leaves the quotation before the
            # verb it hangs on to that verb
            main = cue.pb.offset + cue.verb.head.idx
            out = [q for q in out if q.outer.begin > main]
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
            if q.outer.end <= begin and only_glue(self.text[q.outer.end : begin]):
                if q.inner.text.rstrip().endswith(".") and "," not in self.text[q.outer.end : begin]:
                    continue
                out.append(q)
            elif q.outer.begin >= end and only_glue(self.text[end : q.outer.begin]):
                out.append(q)
            elif q.outer.begin > cue.verb.idx + cue.pb.offset and _MESSAGE_NOUN.fullmatch(
                    self.text[cue.pb.offset + cue.verb.idx + len(cue.verb.text) : q.outer.begin]):
                out.append(q)  # "tweeted the response “…”", "issued a statement: “…”": the message is the quotation
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
            if (relay := relaying_participle(cue)) is not None:  # ", quoting Y,": who X relays, not said
                skip.update(t.i for t in relay.subtree)
        if cue.verb.head.i == head.i and (cue.verb.dep_ in ("ccomp", "parataxis") or as_clause(cue.verb)):
            skip.update(t.i for t in cue.verb.subtree)  # "X reported on Thursday, …", "As X said, …": the cue's clause
        # (sorted: a non-projective parse, "which she is due to table", yields its subtree out of order)
        toks = sorted((t for t in head.subtree if t.i not in skip and (cue.limit is None or t.i < cue.limit)),
                      key=lambda t: t.i)
        if not toks:
            return None
        runs: list[list[Token]] = [[toks[0]]]
        for t in toks[1:]:
            if t.i == runs[-1][-1].i + 1:
                runs[-1].append(t)
            else:
                runs.append([t])
        best = max(runs, key=lambda r: sum(len(t.text) for t in r if not t.is_punct))
        own = next((r for r in runs if any(t.i == head.i for t in r)), None)
        words = [t for t in own or () if not t.is_punct]
        if cue.according is not None and len(words) >= 3 and (words[0].i > cue.according.i or
                                                               words[-1].pos_ not in ("ADP", "DET", "CCONJ")):
            # "While A, according to X, B": X's words are the clause of the verb the phrase hangs on, not a
            # longer clause beside it (but "followed by, according to X, 2,000 people": it cuts that clause)
            best = own
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
                    # "… a legal one by saying at a briefing, “…”", "… the death toll saying, “…”"
                    last = min(last, t.i - (2 if prev.lower_ in ("by", "while", "when", "after", "before") else 1))
        # "said the cuts were fair, which angered the unions": a relative "which" right after a word that is no noun
        # comments on the whole clause — the writer's narration, not what was said
        for t in toks:
            if t.lower_ == "which" and first < t.i - 1 and t.i - 1 <= last and pb.doc[t.i - 1].text == "," and \
                    pb.doc[t.i - 2].pos_ in ("ADJ", "VERB", "AUX", "ADV", "NUM") and \
                    not self.in_quote(pb.offset + t.idx):
                last = min(last, t.i - 2)
        # "… in a “senseless loss” while the mayor wrote …": another speaker's report is not this content
        for other in getattr(self, "sentence_cues", []):
            v = other.verb
            if other is not cue and v.dep_ in ("advcl", "conj") and v.left_edge.i > first and \
                    any(a.i == head.i for a in v.ancestors) and other.speaker is not None and \
                    (cue.speaker is None or other.speaker.i != cue.speaker.i) and \
                    not self.in_quote(pb.offset + v.idx):
                last = min(last, v.left_edge.i - 1)
            # "… the cargo is safe despite reporters claiming …": a report in a phrase of contrast or time
            # hung on the content is the writer's juxtaposition of another source, not this one's words
            elif other is not cue and other.speaker is not None and v.i > first and \
                    (cue.speaker is None or other.speaker.i != cue.speaker.i) and \
                    (prep := _juxtaposing(v, head)) is not None and prep.i > first and \
                    not self.in_quote(pb.offset + v.idx):
                last = min(last, prep.i - 1)
        doc = pb.doc
        while first <= last and (doc[first].is_punct and doc[first].text not in "“‘\"'" or
                                 doc[first].lower_ in ("that", "of", "for", "about", "against") or
                                 doc[first].lower_ == "as" and doc[first].head.i == cue.verb.i):  # (not "as much as")
            first += 1
        while last >= first and (doc[last].is_punct and doc[last].text not in "”’\"'%" or  # ("rose by 10%")
                                 doc[last].lower_ in ("which", "who", "whom", "whose") and last > first and
                                 doc[last - 1].text == "," or doc[last].dep_ == "cc" and last > first):
            last -= 1  # (a relative pronoun or a conjunction left dangling where another report was cut off)
        if last < first:
            return None
        return self._within_sentence(pb.offset + cue.verb.idx, pb.offset + doc[first].idx,
                                     pb.offset + doc[last].idx + len(doc[last].text))

    def _within_sentence(self, cue_at: int, b: int, e: int) -> tuple[int, int] | None:
        """A content span cut to the written sentence of its cue: the parser sometimes runs two sentences into one
        ("… told the press, “…” By Friday there were reports …"), and a sentence end outside quotation
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

