"""The ``kg`` commands, one module each; :mod:`kg.cli` builds the command group from them and dispatches."""

from kg.commands import build, dump, eval_, index, load, query, remove, serve, validate

COMMANDS = (build.build, load.load, remove.remove, index.index, query.query, dump.dump, validate.validate,
            serve.serve, eval_.eval_)
