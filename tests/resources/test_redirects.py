"""Partners' links last: renaming a centre leaves a permanent redirect from its old address."""

import pytest

from tests.factories.resources import ResourceCentrePageFactory


@pytest.mark.django_db
def test_renamed_centre_redirects_permanently(client, django_capture_on_commit_callbacks):
    centre = ResourceCentrePageFactory(title="RSE & Partenariats", slug="rse-et-partenariats")
    centre.slug = "rse-partenariats-entreprises"
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail creates redirects on commit
        centre.save_revision().publish()

    response = client.get("/centres-de-ressources/rse-et-partenariats/")
    assert response.status_code == 301
    assert response["Location"].endswith("/centres-de-ressources/rse-partenariats-entreprises/")
    new = client.get(response["Location"])
    assert new.status_code == 200
    assert b"RSE &amp; Partenariats" in new.content


@pytest.mark.django_db
def test_renamed_index_keeps_centre_links_alive(client, django_capture_on_commit_callbacks):
    """Partners deep-link to centres: renaming the index must not break /centres-de-ressources/<slug>/."""
    from resources.models import ResourceCentreIndexPage

    ResourceCentrePageFactory(slug="fondations-d-avenir")
    index = ResourceCentreIndexPage.objects.get()
    index.slug = "nos-centres"
    with django_capture_on_commit_callbacks(execute=True):
        index.save_revision().publish()

    response = client.get("/centres-de-ressources/fondations-d-avenir/")
    assert response.status_code == 301
    assert response["Location"].endswith("/nos-centres/fondations-d-avenir/")
