"""The words inside a publication's PDF find it, through site search and the library's search:
read when the document is saved, bounded in time and size, and never a failed upload."""

from __future__ import annotations

import logging

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core import pdftext
from publications.models import DocumentText
from tests.clients import StaffClient
from tests.factories.documents import DocumentFactory, text_pdf
from tests.factories.publications import PublicationPageFactory
from tests.factories.users import ModeratorFactory

pytestmark = pytest.mark.django_db

# A word no title, summary or author of the test library contains.
WORD = "hétérarchies"


def search_titles(client, path: str, query: str) -> str:
    return client.get(path, {"q": query}).content.decode()


def test_a_word_only_in_the_pdf_finds_the_publication(client):
    document = DocumentFactory(
        file__data=text_pdf("Introduction", f"Des {WORD} territoriales observées sur le terrain.")
    )
    assert DocumentText.objects.get(document=document).status == DocumentText.OK
    PublicationPageFactory(title="Le rapport au fichier", document=document)
    PublicationPageFactory(title="Un autre rapport")
    # French stemming: the singular finds the plural printed in the PDF.
    results = search_titles(client, "/recherche/", "hétérarchie")
    assert "Le rapport au fichier" in results and "Un autre rapport" not in results
    library = search_titles(client, "/publications/", "heterarchie")
    assert "Le rapport au fichier" in library and "Un autre rapport" not in library


def test_an_upload_through_the_admin_is_read_and_a_replaced_file_reindexes_its_publication(client):
    staff = StaffClient()
    staff.force_login(ModeratorFactory())
    upload = SimpleUploadedFile("etude.pdf", text_pdf("Premier texte : coopérations."), content_type="application/pdf")
    response = staff.post(reverse("wagtaildocs:add"), {"title": "Étude", "file": upload, "collection": 1})
    assert response.status_code == 302
    document = DocumentText.objects.get().document
    publication = PublicationPageFactory(title="Étude avec fichier", document=document)
    assert "Étude avec fichier" in search_titles(client, "/recherche/", "coopérations")
    # Staff replace the file: the new words find the publication, the old ones no longer do.
    replacement = SimpleUploadedFile(
        "etude-v2.pdf", text_pdf(f"Second texte : {WORD}."), content_type="application/pdf"
    )
    response = staff.post(
        reverse("wagtaildocs:edit", args=[document.pk]), {"title": "Étude", "file": replacement, "collection": 1}
    )
    assert response.status_code == 302
    assert publication.title in search_titles(client, "/recherche/", WORD)
    assert publication.title not in search_titles(client, "/recherche/", "coopérations")


def test_a_damaged_pdf_is_logged_the_upload_succeeds_and_the_page_is_still_indexed(client, caplog):
    staff = StaffClient()
    staff.force_login(ModeratorFactory())
    broken = SimpleUploadedFile("abime.pdf", b"%PDF-1.4\n1 0 obj<</Type/Catal", content_type="application/pdf")
    with caplog.at_level(logging.WARNING, logger="publications.pdftext"):
        response = staff.post(reverse("wagtaildocs:add"), {"title": "Fichier abîmé", "file": broken, "collection": 1})
    assert response.status_code == 302  # the upload itself succeeded
    text = DocumentText.objects.get()
    assert text.status == DocumentText.FAILED and text.text == ""
    assert any("Fichier abîmé" in record.getMessage() for record in caplog.records)
    PublicationPageFactory(
        title="Publication au fichier abîmé", summary="Sur les coopératives.", document=text.document
    )
    assert "Publication au fichier abîmé" in search_titles(client, "/recherche/", "coopératives")


def test_reading_is_bounded_in_time_pages_and_characters():
    many_pages = text_pdf(*(f"Page {n} : partenariats" for n in range(12)))
    assert (
        pdftext.read_pdf(many_pages, max_pages=3) == "Page 0 : partenariats Page 1 : partenariats Page 2 : partenariats"
    )
    assert len(pdftext.read_pdf(many_pages, max_characters=30)) == 30
    with pytest.raises(pdftext.ExtractionError, match="interrompue"):
        pdftext.extract_text(many_pages, timeout=0.001)
    with pytest.raises(pdftext.ExtractionError, match="non lu"):
        pdftext.extract_text(b"%PDF-" + b"0" * pdftext.MAX_INPUT_BYTES)


def test_a_reused_reader_reads_one_pdf_after_another_within_the_same_bounds():
    damaged = b"%PDF-1.4\n1 0 obj<</Type/Catal"
    many_pages = text_pdf(*(f"Page {n} : partenariats" for n in range(12)))
    with pdftext.reusing_reader() as reader:
        texts = [pdftext.extract_text(text_pdf(f"Rapport {n} : {WORD}")) for n in range(3)]
        assert texts == [f"Rapport {n} : {WORD}" for n in range(3)] and reader.started == 1
        with pytest.raises(pdftext.ExtractionError, match="illisible"):
            pdftext.extract_text(damaged)
        assert pdftext.extract_text(text_pdf("Après un fichier abîmé")) == "Après un fichier abîmé"
        assert reader.started == 1  # a damaged file costs no new reader
        with pytest.raises(pdftext.ExtractionError, match="interrompue"):
            pdftext.extract_text(many_pages, timeout=0.001)
        assert pdftext.extract_text(text_pdf("Après une lecture trop longue")) == "Après une lecture trop longue"
        assert reader.started == 2  # the one stopped after the timeout was replaced
        process = reader.process
    assert process.poll() is not None  # stopped on the way out
    # Past its share of files, a reader is replaced.
    with pdftext.reusing_reader() as reader:
        reader.files = 2
        for n in range(3):
            pdftext.extract_text(text_pdf(f"Fichier {n}"))
        assert reader.started == 2


def test_documents_that_are_not_pdfs_keep_no_text():
    document = DocumentFactory(file__filename="tableau.csv", file__data=b"titre;annee\nEssai;2024\n")
    assert not DocumentText.objects.filter(document=document).exists()
