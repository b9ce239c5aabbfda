"""kg build over a corpus: folders, workers, the summary, atomic replacement under kill -9, one IRI per actor across
articles, and kg remove."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from kg.store import Store, term_text
from tests.conftest import BASE, KG, SEED
from tests.scale.conftest import ARTICLES, kg, write_articles

pytestmark = pytest.mark.slow
EPOCH_OLD, EPOCH_NEW = "1600000000", "1700000000"
UPDATE = "\n\nThe talks will continue next month, officials said.\n"


def sorted_nquads(store: Path) -> list[str]:
    return sorted(line for line in kg("dump", "--store", str(store), "--format", "nq").stdout.splitlines() if line)


def test_a_folder_is_built_recursively_with_its_sidecars(tmp_path: Path):
    folder = tmp_path / "in"
    write_articles(folder / "2024" / "june", {"warsaw-talks": ARTICLES["warsaw-talks"]})
    write_articles(folder, {"berlin-visit": ARTICLES["berlin-visit"]})
    (folder / "berlin-visit.meta.toml").write_text('date = "2024-06-04"\npublisher = "Test Wire"\n')
    (folder / "notes.md").write_text("not an article")
    run = kg("build", str(folder), "--store", str(tmp_path / "db"), "--base-iri", BASE, "--jobs", "2")
    assert run.stdout.count(" triples in ") == 2  # one line per article (no progress bar: not a terminal)
    summary = [ln for ln in run.stderr.splitlines() if ln.strip()]
    assert len(summary) == 1 and summary[0].startswith("kg: built 2 articles") and "with 2 workers" in summary[0]
    with Store(tmp_path / "db", read_only=True) as s:
        graphs = s.graphs()
        assert f"{BASE}graph/article/warsaw-talks" in graphs and f"{BASE}graph/article/berlin-visit" in graphs
        rows = s.query(f"ASK {{ GRAPH <{BASE}graph/article/berlin-visit> {{ ?a ?p ?d "
                       f"FILTER(STR(?d) = '2024-06-04') }} }}")
        assert rows.value is True  # the sidecar's date reached the graph


def test_progress_bar_when_asked(tmp_path: Path):
    paths = write_articles(tmp_path / "in", {"warsaw-talks": ARTICLES["warsaw-talks"]})
    run = kg("build", *map(str, paths), "--store", str(tmp_path / "db"), "--progress", "-q")
    assert "[########################] 1/1 articles" in run.stderr and run.stdout == ""
    assert run.stderr.rstrip().splitlines()[-1].startswith("kg: built 1 article ")


def test_workers_build_what_one_process_builds(tmp_path: Path):
    paths = write_articles(tmp_path / "in") + [SEED]
    env = {"SOURCE_DATE_EPOCH": EPOCH_OLD}
    kg("build", *map(str, paths), "--store", str(tmp_path / "one"), "--jobs", "1", env=env)
    kg("build", *map(str, paths), "--store", str(tmp_path / "two"), "--jobs", "2", env=env)
    assert sorted_nquads(tmp_path / "one") == sorted_nquads(tmp_path / "two")


def test_one_actor_one_iri_across_articles(tmp_path: Path):
    """The same linked person (Antony Blinken) and the same unlinked person (same name and type) in two articles
    are one resource, described once (in the shared graph) and mentioned in both article graphs."""
    paths = write_articles(tmp_path / "in")
    kg("build", *map(str, paths), "--store", str(tmp_path / "db"), "--base-iri", BASE)
    with Store(tmp_path / "db", read_only=True) as s:
        rows = s.query("""PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX nkg: <https://w3id.org/newskg/ns#>
            SELECT ?label (COUNT(DISTINCT ?actor) AS ?iris) (COUNT(DISTINCT ?g) AS ?articles)
                   (COUNT(DISTINCT ?d) AS ?descriptions) WHERE {
              GRAPH ?d { ?actor rdfs:label ?label ; a ?type }
              GRAPH ?g { ?actor nkg:denotedBy ?m }
              FILTER(CONTAINS(STR(?g), "/graph/article/")) FILTER(?label IN ("Maria Kowalczyk", "Antony Blinken"))
            } GROUP BY ?label""").rows()
    found = {term_text(r["label"]): tuple(int(term_text(r[k])) for k in ("iris", "articles", "descriptions"))
             for r in rows}
    assert found == {"Maria Kowalczyk": (1, 2, 1), "Antony Blinken": (1, 2, 1)}


def test_remove_by_id_and_by_file(tmp_path: Path):
    paths = write_articles(tmp_path / "in")
    store = tmp_path / "db"
    kg("build", *map(str, paths), "--store", str(store), "--base-iri", BASE)
    run = kg("remove", "warsaw-talks", "nothing-like-this", "--store", str(store), check=False)
    assert run.returncode == 2 and "nothing-like-this" in run.stderr
    with Store(store, read_only=True) as s:
        assert f"{BASE}graph/article/warsaw-talks" in s.graphs()  # nothing removed when one name is unknown
    run = kg("remove", "warsaw-talks", str(paths[1]), "--store", str(store))
    assert "removed warsaw-talks (3 graphs)" in run.stdout and "removed berlin-visit (3 graphs)" in run.stdout
    with Store(store, read_only=True) as s:
        assert [g for g in s.graphs() if "/article/" in g or "/provenance/" in g or "/enrichment/" in g] == []


def _article_states(store: Path, ids: list[str]) -> dict[str, dict]:
    """Per article: its build time (provenance), the text checksum the provenance records and the one of the text
    stored in the article graph, and the graph's N-Quads."""
    out: dict[str, dict] = {}
    with Store(store, read_only=True) as s:
        for aid in ids:
            graph, prov = f"{BASE}graph/article/{aid}", f"{BASE}graph/provenance/{aid}"
            ended = s.query(f"SELECT ?t WHERE {{ GRAPH <{prov}> {{ ?b <http://www.w3.org/ns/prov#endedAtTime> ?t }} }}")
            text = s.query(f"SELECT ?x WHERE {{ GRAPH <{graph}> {{ ?c <http://persistence.uni-leipzig.org/nlp2rdf/"
                           f"ontologies/nif-core#isString> ?x }} }}").rows()
            out[aid] = {
                "graphs": {g for g in s.graphs() if g.endswith(f"/{aid}")},
                "ended": [term_text(r["t"]) for r in ended.rows()],
                "text": term_text(text[0]["x"]) if text else None,
                "quads": sorted(str(q) for q in s.quads(graph)),
            }
    return out


def test_kill_9_in_the_middle_leaves_each_article_old_or_new(tmp_path: Path):
    """Rebuild 16 articles with new texts, SIGKILL the build (workers and all) after a few are written: the store
    opens, every article has its three graphs, and each is wholly the old build or wholly the new one, with a
    provenance graph that agrees with it."""
    seed = SEED.read_text(encoding="utf-8")
    ids = [f"copy-{i:02d}" for i in range(16)]
    old_dir, new_dir = tmp_path / "old", tmp_path / "new"
    write_articles(old_dir, {aid: seed for aid in ids})
    write_articles(new_dir, {aid: seed + UPDATE for aid in ids})
    store = tmp_path / "db"
    kg("build", str(old_dir), "--store", str(store), "--base-iri", BASE, "-q", env={"SOURCE_DATE_EPOCH": EPOCH_OLD})
    before = _article_states(store, ids)
    # what one new article looks like when complete, built apart
    kg("build", str(new_dir / f"{ids[0]}.txt"), "--store", str(tmp_path / "ref"), "--base-iri", BASE,
       env={"SOURCE_DATE_EPOCH": EPOCH_NEW})
    reference = _article_states(tmp_path / "ref", ids[:1])[ids[0]]

    proc = subprocess.Popen(KG + ["build", str(new_dir), "--store", str(store), "--base-iri", BASE, "--jobs", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, start_new_session=True,
                            env={**os.environ, "SOURCE_DATE_EPOCH": EPOCH_NEW})
    written = 0
    deadline = time.monotonic() + 300
    assert proc.stdout is not None
    while written < 3 and time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        written += " triples in " in line
    os.killpg(proc.pid, signal.SIGKILL)  # the writer, its fork server and the workers, mid-build
    proc.wait(timeout=30)
    assert written == 3, "the build ended before it could be killed"

    Store(store).close()  # opens read-write after the kill (RocksDB recovers from its log)
    after = _article_states(store, ids)
    states = []
    for aid in ids:
        a = after[aid]
        assert a["graphs"] == before[aid]["graphs"], f"{aid}: graphs missing after the kill"
        if a["ended"] == before[aid]["ended"]:
            assert a == before[aid], f"{aid}: the old provenance with another article graph"
            states.append("old")
        else:
            assert a["ended"] == reference["ended"], f"{aid}: a provenance graph of neither build"
            assert a["text"] == reference["text"], f"{aid}: the new provenance with the old text"
            assert sorted(q.replace(aid, ids[0]) for q in a["quads"]) == reference["quads"], f"{aid}: partly new"
            states.append("new")
    assert "old" in states and "new" in states, states


def test_the_fork_server_loads_what_the_workers_need_once():
    # what a parallel build's fork server imports before forking its workers: afterwards the model, the
    # gazetteer and the compiled shapes are in that process, and the workers forked from it start with them
    code = ("import kg.pipeline.warm\n"
            "from kg.pipeline import nlp\n"
            "from kg import gazetteer\n"
            "from kg.pipeline.validate import shapes\n"
            "assert nlp._nlp is not None\n"
            "assert gazetteer._cities.cache_info().currsize == 1\n"
            "assert not isinstance(shapes.compiled(), str) and shapes.compiled.cache_info().hits == 1\n"
            "print('warm')\n")
    out = subprocess.run([KG[0], "-c", code], capture_output=True, text=True, check=False, timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "warm"
