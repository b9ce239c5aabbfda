"""The scores as text: a plain table for the terminal, Markdown for the README (``kg eval --markdown``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kg.eval.evaluate import SCOPED


# ---------------------------------------------------------------------------------------------------------- tables
COLUMNS: tuple[tuple[str, str], ...] = (
    ("stmt P", "stmt_p"), ("stmt R", "stmt_r"), ("stmt F1", "stmt_f1"), ("spk", "speaker_acc"),
    ("dir spk", "direct_speaker_acc"), ("addr", "addressee_acc"), ("rep by", "reported_by_acc"),
    ("qtype", "quote_type_acc"), ("B3 F1", "b3_f1"), ("ev F1", "event_f1"), ("type", "type_acc"),
    ("part F1", "participant_f1"), ("time", "time_acc"), ("link P", "link_p"), ("link R", "link_r"),
)


# The evaluation corpus: statement figures, direct-quote recall, the count of quotes given to a different named
# person, key-event recall and date accuracy (no event precision: only key events are annotated).
CORPUS_COLUMNS: tuple[tuple[str, str], ...] = (
    ("stmt P", "stmt_p"), ("stmt R", "stmt_r"), ("stmt F1", "stmt_f1"), ("dir R", "direct_r"),
    ("spk", "speaker_acc"), ("dir spk", "direct_speaker_acc"), ("wrong named", "wrong_named"),
    ("addr", "addressee_acc"), ("qtype", "quote_type_acc"), ("B3 F1", "b3_f1"), ("key ev R", "key_event_r"),
    ("type", "type_acc"), ("part F1", "participant_f1"), ("ev date", "event_date_acc"), ("time", "time_acc"),
    ("link P", "link_p"), ("link R", "link_r"),
)
_COUNTS = {"wrong_named"}  # figures that are counts, not shares


def _cell(v: float | None, key: str = "") -> str:
    if v is None:
        return "-"
    return str(int(v)) if key in _COUNTS else f"{100 * v:.1f}"


def _columns(result: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    return CORPUS_COLUMNS if result.get("scope") == SCOPED else COLUMNS


def _rows(result: Mapping[str, Any]) -> list[list[str]]:
    cols = _columns(result)
    rows = [[str(a["article"])] + [_cell(a["figures"][k], k) for _, k in cols] for a in result["articles"]]
    return rows + [["overall"] + [_cell(result["overall"]["figures"][k], k) for _, k in cols]]


def format_table(result: Mapping[str, Any]) -> str:
    """A plain-text table (percentages): one row per article, then ``overall`` (micro-averaged)."""
    head = [result.get("row_name", "article")] + [h for h, _ in _columns(result)]
    rows = _rows(result)
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]

    def line(r: list[str]) -> str:
        return "  ".join(x.ljust(w) if i == 0 else x.rjust(w) for i, (x, w) in enumerate(zip(r, widths)))

    sep = "  ".join("-" * w for w in widths)
    return "\n".join([line(head), sep, *(line(r) for r in rows[:-1]), sep, line(rows[-1])])


def format_markdown(result: Mapping[str, Any]) -> str:
    """The same table in Markdown (for a README); the overall row in bold."""
    cols = _columns(result)
    head = [result.get("row_name", "article")] + [h for h, _ in cols]
    rows = _rows(result)
    rows[-1] = [f"**{x}**" for x in rows[-1]]
    out = ["| " + " | ".join(head) + " |", "|" + "|".join(["---"] + ["---:"] * len(cols)) + "|"]
    return "\n".join(out + ["| " + " | ".join(r) + " |" for r in rows])


def format_linking(result: Mapping[str, Any], *, markdown: bool = False) -> str:
    """Linking per desk (and overall): links made, checked, right; gold actors with an item, found; P and R."""
    head = ["desk", "articles", "links", "checked", "right", "gold", "found", "link P", "link R"]
    rows = []
    n = result.get("article_count", len(result["articles"]))
    for d in [*result.get("desks", []), {**result["overall"], "articles": n}]:
        c, f = d["counts"], d["figures"]
        rows.append([str(d["article"]), str(d.get("articles", "")), str(int(c["link_sys"] + c["link_unchecked"])),
                     str(int(c["link_sys"])), str(int(c["link_sys_ok"])), str(int(c["link_gold"])),
                     str(int(c["link_gold_ok"])), _cell(f["link_p"]), _cell(f["link_r"])])
    if markdown:
        out = ["| " + " | ".join(head) + " |", "|---" + "|---:" * (len(head) - 1) + "|"]
        return "\n".join(out + ["| " + " | ".join(r) + " |" for r in rows])
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    return "\n".join("  ".join(x.ljust(w) if i == 0 else x.rjust(w) for i, (x, w) in enumerate(zip(r, widths)))
                     for r in [head, *rows])
