"""Listing costs a fixed number of queries, whatever the number of centres or partners."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model

from pages.caching import version
from pages.models import Audience, Partner
from resources.home import centres_section
from resources.models import ResourceCentrePage

from .conftest import INDEX_PATH, add_centre, count_queries


@pytest.fixture
def empty_index(index):
    ResourceCentrePage.objects.child_of(index).delete()
    return index


def add_centres(index, numbers) -> None:
    images = list(get_image_model().objects.order_by("pk")[:3])
    audiences = list(Audience.objects.filter(slug__in=["associations", "entreprises", "fondations"]))
    partners = list(Partner.objects.order_by("pk")[:3])
    for number in numbers:
        add_centre(index, number, image=images[number % 3], audiences=audiences, partners=partners, helps_act=True)


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["", "?public=associations", "?besoin=agir", "?public=associations&besoin=agir"])
def test_index_costs_the_same_for_2_and_20_centres(client, empty_index, query):
    add_centres(empty_index, range(2))
    path = INDEX_PATH + query
    with_two = count_queries(client, path)
    add_centres(empty_index, range(2, 20))
    markup = client.get(path).content.decode()
    assert markup.count('class="card centre-card"') == 20
    assert count_queries(client, path) == with_two
    assert with_two <= 10


@pytest.mark.django_db
def test_centre_page_costs_the_same_for_1_and_6_partners(client, index):
    partners = list(Partner.objects.exclude(logo=None).order_by("pk")[:6])
    assert len(partners) == 6
    one = add_centre(index, 1, partners=partners[:1], audiences=Audience.objects.all()[:1])
    six = add_centre(index, 2, partners=partners, audiences=Audience.objects.all()[:5])
    assert count_queries(client, one.url) == count_queries(client, six.url)
    assert client.get(six.url).content.decode().count('class="partners__item"') == 6


@pytest.mark.django_db
def test_home_section_costs_a_fixed_number_of_queries(empty_index):
    def section_queries() -> tuple[int, int]:
        """As in a request after a first one: the site, index and private sections are cached."""
        centres_section(RequestFactory().get("/"))
        request = RequestFactory().get("/")
        with version.pinned(request), CaptureQueriesContext(connection) as queries:
            count = len(centres_section(request)["centres"])
        return count, len(queries)

    add_centres(empty_index, range(2))
    two = section_queries()
    add_centres(empty_index, range(2, 20))
    twenty = section_queries()
    assert (two[0], twenty[0]) == (2, 20)
    assert two[1] == twenty[1] <= 3  # the content version, centres, images (renditions: Wagtail's cache)
