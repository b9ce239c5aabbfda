"""Ingest: blocks, footer, metadata, offsets over the stored text, and clear errors for bad input."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.pipeline.ingest import MAX_BYTES, ingest, split_blocks
from tests.conftest import SEED


def test_seed_blocks_and_footer():
    a = ingest(SEED)
    kinds = [b.kind for b in a.blocks]
    assert kinds[0] == "headline" and kinds[1] == "standfirst"
    assert "heading" in kinds  # "Call for diplomacy"
    assert [b.span.text for b in a.blocks if b.kind == "heading"] == ["Call for diplomacy"]
    footer = [b.span.text for b in a.blocks if b.kind == "footer"]
    assert footer[0] == "Source link" and footer[1] == "Leave a Reply"
    assert all(b.kind != "footer" for b in a.content_blocks)
    for b in a.blocks:
        assert a.text[b.span.begin : b.span.end] == b.span.text


def test_seed_text_is_stored_exactly():
    a = ingest(SEED)
    raw = SEED.read_text(encoding="utf-8")
    assert a.text == raw  # curly quotes and dashes kept; nothing normalised away
    assert "“" in a.text and "’" in a.text and "—" in a.text


def test_sidecar_metadata_and_date_override():
    a = ingest(SEED)
    assert a.meta.date == dt.date(2022, 1, 27) and a.meta.date_inferred
    assert a.meta.publisher is None
    b = ingest(SEED, date=dt.date(2022, 1, 28))
    assert b.meta.date == dt.date(2022, 1, 28) and not b.meta.date_inferred


def test_crlf_and_bom_normalised(tmp_path: Path):
    p = tmp_path / "a.txt"
    p.write_bytes("\ufeffTitle\r\n\r\nBody “quoted”.\r\n".encode())
    a = ingest(p)
    assert a.text == "Title\n\nBody “quoted”.\n"
    assert [b.kind for b in a.blocks] == ["headline", "standfirst"] or [b.kind for b in a.blocks][0] == "headline"


def test_footer_only_when_everything_after_is_short():
    text = "Title\n\nPara one is here.\n\nSource link\n\n" + "A long paragraph. " * 40
    kinds = [b.kind for b in split_blocks(text)]
    assert "footer" not in kinds


@pytest.mark.parametrize("content, message", [
    (b"", "empty article"),
    (b"   \n\n  ", "empty article"),
    (b"\x00\x01\x02binary", "binary"),
    (b"caf\xe9 au lait", "not UTF-8"),
])
def test_bad_input(tmp_path: Path, content: bytes, message: str):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    with pytest.raises(InputError, match=message):
        ingest(p)


def test_missing_oversized_and_unknown_format(tmp_path: Path):
    with pytest.raises(InputError, match="no such file"):
        ingest(tmp_path / "missing.txt")
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * (MAX_BYTES + 1))
    with pytest.raises(InputError, match="limit"):
        ingest(big)
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    with pytest.raises(InputError, match="unknown format"):
        ingest(pdf)


def test_bad_sidecar(tmp_path: Path):
    p = tmp_path / "a.txt"
    p.write_text("Title\n\nBody.\n", encoding="utf-8")
    (tmp_path / "a.meta.toml").write_text('date = "27/01/2022"\n', encoding="utf-8")
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        ingest(p)
    (tmp_path / "a.meta.toml").write_text('dat = 2022-01-27\n', encoding="utf-8")
    with pytest.raises(InputError, match="unknown metadata key"):
        ingest(p)


def test_one_paragraph_a_line_without_blank_lines():
    text = "A headline\nA standfirst with no stop\nFirst paragraph, he said.\nSecond paragraph.\n"
    kinds = [(b.kind, b.span.text) for b in split_blocks(text)]
    assert kinds == [("headline", "A headline"), ("standfirst", "A standfirst with no stop"),
                     ("paragraph", "First paragraph, he said."), ("paragraph", "Second paragraph.")]


def test_hard_wrapped_paragraph_stays_one_block():
    text = ("Headline\n\nThis is a hard wrapped paragraph that goes on and\non across several lines without "
            "ending them\nproperly at all.\n")
    blocks = split_blocks(text)
    assert [b.kind for b in blocks] == ["headline", "paragraph"] and "\n" in blocks[1].span.text


def test_undated_article_keeps_relative_times_unresolved_and_gets_a_lower_bound():
    from kg.extraction import extract
    from kg.pipeline.ingest import from_text
    from kg.pipeline.rdf.mapping import to_rdf
    from kg.vocab import NKG

    a = from_text("Talks resume\n\nThe ministers met on Thursday, after talks on March 3, 2021 failed. They will "
                  "meet again next week.", article_id="undated")
    x = extract(a)
    values = {t.span.text: t.value for t in x.times}
    assert values["Thursday"] is None and values["next week"] is None
    assert values["March 3, 2021"] == "2021-03-03"
    assert x.not_before is not None and x.not_before.isoformat() == "2021-03-03"
    g = to_rdf(a, x)
    assert [str(o) for o in g.objects(None, NKG.notBefore)] == ["2021-03-03"]
