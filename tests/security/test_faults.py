"""PostgreSQL stops and restarts under a running gunicorn (production
settings, our own throwaway cluster). No request fails more than 2 s after the database is
back, none after a restart while idle; while it is down, visitors get the French 503 page
with Retry-After within 5 s, and each 5xx is one JSON log line with its path."""

from __future__ import annotations

import itertools
import json
import threading
import time

import pytest

from scripts.database import EmbeddedPostgres
from tests import databases

from .servers import gunicorn, production_environment, request

PATHS = ["/", "/publications/", "/centres-de-ressources/", "/webinaires/", "/actualites/"]
_counter = itertools.count()


def uncached(path: str) -> str:
    """A query string of its own, so that the page cache cannot answer without the database."""
    return f"{path}?essai={next(_counter)}"


@pytest.fixture(scope="module")
def database(demo_template):
    """A PostgreSQL server of the module's own, holding a copy of the demo, that tests may
    stop and start without disturbing the suite's server."""
    pg = EmbeddedPostgres()
    try:
        pg.create_database()
        databases.copy_demo_to(demo_template, pg.url())
        yield pg, databases.media_root()
    finally:
        pg.close()


@pytest.fixture(scope="module")
def site(database, production_static_root):
    pg, media = database
    env = production_environment(pg.url(), production_static_root, media, SECURE_SSL_REDIRECT="false")
    with gunicorn(env, workers=2) as server:
        ok_everywhere(server.port)  # both workers warm: a first request is slow for other reasons
        yield pg, server


def ok_everywhere(port: int, rounds: int = 4) -> list[int]:
    return [request(port, uncached(path)).status for _ in range(rounds) for path in PATHS]


def test_no_request_fails_after_a_restart_while_idle(site):
    pg, server = site
    assert set(ok_everywhere(server.port)) == {200}  # every worker holds a connection now
    pg.stop()
    pg.start()
    assert set(ok_everywhere(server.port)) == {200}


def test_restart_under_traffic_recovers_within_two_seconds(site):
    pg, server = site
    results: list[tuple[float, int | str]] = []
    stop = threading.Event()

    def visitor():
        for path in itertools.cycle(PATHS):
            if stop.is_set():
                return
            time.sleep(0.02)  # a steady stream, well below the workers' recycling count (max_requests)
            moment = time.monotonic()
            try:
                answer = request(server.port, uncached(path), timeout=10)
                results.append(
                    (
                        moment,
                        answer.status
                        if answer.status != 503 or "retry-after" in answer.headers
                        else "503 without Retry-After",
                    )
                )
            except OSError as error:
                results.append((moment, f"{type(error).__name__}"))

    threads = [threading.Thread(target=visitor) for _ in range(2)]
    for thread in threads:
        thread.start()
    try:
        time.sleep(1.5)
        down_at = time.monotonic()
        pg.stop()
        time.sleep(2)
        pg.start()
        back_at = time.monotonic()
        time.sleep(5)
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=30)

    failures = [(round(moment - back_at, 2), status) for moment, status in results if status != 200]
    last = max((delay for delay, _ in failures), default=None)
    print(
        f"\nrestart under traffic: {len(results)} requests, {len(failures)} answered 503 while PostgreSQL was down, "
        f"last failure {last} s after it was back"
    )
    late = [(delay, status) for delay, status in failures if delay > 2.0]
    assert not late, f"requests failing more than 2 s after PostgreSQL was back: {late}"
    assert {status for _, status in failures} <= {503}, failures  # never a 500 or a dropped connection
    assert any(moment < down_at and status == 200 for moment, status in results)
    assert any(moment > back_at + 2 and status == 200 for moment, status in results)


def test_database_down_gives_the_french_503_page_fast_and_health_checks_tell(site):
    pg, server = site
    pg.stop()
    try:
        for path in PATHS:
            answer = request(server.port, uncached(path), timeout=10)
            assert answer.status == 503, path
            assert answer.seconds < 5, (path, answer.seconds)
            assert answer.headers["retry-after"].isdigit()
            page = answer.body.decode()
            assert '<html lang="fr">' in page and "maintenance" in page
            assert "Content-Security-Policy" in str(answer.headers) or "content-security-policy" in answer.headers
        assert request(server.port, "/-/liveness").status == 200
        readiness = request(server.port, "/-/readiness", timeout=10)
        assert readiness.status == 503 and readiness.seconds < 5
        assert "no-store" in readiness.headers["cache-control"]
    finally:
        pg.start()
    assert request(server.port, "/-/readiness").status == 200

    lines = [json.loads(line) for line in server.log().splitlines() if line.startswith("{")]
    errors = [line for line in lines if line.get("status", 0) >= 500 and line["logger"] == "django.request"]
    logged_paths = {line["path"] for line in errors}
    assert set(PATHS) <= logged_paths
    assert all(line["level"] == "ERROR" and line["status"] == 503 for line in errors)
