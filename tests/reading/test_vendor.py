"""The vendored front-end libraries: pinned with their integrity, the files on disk as recorded, their licences
beside them, and no page template pointing anywhere but this server."""

from __future__ import annotations

import hashlib
import json
import re

from tests.conftest import ROOT

VENDOR = ROOT / "server" / "static" / "vendor"


def test_every_vendored_file_is_as_recorded_with_its_licence():
    manifest = json.loads((VENDOR / "vendor.json").read_text(encoding="utf-8"))
    notice = (VENDOR / "NOTICE.md").read_text(encoding="utf-8")
    names = set()
    for pkg in manifest["packages"]:
        assert re.fullmatch(r"\d+\.\d+\.\d+", pkg["version"]), pkg["name"]  # an exact version, not a range
        assert re.fullmatch(r"sha512-[A-Za-z0-9+/]{86}==", pkg["integrity"]), pkg["name"]
        assert f"`{pkg['name']}` | {pkg['version']} | {pkg['license']} | `{pkg['integrity']}`" in notice
        folder = VENDOR / pkg["dir"]
        assert set(pkg["sha256"]) == set(pkg["files"].values()) == {p.name for p in folder.iterdir()}
        assert any(name.upper().startswith("LICENSE") for name in pkg["sha256"]), pkg["name"]
        for name, digest in pkg["sha256"].items():
            assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest, name
            assert f"`{pkg['dir']}/{name}` | `{digest}`" in notice
        names.add(pkg["name"])
    assert names == {"cytoscape", "vis-timeline"}


def test_pages_use_the_vendored_files_and_no_inline_code():
    templates = list((ROOT / "server" / "templates").glob("*.html"))
    uses = " ".join(t.read_text(encoding="utf-8") for t in templates)
    assert "vendor/cytoscape/cytoscape.min.js" in uses and "vendor/vis-timeline/vis-timeline-graph2d.min.js" in uses
    for t in templates:
        text = t.read_text(encoding="utf-8")
        assert not re.search(r"<script(?![^>]*\b(src|type=\"application/json\"))", text), t.name  # no inline script
        assert not re.search(r"\sstyle=|<style", text), t.name  # no inline style
        assert not re.search(r"\son[a-z]+=", text), t.name  # no inline event handler
