"""The admin's page search finds a publication by its authors and by its type, as staff
type them (« Dupont », « Rapport », or their first letters)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from publications.models import PublicationIndexPage
from tests.factories.publications import PublicationPageFactory, PublicationTypeFactory, authors
from tests.factories.users import ModeratorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(client):
    report = PublicationTypeFactory(name="Rapport", name_plural="Rapports", slug="rapport")
    PublicationPageFactory(title="Les alliances en territoire", authors=authors(("Anne", "Dupont")))
    PublicationPageFactory(title="Bilan des coopérations", publication_type=report)
    PublicationPageFactory(title="Sans rapport avec la recherche")
    client.force_login(ModeratorFactory())
    return client


def found(client, query: str) -> str:
    response = client.get(reverse("wagtailadmin_pages:search"), {"q": query})
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("query", ["Dupont", "dupont", "Dupo"])
def test_admin_search_finds_an_author(library, query):
    results = found(library, query)
    assert "Les alliances en territoire" in results
    assert "Bilan des coopérations" not in results


@pytest.mark.parametrize("query", ["Rapport", "rapp"])
def test_admin_search_finds_a_publication_type(library, query):
    results = found(library, query)
    assert "Bilan des coopérations" in results
    assert "Les alliances en territoire" not in results


def test_explorer_search_inside_the_library_finds_an_author(library):
    url = reverse("wagtailadmin_explore", args=[PublicationIndexPage.objects.get().pk])
    results = library.get(url, {"q": "Dupont"}).content.decode()
    assert "Les alliances en territoire" in results
    assert "Bilan des coopérations" not in results
