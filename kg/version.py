"""The version of newskg (one place: kg/__init__.py, the CLI and the provenance of every build read it here)."""

__version__ = "0.1.0"
