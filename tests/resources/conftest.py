"""Fixtures for the resource centres: a small set of centres built by factories, and helpers."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pages.models import Audience
from resources.models import ResourceCentreIndexPage, ResourceCentrePage
from resources.needs import NEEDS_BY_SLUG
from tests.factories.images import ImageFactory
from tests.factories.pages import AudienceFactory
from tests.factories.resources import ResourceCentrePageFactory

INDEX_PATH = "/centres-de-ressources/"

AUDIENCES = {
    "collectivites-territoriales": "Collectivités territoriales",
    "associations": "Associations",
    "entreprises": "Entreprises",
    "fondations": "Fondations",
}
EVERY_AUDIENCE = list(AUDIENCES)
# (slug, title, audiences, needs), in tree order: what each filter must return follows from it.
CENTRES = [
    ("alliances-territoriales", "Alliances territoriales", ["collectivites-territoriales"], ["s-informer", "agir"]),
    ("vie-associative", "Vie associative", ["associations"], ["se-former", "agir"]),
    ("entreprises-engagees", "Entreprises engagées", ["entreprises"], ["s-informer", "agir"]),
    ("fondations-et-mecenat", "Fondations et mécénat", ["fondations"], ["s-informer", "se-former"]),
    ("evaluation-des-alliances", "Évaluation des alliances", EVERY_AUDIENCE, ["se-former", "agir"]),
    ("interet-general", "Intérêt général", EVERY_AUDIENCE, ["s-informer"]),
    ("benevolat-de-competences", "Bénévolat de compétences", ["entreprises", "associations"], ["s-informer"]),
]


@pytest.fixture
def index(db) -> ResourceCentreIndexPage:
    return ResourceCentreIndexPage.objects.get()


def audiences() -> dict[str, Audience]:
    """The four audiences of CENTRES, in this order."""
    return {
        slug: AudienceFactory(slug=slug, name=name, sort_order=order * 10)
        for order, (slug, name) in enumerate(AUDIENCES.items())
    }


def needs(slugs) -> dict[str, bool]:
    """The centre's three need fields: True for the slugs given, False for the others."""
    return {need.field: need.slug in slugs for need in NEEDS_BY_SLUG.values()}


def build_centres() -> dict[str, ResourceCentrePage]:
    """The centres of CENTRES, live, each with its audiences, needs and a listing image (saved
    without a revision: the listings read their rows)."""
    index = ResourceCentreIndexPage.objects.get()
    by_slug = audiences()
    image = ImageFactory(title="Illustration des centres")
    return {
        slug: ResourceCentrePageFactory(
            parent=index,
            slug=slug,
            title=title,
            listing_image=image,
            audiences=[by_slug[audience] for audience in centre_audiences],
            **needs(centre_needs),
            publish=False,
        )
        for slug, title, centre_audiences, centre_needs in CENTRES
    }


@pytest.fixture
def centres(index) -> dict[str, ResourceCentrePage]:
    return build_centres()


def expected(audience: str | None = None, need: str | None = None) -> list[str]:
    """What each filter must return, in tree order."""
    return [
        slug
        for slug, _title, centre_audiences, centre_needs in CENTRES
        if (audience is None or audience in centre_audiences) and (need is None or need in centre_needs)
    ]


def count_queries(client, path: str) -> int:
    client.get(path)  # warm per-process caches and create renditions, as a running server would have
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)
