"""Published data that answers right on a store of many articles: every named query keeps its row grain, removing
an article removes exactly what it added, a rebuild is the first build again, one base IRI per store, and a corpus
build that goes past a bad article (with the dates of an index.tsv beside the articles)."""

from __future__ import annotations

import csv
import io
import subprocess
from pathlib import Path

import pytest

from kg.store import Store, term_text
from tests.conftest import BASE, ROOT, SEED
from tests.scale.conftest import kg, write_articles

pytestmark = pytest.mark.slow
EPOCH = {"SOURCE_DATE_EPOCH": "1700000000"}
NKG = "PREFIX nkg: <https://w3id.org/newskg/ns#>\n"

# The grain of each named query, as its comment documents it: the columns that name one row.
GRAIN = {
    "statements": ["statement"], "actors": ["actor"], "events": ["event", "participant", "role"],
    "positions": ["person", "post", "surface", "date"], "timeline": ["event"], "links": ["resource", "target"],
    "cq01-said-about": ["statement", "about"], "cq02-call-exchange": ["statement"],
    "cq03-intermediaries": ["statement"], "cq04-quote-types": ["speaker", "quoteType"],
    "cq06-when-call": ["call", "begin"], "cq07-scheduled": ["event"], "cq08-person-events": ["event", "role"],
    "cq09-sub-events": ["subEvent", "participantLabel"], "cq10-why": ["effect", "cause"],
    "cq11-before": ["event", "call"], "cq12-statements-mentioning": ["statement", "thing"],
    "cq13-same-claim": ["statement", "same"],
}
# How many facts of that grain the store holds, counted graph by graph (so a duplicate in the union cannot hide).
FACTS = {
    "statements": "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s a nkg:Statement ; nkg:contentMention ?m } }",
    "events": """SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?e ?p WHERE {
                   GRAPH ?g { ?e nkg:eventType ?t ; nkg:denotedBy ?m OPTIONAL { ?e nkg:hasParticipation ?p } } } }""",
    "positions": "SELECT (COUNT(DISTINCT ?h) AS ?n) WHERE { GRAPH ?g { ?h a nkg:PositionHolding } }",
    "timeline": "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { GRAPH ?g { ?e nkg:time ?t . ?t nkg:timexValue ?v } }",
    "cq10-why": "SELECT (COUNT(DISTINCT ?l) AS ?n) WHERE { GRAPH ?g { ?l a nkg:CausalLink } }",
    "cq03-intermediaries": """SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s a nkg:Statement
                                { ?s nkg:reportedBy ?x } UNION { ?s nkg:reportedIn ?x } } }""",
    "actors": """SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { VALUES ?t { nkg:Person nkg:Organization
                   nkg:GovernmentOrganization nkg:Country nkg:Group } GRAPH ?g { ?a a ?t } }""",
}


def check_grain(store: Path) -> dict[str, int]:
    """Assert every named query's grain on ``store``; the row counts."""
    counts = {}
    with Store(store, read_only=True) as s:
        for q in sorted((ROOT / "queries").glob("*.rq")):
            res = s.query(q.read_text(encoding="utf-8"))
            rows = [tuple(term_text(r[v]) for v in res.variables) for r in res.rows()]
            assert len(rows) == len(set(rows)), f"{q.name}: the same row twice"
            cols = [res.variables.index(c) for c in GRAIN[q.stem]]
            keys = {tuple(row[i] for i in cols) for row in rows}
            assert len(rows) == len(keys), f"{q.name}: {len(rows)} rows for {len(keys)} {GRAIN[q.stem]}"
            if q.stem in FACTS:
                facts = int(term_text(s.query(NKG + FACTS[q.stem]).rows()[0]["n"]))
                assert len(rows) == facts, f"{q.name}: {len(rows)} rows for {facts} in the store"
            counts[q.stem] = len(rows)
    return counts


def nquads(store: Path) -> list[str]:
    return sorted(ln for ln in kg("dump", "--store", str(store), "--format", "nq").stdout.splitlines() if ln)


def test_every_named_query_keeps_its_grain_on_the_development_store(dev_store: Path):
    counts = check_grain(dev_store)
    assert counts["statements"] > 100 and counts["events"] > 150  # nine articles, not one
    with Store(dev_store, read_only=True) as s:  # every shared resource has one label
        rows = s.query("SELECT ?x (COUNT(DISTINCT ?l) AS ?n) WHERE { ?x <http://www.w3.org/2000/01/rdf-schema#label> "
                       "?l FILTER(!STRSTARTS(STR(?x), 'http://localhost:8000/id/article/')) } GROUP BY ?x "
                       "HAVING (COUNT(DISTINCT ?l) > 1)").rows()
        assert rows == []


def test_the_grain_holds_for_articles_that_share_actors(tmp_path: Path):
    """Two small articles with the same people (one linked, one not), and the seed: always available."""
    paths = write_articles(tmp_path / "in")
    store = tmp_path / "db"
    kg("build", str(SEED), *map(str, paths), "--store", str(store), "--base-iri", BASE)
    check_grain(store)


def test_remove_takes_back_exactly_what_an_article_added(tmp_path: Path):
    paths = write_articles(tmp_path / "in")
    both, one = tmp_path / "both", tmp_path / "one"
    kg("build", *map(str, paths), str(SEED), "--store", str(both), "--base-iri", BASE, "-j", "1", env=EPOCH)
    kg("build", str(paths[1]), str(SEED), "--store", str(one), "--base-iri", BASE, "-j", "1", env=EPOCH)
    first = nquads(both)
    run = kg("remove", paths[0].stem, "--store", str(both))
    assert f"removed {paths[0].stem} (3 graphs)" in run.stdout
    assert nquads(both) == nquads(one)  # as if it had never been built
    kg("build", str(paths[0]), "--store", str(both), env=EPOCH)
    assert nquads(both) == first  # and building it again gives the first build
    ontology = [q for q in first if q.endswith("<http://localhost:8000/graph/ontology> .")]
    graphs = {q.rsplit(" ", 2)[1] for q in first}
    assert ontology and sum(1 for g in graphs if g.endswith("/graph/ontology>")) == 1


def test_removing_every_article_leaves_only_the_store_itself(tmp_path: Path):
    paths = write_articles(tmp_path / "in")
    store = tmp_path / "db"
    kg("build", *map(str, paths), "--store", str(store))
    kg("remove", *(p.stem for p in paths), "--store", str(store))
    graphs = {q.rsplit(" ", 2)[1] for q in nquads(store)}
    assert graphs == {f"<{BASE}graph/ontology>", f"<{BASE}graph/dataset>"}


def test_the_store_keeps_its_base_iri(tmp_path: Path):
    paths = write_articles(tmp_path / "in")
    store = tmp_path / "db"
    other = "http://127.0.0.1:8000/"
    kg("build", str(paths[0]), "--store", str(store), "--base-iri", other)
    kg("build", str(paths[1]), "--store", str(store))  # a plain build: the store's base IRI
    with Store(store, read_only=True) as s:
        assert {g.split("graph/")[0] for g in s.graphs()} == {other}
    run = kg("build", str(paths[1]), "--store", str(store), "--base-iri", BASE, check=False)
    lines = [ln for ln in run.stderr.splitlines() if ln.strip()]
    assert run.returncode == 2 and len(lines) == 1 and other in lines[0] and BASE in lines[0]
    run = kg("build", str(paths[1]), "--store", str(store), env={"NEWSKG_BASE_IRI": BASE}, check=False)
    assert run.returncode == 2 and other in run.stderr
    run = kg("serve", "--store", str(store), "--base-iri", BASE, "--port", "1", check=False)
    assert run.returncode == 2 and other in run.stderr and BASE in run.stderr
    dump = tmp_path / "all.nq"
    kg("dump", "--store", str(store), "--format", "nq", "-o", str(dump))
    fresh = tmp_path / "fresh"
    kg("build", str(SEED), "--store", str(fresh))  # under the default base
    run = kg("load", str(dump), "--store", str(fresh), check=False)
    assert run.returncode == 2 and other in run.stderr and BASE in run.stderr
    copy = tmp_path / "copy"
    kg("load", str(dump), "--store", str(copy))  # a first load takes the dump's base IRI
    kg("build", str(SEED), "--store", str(copy))
    with Store(copy, read_only=True) as s:
        assert f"{other}graph/article/wang-yi-blinken-call" in s.graphs()


def test_make_run_and_a_plain_build_agree():
    """``make build`` passes a base IRI only when BASE_IRI is given, so it builds what ``kg build`` builds."""
    plain = subprocess.run(["make", "-n", "build", "STORE=x"], cwd=ROOT, capture_output=True, text=True)
    line = next(ln for ln in plain.stdout.splitlines() if " build " in ln and "kg" in ln)
    assert "--base-iri" not in line
    given = subprocess.run(["make", "-n", "build", "STORE=x", "BASE_IRI=http://example.org/"], cwd=ROOT,
                           capture_output=True, text=True)
    assert "--base-iri http://example.org/" in given.stdout


def test_a_corpus_build_goes_past_bad_articles_and_reads_the_index(tmp_path: Path):
    folder = tmp_path / "in"
    paths = write_articles(folder)
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "index.tsv").write_text(
        "file\tpublished\turl\tlicense\tpublisher\n"
        f"{paths[0].name}\t2023-05-08\thttps://example.org/a\tCC BY 2.5 (Example)\tExample News\n"
        f"{paths[1].name}\t2023-05-09\t\t\t\n", encoding="utf-8")
    (folder / f"{paths[1].stem}.meta.toml").write_text("date = 2023-06-01\n", encoding="utf-8")  # wins over the index
    store = tmp_path / "db"
    run = kg("build", str(folder), "--store", str(store), check=False)
    errors = [ln for ln in run.stderr.splitlines() if ln.startswith("kg: error:")]
    assert run.returncode == 1 and len(errors) == 1 and "empty.txt" in errors[0] and "empty" in errors[0]
    assert "built 2 articles" in run.stderr and "1 failed" in run.stderr
    with Store(store, read_only=True) as s:
        got = {term_text(r["a"]).rsplit("/", 1)[1]: (term_text(r["d"]), term_text(r["src"]), term_text(r["lic"]))
               for r in s.query("""PREFIX schema: <http://schema.org/> SELECT ?a ?d ?src ?lic WHERE {
                   ?a schema:datePublished ?d OPTIONAL { ?a schema:isBasedOn ?src } OPTIONAL { ?a schema:license ?lic }
               }""").rows()}
    assert got[paths[0].stem] == ("2023-05-08", "https://example.org/a", "https://creativecommons.org/licenses/by/2.5/")
    assert got[paths[1].stem][0] == "2023-06-01"
    kg("build", str(paths[0]), "--store", str(store), "--date", "2024-01-02")  # --date wins over both
    with Store(store, read_only=True) as s:
        q = (f"ASK {{ <{BASE}id/article/{paths[0].stem}> <http://schema.org/datePublished> ?d "
             "FILTER(STR(?d) = '2024-01-02') }")
        assert s.query(q).value is True
    (folder / "index.tsv").write_text("file\tdate\n", encoding="utf-8")
    run = kg("build", str(paths[0]), "--store", str(store), check=False)
    assert run.returncode == 2 and "index.tsv" in run.stderr and "published" in run.stderr


def test_the_development_folder_builds_with_its_index_dates(dev_store: Path):
    with Store(dev_store, read_only=True) as s:
        dates = {term_text(r["a"]).rsplit("/", 1)[1]: term_text(r["d"]) for r in s.query(
            "SELECT ?a ?d WHERE { ?a <http://schema.org/datePublished> ?d }").rows()}
    index = csv.DictReader(io.StringIO((ROOT.parent / "shared" / "articles" / "index.tsv").read_text()),
                           delimiter="\t")
    for row in index:
        article = row["file"].removesuffix(".txt").replace("_", "-")
        assert dates[article] == row["published"], article


def test_an_index_in_the_folder_above_the_articles(tmp_path: Path):
    """A corpus laid out as index.tsv beside an articles/ folder (tests/corpus) is read too."""
    paths = write_articles(tmp_path / "corpus" / "articles")
    (tmp_path / "corpus" / "index.tsv").write_text(
        f"file\tpublished\tlicense\n{paths[0].name}\t2021-03-04\tPublic domain (a government work)\n", encoding="utf-8")
    from kg.pipeline.ingest import read_meta

    meta = read_meta(paths[0])
    assert (meta.date.isoformat(), meta.license) == ("2021-03-04", "Public domain (a government work)")
    assert read_meta(paths[1]).date is None
