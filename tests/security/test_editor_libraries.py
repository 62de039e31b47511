"""What an editor of « Éditeurs » meets in the admin: no menu leading to an empty list, image
and document libraries that show the files the choosers offer, and « Publications liées »
chosen among live publications only."""

from __future__ import annotations

import pytest
from django.urls import reverse

from publications.models import NewsArticlePage
from tests.clients import StaffClient
from tests.factories.documents import DocumentFactory
from tests.factories.images import ImageFactory
from tests.factories.publications import NewsArticlePageFactory, PublicationPageFactory
from tests.factories.users import ModeratorFactory

from .forms import article_form_data
from .test_staff_groups import chooser_html

pytestmark = pytest.mark.django_db

CENTRES_MENU = '"url": "/admin/centres_de_ressources/"'


def test_centres_menu_only_for_staff_who_may_edit_centres(editor_client):
    assert CENTRES_MENU not in editor_client.get(reverse("wagtailadmin_home")).content.decode()
    moderator = StaffClient()
    moderator.force_login(ModeratorFactory())
    assert CENTRES_MENU in moderator.get(reverse("wagtailadmin_home")).content.decode()


def test_editor_sees_the_libraries_the_choosers_offer(editor_client):
    image = ImageFactory(title="Vue de Vincennes au printemps")
    document = DocumentFactory(title="Rapport annuel déposé par la direction")
    images = editor_client.get(reverse("wagtailimages:index")).content.decode()
    documents = editor_client.get(reverse("wagtaildocs:index")).content.decode()
    assert image.title in images and document.title in documents
    # they may correct a title or an alternative text
    response = editor_client.post(
        reverse("wagtailimages:edit", args=[image.pk]),
        {
            "title": "Vue de Vincennes",
            "description": "Le bois de Vincennes au printemps",
            "collection": image.collection_id,
        },
    )
    assert response.status_code == 302
    image.refresh_from_db()
    assert (image.title, image.description) == ("Vue de Vincennes", "Le bois de Vincennes au printemps")


def test_related_publications_are_chosen_among_live_ones(editor_client):
    live = PublicationPageFactory(title="Guide des alliances en ligne")
    draft = PublicationPageFactory(title="Étude encore en relecture", live=False)
    chooser = reverse("wagtailadmin_choose_page") + "?page_type=publications.publicationpage&multiple=1"
    listing = chooser_html(editor_client.get(chooser))
    if live.title not in listing:  # the chooser opens on the library's parent: go down one level
        listing = chooser_html(
            editor_client.get(
                reverse("wagtailadmin_choose_page_child", args=[live.get_parent().pk])
                + "?page_type=publications.publicationpage&multiple=1"
            )
        )
    assert live.title in listing and draft.title not in listing

    article = NewsArticlePageFactory(title="Une brève liée")
    edit_url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    response = editor_client.post(edit_url, article_form_data(article, "Une brève liée", "<p>Texte.</p>", (draft.pk,)))
    assert response.status_code == 200 and "Une brève liée" in response.content.decode()  # refused, typing kept
    response = editor_client.post(edit_url, article_form_data(article, "Une brève liée", "<p>Texte.</p>", (live.pk,)))
    assert response.status_code == 302
    article = NewsArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert [link.publication_id for link in article.related_links.all()] == [live.pk]
