"""Private pages and documents behind a shared password are not open to guessing: five
wrong passwords from one address, and that address waits for an hour (issue #31, 13)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import CollectionViewRestriction, PageViewRestriction

from tests.factories.documents import DocumentFactory
from tests.factories.images import root_collection
from tests.factories.pages import StandardPageFactory

pytestmark = pytest.mark.django_db
SECRET = "conseil-2026"


def guesses(client: Client, url: str, return_url: str) -> list[int]:
    wrong = [client.post(url, {"password": f"essai{n}", "return_url": return_url}).status_code for n in range(6)]
    return [*wrong, client.post(url, {"password": SECRET, "return_url": return_url}).status_code]


def test_guessing_a_private_pages_password_is_stopped_after_five_tries():
    page = StandardPageFactory(title="Compte rendu du conseil")
    restriction = PageViewRestriction.objects.create(page=page, restriction_type="password", password=SECRET)
    url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])
    assert guesses(Client(REMOTE_ADDR="203.0.113.9"), url, page.url) == [200] * 5 + [429, 429]
    assert Client(REMOTE_ADDR="198.51.100.3").post(url, {"password": SECRET, "return_url": page.url}).status_code == 302


def test_guessing_a_private_documents_password_is_stopped_after_five_tries():
    collection = root_collection().add_child(name="Dossier partagé")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type="password", password=SECRET
    )
    document = DocumentFactory(collection=collection)
    url = reverse("wagtaildocs_authenticate_with_password", args=[restriction.pk])
    statuses = guesses(Client(REMOTE_ADDR="203.0.113.10"), url, document.url)
    assert statuses == [200] * 5 + [429, 429]
    refused = Client(REMOTE_ADDR="203.0.113.10").post(url, {"password": SECRET, "return_url": document.url})
    assert "Trop d" in refused.content.decode()
