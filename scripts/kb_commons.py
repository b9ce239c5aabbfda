"""National and regional legislatures and governments of 32 countries, from the EveryPolitician "proto-commons"
repositories (``everypolitician/proto-commons-COUNTRY``).

Each repository was built from Wikidata queries by mySociety's Democratic Commons tools: ``config.json`` names the
country's item, ``legislative/index.json`` lists the legislative houses (``house_item_id`` with its English label
as ``comment``) and ``executive/index.json`` the executive bodies (``executive_item_id``, the cabinets and
governments, with the head of each). The repositories state no licence: only Wikidata facts (items, English labels,
the country) are kept, as for the other EveryPolitician tables.

``derive`` reads a folder of clones named ``everypolitician+proto-commons-COUNTRY`` and writes
``data/kb-sources/commons.tsv`` with the commit of each; ``add`` makes government records of them.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import kb_sources as S

ORG = "everypolitician"
PREFIX = "proto-commons-"
# municipal councils are left out: city names recur between countries (a Liverpool City Council in England and one in
# New South Wales) and the knowledge base has no city of a council to tell them apart
_LOCAL = re.compile(r"\b(City|Municipal|Municipality|Shire|Town|Borough|District|Metropolitan|Ward|Village|Parish|"
                    r"Commune|Comuna|Municipio|Câmara|Concejo|Ayuntamiento|Prefecture|County|Corporation|Nagar)\b|\bCouncil$", re.I)
_KEEP_COUNCIL = re.compile(r"\b(Legislative|National|Federal|State|Provincial|Regional) Council\b|"
                           r"\bCouncil of (States|Representatives|the Nation)\b")
_LATIN_LABEL = re.compile(r"^[A-Z]")
# a name made only of these words is borne by the bodies of many countries ("House of Representatives", "Senate")
_GENERIC_WORDS = frozenset("""of the and house houses representatives senate national assembly chamber chambers deputies
council councils commons lords parliament congress legislative legislature federal state states cabinet government
ministers council republic people's supreme grand general consultative upper lower executive""".split())


def _git(gitdir: Path, *args: str) -> str:
    return subprocess.run(["git", "--git-dir", str(gitdir), *args], check=True, capture_output=True).stdout.decode()


def _gitdir(clone: Path) -> Path:
    for d in (clone / "repo" / ".git", clone / "repo", clone / ".git", clone):
        if (d / "HEAD").is_file():
            return d
    return clone


def local(label: str) -> bool:
    """A municipal council or a city's executive, not a national or regional body."""
    return bool(_LOCAL.search(label)) and not _KEEP_COUNCIL.search(label)


def generic(label: str) -> bool:
    return all(w in _GENERIC_WORDS for w in label.lower().split())


def derive(root: Path) -> str:
    rows: set[tuple[str, ...]] = set()
    sources = []
    for clone in sorted(root.glob(f"{ORG}+{PREFIX}*")):
        gitdir = _gitdir(clone)
        try:
            commit = _git(gitdir, "rev-parse", "HEAD").strip()
            country = S.qid_of(json.loads(_git(gitdir, "show", f"{commit}:config.json")).get("country_wikidata_id", ""))
        except (subprocess.CalledProcessError, json.JSONDecodeError):
            continue
        if not country:
            continue
        got = 0
        for kind, path, key in (("legislature", "legislative/index.json", "house_item_id"),
                                ("executive", "executive/index.json", "executive_item_id")):
            try:
                items = json.loads(_git(gitdir, "show", f"{commit}:{path}"))
            except (subprocess.CalledProcessError, json.JSONDecodeError):
                continue
            for it in items:
                q, label = S.qid_of(it.get(key) or ""), S.clean(it.get("comment") or "")
                if not q or not S.latin(label) or not _LATIN_LABEL.match(label) or local(label):
                    continue
                rows.add((q, country, kind, label))
                got += 1
        if got:
            sources.append(S.RepoSource(f"{ORG}/{clone.name.split('+', 1)[1]}", commit,
                                        "config.json, legislative/index.json, executive/index.json", "none stated",
                                        "Wikidata query results: only Wikidata facts are kept"))
    cols = ["qid", "country", "kind", "label"]
    return S.header(sources, cols, "scripts/build_kb.py derive") + S._tsv(sorted(list(r) for r in rows))


def add(m, sources: Path, country_of: dict[str, str], country_label: dict[str, str]) -> int:  # noqa: ANN001
    """Legislatures and governments as records of type government, with their country; returns how many."""
    path = sources / "commons.tsv"
    if not path.is_file():
        return 0
    n = 0
    for r in S.read_table(path):
        cid = country_of.get(r["country"])
        have = m.by_qid.get(r["qid"], {}).get("type")
        if not cid or have not in (None, "organization", "government"):
            continue
        label, weak = r["label"], []
        name = country_label.get(cid, "")
        if generic(label):  # "House of Representatives": linked only where the article speaks of its country
            label, weak = f"{label} ({name})", [label]
        # "Bundestag of Germany": news names the body without its country, which the article then gives
        mm = re.match(rf"^(.+?) (?:of|of the) {re.escape(name)}$", label) if name else None
        if mm and len(mm.group(1)) > 3:
            weak.append(mm.group(1))
        legislature = r["kind"] == "legislature"
        m.add(r["qid"], {"type": "government", "label": label, "weak_aliases": weak, "country": cid,
                         "category": "legislature" if legislature else "government executive",
                         "description": ("legislature" if legislature else "executive body") + f" ({name})",
                         "prior": 0.6, "source": ["source/proto-commons"]})
        n += 1
    return n


def source_record(sources: Path) -> dict:
    n = S.repositories(sources / "commons.tsv")
    return {"id": "source/proto-commons", "type": "source",
            "label": "EveryPolitician proto-commons (legislatures and governments per country, from Wikidata)",
            "licence": "CC0-1.0 (Wikidata facts; the repositories state no licence)",
            "url": f"https://github.com/{ORG}",
            "note": f"{n} repositories proto-commons-COUNTRY, one per country; the commit of each is in "
                    "data/kb-sources/commons.tsv"}
