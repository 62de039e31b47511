"""Server-side cost of each page, uncached: SQL queries and server time, in one process.

Run with the production settings and PAGE_CACHE_SECONDS=0 (bench/run.py sets both). Each
request goes through Django's WSGI handler exactly as gunicorn calls it, every middleware
included.

The process serves bench/run.py, one JSON command per line on stdin, one JSON answer per
line on stdout, so that one orchestrator can interleave the sizes of the site and the floor
in time (this machine's load drifts: a ratio is only fair between neighbouring measures):

- {"cold": url}: the queries and the time of the first request after a content change
  (every cache keyed by the content version rebuilt; time: median of COLD_REPEATS), then
  the status, size and queries of one warm request;
- {"warm": url, "repeats": n}: the wall and CPU milliseconds of n warm requests;
- {"after_publication": url, "token": token}: once this process serves the version `token`
  (published by another process and prepared here, see rameau_site/warming.py), the time
  and queries of the first request of `url`, and how long the version took to reach visitors.

`--publisher` is that other process, an editor's: {"publish": true} republishes a demo
publication with a changed title, as the admin does, and answers with the new token.

`--floor` serves the home page of the project in the current folder instead (the bare
`wagtail start` project of bench/floor.py): same handler, same loop, nothing to bump.
"""

from __future__ import annotations

import io
import json
import os
import statistics
import sys
import time
from pathlib import Path

FLOOR = "--floor" in sys.argv
PUBLISHER = "--publisher" in sys.argv
if FLOOR:
    sys.path.insert(0, os.getcwd())
else:
    sys.path[:0] = [str(Path(__file__).resolve().parent.parent), str(Path(__file__).resolve().parent)]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rameau_site.settings.production")

# Answers go to the real stdout; anything else printed (the production settings log JSON
# lines on stdout) goes to stderr, where it cannot be mistaken for an answer.
answers = os.fdopen(os.dup(sys.stdout.fileno()), "w")
sys.stdout = sys.stderr

import django  # noqa: E402

django.setup()

from django.core.handlers.wsgi import WSGIHandler  # noqa: E402
from django.db import connection  # noqa: E402

COLD_REPEATS = int(os.environ.get("BENCH_COLD_REPEATS", "3"))
#: How long a published version may take to reach this process's visitors before it counts as lost.
SWITCH_TIMEOUT = 5.0
if FLOOR:
    handler = WSGIHandler()
elif not PUBLISHER:  # the site's WSGI application, as gunicorn loads it: it prepares new versions
    from rameau_site.wsgi import application as handler


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
    status, queries, size = logged(url)
    return status, len(queries), size


def logged(url: str) -> tuple[str, list[str], int]:
    """The request's status, the SQL statements it ran, and its size."""
    queries: list[str] = []
    with connection.execute_wrapper(
        lambda execute, sql, params, many, context: queries.append(sql) or execute(sql, params, many, context)
    ):
        status, size = request(url)
    return status, queries, size


def timed(url: str) -> tuple[float, float]:
    start, start_cpu = time.perf_counter(), time.process_time()
    request(url)
    return (time.perf_counter() - start) * 1000, (time.process_time() - start_cpu) * 1000


def bump() -> None:
    """Every cache keyed by the content version cold, handed to visitors at once (nothing
    prepared): the worst case, against which the preparation is measured."""
    if not FLOOR:
        from django.test.utils import override_settings

        from caching import version

        with override_settings(CONTENT_VERSION_WARM_SECONDS=0):
            version.bump()


def cold(url: str) -> dict:
    answer: dict = {"url": url, "queries_cold": None, "cold_ms": None}
    if not FLOOR:
        bump()
        answer["queries_cold"] = counted(url)[1]
        times = []
        for _ in range(COLD_REPEATS):
            bump()
            times.append(timed(url)[0])
        answer["cold_ms"] = round(statistics.median(times), 1)
    request(url)  # warm again
    answer["status"], answer["queries"], answer["bytes"] = counted(url)
    return answer


def served(token: str) -> float:
    """Milliseconds until this process hands `token` to visitors (prepared, or at its deadline)."""
    from caching import version

    started = time.monotonic()
    while version.watcher.token() != token:
        if time.monotonic() - started > SWITCH_TIMEOUT:
            raise RuntimeError(f"version {token} not served after {SWITCH_TIMEOUT} s")
        time.sleep(0.001)
    return round((time.monotonic() - started) * 1000, 1)


def after_publication(url: str, token: str, count: bool) -> dict:
    """The first request of `url` once the version `token` reaches visitors here, and how long
    the version took to prepare (read after the request, which it must not delay)."""
    waited = served(token)
    answer: dict = {"switch_ms": waited}
    if count:
        statements = logged(url)[1]
        answer["queries"] = len(statements)
        if os.environ.get("BENCH_SQL"):  # what the first request still reads, to find out why
            answer["sql"] = [statement[:160] for statement in statements]
    else:
        answer["ms"] = round(timed(url)[0], 1)
    answer["prepared_s"] = preparation_seconds(token)
    return answer


def preparation_seconds(token: str) -> float | None:
    """How long this process took to prepare `token` (it may finish after visitors got it, at
    its deadline: then the first request ran while it was still being prepared)."""
    from rameau_site.warming import preparer

    started = time.monotonic()
    while time.monotonic() - started < SWITCH_TIMEOUT:
        for prepared, seconds in reversed(preparer.history):
            if prepared == token:
                return seconds
        time.sleep(0.005)
    return None


def publish() -> dict:
    """An editor republishes a demo publication with a new title (not the one measured as
    « une publication »: that page is not among those prepared for it)."""
    from caching import version
    from publications.models import PublicationPage

    page = (
        PublicationPage.objects.live().exclude(slug__startswith="banc-").order_by("-publication_date", "pk")[1:2].get()
    )
    page.title = page.title[:-2] if page.title.endswith(" ·") else f"{page.title} ·"
    page.save_revision().publish()
    return {"token": version.read_token(), "page": page.pk}


def warm(url: str, repeats: int) -> dict:
    times, cpu = zip(*(timed(url) for _ in range(repeats)), strict=True)
    return {"ms": times, "cpu_ms": cpu}


def pages() -> tuple[int, dict[str, str]]:
    if FLOOR or PUBLISHER:
        return 0, {"floor": "/"} if FLOOR else {}
    from targets import bench_pages

    from publications.models import PublicationPage

    return PublicationPage.objects.live().count(), bench_pages()


def main() -> None:
    publications, urls = pages()
    print(json.dumps({"publications": publications, "pages": urls}), file=answers, flush=True)
    for line in sys.stdin:
        command = json.loads(line)
        if "cold" in command:
            answer = cold(command["cold"])
        elif "warm" in command:
            answer = warm(command["warm"], command["repeats"])
        elif "publish" in command:
            answer = publish()
        elif "after_publication" in command:
            answer = after_publication(command["after_publication"], command["token"], command.get("count", False))
        else:
            break
        print(json.dumps(answer), file=answers, flush=True)


if __name__ == "__main__":
    main()
