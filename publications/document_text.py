"""When a document is saved, read its PDF's words and re-index the publications offering it.

Connected to the document model's post_save (publications.apps). Never fails the save: a
file that cannot be read is logged, recorded as such, and the publication stays indexed
with everything else it says.
"""

from __future__ import annotations

import hashlib
import logging

from django.apps import apps
from django.db import transaction

from core import pdftext

logger = logging.getLogger("publications.pdftext")
CHUNK = 1024 * 1024


def read_file(document) -> tuple[bytes, str] | None:
    """The file's bytes (up to the reader's limit plus one) and their SHA-1, or None if it cannot be read."""
    digest = hashlib.sha1(usedforsecurity=False)
    data = bytearray()
    try:
        with document.file.open("rb") as file:
            while chunk := file.read(CHUNK):
                digest.update(chunk)
                if len(data) <= pdftext.MAX_INPUT_BYTES:
                    data += chunk
    except (OSError, ValueError) as error:
        logger.warning("Document %s : fichier illisible (%s), texte non extrait.", document.pk, error)
        return None
    return bytes(data), digest.hexdigest()


def store_text(document) -> None:
    """Extract and keep the PDF's text unless this very file was read already."""
    DocumentText = apps.get_model("publications", "DocumentText")
    read = read_file(document)
    if read is None:
        return
    data, file_hash = read
    existing = DocumentText.objects.filter(document=document).first()
    if existing is not None and existing.file_hash == file_hash:
        return
    if not pdftext.looks_like_pdf(data):
        DocumentText.objects.filter(document=document).delete()
        return
    text, status, detail = "", DocumentText.OK, ""
    try:
        text = pdftext.extract_text(data)
    except pdftext.ExtractionError as error:
        status, detail = DocumentText.FAILED, str(error)[:300]
        logger.warning(
            "Document %s (« %s ») : %s ; la publication reste indexée sans son texte.",
            document.pk,
            document.title,
            error,
        )
    if status == DocumentText.OK and not text.strip():
        status = DocumentText.EMPTY
    DocumentText.objects.update_or_create(
        document=document, defaults={"text": text, "file_hash": file_hash, "status": status, "detail": detail}
    )
    reindex_publications(document)


def reindex_publications(document) -> None:
    """The publications offering this document, indexed again with its new text."""
    from wagtail.search.index import insert_or_update_object

    PublicationPage = apps.get_model("publications", "PublicationPage")
    for publication in PublicationPage.objects.filter(document=document):
        insert_or_update_object(publication)


def on_document_saved(sender, instance, raw: bool = False, **kwargs) -> None:
    if raw:
        return
    try:
        with transaction.atomic():  # a savepoint: a failure here leaves the upload's transaction usable
            store_text(instance)
    except Exception:
        # Whatever goes wrong here, the upload itself must succeed.
        logger.exception("Document %s : extraction du texte abandonnée.", instance.pk)


def text_of(document_id: int | None) -> str:
    """The stored text of a document, empty if none was read."""
    if not document_id:
        return ""
    DocumentText = apps.get_model("publications", "DocumentText")
    return DocumentText.objects.filter(document_id=document_id).values_list("text", flat=True).first() or ""
