"""``python -m server``: the server under gunicorn, with the options of ``kg serve`` (and its one-line errors)."""

import sys

from kg.cli import main

if __name__ == "__main__":
    main(["serve", *sys.argv[1:]], prog_name="python -m server")
