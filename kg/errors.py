"""Domain errors. The core raises these; the CLI turns them into one line and an exit code, the server into 4xx."""


class NewsKGError(Exception):
    """Base class: something the user can fix (bad input, bad option, missing store)."""

    exit_code = 2


class InputError(NewsKGError):
    """An article or RDF file that cannot be read: missing, empty, binary, not UTF-8, too large, unknown format."""


class ConfigError(NewsKGError):
    """A bad option or configuration value."""


class QueryError(NewsKGError):
    """A SPARQL query or update that cannot be parsed or run."""


class StoreError(NewsKGError):
    """The store cannot be opened, or refused a write."""


class EngineTimeout(StoreError):
    """A query engine stopped a query at its own time limit (a remote store's; answered 503)."""


class ValidationFailed(NewsKGError):
    """An article graph does not conform to the shapes; nothing was stored."""

    exit_code = 1
