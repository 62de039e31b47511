"""Links that last: renaming a page leaves a permanent redirect from its old address."""

import pytest


@pytest.mark.django_db
def test_renamed_page_redirects_permanently(client, legal_notice, django_capture_on_commit_callbacks):
    page = legal_notice
    page.slug = "informations-legales"
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail creates redirects on commit
        page.save_revision().publish()

    response = client.get("/mentions-legales/")
    assert response.status_code == 301
    assert response["Location"].endswith("/informations-legales/")
    assert client.get("/informations-legales/").status_code == 200
