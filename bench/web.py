"""Public pages under gunicorn with wrk: uncached, cached, and the yardstick.

Each page is served by gunicorn (2 workers, production settings, the bench
database, a Redis of our own) and loaded by wrk at concurrency 8: first with
the anonymous page cache off, then on, then the same bytes from a bare WSGI
app (bench/yardstick.py) under the same gunicorn configuration. A machine this
size is noisy: compare the ratios of one run, not absolute figures.
"""

import http.client
import os
import pickle
import re
import secrets
import subprocess
from dataclasses import dataclass

from bench.stack import Stack

CONCURRENCY = 8
SECONDS = int(os.environ.get("BENCH_SECONDS", "5"))
PAGES = [
    ("group home", "bench-1.localhost", "/"),
    ("story", "bench-1.localhost", "/stories/a-welcome/"),
    ("news index", "bench-1.localhost", "/news/"),
    ("national home", "localhost", "/"),
    ("directory", "localhost", "/groups/"),
    ("site search", "bench-1.localhost", "/search/?q=refugee+week"),
    ("national search", "localhost", "/search/?q=refugee+week"),
]
HEADERS = {"X-Forwarded-Proto": "https"}  # as nginx says; gunicorn trusts loopback
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


@dataclass
class Load:
    rate: float  # requests per second
    p50: float  # milliseconds
    p99: float


def wrk(port, host, path):
    """wrk's rate and latency percentiles; any error or non-2xx fails the bench."""
    headers = [
        arg
        for name, value in {**HEADERS, "Host": host}.items()
        for arg in ("-H", f"{name}: {value}")
    ]
    result = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{CONCURRENCY}",
            f"-d{SECONDS}s",
            "--timeout",
            "30s",
            "--latency",
            *headers,
            f"http://127.0.0.1:{port}{path}",
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=SECONDS + 60,
    )
    out = result.stdout
    if "Non-2xx" in out or "Socket errors" in out:
        raise RuntimeError(f"wrk {host}{path}: errors\n{out}")
    percentiles = {
        percent: float(value) * UNITS[unit]
        for percent, value, unit in re.findall(
            r"^\s+(\d+)%\s+([\d.]+)(us|ms|s)\s*$", out, re.M
        )
    }
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    return Load(rate, percentiles["50"], percentiles["99"])


def fetch(port, host, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request("GET", path, headers={**HEADERS, "Host": host})
        response = connection.getresponse()
        body = response.read()
    finally:
        connection.close()
    if response.status != 200:
        raise RuntimeError(f"{host}{path}: {response.status}")
    return body


def app_loads(stack, env, page_cache_seconds):
    server = stack.gunicorn(
        {**env, "PAGE_CACHE_SECONDS": str(page_cache_seconds)},
        workers=2,
        log=f"gunicorn-{page_cache_seconds}.log",
    )
    bodies, loads = {}, {}
    try:
        for name, host, path in PAGES:
            for _ in range(4):  # both workers warm, and the cache filled
                bodies[name] = fetch(server.port, host, path)
            loads[name] = wrk(server.port, host, path)
    finally:
        server.process.terminate()
        server.process.wait(timeout=30)
    return bodies, loads


def page_loads(database_url, cached):
    """{"uncached": {page: Load}, "cached": ..., "yardstick": ...} and page sizes."""
    with Stack("bench") as stack:
        redis = stack.redis()
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "NETWORK_DOMAIN": "localhost",
            "DATABASE_URL": database_url,
            "REDIS_URL": redis.url,
            "STATIC_ROOT": str(stack.dir / "static"),
        }
        env.pop("DEBUG", None)
        stack.manage(env, "collectstatic", "--noinput", "-v0")
        figures = {}
        bodies, figures["uncached"] = app_loads(stack, env, 0)
        if cached:
            _, figures["cached"] = app_loads(stack, env, 600)
        recorded = stack.dir / "pages.pickle"
        recorded.write_bytes(
            pickle.dumps({(host, path): bodies[name] for name, host, path in PAGES})
        )
        yardstick = stack.gunicorn(
            {**env, "YARDSTICK_PAGES": str(recorded)},
            workers=2,
            log="yardstick.log",
            app="bench.yardstick:application",
        )
        figures["yardstick"] = {
            name: wrk(yardstick.port, host, path) for name, host, path in PAGES
        }
    return figures, {name: len(body) for name, body in bodies.items()}


def query_counts():
    """SQL queries per page, uncached, once the site's own caches are warm."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    counts = {}
    for name, host, path in PAGES:
        client.get(path, HTTP_HOST=host)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path, HTTP_HOST=host)
        if response.status_code != 200:
            raise RuntimeError(f"{host}{path}: {response.status_code}")
        counts[name] = len(queries)
    return counts


def print_table(figures, sizes, queries):
    cached = "cached" in figures
    print(
        f"\nPages: gunicorn, 2 workers, production settings; wrk -c{CONCURRENCY} "
        f"for {SECONDS} s each. Ratio: share of the bare WSGI yardstick's rate."
    )
    line = "{:<16}{:>6}{:>8} | {:>17} {:>13} | {:>17} {:>13} | {:>16} | {:>8} {:>8}"
    print(
        line.format(
            "page",
            "KB",
            "queries",
            "uncached req/s",
            "p50/p99 ms",
            "cached req/s",
            "p50/p99 ms",
            "yardstick req/s",
            "uncached",
            "cached",
        )
    )
    for name, _host, _path in PAGES:
        bare = figures["yardstick"][name]
        uncached = figures["uncached"][name]
        hit = figures["cached"][name] if cached else None
        print(
            line.format(
                name,
                f"{sizes[name] / 1024:.0f}",
                queries[name],
                f"{uncached.rate:.0f}",
                f"{uncached.p50:.0f}/{uncached.p99:.0f}",
                f"{hit.rate:.0f}" if hit else "-",
                f"{hit.p50:.1f}/{hit.p99:.1f}" if hit else "-",
                f"{bare.rate:.0f}",
                f"{uncached.rate / bare.rate:.1%}",
                f"{hit.rate / bare.rate:.1%}" if hit else "-",
            )
        )
    if not cached:
        print("(no anonymous page cache in this version: cached column empty)")
