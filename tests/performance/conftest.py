"""Fixtures of the performance tests: the page cache switched on, and small request helpers."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pages.caching.middleware import HEADER


@pytest.fixture
def page_cache(settings):
    """The whole-page cache as in production (the test settings keep it off for other tests)."""
    settings.PAGE_CACHE_SECONDS = 60
    return settings


def cache_state(response) -> str | None:
    return response.headers.get(HEADER)


def count_queries(client, path: str) -> int:
    """Queries of one uncached request, after a first request has warmed what a running
    server keeps between requests (site, menus, settings, routes, renditions)."""
    assert client.get(path).status_code == 200, path
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)
