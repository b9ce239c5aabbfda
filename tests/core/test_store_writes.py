"""Replacing graphs already stored (an article built again): only the changed triples are written, in one update,
and the result is the new graph exactly; a write the engine refuses leaves every stored graph whole."""

from __future__ import annotations

import pytest

from kg.errors import StoreError
from kg.store import Store
from kg.store.updates import edit, operations_text

G, P = "http://ex.org/graph/article/a1", "http://ex.org/graph/provenance/a1"
S = "<http://ex.org/id/article/a1/statement/{}>"
CONF = "<http://ex.org/ns#confidence>"
DEC = "<http://www.w3.org/2001/XMLSchema#decimal>"


def lines(*numbers: int, value: str = "0.5") -> str:
    return "".join(f'{S.format(n)} {CONF} "{value}"^^{DEC} .\n' for n in numbers)


def stored(store: Store, graph: str) -> set[str]:
    return {str(q.triple) for q in store.quads(graph)}


def test_a_graph_built_again_is_edited_not_rewritten():
    old, new = lines(1, 2, 3), lines(2, 3, 4)
    change = edit(old, new)
    assert change is not None
    assert change.delete == [lines(1).strip()] and change.insert == [lines(4).strip()]
    text = operations_text([], {G: new}, {}, {G: change})
    assert "DROP" not in text and lines(2).strip() not in text and lines(4).strip() in text


def test_blank_nodes_and_an_empty_graph_are_rewritten_whole():
    assert edit(lines(1), "_:b0 <http://ex.org/p> <http://ex.org/o> .\n") is None
    assert edit(lines(1), "\n") is None
    # a blank node's lines that both texts write alike keep their node; the others can still be edited
    blank = "_:b0 <http://ex.org/p> <http://ex.org/o> .\n"
    kept = edit(blank + lines(1), blank + lines(2))
    assert kept is not None and kept.insert == [lines(2).strip()]


def test_a_rebuild_leaves_exactly_the_new_graphs():
    store = Store()
    store.apply_changes(replace={G: lines(1, 2, 3), P: lines(9)})
    # a value the engine stores in another form ("0.50" as "0.5") is written again and kept
    new = lines(2, 3, 4) + lines(5, value="0.50")
    store.apply_changes(replace={G: new, P: lines(9)})
    fresh = Store()
    fresh.apply_changes(replace={G: new, P: lines(9)})
    assert stored(store, G) == stored(fresh, G) and len(stored(store, G)) == 4
    assert stored(store, P) == stored(fresh, P)
    # an empty replacement drops the graph, as before
    store.apply_changes(replace={P: ""})
    assert not store.has_graph(P)


def test_a_changed_literal_holding_a_line_separator_is_edited_whole():
    store = Store()
    store.apply_changes(replace={G: lines(1, 2)})
    said = f'{S.format(3)} <http://ex.org/ns#says> "one\u2028two\x85three" .\n'
    store.apply_changes(replace={G: lines(1, 2) + said})
    fresh = Store()
    fresh.apply_changes(replace={G: lines(1, 2) + said})
    assert stored(store, G) == stored(fresh, G) and len(stored(store, G)) == 3


def test_an_article_whose_text_holds_a_line_separator_is_stored_and_built_again():
    from kg.store.shared import write_articles

    store = Store()
    text = f'{S.format(1)} <http://ex.org/ns#isString> "The talks\u2028resume\x85today." .\n'
    for _ in range(2):
        write_articles(store, "http://ex.org/", {"a1": {G: text}})
    assert [q.object.value for q in store.quads(G)] == ["The talks\u2028resume\x85today."]


def test_a_refused_rebuild_leaves_the_stored_graphs_whole():
    store = Store()
    store.apply_changes(replace={G: lines(1, 2, 3), P: lines(9)})
    before = stored(store, G), stored(store, P)
    broken = lines(2, 3) + f"{S.format(4)} {CONF} not a term .\n"
    with pytest.raises(StoreError):
        store.apply_changes(replace={G: lines(4, 5), P: broken})
    assert (stored(store, G), stored(store, P)) == before
