#!/usr/bin/env python3
"""Vendor the front-end libraries of the reading room from the npm registry into server/static/vendor/.

The versions are pinned in server/static/vendor/vendor.json with the integrity npm records for each package (the
SHA-512 of its tarball). This script fetches each tarball with `npm pack NAME@VERSION`, refuses one whose integrity
differs from the pinned one, copies the listed files (the built library and its licence files), records their
SHA-256, and writes NOTICE.md beside them. Nothing is fetched at run time: the server serves these files itself.

    python scripts/vendor.py                      # fetch again what is pinned (the files must come out the same)
    python scripts/vendor.py --check              # offline: do the files on disk match the recorded SHA-256?
    python scripts/vendor.py --upgrade NAME@VER   # pin another version (its integrity is recorded as npm gives it)

Needs `npm` (any version) and the registry, except for --check.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / "server" / "static" / "vendor"
MANIFEST = VENDOR / "vendor.json"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def integrity(path: Path) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(path.read_bytes()).digest()).decode()


def fetch(pkg: dict, work: Path, *, upgrade: bool) -> None:
    spec = f"{pkg['name']}@{pkg['version']}"
    out = subprocess.run(["npm", "pack", spec, "--json", "--pack-destination", str(work)], capture_output=True,
                         text=True, check=False)
    if out.returncode != 0:
        sys.exit(f"vendor: npm pack {spec} failed: {out.stderr.strip()[-400:]}")
    info = json.loads(out.stdout)[0]
    tarball = work / info["filename"]
    got = integrity(tarball)
    if got != info["integrity"]:
        sys.exit(f"vendor: {spec}: the tarball's SHA-512 is not the one the registry gave ({got})")
    if upgrade:
        pkg["integrity"] = got
    elif got != pkg["integrity"]:
        sys.exit(f"vendor: {spec}: integrity {got} differs from the pinned {pkg['integrity']}; refusing it")
    target = VENDOR / pkg["dir"]
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    with tarfile.open(tarball) as tar:
        for src, name in pkg["files"].items():
            member = tar.extractfile(f"package/{src}")
            if member is None:
                sys.exit(f"vendor: {spec} has no file {src}")
            (target / name).write_bytes(member.read())
    pkg["sha256"] = {name: sha256(target / name) for name in pkg["files"].values()}
    print(f"vendored {spec} ({pkg['license']}) into {target.relative_to(ROOT)}")


def check(manifest: dict) -> int:
    bad = 0
    for pkg in manifest["packages"]:
        for name, digest in pkg["sha256"].items():
            path = VENDOR / pkg["dir"] / name
            if not path.exists() or sha256(path) != digest:
                print(f"vendor: {path.relative_to(ROOT)} is missing or changed", file=sys.stderr)
                bad += 1
    print(f"{sum(len(p['sha256']) for p in manifest['packages']) - bad} files as recorded, {bad} not")
    return 1 if bad else 0


def notice(manifest: dict) -> str:
    lines = ["# Vendored front-end libraries", "",
             "Copied unchanged from their npm packages by `scripts/vendor.py`, which checks each package against the",
             "integrity pinned in `vendor.json` (re-run it to vendor them again). The pages load them from this",
             "server; nothing is loaded from elsewhere. Each library's licence files are in its folder.", "",
             "| package | version | licence | npm integrity |", "| --- | --- | --- | --- |"]
    for p in manifest["packages"]:
        lines.append(f"| `{p['name']}` | {p['version']} | {p['license']} | `{p['integrity']}` |")
    lines += ["", "| file | SHA-256 |", "| --- | --- |"]
    for p in manifest["packages"]:
        for name, digest in p["sha256"].items():
            lines.append(f"| `{p['dir']}/{name}` | `{digest}` |")
    lines += ["", "Where they are used: " + "; ".join(f"`{p['name']}` — {p['use']}" for p in manifest["packages"]) + ".",
              "", "The minified files end with a `sourceMappingURL` comment; the maps are not copied (a browser asks",
              "for them only while its developer tools are open, and gets a 404).", ""]
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="only check the files on disk against vendor.json")
    ap.add_argument("--upgrade", metavar="NAME@VERSION", help="pin another version of one package")
    args = ap.parse_args()
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    if args.check:
        return check(manifest)
    upgrade = None
    if args.upgrade:
        name, _, version = args.upgrade.rpartition("@")
        upgrade = next((p for p in manifest["packages"] if p["name"] == name), None)
        if upgrade is None or not version:
            sys.exit(f"vendor: {args.upgrade}: give NAME@VERSION of a package in vendor.json")
        upgrade["version"] = version
    with tempfile.TemporaryDirectory() as tmp:
        for pkg in manifest["packages"]:
            fetch(pkg, Path(tmp), upgrade=pkg is upgrade)
    MANIFEST.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    (VENDOR / "NOTICE.md").write_text(notice(manifest), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
