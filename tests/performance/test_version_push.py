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

from caching import version

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
    """This process's watcher, running as in a gunicorn worker (which prepares new versions)."""
    from rameau_site import warming

    settings.CONTENT_VERSION_LISTEN = True
    warming.install()
    assert version.watcher.start()
    wait_for(lambda: version.watcher.token() is not None)
    yield version.watcher
    version.watcher.stop()
    version.watcher.listeners.remove(warming.preparer.submit)


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
        assert listening.newest_token() != token  # not before the commit: others cannot see it yet
    assert listening.newest_token() == token  # staff see it at once
    # Visitors once it is prepared: this process's preparer takes it at once. (Here the test's
    # transaction is never really committed, so the watcher's thread goes back to the row's
    # token; the hand-over to visitors is test_visitors_keep_the_previous_version….)
    from rameau_site.warming import preparer

    assert wait_for(lambda: bool(preparer.history) and preparer.history[-1][0] == token) < 5.0


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
    # A generous margin: this checks that the loss is noticed, not how fast (the machine may be loaded).
    wait_for(lambda: listening.token() is None, seconds=10)  # requests read the row meanwhile
    committed_elsewhere("apres-reconnexion")
    wait_for(lambda: listening.token() == "apres-reconnexion", seconds=15)


def test_visitors_keep_the_previous_version_until_the_new_one_is_prepared_or_late(settings):
    settings.CONTENT_VERSION_LISTEN = True
    settings.CONTENT_VERSION_WARM_SECONDS = 0.2
    watcher = version.Watcher()
    watcher.pid = os.getpid()  # as if its thread were running
    told: list[version.Change] = []
    watcher.listeners.append(told.append)
    watcher.heard(version.Change("v1"))
    assert watcher.token() == "v1" and not told  # the first version heard is served at once

    watcher.heard(version.Change("v2", 5, 4, frozenset({"p1"})))
    assert [change.token for change in told] == ["v2"]
    assert (watcher.token(), watcher.newest_token()) == ("v1", "v2")  # staff see it already
    watcher.prepared("v2")
    assert watcher.token() == "v2"

    watcher.heard(version.Change("v3", 6, 5, frozenset({"p2"})), age=0.15)  # committed 0.15 s ago
    assert watcher.token() == "v2"
    time.sleep(0.1)
    assert watcher.token() == "v3"  # not prepared in time: visitors get it anyway, on time


def test_a_request_is_pinned_to_the_version_for_visitors_or_the_newest_for_staff(rf, settings):
    settings.CONTENT_VERSION_LISTEN = True
    settings.CONTENT_VERSION_WARM_SECONDS = 5
    watcher = version.watcher
    watcher.pid = os.getpid()
    watcher.listeners, listeners = [lambda change: None], watcher.listeners
    try:
        watcher.heard(version.Change("prepared"))
        watcher.heard(version.Change("being-prepared", 3, 2, frozenset({"p1"})))
        with version.pinned(rf.get("/")):
            assert version.token_for() == "prepared"
        with version.pinned(rf.get("/"), newest=True):
            assert version.token_for() == "being-prepared"
        with version.pinned(rf.get("/admin/"), lazy=True, newest=True):
            assert version.token_for() == "being-prepared"
    finally:
        watcher.listeners = listeners
        watcher.stop()


def committed_with_change(token: str, items: str) -> None:
    """Another server's publication, with what it changed, as bump() writes it."""
    with psycopg.connect(**another_server(), autocommit=True) as other:
        other.execute(
            version.BUMP,
            {"token": token, "items": items, "max": version.MAX_CHANGES, "id": version.ROW_ID, "length": 1000},
        )


def test_a_version_published_elsewhere_is_prepared_before_visitors_get_it(client, page_cache, listening, settings):
    """The home page and the changed page are rendered under the new version before it is
    served: the first visitor after the publication gets them from the page cache."""
    from pages.models import MissionPage
    from rameau_site.warming import preparer

    settings.CONTENT_VERSION_WARM_SECONDS = 10  # only the preparation hands it over here
    mission = MissionPage.objects.live().first()
    browser = {"HTTP_HOST": "localhost", "HTTP_ACCEPT_ENCODING": "gzip, br"}  # as the site is declared
    token = f"prepare-{time.monotonic_ns()}"
    committed_with_change(token, f"p{mission.pk}")
    assert wait_for(lambda: listening.newest_token() == token) < 1.0
    assert wait_for(lambda: listening.token() == token, seconds=10) < 10
    assert preparer.history[-1][0] == token
    for path in ("/", mission.url):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path, **browser)
        assert cache_state(response) == "hit", path
        assert len(queries) == 0, [query["sql"] for query in queries]


def test_off_without_postgresql_or_when_not_asked(settings):
    settings.CONTENT_VERSION_LISTEN = False
    assert not version.Watcher().start()
