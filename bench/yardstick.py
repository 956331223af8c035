"""The machine's yardstick: a bare WSGI app returning the bytes of our pages.

Serves, for each Host and path (query included), the body recorded in the
pickle file named by YARDSTICK_PAGES, as text/html; 404 for anything else.
`make bench` runs it under gunicorn like the real app, to compare with it.
"""

import os
import pickle
from pathlib import Path

PAGES = pickle.loads(Path(os.environ["YARDSTICK_PAGES"]).read_bytes())  # noqa: S301 (written by bench/web.py)


def application(environ, start_response):
    path = environ.get("PATH_INFO", "/")
    if environ.get("QUERY_STRING"):
        path += "?" + environ["QUERY_STRING"]
    body = PAGES.get((environ.get("HTTP_HOST", ""), path))
    if body is None:
        start_response("404 Not Found", [("Content-Type", "text/plain")])
        return [b"not found"]
    headers = [
        ("Content-Type", "text/html; charset=utf-8"),
        ("Content-Length", str(len(body))),
    ]
    start_response("200 OK", headers)
    return [body]
