"""The merge of what builds say about a shared resource (kg.store.shared): one value of a property that takes one, every
value of the others; what articles state before what the knowledge base adds; the split of a build's triples."""

from __future__ import annotations

from kg.store.shared import IMPORTED, merge, records, split

X = "<http://ex.org/id/person/x>"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
PREF = "<http://www.w3.org/2004/02/skos/core#prefLabel>"
SAME = "<http://www.w3.org/2004/02/skos/core#exactMatch>"
TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"


def t(p: str, o: str, imported: bool = False) -> str:
    return f"{X} {p} {o} ." + (IMPORTED if imported else "")


def test_one_label_the_one_most_articles_state():
    got = merge([([t(LABEL, '"EU"')], 1), ([t(LABEL, '"European Union"')], 2)])
    assert got == [t(LABEL, '"European Union"')]


def test_a_tie_goes_to_the_preferred_label_then_to_code_point_order():
    assert merge([([t(LABEL, '"Britain"')], 1), ([t(LABEL, '"United Kingdom"'), t(PREF, '"United Kingdom"', True)],
                                                1)]) == [t(LABEL, '"United Kingdom"'), t(PREF, '"United Kingdom"')]
    assert merge([([t(LABEL, '"b"')], 1), ([t(LABEL, '"a"')], 1)]) == [t(LABEL, '"a"')]


def test_the_knowledge_base_counts_only_where_no_article_states_a_value():
    stated = ([t(LABEL, '"Foreign Minister of China"')], 1)
    imported = ([t(LABEL, '"Minister of Foreign Affairs"', True)], 5)
    assert merge([stated, imported]) == [t(LABEL, '"Foreign Minister of China"')]
    assert merge([imported]) == [t(LABEL, '"Minister of Foreign Affairs"')]


def test_properties_with_several_values_keep_them_all():
    got = merge([([t(SAME, "<http://a>"), t(TYPE, "<http://T>")], 1), ([t(SAME, "<http://b>")], 1)])
    assert got == sorted([t(SAME, "<http://a>"), t(SAME, "<http://b>"), t(TYPE, "<http://T>")])
    assert merge([]) == []


def test_a_build_keeps_what_is_its_own_and_shares_the_rest():
    base = "http://ex.org/"
    own = f"<{base}id/article/a1/statement/1> <http://p> {X} .\n{X} <http://d> <{base}id/article/a1/span/1-2> .\n"
    other = f"<{base}id/article/a10/statement/1> <http://p> <http://o> .\n"  # another article: not a1's own
    shared = f'{X} {LABEL} "x" .\n'
    sp = split({f"{base}graph/article/a1": own + other + shared,
                f"{base}graph/enrichment/a1": f'{X} {PREF} "x" .\n'}, base=base, article_id="a1")
    assert sp.own[f"{base}graph/article/a1"] == own
    assert sp.shared == {"http://ex.org/id/person/x": [f'{X} {LABEL} "x" .', f'{X} {PREF} "x" .{IMPORTED}'],
                         "http://ex.org/id/article/a10/statement/1": [other.strip()]}
    text = records(base, "a1", sp.shared)
    assert f"<{base}id/article/a1/contribution/person/x>" in text and "contributesTo" in text


def test_a_resource_whose_stored_description_is_unchanged_is_not_rewritten():
    from kg.store import Store
    from kg.store.shared import same, write_articles

    base = "http://ex.org/"
    graph = f"{base}graph/shared"
    store = Store()
    said = f'{X} {LABEL} "Ana Pérez" .\n{X} {TYPE} <http://ex.org/Person> .\n'
    write_articles(store, base, {"a1": {f"{base}graph/article/a1": said}})
    x = X[1:-1]
    # the same triples (in another order, as the engine may return them) are the stored description; one more or
    # one less is not
    reordered = "\n".join(reversed(said.strip().split("\n"))) + "\n"
    assert same(store, graph, {x: reordered}) == {x}
    assert same(store, graph, {x: said + f"{X} {SAME} <http://www.wikidata.org/entity/Q1> .\n"}) == set()
    assert same(store, graph, {x: said.split("\n")[0] + "\n"}) == set()
    assert same(store, graph, {"http://ex.org/id/person/y": ""}) == {"http://ex.org/id/person/y"}
    # a second article saying the same leaves the shared graph as it was, and removing one keeps it
    write_articles(store, base, {"a2": {f"{base}graph/article/a2": said}})
    assert store.count(graph) == 2
    from kg.store.shared import remove_articles

    remove_articles(store, base, ["a1"])
    assert store.count(graph) == 2
    remove_articles(store, base, ["a2"])
    assert store.count(graph) == 0
