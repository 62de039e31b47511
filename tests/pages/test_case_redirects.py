"""Addresses typed with capitals lead to the lower-case address instead of a 404 page."""

from __future__ import annotations

import pytest

from publications.models import PublicationIndexPage


@pytest.mark.django_db
def test_capitals_redirect_permanently_to_the_lower_case_address(client):
    library = PublicationIndexPage.objects.get()
    response = client.get("/Publications/", {"type": "Livre", "page": "2"})
    assert response.status_code == 301
    assert response["Location"] == f"{library.url}?type=Livre&page=2"  # the query string as typed
    assert "public" in response["Cache-Control"]
    assert client.get(response["Location"]).status_code == 200
    assert client.get("/QUI-SOMMES-NOUS/").headers["Location"] == "/qui-sommes-nous/"


@pytest.mark.django_db
def test_only_an_address_that_found_nothing_and_never_to_another_site(client):
    assert client.get("/publications/").status_code == 200  # lower case: no redirect
    assert client.get("/nulle-part/").status_code == 404  # nothing to redirect to
    assert client.get("/%2FExemple.org/").headers["Location"] == "/exemple.org/"  # a path here, not a host
    assert client.post("/Publications/").status_code == 404  # a form is never sent elsewhere
