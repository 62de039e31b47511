"""A private collection stays private whoever edits the library, and editors, who never
publish, cannot change a live page's file behind the moderators' back (issue #31, 5 and 6)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from wagtail.models import CollectionViewRestriction

from rameau_site.security.staff import MODERATORS
from tests.factories.documents import MINIMAL_PDF, DocumentFactory
from tests.factories.images import root_collection
from tests.factories.publications import PublicationPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def private():
    """« Conseil d'administration »: a collection only « Modérateurs » may read."""
    collection = root_collection().add_child(name="Conseil d'administration")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.get(name=MODERATORS)])
    return collection


def edit_data(document, **changes) -> dict:
    return {"title": document.title, "collection": document.collection_id, "tags": "", **changes}


def test_an_editor_cannot_take_a_private_document_out_of_its_collection(editor_client, private):
    document = DocumentFactory(title="Procès-verbal du conseil", collection=private)
    url = reverse("wagtaildocs:edit", args=[document.pk])
    assert editor_client.get(url).status_code == 403
    response = editor_client.post(url, edit_data(document, collection=root_collection().pk))
    assert response.status_code == 403
    document.refresh_from_db()
    assert document.collection == private
    assert editor_client.post(reverse("wagtaildocs:delete", args=[document.pk])).status_code == 403
    assert Client().get(document.url).status_code != 200  # still private to visitors


def test_an_editor_cannot_put_a_document_into_a_private_collection(editor_client, private):
    document = DocumentFactory(title="Note publique")
    response = editor_client.post(
        reverse("wagtaildocs:edit", args=[document.pk]), edit_data(document, collection=private.pk)
    )
    assert response.status_code == 200
    assert "est une collection privée" in response.content.decode()
    document.refresh_from_db()
    assert document.collection == root_collection()


def test_bulk_moves_into_or_out_of_a_private_collection_are_refused(editor_client, private):
    public, secret = DocumentFactory(), DocumentFactory(collection=private)
    base = reverse("wagtail_bulk_action", args=["wagtaildocs", "document", "add_to_collection"])
    base += "?next=/admin/documents/&id="
    into = editor_client.post(f"{base}{public.pk}", {"collection": private.pk}, follow=True)
    out = editor_client.post(f"{base}{secret.pk}", {"collection": root_collection().pk}, follow=True)
    for response in (into, out):
        assert "« Conseil d&#x27;administration » est une collection privée" in response.content.decode()
    public.refresh_from_db()
    secret.refresh_from_db()
    assert (public.collection, secret.collection) == (root_collection(), private)


def test_a_moderator_who_reads_the_collection_moves_its_documents(moderator_client, private):
    document = DocumentFactory(collection=private)
    response = moderator_client.post(
        reverse("wagtaildocs:edit", args=[document.pk]), edit_data(document, collection=root_collection().pk)
    )
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.collection == root_collection()


def replace_file(client, document):
    upload = SimpleUploadedFile("rapport-corrige.pdf", MINIMAL_PDF + b"%corrige\n", content_type="application/pdf")
    return client.post(reverse("wagtaildocs:edit", args=[document.pk]), {**edit_data(document), "file": upload})


def test_only_who_may_publish_the_page_replaces_a_live_publications_file(editor_client, moderator_client):
    document = DocumentFactory(title="Rapport 2024")
    PublicationPageFactory(title="Rapport d'activité 2024", document=document)
    original = document.file.name
    refused = replace_file(editor_client, document)
    assert refused.status_code == 200
    assert "seul un modérateur peut en remplacer le fichier" in refused.content.decode()
    document.refresh_from_db()
    assert document.file.name == original
    assert replace_file(moderator_client, document).status_code == 302
    document.refresh_from_db()
    assert document.file.name != original


def test_an_editor_still_replaces_the_file_of_a_document_no_live_page_shows(editor_client):
    document = DocumentFactory(title="Brouillon de note")
    PublicationPageFactory(title="Publication en préparation", document=document, live=False)
    assert replace_file(editor_client, document).status_code == 302
