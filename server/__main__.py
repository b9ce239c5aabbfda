"""``python -m server``: the server under gunicorn, with the options of ``kg serve``."""

from kg.commands.serve import serve

if __name__ == "__main__":
    serve(prog_name="python -m server")
