"""A shared cache (Redis) that does not answer costs speed, never a page: every public page
is served uncached, the outage is logged once, and /-/readiness says « degraded »."""

from __future__ import annotations

import logging

import pytest

from tests.servers import free_port, redis_server

pytestmark = pytest.mark.django_db


def redis_caches(url: str, retry_after: float = 600) -> dict:
    """Both caches on Redis; the pause after a failure outlasts the test however slow the machine."""
    backend = "core.caching.backends.ResilientRedisCache"
    return {
        alias: {"BACKEND": backend, "LOCATION": url, "KEY_PREFIX": f"test-{alias}", "RETRY_AFTER": retry_after}
        for alias in ("default", "pages")
    }


@pytest.fixture
def unreachable_redis(settings):
    """REDIS_URL names a loopback port nothing listens on; the page cache is on, as in production."""
    url = f"redis://127.0.0.1:{free_port()}/0"
    settings.REDIS_URL = url
    settings.CACHES = redis_caches(url)
    settings.PAGE_CACHE_SECONDS = 60
    return url


def test_every_public_page_is_served_when_redis_is_unreachable(client, public_pages, unreachable_redis, caplog):
    with caplog.at_level(logging.WARNING, logger="core.caching.backends"):
        statuses = {name: client.get(path).status_code for name, path in public_pages.items()}
    assert set(statuses.values()) == {200}, statuses
    warnings = [record for record in caplog.records if "cache unavailable" in record.getMessage()]
    assert 1 <= len(warnings) <= 2, "one line per cache (pages, data), not one per request"


def test_readiness_reports_the_cache_degraded_but_keeps_serving(client, unreachable_redis):
    response = client.get("/-/readiness")
    assert response.status_code == 200
    assert "database: ok" in response.text and "cache: degraded" in response.text


def test_readiness_reports_a_local_cache_without_redis(client, settings):
    settings.REDIS_URL = ""
    assert "cache: local" in client.get("/-/readiness").text


def test_pages_are_cached_in_a_live_redis_and_served_after_it_stops(client, settings):
    """The control: with a real Redis, the second visit is a cache hit; once Redis stops,
    the same page is still served, uncached."""
    with redis_server() as redis:
        settings.REDIS_URL = redis.url
        settings.CACHES = redis_caches(redis.url)
        settings.PAGE_CACHE_SECONDS = 60
        assert client.get("/publications/").headers["X-Page-Cache"] == "miss"
        assert client.get("/publications/").headers["X-Page-Cache"] == "hit"
        assert "cache: ok" in client.get("/-/readiness").text
        redis.stop()
        response = client.get("/publications/")
        assert response.status_code == 200 and response.headers["X-Page-Cache"] != "hit"
        assert "cache: degraded" in client.get("/-/readiness").text
