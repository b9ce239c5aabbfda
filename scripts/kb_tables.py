"""Two more public repositories for the knowledge base: research and public organisations (ROR) and the members of
the United States Congress (``unitedstates/congress-legislators``), both CC0.

Like the other repository sources (``kb_sources.py``), each is read once from a clone at a pinned commit by
``build_kb.py derive`` into a compact table under ``data/kb-sources/`` whose header names repository, commit, path
and licence; ``build_kb.py build`` turns the tables into records. Both give English Wikipedia titles next to the
Wikidata items, so their records carry a DBpedia resource derived from a title the source gives (never from a label).
"""

from __future__ import annotations

import collections
import json
import re
import subprocess
from pathlib import Path
from urllib.parse import unquote

import kb_sources as S
from kg import gazetteer

ROR = S.RepoSource("ror-community/ror-records", "d93fc667872f8ef9386896bd6c68bd3c6103603e",
                   "v*/*.json (the latest release file of each record)", "CC0-1.0",
                   "ROR data is CC0; the repository's code is MIT. The repository holds the records added or changed "
                   "in each release, about half of the registry")
CONGRESS = S.RepoSource("unitedstates/congress-legislators", "dfa9622263dd4c8d08636926e498f1845704d7eb",
                        "legislators-current.yaml", "CC0-1.0")
DBPEDIA = "http://dbpedia.org/resource/"
_ROR_ID = re.compile(r"^0[a-z0-9]{8}$")
_ROR_TYPES = ("government", "education", "healthcare", "nonprofit", "company", "facility", "funder", "archive",
              "other")


def _title(url: str) -> str:
    """The English Wikipedia title of an article address, as DBpedia spells its resource (spaces as "_")."""
    if "en.wikipedia.org/wiki/" not in (url or ""):
        return ""
    return url.split("/wiki/", 1)[1].split("#")[0].replace(" ", "_")


# -------------------------------------------------------------------------------------------------------- ROR
def _release(path: str) -> tuple[int, ...]:
    return tuple(int(x) for x in re.findall(r"\d+", path.split("/", 1)[0]))


def _ror_rows(rec: dict) -> list[str] | None:
    if "names" in rec:  # schema 2
        names = rec["names"]
        label = next((n["value"] for n in names if "label" in n["types"] and n.get("lang") == "en"), None) or \
            next((n["value"] for n in names if "ror_display" in n["types"]), "")
        aliases = [n["value"] for n in names if "alias" in n["types"] and n.get("lang") in ("en", None)]
        aliases += [n["value"] for n in names if "label" in n["types"] and n.get("lang") == "en"]
        acronyms = [n["value"] for n in names if "acronym" in n["types"]]
        ids = [e for e in rec.get("external_ids", []) if e.get("type", "").lower() == "wikidata"]
        qids = [e.get("preferred") or (e["all"][0] if len(e.get("all", [])) == 1 else None) for e in ids]
        cc = ((rec.get("locations") or [{}])[0].get("geonames_details") or {}).get("country_code", "")
        types = rec.get("types", [])
        wiki = next((lk["value"] for lk in rec.get("links", []) if lk.get("type") == "wikipedia"), "")
    else:  # schema 1
        label = rec.get("name") or ""
        aliases = list(rec.get("aliases") or []) + [lb["label"] for lb in rec.get("labels") or []
                                                    if lb.get("iso639") == "en"]
        acronyms = list(rec.get("acronyms") or [])
        wd = (rec.get("external_ids") or {}).get("Wikidata") or {}
        qids = [wd.get("preferred") or (wd["all"][0] if isinstance(wd.get("all"), list) and len(wd["all"]) == 1
                                        else None)] if wd else []
        cc = (rec.get("country") or {}).get("country_code", "")
        types = [t.lower() for t in rec.get("types", [])]
        wiki = rec.get("wikipedia_url") or ""
    q = S.qid_of(qids[0] or "") if len(qids) == 1 else None
    if not q or not S.latin(label):
        return None
    kind = next((t for t in _ROR_TYPES if t in types), "other")
    aliases = sorted({S.clean(a) for a in aliases if S.latin(a) and S.clean(a) != S.clean(label)})
    acronyms = sorted({S.clean(a) for a in acronyms if S.latin(a)})
    return [q, cc.upper(), kind, rec.get("status", ""), S.clean(label), "|".join(aliases), "|".join(acronyms),
            _title(wiki), str(rec.get("established") or "")]


def derive_ror(gitdir: Path) -> str:
    """Organisations of the Research Organization Registry that have one Wikidata item: item, country (ISO alpha-2),
    kind, status, English name, other English names, acronyms, English Wikipedia title, year founded."""
    git = ["git", "--git-dir", str(gitdir)]
    files = subprocess.run([*git, "ls-tree", "-r", "--name-only", ROR.commit], check=True, capture_output=True,
                           text=True).stdout.split("\n")
    latest: dict[str, str] = {}
    for p in files:
        if not p.endswith(".json") or "/" not in p or not _ROR_ID.match(p.rsplit("/", 1)[1][:-5]):
            continue
        rid = p.rsplit("/", 1)[1][:-5]
        if rid not in latest or _release(p) > _release(latest[rid]):
            latest[rid] = p
    batch = "".join(f"{ROR.commit}:{p}\n" for p in latest.values()).encode()
    out = subprocess.run([*git, "cat-file", "--batch"], input=batch, check=True, capture_output=True).stdout
    rows, i = {}, 0
    while i < len(out):
        nl = out.index(b"\n", i)
        size = int(out[i:nl].split()[2])
        row = _ror_rows(json.loads(out[nl + 1:nl + 1 + size]))
        i = nl + 2 + size
        if row and (row[0] not in rows or row[3] == "active"):
            rows[row[0]] = row
    cols = ["qid", "iso2", "kind", "status", "name", "aliases", "acronyms", "wikipedia", "established"]
    return S.header([ROR], cols, "scripts/build_kb.py derive") + S._tsv(sorted(rows.values()))


_GOVERNMENT_WORDS = re.compile(r"\b(Agency|Administration|Department|Ministry|Bureau|Service|Office|Commission|"
                               r"Council|Authority|Survey|Center|Centre|Directorate|Institute|Laboratory)\b")


_IN_BRACKETS = re.compile(r"^(.+?) \(([^()]+)\)$")


def _without_country(name: str) -> str | None:
    """The name less a country in brackets at its end ("Toshiba (Japan)" → "Toshiba"), else None."""
    m_ = _IN_BRACKETS.match(name)
    return m_.group(1) if m_ and gazetteer.country(m_.group(2)) else None


def add_ror(m, sources: Path, iso2_country: dict[str, str]) -> None:  # noqa: ANN001
    """ROR organisations as records (a government body typed ``government``), with their DBpedia resource."""
    category = {"government": "government body", "education": "university or college", "healthcare": "hospital",
                "nonprofit": "non-profit organisation", "company": "company", "facility": "research facility",
                "funder": "funding body", "archive": "archive", "other": "organisation"}
    rows = S.read_table(sources / "ror.tsv")
    # ROR names a company after its country ("Toshiba (Japan)", "Bayer (Canada)"); news writes the name alone, which
    # is the company's own only where one record bears it (Bayer's national companies share "Bayer") and where its
    # English Wikipedia article bears it too: Wikipedia gives a bare name only to the topic it means first, a company
    # named with a common word has its article named otherwise ("Mars, Incorporated", "Visa Inc.")
    bases = collections.Counter(b for r in rows if (b := _without_country(r["name"])))
    # a name another source gives to another item is that item's (the group whose national company ROR lists)
    taken = {n: q for q, rec in m.by_qid.items() for n in (rec.get("label"), *(rec.get("aliases") or ())) if n}
    # ROR gives a national company the group's English Wikipedia article ("Bayer (Canada)": "Bayer"): an article that
    # several items share is one item's at most, the one whose name is the article's, if only one is so named
    titles = collections.Counter(r["wikipedia"] for r in rows if r["wikipedia"])
    named_so = collections.Counter(r["wikipedia"] for r in rows if r["wikipedia"] and
                                   unquote(r["wikipedia"]).replace("_", " ") in (r["name"], _without_country(r["name"])))
    for r in rows:
        if m.by_qid.get(r["qid"], {}).get("type") not in (None, "organization", "government"):
            continue  # the item is a person or a place for another source: ROR's record is about something else
        kind = "government" if r["kind"] == "government" else "organization"
        label = r["name"]
        aliases = [a for a in r["aliases"].split("|") if a]
        # "NOAA National Hurricane Center": the body is named without its parent's acronym too
        m_ = re.match(r"^([A-Z]{2,6}) (.+)$", label)
        if m_ and len(m_.group(2).split()) >= 2 and _GOVERNMENT_WORDS.search(m_.group(2)):
            aliases.append(m_.group(2))
        if (base := _without_country(label)) and bases[base] == 1 and taken.get(base, r["qid"]) == r["qid"] \
                and unquote(r["wikipedia"]).replace("_", " ") == base:
            aliases.append(base)
        rec = {"type": kind, "label": label, "aliases": aliases,
               "weak_aliases": [a for a in r["acronyms"].split("|") if a and a != label],
               "country": iso2_country.get(r["iso2"]), "category": category.get(r["kind"], "organisation"),
               "description": category.get(r["kind"], "organisation") + (f" ({r['iso2']})" if r["iso2"] else "")
               + (f", founded {r['established']}" if r["established"] else "")
               + (f", {r['status']}" if r["status"] not in ("", "active") else ""),
               "prior": 0.5, "source": ["source/ror"]}
        title = r["wikipedia"]
        if title and titles[title] > 1 and not (
                named_so[title] == 1 and unquote(title).replace("_", " ") in (label, _without_country(label))):
            title = ""
        if title:
            rec["dbpedia"], rec["dbpedia_status"] = DBPEDIA + title, "derived"
        m.add(r["qid"], rec)


# ---------------------------------------------------------------------------------------------- Congress
def derive_congress(gitdir: Path) -> str:
    """Members of the current Congress, one row per term: item, English Wikipedia title, official name, first,
    last and nickname, term type (sen, rep), start, end, state, party."""
    import yaml  # only this maintenance step reads YAML

    rows = []
    for p in yaml.safe_load(S.git_show(gitdir, CONGRESS)):
        q = S.qid_of(str(p["id"].get("wikidata", "")))
        if not q:
            continue
        n = p["name"]
        title = (p["id"].get("wikipedia") or "").replace(" ", "_")
        for t in p.get("terms") or []:
            rows.append([q, title, S.clean(n.get("official_full", "")), S.clean(n.get("first", "")),
                         S.clean(n.get("last", "")), S.clean(n.get("nickname", "")), t["type"], str(t["start"]),
                         str(t["end"]), t.get("state", ""), t.get("party", "")])
    cols = ["qid", "wikipedia", "official_full", "first", "last", "nickname", "type", "start", "end", "state", "party"]
    return S.header([CONGRESS], cols, "scripts/build_kb.py derive") + S._tsv(sorted(rows))


CONGRESS_POSTS = {
    "sen": {"id": "post/united-states-senator", "type": "post", "label": "United States Senator", "title": "Senator",
            "aliases": ["U.S. Senator", "US Senator", "Sen."], "of": "country/united-states",
            "description": "member of the United States Senate", "source": ["source/congress", "source/editorial"]},
    "rep": {"id": "post/member-of-the-united-states-house-of-representatives", "type": "post",
            "label": "Member of the United States House of Representatives", "title": "Representative",
            "aliases": ["U.S. Representative", "Congressman", "Congresswoman", "Congressperson", "Rep."],
            "of": "country/united-states", "description": "member of the United States House of Representatives",
            "source": ["source/congress", "source/editorial"]},
}


def add_congress(m, sources: Path, merge_terms) -> list[dict]:  # noqa: ANN001
    """Members of Congress with their terms (as positions) and DBpedia resource; returns the two post records."""
    people: dict[str, dict] = {}
    for r in S.read_table(sources / "congress.tsv"):
        p = people.setdefault(r["qid"], {"rows": []})
        p["rows"].append(r)
    for q, p in people.items():
        last = max(p["rows"], key=lambda r: r["start"])
        label = last["official_full"] or f"{last['first']} {last['last']}"
        names = {f"{last['first']} {last['last']}", f"{last['nickname']} {last['last']}" if last["nickname"] else ""}
        if last["wikipedia"]:  # the article's title is the name the person goes by ("Dick Durbin")
            from urllib.parse import unquote

            names.add(re.sub(r"\s*\([^)]*\)$", "", unquote(last["wikipedia"]).replace("_", " ")))
        where = "senator from" if last["type"] == "sen" else "representative from"
        positions = [{"post": CONGRESS_POSTS[r["type"]]["id"], "start": r["start"], "end": r["end"] or None,
                      "source": "source/congress"} for r in p["rows"] if r["type"] in CONGRESS_POSTS]
        rec = {"type": "person", "label": label, "aliases": sorted(n for n in names if n and n != label),
               "country": "country/united-states", "positions": merge_terms(positions),
               "description": f"U.S. {where} {last['state']}" + (f" ({last['party']})" if last["party"] else ""),
               "category": "member of the United States Congress", "prior": 0.7, "source": ["source/congress"]}
        if last["last"] and last["last"] != label.split()[-1]:
            rec["family_name"] = last["last"]
        if last["wikipedia"]:
            rec["dbpedia"], rec["dbpedia_status"] = DBPEDIA + last["wikipedia"], "derived"
        m.add(q, rec)
    return [dict(v) for v in CONGRESS_POSTS.values()]


def source_records() -> list[dict]:
    return [
        {"id": "source/ror", "type": "source", "label": "Research Organization Registry (release records)",
         "licence": "CC0-1.0", "url": f"https://github.com/{ROR.repository}",
         "note": f"Universities, research bodies, government agencies, hospitals and companies with their Wikidata "
                 f"items, English names, acronyms, countries and English Wikipedia titles; commit {ROR.commit}, "
                 f"{ROR.path}; derived table data/kb-sources/ror.tsv. {ROR.note}."},
        {"id": "source/congress", "type": "source", "label": "Members of the United States Congress",
         "licence": "CC0-1.0", "url": f"https://github.com/{CONGRESS.repository}",
         "note": f"Current senators and representatives with their Wikidata items, English Wikipedia titles, names "
                 f"and terms; {CONGRESS.path} at commit {CONGRESS.commit}; derived table "
                 "data/kb-sources/congress.tsv."},
    ]


# ------------------------------------------------------------------------------------------- US newspapers
NEWSPAPERS = S.RepoSource("hearvox/wiki-media-cred", "e61118c66e052c5afc1d07136dae37f8fbf70f3a",
                          "data/wikipedia-us-newspapers.tsv", "CC0-1.0")


def derive_newspapers(gitdir: Path) -> str:
    """United States newspapers with an English Wikipedia article: item, title, state."""
    rows = {}
    for line in S.git_show(gitdir, NEWSPAPERS).splitlines()[1:]:
        cells = line.split("\t")
        if len(cells) < 5:
            continue
        title, state, _, path, q = cells[:5]
        q = S.qid_of(q)
        if q and path.startswith("/wiki/") and q not in rows:
            rows[q] = [q, path[len("/wiki/"):], S.clean(state)]
    return S.header([NEWSPAPERS], ["qid", "wikipedia", "state"], "scripts/build_kb.py derive") + \
        S._tsv(sorted(rows.values()))


def add_newspapers(m, sources: Path) -> None:  # noqa: ANN001
    """Newspapers of the United States: the name is the article's title without a bracketed qualifier."""
    from urllib.parse import unquote

    for r in S.read_table(sources / "newspapers.tsv"):
        name = re.sub(r"\s*\([^)]*\)$", "", unquote(r["wikipedia"]).replace("_", " "))
        if m.by_qid.get(r["qid"], {}).get("type") not in (None, "organization"):
            continue
        m.add(r["qid"], {"type": "organization", "label": name, "country": "country/united-states",
                         "category": "newspaper", "description": f"newspaper ({r['state']}, United States)",
                         "prior": 0.3, "dbpedia": DBPEDIA + r["wikipedia"], "dbpedia_status": "derived",
                         "source": ["source/us-newspapers"]})


def newspaper_source() -> dict:
    return {"id": "source/us-newspapers", "type": "source", "label": "United States newspapers in Wikipedia",
            "licence": "CC0-1.0", "url": f"https://github.com/{NEWSPAPERS.repository}",
            "note": f"Newspapers of the United States with their Wikidata items and English Wikipedia articles; "
                    f"{NEWSPAPERS.path} at commit {NEWSPAPERS.commit}; derived table data/kb-sources/newspapers.tsv."}


# ---------------------------------------------------------------------------------- FB15k-237 entities
FB15K = S.RepoSource("villmow/datasets_knowledge_embedding", "9e392453d6804d1f51c13e5650ae58ed48b638d5",
                     "FB15k-237/entity2wikidata.json (types from FB15k-237/valid.txt, FB15k-237/test.txt, "
                     "FB15K/valid.txt)", "MIT (repository); the labels, descriptions, aliases and sitelinks are "
                     "Wikidata's (CC0)")
_FB_TRIPLES = ("FB15k-237/valid.txt", "FB15k-237/test.txt", "FB15K/valid.txt")
_FB_PERSON = ("/people/person/", "/people/deceased_person/", "/film/actor/", "/music/group_member/",
              "/government/politician/", "/sports/pro_athlete/", "/tv/tv_actor/", "/film/director/",
              "/film/producer/", "/book/author/")
_FB_ORG = ("/organization/organization/", "/education/educational_institution/", "/education/university/",
           "/business/business_operation/", "/sports/sports_team/", "/tv/tv_network/", "/music/musical_group/",
           "/government/governmental_body/", "/organization/non_profit_organization/", "/business/employer/",
           "/music/record_label/", "/broadcast/")
_FB_GROUP_OBJECT = "/music/group_member/membership./music/group_membership/group"
_FB_NATIONALITY = "/people/person/nationality"


_DESC_PERSON = re.compile(
    r"\b(actor|actress|singer|musician|politician|writer|author|director|composer|rapper|songwriter|guitarist|"
    r"drummer|bassist|comedian|screenwriter|footballer|athlete|businessman|businesswoman|businessperson|journalist|"
    r"novelist|poet|painter|presenter|lawyer|diplomat|entrepreneur|physicist|chemist|economist|philosopher|"
    r"historian|boxer|wrestler|dancer|photographer|architect|activist|television personality)\b")
_DESC_ORG = re.compile(
    r"\b(band|channel|network|newspaper|magazine|agency|organization|organisation|political party|league|company|"
    r"corporation|university|college|club|team|broadcaster|studio|record label|institute|association|federation|"
    r"council|legislature|parliament|court|army|navy|air force|police|bank|stock exchange|airline|manufacturer|"
    r"retailer|conglomerate|publisher|foundation|charity|militant group|movement)\b")
_DESC_NEITHER = re.compile(r"\b(film|album|song|single|series|episode|award|prize|city|town|village|river|"
                           r"residence|building|stadium|season|game|event|book|novel|genre|language)\b")


# An English description names its kind by the head noun of its first phrase ("American tennis player", "British TV
# station"; "annual award for outstanding college football player" is an award): the phrase ends before a
# preposition, a participle or a comma.
_HEAD_END = re.compile(r",|;|\(| (for|of|by|in|from|at|on|with|who|that|which|directed|produced|presented|played|"
                       r"representing|denoting|based|founded|known|best|active|born)\b")
_HEAD_PERSON = re.compile(
    r"\b(actor|actress|singer|musician|politician|writer|author|director|composer|rapper|songwriter|guitarist|"
    r"drummer|bassist|comedian|screenwriter|footballer|athlete|businessman|businesswoman|businessperson|journalist|"
    r"novelist|poet|painter|presenter|lawyer|diplomat|entrepreneur|physicist|chemist|economist|philosopher|"
    r"historian|boxer|wrestler|dancer|photographer|architect|activist|personality|player|cinematographer|producer|"
    r"editor|designer|engineer|host|executive|model|coach|manager|cricketer|golfer|swimmer|cyclist|racing driver|"
    r"jockey|skater|skier|scientist|mathematician|biologist|inventor|judge|astronaut|chef|anchor|animator|"
    r"illustrator|cartoonist|sculptor|conductor|pianist|violinist|vocalist|filmmaker|playwright|choreographer|"
    r"commentator|columnist|reporter|correspondent|surgeon|physician|psychologist|sociologist|astronomer|explorer|"
    r"aviator|investor|banker|philanthropist)s?$")
_HEAD_ORG = re.compile(
    r"\b(band|channel|network|newspaper|magazine|agency|organization|organisation|political party|league|company|"
    r"corporation|university|college|club|team|broadcaster|studio|studios|record label|institute|association|"
    r"federation|council|legislature|parliament|court|army|navy|air force|police|bank|stock exchange|airline|"
    r"manufacturer|retailer|conglomerate|publisher|foundation|charity|militant group|station|orchestra|"
    r"(girl|boy|hip hop|r&b|pop|rock|music|musical|vocal|folk|punk|metal|rap) (group|duo|trio)|duo|trio|"
    r"(game|software) developer)$")


def _kind_by_head(desc: str) -> set[str]:
    """A person or an organisation by the head noun of the description's first phrase."""
    d = desc.lower()
    head = _HEAD_END.split(d, maxsplit=1)[0].strip()
    if head and not _DESC_NEITHER.search(head.split()[-1]) and not _DESC_NEITHER.search(d.split()[-1]):
        if _HEAD_PERSON.search(head):
            return {"person"}
        if _HEAD_ORG.search(head):
            return {"organization"}
    return set()


def _kind_of_description(desc: str) -> set[str]:
    """A person or an organisation by its Wikidata description, for an entity no relation types."""
    d = desc.lower()
    if not d or _DESC_NEITHER.search(d):
        return set()
    person, org = bool(_DESC_PERSON.search(d)), bool(_DESC_ORG.search(d))
    return {"person"} if person and not org else {"organization"} if org and not person else set()


def derive_fb15k(gitdir: Path) -> str:
    """The people and organisations among the FB15k-237 entities: item, kind (from the Freebase relations the
    entity takes part in), English label, Wikidata aliases, description, English Wikipedia title, nationality
    (items of countries)."""
    meta = json.loads(S.git_show(gitdir, S.RepoSource(FB15K.repository, FB15K.commit,
                                                      "FB15k-237/entity2wikidata.json", "")))
    kinds: dict[str, set[str]] = {}
    nationality: dict[str, set[str]] = {}
    for path in _FB_TRIPLES:
        for line in S.git_show(gitdir, S.RepoSource(FB15K.repository, FB15K.commit, path, "")).splitlines():
            parts = line.split("\t")
            if len(parts) != 3:
                continue
            s, rel, o = parts
            if rel.startswith(_FB_PERSON):
                kinds.setdefault(s, set()).add("person")
            if rel.startswith(_FB_ORG):
                kinds.setdefault(s, set()).add("organization")
            if rel == _FB_GROUP_OBJECT:
                kinds.setdefault(o, set()).add("organization")
            if rel == _FB_NATIONALITY and o in meta and meta[o].get("wikidata_id"):
                nationality.setdefault(s, set()).add(meta[o]["wikidata_id"])
    rows = {}
    for mid, v in meta.items():
        q = S.qid_of(v.get("wikidata_id") or "")
        desc, label = v.get("description") or "", v.get("label") or ""
        k = kinds.get(mid) or _kind_of_description(desc)
        if not k and not (_kind_by_head(desc) == {"person"} and len(label.split()) < 2):
            k = _kind_by_head(desc)  # a one-word name typed by its head noun alone ("Anthony") stays out
        if not kinds.get(mid) and not any(c.isupper() for c in label):
            k = set()  # typed by its description only, a concept ("film", "astronomer") is no name
        if not q or not S.latin(v.get("label") or ""):
            continue
        if len(k) != 1:  # not a person or an organisation, or both (a band named after its singer): kept for the
            k = {""}     # English Wikipedia title it gives an item that another source describes
        aliases = sorted({S.clean(a) for a in v.get("alternatives") or [] if S.latin(a)} - {S.clean(v["label"])})
        rows[q] = [q, next(iter(k)), S.clean(v["label"]), "|".join(aliases), S.clean(v.get("description") or ""),
                   _title(v.get("wikipedia") or ""), "|".join(sorted(nationality.get(mid, ())))]
    cols = ["qid", "kind", "label", "aliases", "description", "wikipedia", "nationality"]
    return S.header([FB15K], cols, "scripts/build_kb.py derive") + S._tsv(sorted(rows.values()))


def add_fb15k(m, sources: Path, curated_types: dict[str, str]) -> None:  # noqa: ANN001
    """Well-known people and organisations (the entities of a knowledge-graph benchmark drawn from the most
    connected Freebase topics): a prior of 0.8, so that a full name alone links, a shared one does not."""
    country_of = {q: r.get("_id") for q, r in m.by_qid.items() if r.get("type") == "country" and r.get("_id")}
    for r in S.read_table(sources / "fb15k.tsv"):
        have = m.by_qid.get(r["qid"], {}).get("type")
        if not r["kind"]:  # only a title: for an item another source (or the hand-verified list) describes
            kind = have or curated_types.get(r["qid"])
            if kind in ("person", "organization", "government") and r["wikipedia"]:
                m.add(r["qid"], {"type": kind, "label": r["label"], "dbpedia": DBPEDIA + r["wikipedia"],
                                 "dbpedia_status": "derived", "source": ["source/fb15k"]})
            continue
        if have not in (None, r["kind"]) and not (have == "government" and r["kind"] == "organization"):
            continue
        aliases = [a for a in r["aliases"].split("|") if a]
        if r["kind"] == "person":  # a person's one-word alias ("Ginger") is too often someone else's name
            aliases = [a for a in aliases if len(a.split()) >= 2]
        countries = {country_of.get(q) for q in r["nationality"].split("|") if q}
        rec = {"type": r["kind"], "label": r["label"],
               "aliases": [a for a in aliases if not (a.isupper() and len(a) <= 5)],
               "weak_aliases": [a for a in aliases if a.isupper() and len(a) <= 5],
               "description": r["description"], "category": "well-known " + r["kind"].replace("organization",
                                                                                              "organisation"),
               "prior": 0.8, "source": ["source/fb15k"]}
        if len(countries) == 1 and None not in countries:
            rec["country"] = next(iter(countries))
        if r["wikipedia"]:
            rec["dbpedia"], rec["dbpedia_status"] = DBPEDIA + r["wikipedia"], "derived"
        m.add(r["qid"], rec)


def fb15k_source() -> dict:
    return {"id": "source/fb15k", "type": "source", "label": "FB15k-237 entities matched to Wikidata",
            "licence": "CC0-1.0 (Wikidata facts); repository MIT", "url": f"https://github.com/{FB15K.repository}",
            "note": f"People and organisations of the FB15k-237 benchmark with their Wikidata items, English labels, "
                    f"aliases, descriptions and English Wikipedia titles; {FB15K.path} at commit {FB15K.commit}; "
                    "derived table data/kb-sources/fb15k.tsv. Kinds come from the Freebase relations each entity "
                    "takes part in (an entity of both kinds is left out)."}
