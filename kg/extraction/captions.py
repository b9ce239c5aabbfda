"""Picture captions: a paragraph that carries a photo credit ("… at a shelter in Pine Hollow, Oregon. Tomas Berg /
Ridge Herald via Getty Images", "(AP Photo/Sam Ortiz)", "Photograph: Lee Park/Reuters") describes a picture, not
the story.

Web pages keep captions between the paragraphs of the text, often between a quotation and its "she said"; the
people a caption names (or the words mistaken for names in it) are not in the discourse, so a pronoun after it
never refers to them.
"""

from __future__ import annotations

import re

from kg.pipeline.nlp import Parsed

_AGENCY = r"(?:AP|AFP|EPA|EPA-EFE|Reuters|REUTERS|Getty|Getty Images|Bloomberg|Shutterstock|Alamy|PA|Xinhua|ANI|IANS)"
CREDIT = re.compile(
    rf"\bvia Getty Images\b|\bGetty Images\b|\b{_AGENCY}(?: Photo| Images| Wire)?\s?/\s?[A-Z]"
    rf"|[A-Za-z.]\s?/\s?{_AGENCY}\b|\((?:{_AGENCY}) Photo\b"
    r"|\b(?:Photo|Photograph|Picture|Image)s?(?: by|:)\s*[A-Z]|\b(?:Photo )?[Cc]redit:\s*[A-Z]")
_QUOTE_MARKS = ('"', "“", "”")
MAX_CAPTION = 400  # characters: a caption is a line or two, never a paragraph of the story


def caption_offsets(parsed: Parsed) -> frozenset[int]:
    """The offsets of the paragraphs that are captions: short, nothing quoted, with a photo credit."""
    found = set()
    for pb in parsed.blocks:
        text = pb.block.span.text
        if pb.block.kind == "paragraph" and len(text) <= MAX_CAPTION and not any(m in text for m in _QUOTE_MARKS) \
                and CREDIT.search(text):
            found.add(pb.offset)
    return frozenset(found)
