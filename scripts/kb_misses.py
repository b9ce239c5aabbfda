"""Why gold actors that have a Wikidata item stay unlinked (or are linked wrongly): one line per actor, by class.

    python scripts/kb_misses.py tests/gold/corpus --split dev [--all]

Classes: ``not extracted`` (no system actor shares a mention), ``type`` (extraction's kind cannot link to the
record's type), ``not in KB`` (no record has the gold item, or, where the gold gives no item, no record has the
name), ``alias missing`` (the gold item is in the knowledge base but none of the actor's names finds it),
``too weak`` (a candidate was found but stayed below the threshold), ``namesake`` (two candidates too close),
``wrong`` (linked to another item than the gold's), ``linked``. Extraction runs once per article; its output is
kept in ``var/cache/kb-misses`` (by article text and extraction code digest) so that a linking change is measured
in seconds.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import hashlib
import json
import pickle
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.pipeline.link import kb as kbmod  # noqa: E402
from kg.pipeline.link import linking  # noqa: E402
from kg.pipeline.link.names import COMPATIBLE  # noqa: E402
from kg.eval.evaluate import align_actors  # noqa: E402
from kg.eval.scoring import _split_of, load_gold, to_gold_schema  # noqa: E402

CACHE = Path("var/cache/kb-misses")


def _code_digest() -> str:
    h = hashlib.sha256()
    root = Path(__file__).resolve().parents[1] / "kg"
    for p in sorted([*root.glob("extraction/**/*.py"), *root.glob("data/lexicon/*"), root / "pipeline" / "ingest.py",
                     root / "pipeline" / "nlp.py", root / "model.py"]):
        if p.is_file():  # a module moved elsewhere must not stop the measurement
            h.update(p.read_bytes())
    return h.hexdigest()[:12]


def extracted(text_path: Path, date: str | None):  # noqa: ANN201
    from kg.extraction import extract
    from kg.pipeline.ingest import ingest

    key = hashlib.sha256(text_path.read_bytes() + (date or "").encode() + _code_digest().encode()).hexdigest()[:16]
    f = CACHE / f"{key}.pickle"
    if f.is_file():
        return pickle.loads(f.read_bytes())
    article = ingest(text_path, date=dt.date.fromisoformat(date) if date else None)
    out = (article, extract(article))
    CACHE.mkdir(parents=True, exist_ok=True)
    f.write_bytes(pickle.dumps(out))
    return out


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("gold_dir", type=Path)
    p.add_argument("--split", default="dev")
    p.add_argument("--all", action="store_true", help="also print the actors that are linked right")
    a = p.parse_args()
    kb = kbmod.default()
    classes: collections.Counter = collections.Counter()
    by_desk: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for f in sorted(a.gold_dir.glob("*.json")):
        if _split_of(f) != a.split:
            continue
        gold, text_path = load_gold(f)
        article, x = extracted(text_path, gold.get("date"))
        day = dt.date.fromisoformat(gold["date"]) if gold.get("date") else None
        decisions = {d.key: d for d in linking.decide(x, kb, date=day, text=article.text)}
        before = {ac.key: ac for ac in x.actors}
        import copy

        x2 = copy.deepcopy(x)
        linking.link(x2, date=day, kb=kb, text=article.text)
        system = to_gold_schema(article, x2)
        amap = align_actors(gold, system)
        # the pre-link actor of each system actor (by a shared mention) for its decision
        pre = {}
        for sa in x2.actors:
            spans = {(m.span.begin, m.span.end) for m in sa.mentions}
            pre[sa.key] = [k for k, ac in before.items() if spans & {(m.span.begin, m.span.end) for m in ac.mentions}]
        desk = gold.get("desk", "-")
        for ga in gold["actors"]:
            sys_actors = [sa for sa in system["actors"] if amap.get(sa["id"]) == ga["id"]]
            links = {sa["wikidata"] for sa in sys_actors if sa["wikidata"]}
            q = ga.get("wikidata")
            if not ga.get("has_wikidata"):
                for sa in sys_actors:
                    if sa["wikidata"]:
                        print(f"WRONG? {desk[:10]:10s} {f.stem[:34]:34s} {ga['label'][:34]:34s} linked "
                              f"{sa['wikidata']} but gold says no item")
                continue
            if links and (q is None or q in links):
                cls = "linked"
            elif links:
                cls = "wrong"
            elif not sys_actors:
                cls = "not extracted"
            else:
                ds = [decisions[k] for sa in sys_actors for k in pre.get(sa["id"], []) if k in decisions]
                kinds = {before[k].kind for sa in sys_actors for k in pre.get(sa["id"], [])}
                inkb = [e for e in kb.named(ga["label"])] if not q else \
                    [e for e in kb.of_type("person", "organization", "government", "country") if False]
                rec = _by_qid(kb, q) if q else None
                if q and rec is None:
                    cls = "not in KB"
                elif rec is not None and rec.type not in {t for k in kinds for t in COMPATIBLE.get(k, ())}:
                    cls = "type"
                elif any("ambiguous" in " ".join(d.evidence) for d in ds):
                    cls = "namesake"
                elif any(d.evidence and d.evidence[0] == "below threshold" for d in ds):
                    cls = "too weak"
                elif rec is not None:
                    cls = "alias missing"
                elif not q and not inkb:
                    cls = "not in KB"
                else:
                    cls = "other"
                why = "; ".join(" ".join(d.evidence)[:60] for d in ds)
                print(f"{cls:14s} {desk[:10]:10s} {f.stem[:34]:34s} {ga['type'][:5]:5s} {ga['label'][:34]:34s} "
                      f"gold {q} sys {[(sa['label'], sa['type']) for sa in sys_actors]} {why}")
            if cls in ("linked", "wrong") and (a.all or cls == "wrong"):
                print(f"{cls:14s} {desk[:10]:10s} {f.stem[:34]:34s} {ga['label'][:34]:34s} gold {q} sys {links}")
            if cls == "not extracted":
                print(f"{cls:14s} {desk[:10]:10s} {f.stem[:34]:34s} {ga['type'][:5]:5s} {ga['label'][:34]:34s} "
                      f"gold {q}")
            classes[cls] += 1
            by_desk[desk][cls] += 1
    print()
    for k, v in classes.most_common():
        print(f"{k:14s} {v}")
    print("total", sum(classes.values()))


_QIDS: dict[str, str] = {}


def _by_qid(kb: kbmod.KnowledgeBase, q: str):  # noqa: ANN202
    if not _QIDS:
        for rec in kbmod.kb_index.records(kb._db):
            if rec.get("wikidata"):
                _QIDS.setdefault(rec["wikidata"], rec["id"])
    return kb.get(_QIDS.get(q))


if __name__ == "__main__":
    main()
