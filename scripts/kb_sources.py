"""Readers for the public sources of the bundled knowledge base (used by ``scripts/build_kb.py``).

Two kinds of source:

* packages, read at build time: ``rigour`` (PyPI, MIT) and ``name-suggestion-index`` (npm, BSD-3-Clause, fetched
  with ``npm pack`` at a pinned version);
* public repositories, which the build cannot reach: the facts we keep from them are committed as compact derived
  tables under ``data/kb-sources/`` by ``build_kb.py derive``, each with a header naming the repository, the
  commit, the path and the licence.

Only Wikidata facts are kept (item ids, English labels and names, dates of terms, countries): Wikidata is CC0.
"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

# ------------------------------------------------------------------------------------------- pinned sources
NSI_PACKAGE = "name-suggestion-index"
NSI_VERSION = "8.0.20260918"


@dataclass(frozen=True)
class RepoSource:
    repository: str
    commit: str
    path: str
    licence: str
    note: str = ""


PARTYFACTS = [
    RepoSource("hdigital/partyfactsdata", "764de8978f84ba41a1c88752d6a00b9a4d05f599",
               "import/wikipedia/wikidata.csv", "MIT"),
    RepoSource("hdigital/partyfactsdata", "764de8978f84ba41a1c88752d6a00b9a4d05f599",
               "import/wikipedia/wikipedia.csv", "MIT"),
]
LEADERS = RepoSource("cfmessias/geografia", "2e1e3b9cf6bff86186ae26376a2deafdbd9c67e3", "data/leaders_history.csv",
                     "none stated", "no licence file: only Wikidata facts (item, role, term dates, label) are kept")
POLITICIANS = RepoSource(
    "CaptainFact/captain-fact-dev-data", "30ea5b826a61a37aa2f50be0aab2a31401be3107",
    "Wikidata/data/politicians_born_after_1945_having_a_picture.csv", "CC0-1.0",
    "the first published version of the table (later versions are over the size the mirror keeps)")


def git_show(gitdir: Path, src: RepoSource) -> str:
    """A file of a public repository at the pinned commit, from a local clone (bare or not)."""
    out = subprocess.run(["git", "--git-dir", str(gitdir), "show", f"{src.commit}:{src.path}"],
                         check=True, capture_output=True)
    return out.stdout.decode("utf-8")


def header(srcs: list[RepoSource], columns: list[str], derived_by: str) -> str:
    lines = [f"# Derived by `{derived_by}`: do not edit by hand. Wikidata facts only (CC0)."]
    for s in srcs:
        lines.append(f"# source: https://github.com/{s.repository} commit {s.commit} path {s.path} "
                     f"licence {s.licence}" + (f" ({s.note})" if s.note else ""))
    return "\n".join(lines) + "\n" + "\t".join(columns) + "\n"


def read_table(path: Path) -> list[dict[str, str]]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _tsv(rows: list[list[str]]) -> str:
    return "".join("\t".join(c.replace("\t", " ").replace("\n", " ") for c in r) + "\n" for r in rows)


# ----------------------------------------------------------------------------------------- text helpers
_LATIN = re.compile(r"^[A-Za-z0-9À-ɏḀ-ỿ .,'’&()\-/]+$")


def latin(name: str) -> bool:
    """Written in the Latin script (an English label or name, not a transliteration problem)."""
    return bool(name) and bool(_LATIN.match(name)) and any(c.isalpha() for c in name)


def clean(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name or "").split())


QID = re.compile(r"^Q[1-9][0-9]*$")
_DATE = re.compile(r"^[12][0-9]{3}-[01][0-9]-[0-3][0-9]$")


def qid_of(value: str) -> str | None:
    q = (value or "").strip().rstrip("/").rsplit("/", 1)[-1]
    return q if QID.match(q) else None


# -------------------------------------------------------------------------------------- repository tables
def derive_partyfacts(gitdir: Path) -> str:
    """Parties with their Wikidata item, country (ISO 3166 alpha-3), names and English Wikipedia title."""
    wd = list(csv.DictReader(io.StringIO(git_show(gitdir, PARTYFACTS[0]))))
    wp = {r["partyfacts_id"]: r for r in csv.DictReader(io.StringIO(git_show(gitdir, PARTYFACTS[1])))}
    rows = []
    seen = set()
    for r in wd:
        q = qid_of(r.get("wikidata_id", ""))
        if not q or (q, r["country"]) in seen:
            continue
        seen.add((q, r["country"]))
        url = (wp.get(r["partyfacts_id"]) or {}).get("url", "")
        title = url.split("/wiki/", 1)[1] if "en.wikipedia.org/wiki/" in url else ""
        w = wp.get(r["partyfacts_id"]) or {}
        rows.append([q, r["country"], clean(r["name"]), clean(r.get("name_short", "")),
                     clean(r.get("name_native", "")), title, w.get("year_founded", ""), w.get("year_dissolved", "")])
    rows.sort()
    cols = ["qid", "iso3", "name", "name_short", "name_native", "wikipedia", "founded", "dissolved"]
    return header(PARTYFACTS, cols, "scripts/build_kb.py derive") + _tsv(rows)


def derive_leaders(gitdir: Path) -> str:
    """Terms of heads of state and government: item, country, role, start, end, and the label the table gives."""
    rows = set()
    for r in csv.DictReader(io.StringIO(git_show(gitdir, LEADERS))):
        q = qid_of(r.get("person_qid", ""))
        if not q or r.get("role") not in ("head_of_state", "head_of_government"):
            continue
        start, end = (r.get("start") or "")[:10], (r.get("end") or "")[:10]
        if not all(d == "" or _DATE.match(d) for d in (start, end)):
            continue  # "unknown value" or a malformed date: the term cannot be placed in time
        rows.add((q, r["iso3"], r["role"], start, end, clean(r.get("person", ""))))
    cols = ["qid", "iso3", "role", "start", "end", "label"]
    return header([LEADERS], cols, "scripts/build_kb.py derive") + _tsv([list(r) for r in sorted(rows)])


def derive_politicians(gitdir: Path) -> str:
    """Politicians: item, country of citizenship (ISO alpha-2), English description, name in their language."""
    rows = set()
    for r in csv.DictReader(io.StringIO(git_show(gitdir, POLITICIANS))):
        q = qid_of(r.get("politician", ""))
        if not q:
            continue
        rows.add((q, (r.get("country") or "").upper(), clean(r.get("politicianDescription", "")),
                  clean(r.get("name_in_native_language", "")), (r.get("date_of_birth") or "")[:10]))
    cols = ["qid", "iso2", "description", "native_name", "born"]
    return header([POLITICIANS], cols, "scripts/build_kb.py derive") + _tsv([list(r) for r in sorted(rows)])


# ----------------------------------------------------------------------------------------------- packages
def rigour_territories() -> list[dict]:
    from rigour import _core

    return [json.loads(line) for line in _core.territories_jsonl().splitlines() if line.strip()]


def rigour_version() -> str:
    from importlib.metadata import version

    return version("rigour")


def nsi_dir(cache: Path) -> Path:
    """The unpacked name-suggestion-index package at the pinned version (``npm pack``, once, into ``cache``)."""
    root = cache / f"{NSI_PACKAGE}-{NSI_VERSION}"
    if not (root / "package" / "dist" / "wikidata" / "wikidata.min.json").is_file():
        root.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "pack", f"{NSI_PACKAGE}@{NSI_VERSION}", "--silent"], cwd=root, check=True,
                       capture_output=True)
        tgz = next(root.glob("*.tgz"))
        subprocess.run(["tar", "xzf", tgz.name], cwd=root, check=True)
    return root / "package"


def repositories(table: Path) -> int:
    """How many repositories a derived table was made from (its "# source:" header lines); 0 without the table."""
    if not table.is_file():
        return 0
    return sum(1 for ln in table.read_text(encoding="utf-8").splitlines() if ln.startswith("# source:"))
