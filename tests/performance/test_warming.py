"""After a publication, the preparing thread (rameau_site/warming.py) renders, besides the home
page, the changed page and its listing, the library's and the news' feeds, before visitors get
the version: the feeds' first reader then pays no more than the next one.

The thread's work is done here in the test's own thread (`Preparer.prepare`), which sees the
test's transaction as the thread would see a committed one."""

from __future__ import annotations

from contextlib import contextmanager

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connection
from django.test.utils import CaptureQueriesContext

from caching import version
from caching.version import Change
from rameau_site import warming

pytestmark = pytest.mark.django_db


@contextmanager
def connection_kept():
    """The thread's requests leave the test's connection (and transaction) open, as Django's
    test client does: a request otherwise closes its connection when it ends."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def queries_of(client, path: str) -> list[str]:
    """The queries of a visitor's request, at the address the site is declared at (as the
    preparing thread asks)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, HTTP_HOST=warming.site_address()[1])
    assert response.status_code == 200, path
    return [query["sql"] for query in queries]


def test_the_feeds_are_prepared_with_a_changed_publication(client, every_page_type):
    publication = every_page_type["publication"]
    publication.title = "Le titre republié"
    publication.save_revision().publish()
    change = Change(version.read_token(), 2, 1, frozenset({f"p{publication.pk}"}))

    paths = warming.pages_to_warm(change)
    library = publication.get_parent().url
    feeds = [f"{library}flux.xml", every_page_type["actualités"].feed_url]
    assert paths == ["/", publication.url, library, *feeds]

    with connection_kept():
        warming.preparer.prepare(change)
    for feed in feeds:
        first, next_one = queries_of(client, feed), queries_of(client, feed)
        assert len(first) == len(next_one), (feed, first)
    assert "Le titre republié" in client.get(feeds[0]).content.decode()


def test_a_change_of_another_kind_of_page_prepares_no_feed(every_page_type):
    centre = every_page_type["centre"]
    change = Change(version.read_token(), 2, 1, frozenset({f"p{centre.pk}"}))
    assert warming.pages_to_warm(change) == ["/", centre.url, centre.get_parent().url]


def test_a_change_of_no_live_page_prepares_the_home_page_alone():
    assert warming.pages_to_warm(Change(version.read_token(), 2, 1, frozenset({"pages.theme"}))) == ["/"]
