"""The content version in each process's memory, pushed by PostgreSQL: a cached page is
served without asking the database anything, and a change committed by any process reaches
this one within a second (its notification, or at worst the thread's next reading).

The suite's other tests read the version row on every request (their transactions are
rolled back, so no notification ever leaves them); these turn the listener on.
"""

from __future__ import annotations

import os
import time

import psycopg
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.caching import version

from .conftest import cache_state

pytestmark = pytest.mark.django_db


def wait_for(condition, seconds: float = 5.0) -> float:
    """How long `condition()` took to become true (fails after `seconds`)."""
    started = time.monotonic()
    while not condition():
        assert time.monotonic() - started < seconds, "not within the time allowed"
        time.sleep(0.005)
    return time.monotonic() - started


@pytest.fixture
def listening(settings):
    """This process's watcher, running as in a gunicorn worker."""
    settings.CONTENT_VERSION_LISTEN = True
    assert version.watcher.start()
    wait_for(lambda: version.watcher.token() is not None)
    yield version.watcher
    version.watcher.stop()


def another_server() -> dict:
    return {**version.connection_parameters(), "application_name": "rameau-tests"}


def committed_elsewhere(token: str) -> None:
    """Another server's change: its own connection, its own committed transaction (a plain
    UPDATE: the row's trigger notifies, whatever code wrote it)."""
    with psycopg.connect(**another_server(), autocommit=True) as other:
        other.execute("UPDATE core_contentversion SET token = %s WHERE id = %s", [token, version.ROW_ID])


def test_a_change_committed_by_another_server_is_known_here_within_a_second(listening):
    for token in ("ailleurs-1", "ailleurs-2"):
        committed_elsewhere(token)
        assert wait_for(lambda token=token: listening.token() == token) < 1.0


def test_a_cached_page_costs_no_query(client, page_cache, listening):
    client.get("/")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/")
    assert cache_state(response) == "hit"
    assert len(queries) == 0, [query["sql"] for query in queries]


def test_a_page_is_fresh_once_another_server_publishes(client, page_cache, listening):
    client.get("/")
    assert cache_state(client.get("/")) == "hit"
    committed_elsewhere("publication-ailleurs")
    assert wait_for(lambda: cache_state(client.get("/")) == "miss") < 1.0


def test_this_process_takes_its_own_change_when_it_commits(listening, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        token = version.bump()
        assert listening.token() != token  # not before the commit: others cannot see it yet
    assert listening.token() == token


def test_without_news_the_copy_is_trusted_no_longer_than_the_bound(settings):
    settings.CONTENT_VERSION_LISTEN = True
    watcher = version.Watcher()
    watcher.pid = os.getpid()  # as if its thread were running
    watcher.confirm("vu-il-y-a-peu")
    assert watcher.token() == "vu-il-y-a-peu"
    settings.CONTENT_VERSION_MAX_AGE = 0.05
    time.sleep(0.1)
    assert watcher.token() is None  # then each request reads the row again


def test_a_lost_connection_is_noticed_and_mended(listening):
    with psycopg.connect(**another_server(), autocommit=True) as other:
        other.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE application_name = %s AND datname = current_database()",
            ["rameau-content-version"],
        )
    wait_for(lambda: listening.token() is None, seconds=3)  # requests read the row meanwhile
    committed_elsewhere("apres-reconnexion")
    wait_for(lambda: listening.token() == "apres-reconnexion", seconds=15)


def test_off_without_postgresql_or_when_not_asked(settings):
    settings.CONTENT_VERSION_LISTEN = False
    assert not version.Watcher().start()
