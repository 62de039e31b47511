"""Downloads go through Wagtail's serve view as attachments with their real type, from an allowlist."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection

from tests.factories.documents import DocumentFactory
from tests.factories.publications import PublicationPageFactory

pytestmark = pytest.mark.django_db


def root_collection() -> int:
    return Collection.get_first_root_node().pk


def test_publication_pdf_is_served_as_an_attachment(client):
    publication = PublicationPageFactory(document=DocumentFactory(file__filename="publication-a-telecharger.pdf"))
    document = publication.document
    assert document.filename.startswith("publication-a-telecharger") and document.filename.endswith(".pdf")
    assert document.url == f"/documents/{document.pk}/{document.filename}"
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert f'filename="{document.filename}"' in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


@pytest.mark.parametrize(
    "name,content_type",
    [
        ("donnees.csv", "text/csv"),
        ("tableau.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("texte.odt", "application/vnd.oasis.opendocument.text"),
    ],
)
def test_other_formats_are_attachments_too(client, name, content_type):
    document = DocumentFactory(file__filename=name, file__data=b"contenu")
    response = client.get(document.url)
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"].startswith("attachment;")


@pytest.mark.parametrize("name", ["page.html", "script.js", "image.svg", "programme.exe"])
def test_extensions_outside_the_allowlist_are_refused_at_upload(admin_client, name):
    upload = SimpleUploadedFile(name, b"<script>alert(1)</script>")
    response = admin_client.post(
        reverse("wagtaildocs:add"), {"title": "Refusé", "file": upload, "collection": root_collection()}
    )
    assert response.status_code == 200
    assert "autorisée" in response.content.decode()  # Django's « extension … n'est pas autorisée »
    assert not get_document_model().objects.filter(title="Refusé").exists()


def test_pdf_upload_is_accepted(admin_client):
    upload = SimpleUploadedFile("accepte.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    response = admin_client.post(
        reverse("wagtaildocs:add"), {"title": "Accepté", "file": upload, "collection": root_collection()}
    )
    assert response.status_code == 302
    assert get_document_model().objects.filter(title="Accepté").exists()
