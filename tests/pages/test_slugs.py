"""Slugs keep the French elision as a hyphen: « Qualifier l'innovation » lives at
`qualifier-l-innovation`, including when staff create the page in the admin."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import querydict_from_html

from pages.models import HomePage, StandardPage
from pages.slugs import elided, french_slugify
from tests.factories.pages import StandardPageFactory


def test_an_apostrophe_becomes_a_hyphen():
    assert french_slugify("Qualifier l'innovation") == "qualifier-l-innovation"
    assert french_slugify("Accroître l’impact d’une fondation") == "accroitre-l-impact-d-une-fondation"
    assert french_slugify("Co-construire le bien commun") == "co-construire-le-bien-commun"
    assert elided("qualifier-linnovation", "Qualifier l'innovation") == "qualifier-l-innovation"
    assert elided("mon-adresse", "Qualifier l'innovation") is None  # a slug staff typed is theirs
    assert elided("co-construire", "Co-construire") is None


def create(client, title: str, slug: str):
    """What the admin's create form posts once its script has made the slug from the title."""
    home = HomePage.objects.get()
    url = reverse("wagtailadmin_pages:add", args=("pages", "standardpage", home.pk))
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    data.update(title=title, slug=slug, **{"action-publish": "1"})
    data["body-count"] = "0"
    return client.post(url, data)


@pytest.mark.django_db
def test_a_page_created_in_the_admin_keeps_the_elision(moderator_client):
    response = create(moderator_client, "Qualifier l'innovation", "qualifier-linnovation")
    assert response.status_code == 302, response.content.decode()[:2000]
    page = StandardPage.objects.get(title="Qualifier l'innovation")
    assert page.slug == "qualifier-l-innovation"
    assert moderator_client.get("/qualifier-l-innovation/").status_code == 200

    create(moderator_client, "L'équipe élargie", "equipe-elargie")  # typed by hand: kept
    assert StandardPage.objects.get(title="L'équipe élargie").slug == "equipe-elargie"


@pytest.mark.django_db
def test_the_admin_slug_stays_when_the_french_one_is_taken(moderator_client):
    StandardPageFactory(title="Déjà là", slug="l-alliance")
    assert create(moderator_client, "L'alliance", "lalliance").status_code == 302
    assert StandardPage.objects.get(title="L'alliance").slug == "lalliance"
