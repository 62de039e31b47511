"""Listing costs a fixed number of queries, whatever the number of centres or partners."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from caching import version
from resources.home import centres_section
from tests.factories.images import ImageFactory
from tests.factories.pages import AudienceFactory, PartnerFactory
from tests.factories.resources import ResourceCentrePageFactory

from .conftest import INDEX_PATH, audiences, count_queries


@pytest.fixture
def card_data(db) -> dict:
    """What makes a centre card costly: images, three audiences, three partners with logos."""
    by_slug = audiences()
    return {
        "images": ImageFactory.create_batch(3),
        "audiences": [by_slug[slug] for slug in ("associations", "entreprises", "fondations")],
        "partners": PartnerFactory.create_batch(3),
    }


def add_centres(index, card_data, numbers) -> None:
    """Centres saved without a revision (like a fixture, not an editor), sharing the card data."""
    for number in numbers:
        ResourceCentrePageFactory(
            parent=index,
            title=f"Centre d'essai {number}",
            slug=f"centre-essai-{number}",
            listing_image=card_data["images"][number % 3],
            audiences=card_data["audiences"],
            partners=card_data["partners"],
            helps_act=True,
            publish=False,
        )


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["", "?public=associations", "?besoin=agir", "?public=associations&besoin=agir"])
def test_index_costs_the_same_for_2_and_20_centres(client, index, card_data, query):
    add_centres(index, card_data, range(2))
    path = INDEX_PATH + query
    with_two = count_queries(client, path)
    add_centres(index, card_data, range(2, 20))
    markup = client.get(path).content.decode()
    assert markup.count('class="card centre-card"') == 20
    assert count_queries(client, path) == with_two
    assert with_two <= 10


@pytest.mark.django_db
def test_centre_page_costs_the_same_for_1_and_6_partners(client, index):
    partners = PartnerFactory.create_batch(6)
    assert all(partner.logo for partner in partners)
    every_audience = list(audiences().values()) + AudienceFactory.create_batch(1)
    one = ResourceCentrePageFactory(parent=index, partners=partners[:1], audiences=every_audience[:1], publish=False)
    six = ResourceCentrePageFactory(parent=index, partners=partners, audiences=every_audience[:5], publish=False)
    assert count_queries(client, one.url) == count_queries(client, six.url)
    assert client.get(six.url).content.decode().count('class="partners__item"') == 6


@pytest.mark.django_db
def test_home_section_costs_a_fixed_number_of_queries(index, card_data):
    def section_queries() -> tuple[int, int]:
        """As in a request after a first one: the site, index and private sections are cached."""
        centres_section(RequestFactory().get("/"))
        request = RequestFactory().get("/")
        with version.pinned(request), CaptureQueriesContext(connection) as queries:
            count = len(centres_section(request)["centres"])
        return count, len(queries)

    add_centres(index, card_data, range(2))
    two = section_queries()
    add_centres(index, card_data, range(2, 20))
    twenty = section_queries()
    assert (two[0], twenty[0]) == (2, 20)
    assert two[1] == twenty[1] <= 3  # the content version, centres, images (renditions: Wagtail's cache)
