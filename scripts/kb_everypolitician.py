"""Ministers, office holders and national legislators of some 165 countries from the EveryPolitician scrapers.

The ``every-politician-scrapers`` organisation keeps one public repository per country (``malaysia-ministers``,
``united-kingdom-cabinet`` …) whose ``html/holders21.csv`` lists the holders of the country's executive offices
since about 2000 (head of state and government, ministers, governors, ambassadors, chiefs of staff) and whose
``html/legislators.csv`` lists the members of its legislatures, both from Wikidata queries: item, English label,
position, start and end of the term, English Wikipedia title. ``meta.json`` names the country (the jurisdiction's
item). The repositories state no licence; only Wikidata facts (CC0) are kept.

``build_kb.py derive --everypolitician DIR`` reads every ``every-politician-scrapers+*`` clone under DIR (bare or
not) at its newest commit, and writes ``data/kb-sources/everypolitician.tsv`` with the commit of each repository in
its header; ``build_kb.py build`` turns the rows into person records with their positions (posts per country and
title) and DBpedia resources from the titles.

Kept: every office holder with an English-script name; legislators only where the legislature is national (not a
state, provincial or regional assembly, not the Council of Europe's assembly), the term ended in 2014 or later
or is open, and the person has an English Wikipedia article (the names that English news is likely to print).
"""

from __future__ import annotations

import collections
import csv
import io
import json
import re
import subprocess
from pathlib import Path

import kb_sources as S

ORG = "every-politician-scrapers"
LEGISLATURE = "member of a national legislature"
_SUBNATIONAL = re.compile(
    r"\b(State|Provincial|Province|Regional|Region|Autonomous|County|Municipal|City|Cantonal|Canton|Länder|"
    r"Landtag|Council of Europe|Parliament of (Catalonia|Andalusia|Galicia|Navarre|the Balearic|La Rioja|Cantabria|"
    r"Aragon|Asturias)|Basque|Catalonia|Corts|Cortes|Assembly of (Madrid|Extremadura|Murcia)|Scottish|Welsh|Senedd|"
    r"Northern Ireland|Legislative Assembly of (?!the Republic)|Legislative Council of|Provincial|Prefectural|"
    r"Metropolitan|Oblast|Krai|Duma of|Bundesrat|Abgeordnetenhaus|Bürgerschaft|Landsting|Kantonsrat|Grand Council|"
    r"Sabah|Sarawak|Johor|Kedah|Kelantan|Pahang|Perak|Perlis|Selangor|Terengganu|Penang|Malacca|Negeri)\b")
_US_STATE_HOUSE = re.compile(r"^member of the (?!United States)[A-Z][A-Za-z .]+ (House|Senate|Assembly|General)")
_US_STATE_SENATE = re.compile(r"^member of the State Senate of")


def _git(gitdir: Path, *args: str) -> str:
    return subprocess.run(["git", "--git-dir", str(gitdir), *args], check=True, capture_output=True).stdout.decode()


def _gitdir(clone: Path) -> Path:
    return clone / "repo" if (clone / "repo").is_dir() else clone / ".git" if (clone / ".git").is_dir() else clone


def _csv(gitdir: Path, commit: str, path: str) -> list[list[str]]:
    try:
        text = _git(gitdir, "show", f"{commit}:{path}")
    except subprocess.CalledProcessError:
        return []
    return list(csv.reader(io.StringIO(text)))[1:]


def _date(v: str) -> str:
    v = v.strip()
    return v if re.match(r"^[12][0-9]{3}(-[01][0-9](-[0-3][0-9])?)?$", v) else ""


# countries whose people English news names family name first (China, the two Koreas, Vietnam, Cambodia)
_FAMILY_FIRST = {"Q148", "Q423", "Q884", "Q881", "Q424"}
_SPOUSE = re.compile(r"\b(First Lady|First Gentleman|[Ss]pouse|[Cc]onsort)\b")
_ORDINAL = re.compile(r"(?<=the )[0-9]+(st|nd|rd|th) (?=[A-Z])")
_STATE_CHAMBER = re.compile(r"\b(Legislative Assembly|Legislative Council|House of Assembly)\b")


def national(position: str) -> bool:
    if _STATE_CHAMBER.search(position) and "National" not in position:
        return False  # Queensland's, Kerala's, Alberta's assemblies
    return not (_SUBNATIONAL.search(position) or _US_STATE_HOUSE.match(position)
                or _US_STATE_SENATE.match(position))


def derive(root: Path) -> str:
    """The table of every clone ``every-politician-scrapers+NAME`` under ``root``."""
    rows: set[tuple[str, ...]] = set()
    sources = []
    for clone in sorted(root.glob(f"{ORG}+*")):
        gitdir = _gitdir(clone)
        name = clone.name.split("+", 1)[1]
        try:
            commit = _git(gitdir, "rev-parse", "HEAD").strip()
            meta = json.loads(_git(gitdir, "show", f"{commit}:meta.json"))
        except (subprocess.CalledProcessError, json.JSONDecodeError):
            continue  # no country (the world-wide repositories)
        country = S.qid_of((meta.get("jurisdiction") or {}).get("id", ""))
        if not country:
            continue
        got = 0
        for kind, path in (("office", "html/holders21.csv"), ("legislator", "html/legislators.csv")):
            for r in _csv(gitdir, commit, path):
                if len(r) < 5:
                    continue
                position, person, qid, start, end = (S.clean(x) for x in r[:5])
                title = r[9].strip().replace(" ", "_") if len(r) >= 10 else ""
                if not S.qid_of(qid) or not S.latin(person) or any(c.isdigit() for c in person):
                    continue
                if _SPOUSE.search(position):
                    continue  # a head of state's spouse: a title, not an office the news names them by
                if kind == "legislator" and not (title and national(position) and (not _date(end) or end >= "2014")):
                    continue
                rows.add((qid, country, kind[0], position, _date(start), _date(end), person, title))
                got += 1
        if got:
            sources.append(S.RepoSource(f"{ORG}/{name}", commit, "html/holders21.csv, html/legislators.csv",
                                        "none stated", "Wikidata query results: only Wikidata facts are kept"))
    cols = ["qid", "country", "kind", "position", "start", "end", "name", "wikipedia"]
    return S.header(sources, cols, "scripts/build_kb.py derive") + S._tsv(sorted(list(r) for r in rows))


# ------------------------------------------------------------------------------------------------ build
def _day(v: str, end: bool) -> str | None:
    """A date of the table as a day: a year or month alone (Wikidata's precision) widens to its first day for a
    start and its last for an end, so that the term covers what the source says and no more than that period."""
    if not v or len(v) == 10:
        return v or None
    if len(v) == 4:
        return v + ("-12-31" if end else "-01-01")
    y, mo = int(v[:4]), int(v[5:7])
    if not end:
        return v + "-01"
    import calendar

    return f"{v}-{calendar.monthrange(y, mo)[1]:02d}"


def add(m, sources: Path, country_of: dict[str, str], country_label: dict[str, str], the_country: dict[str, str],
        merge_terms, slugify, reserved_posts: dict[tuple[str, str], str]) -> list[dict]:  # noqa: ANN001
    """Person records with their positions; returns the post records (one per country and position title).

    ``country_of`` maps a country's item to its record id; ``reserved_posts`` (title, country id) → the id of a
    post that another source already made (the leaders' "Prime Minister of Malaysia"), which the holders share.
    """
    from urllib.parse import unquote

    path = sources / "everypolitician.tsv"
    if not path.is_file():
        return []
    posts: dict[tuple[str, str], dict] = {}
    people: dict[str, list[dict[str, str]]] = collections.defaultdict(list)
    for r in S.read_table(path):
        cid = country_of.get(r["country"])
        if cid:
            r["cid"] = cid
            people[r["qid"]].append(r)
    for rs in people.values():
        for r in rs:
            title = r["position"][:1].upper() + r["position"][1:]
            title = _ORDINAL.sub("", title)  # "Member of the 57th Parliament of the United Kingdom": one post
            r["key"] = key = (title, r["cid"])
            if key not in posts:
                name = the_country.get(r["cid"], country_label.get(r["cid"], ""))
                label = title if name.lower().replace("the ", "") in title.lower() else f"{title} of {name}"
                pid = reserved_posts.get(key) or "post/" + slugify(label)
                posts[key] = {"id": pid, "type": "post", "label": label, "title": title, "of": r["cid"],
                              "source": ["source/everypolitician"]}
                if r["kind"] == "l":  # a seat among hundreds: holding it says little of who an article means
                    posts[key]["category"] = LEGISLATURE
    # an open term ends where another holder's term of the same post starts (the tables are of 2021–2022: an
    # open term there is not a term still open today); a post another source already gives (a head of state or
    # government's, from a newer table) keeps that source's terms alone
    starts: dict[str, list[str]] = collections.defaultdict(list)
    for rs in people.values():
        for r in rs:
            if r["start"] and r["kind"] == "o":  # an office has one holder at a time; a legislature has many
                starts[posts[r["key"]]["id"]].append(r["start"])
    taken = set(reserved_posts.values())
    for q, rs in people.items():
        positions = []
        for r in rs:
            pid = posts[r["key"]]["id"]
            if pid in taken:
                continue
            end = r["end"]
            if not end and r["start"] and r["kind"] == "o":
                end = min((s for s in starts[pid] if s > r["start"]), default="")
                end = _day(end, False) if end else ""
            positions.append({"post": pid, "start": _day(r["start"], False), "end": _day(end, True) if end and len(end) < 10 else (end or None),
                              "source": "source/everypolitician"})
        last = max(rs, key=lambda r: (r["kind"] == "o", r["start"]))
        office = any(r["kind"] == "o" for r in rs)
        rec = {"type": "person", "label": last["name"], "country": last["cid"],
               "positions": merge_terms([p for p in positions if p["post"] not in taken]),
               "category": "minister or office holder" if office else "legislator",
               # a legislator alone is one of tens of thousands of namesake-prone names: the text must say more
               # than the country (a post or a title) before the name links
               "prior": 0.5 if office else 0.4, "source": ["source/everypolitician"]}
        if last["country"] in _FAMILY_FIRST and 2 <= len(last["name"].split()) <= 3:
            rec["family_name"] = last["name"].split()[0]  # "Li Xi", "Moon Jae-in": the family name comes first
        wiki = next((r["wikipedia"] for r in rs if r["wikipedia"]), "")
        if wiki:
            rec["dbpedia"], rec["dbpedia_status"] = "http://dbpedia.org/resource/" + wiki, "derived"
            t = re.sub(r"\s*\([^)]*\)$", "", unquote(wiki).replace("_", " "))
            if t != last["name"] and S.latin(t):
                rec["aliases"] = [t]
        m.add(q, rec)
    used = {p["post"] for rec in m.by_qid.values() for p in rec.get("positions") or []}
    return [p for p in posts.values() if p["id"] in used]


def source_record(sources: Path) -> dict:
    n = S.repositories(sources / "everypolitician.tsv")
    return {"id": "source/everypolitician", "type": "source",
            "label": "EveryPolitician scrapers (office holders and legislators per country, from Wikidata)",
            "licence": "CC0-1.0 (Wikidata facts; the repositories state no licence)",
            "url": f"https://github.com/{ORG}",
            "note": f"{n} repositories, one per country; the commit of each is in data/kb-sources/everypolitician.tsv"}
