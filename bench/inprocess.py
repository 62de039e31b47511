"""Server-side cost of each page, uncached: SQL queries and median time, in one process.

Run with the production settings and PAGE_CACHE_SECONDS=0 (bench/run.py sets both). Each
request goes through Django's WSGI handler exactly as gunicorn calls it, every middleware
included. Per page: the queries of the first request after a content change ("cold": every
cache keyed by the content version rebuilt), then, warm, the queries of one request and the
median time of REPEATS requests. Prints one JSON object.
"""

from __future__ import annotations

import io
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent.parent), str(Path(__file__).resolve().parent)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rameau_site.settings.production")

import django  # noqa: E402

django.setup()

from django.core.handlers.wsgi import WSGIHandler  # noqa: E402
from django.db import connection  # noqa: E402
from targets import bench_pages  # noqa: E402

from pages.caching import version  # noqa: E402

REPEATS = int(os.environ.get("BENCH_REPEATS", "25"))
handler = WSGIHandler()


def environ(url: str) -> dict:
    path, _, query = url.partition("?")
    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "HTTP_HOST": "127.0.0.1",
        "REMOTE_ADDR": "127.0.0.1",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }


def request(url: str) -> tuple[str, int]:
    status = []
    body = handler(environ(url), lambda code, headers, exc_info=None: status.append(code))
    size = sum(len(chunk) for chunk in body)
    if hasattr(body, "close"):
        body.close()
    return status[0], size


def counted(url: str) -> tuple[str, int, int]:
    queries = []
    with connection.execute_wrapper(
        lambda execute, sql, params, many, context: queries.append(sql) or execute(sql, params, many, context)
    ):
        status, size = request(url)
    return status, len(queries), size


def measure(url: str) -> dict:
    version.bump()  # as after a publication: every cache keyed by the content version is cold
    _status, cold, _size = counted(url)
    status, warm, size = counted(url)
    times, cpu = [], []
    for _ in range(REPEATS):
        start, start_cpu = time.perf_counter(), time.process_time()
        request(url)
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return {
        "url": url,
        "status": status,
        "queries": warm,
        "queries_cold": cold,
        "median_ms": round(statistics.median(times), 1),
        "median_cpu_ms": round(statistics.median(cpu), 1),  # this process's CPU only: less sensitive to other load
        "bytes": size,
    }


def main() -> None:
    from publications.models import PublicationPage

    pages = bench_pages()
    results = {name: measure(url) for name, url in pages.items()}
    print(json.dumps({"publications": PublicationPage.objects.live().count(), "pages": results}))


if __name__ == "__main__":
    main()
