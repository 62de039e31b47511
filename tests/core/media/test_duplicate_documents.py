"""A document already in the library is pointed to, not stored a second time under a mangled
name; the image form says its « Description » is the alternative text and fills the title
from the file's name (Wagtail's own file input)."""

from __future__ import annotations

from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection

from .conftest import MINIMAL_PDF

pytestmark = pytest.mark.django_db


def pdf(name: str = "rapport-test-2026.pdf", data: bytes = MINIMAL_PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/pdf")


def add_document(client, title: str, upload: SimpleUploadedFile):
    root = Collection.get_first_root_node().pk
    return client.post(reverse("wagtaildocs:add"), {"title": title, "file": upload, "collection": root})


def test_a_second_upload_of_the_same_pdf_points_to_the_first(admin_client):
    assert add_document(admin_client, "Rapport test 2026", pdf()).status_code == 302
    response = add_document(admin_client, "Rapport test 2026 (bis)", pdf())
    assert response.status_code == 200
    text = unescape(response.content.decode())
    assert "Ce fichier est déjà dans la bibliothèque des documents : « Rapport test 2026 »" in text
    assert 'value="Rapport test 2026 (bis)"' in text  # the title typed is kept
    assert [doc.file.name for doc in get_document_model().objects.all()] == ["documents/rapport-test-2026.pdf"]

    # another file with the same name is a different document: accepted
    assert add_document(admin_client, "Autre rapport", pdf(data=MINIMAL_PDF + b"% v2\n")).status_code == 302
    assert get_document_model().objects.count() == 2


def test_a_duplicate_from_the_page_editors_chooser_is_an_error_there_too(admin_client):
    add_document(admin_client, "Rapport test 2026", pdf())
    prefix = "document-chooser-upload"
    response = admin_client.post(
        reverse("wagtaildocs_chooser:create"),
        {
            f"{prefix}-title": "Encore",
            f"{prefix}-file": pdf(),
            f"{prefix}-collection": Collection.get_first_root_node().pk,
        },
    )
    assert "Ce fichier est déjà dans la bibliothèque" in unescape(response.json()["htmlFragment"])
    assert get_document_model().objects.count() == 1


def test_image_form_names_the_alternative_text_and_syncs_the_title(admin_client):
    markup = unescape(admin_client.get(reverse("wagtailimages:add")).content.decode())
    assert "Texte alternatif (description)" in markup and "pour qui ne la voit pas" in markup
    at = markup.index('name="file"')
    file_input = markup[markup.rindex("<input", 0, at) : markup.index("<", at)]
    assert 'data-controller="w-sync"' in file_input and 'data-w-sync-name-value="wagtail:images-upload"' in file_input
