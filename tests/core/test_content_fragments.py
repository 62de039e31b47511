"""Markup kept per content version ({% content_fragment %}, rendered cards and pictures)
outlives the whole-page cache's minute, is never kept for a preview, and the home page's
sections still follow the clock (the next webinar changes when a session ends)."""

from __future__ import annotations

import itertools
import re
from datetime import UTC, date, datetime

import pytest
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from caching import version
from tests.factories.webinars import WebinarPageFactory

pytestmark = pytest.mark.django_db

FRAGMENT = Template('{% load site_tags %}{% content_fragment "essai" key %}{{ counter }}{% endcontent_fragment %}')


class Counter:
    def __init__(self) -> None:
        self.values = itertools.count(1)

    def __str__(self) -> str:
        return str(next(self.values))


def render(request, key: str = "a", counter: Counter | None = None) -> str:
    with version.pinned(request):
        return FRAGMENT.render(Context({"request": request, "key": key, "counter": counter or Counter()}))


def test_a_fragment_is_built_once_per_content_version_and_values_given(db):
    request = RequestFactory().get("/")
    counter = Counter()
    assert [render(request, "a", counter), render(request, "a", counter), render(request, "b", counter)] == [
        "1",
        "1",
        "2",
    ]
    version.bump()
    assert render(RequestFactory().get("/"), "a", counter) == "3"


def test_a_preview_is_never_kept_nor_served_from_the_cache(db):
    counter = Counter()
    visitor = RequestFactory().get("/")
    assert render(visitor, counter=counter) == "1"
    preview = RequestFactory().get("/")
    preview.is_preview = True
    assert render(preview, counter=counter) == "2"
    assert render(preview, counter=counter) == "3"
    assert render(visitor, counter=counter) == "1"


def test_the_home_page_follows_the_next_webinar_without_any_publication(client, time_machine):
    first = WebinarPageFactory(title="Première session à venir", day=date(2030, 3, 14))
    WebinarPageFactory(parent=first.get_parent(), title="Deuxième session à venir", day=date(2030, 4, 11))
    time_machine.move_to(datetime(2030, 3, 1, tzinfo=UTC))
    assert "Première session à venir" in client.get("/").content.decode()
    time_machine.move_to(datetime(2030, 3, 20, tzinfo=UTC))  # the first has ended; nothing was published
    home = client.get("/").content.decode()
    assert "Deuxième session à venir" in home and "Première session à venir" not in home


def test_a_page_body_is_rendered_from_the_cache_with_no_query_but_the_sites(client):
    client.get("/qui-sommes-nous/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/qui-sommes-nous/").status_code == 200
    tables = {re.search(r'FROM "?(\w+)', query["sql"]).group(1) for query in queries}
    assert tables <= {"wagtailcore_site", "core_contentversion"}, tables  # the site Wagtail looks up for links
