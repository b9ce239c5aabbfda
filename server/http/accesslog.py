"""gunicorn's logger, with an access-log line that costs what its format uses.

gunicorn builds every access-log line from a dictionary of every field a format could name: the request's headers,
the response's headers and the whole WSGI environment, each under a key of its own (some forty entries, for the nine
the default format prints). With the default format, :class:`AccessLogger` builds those nine only, and the line is
the same; any other format (``--access-logformat``) gets gunicorn's full dictionary.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from gunicorn import glogging
from gunicorn.config import AccessLogFormat

DEFAULT_FORMAT = AccessLogFormat.default


class AccessLogger(glogging.Logger):  # type: ignore[misc]
    def atoms(self, resp: Any, req: Any, environ: dict[str, Any], request_time: dt.timedelta) -> dict[str, Any]:
        if self.cfg.access_log_format != DEFAULT_FORMAT:
            return super().atoms(resp, req, environ, request_time)  # type: ignore[no-any-return]
        status = resp.status
        if isinstance(status, str):
            status = status.split(None, 1)[0]
        sent = getattr(resp, "sent", None)
        return {
            "h": environ.get("REMOTE_ADDR", "-"),
            "l": "-",
            "u": self._get_user(environ) or "-",
            "t": self.now(),
            "r": f"{environ['REQUEST_METHOD']} {environ['RAW_URI']} {environ['SERVER_PROTOCOL']}",
            "s": status,
            "b": sent is not None and str(sent) or "-",
            "f": environ.get("HTTP_REFERER", "-"),
            "a": environ.get("HTTP_USER_AGENT", "-"),
        }
