"""The words of a document, read once when it is saved, for the search index of the
publications that offer it (see publications.document_text)."""

from __future__ import annotations

from django.db import models


class DocumentText(models.Model):
    """Kept beside the document rather than on the publication: several publications may
    offer one file, and a page's revisions need not carry a book's worth of text."""

    OK, EMPTY, FAILED = "ok", "empty", "failed"
    STATUSES = [(OK, "texte lu"), (EMPTY, "aucun texte (PDF d'images ?)"), (FAILED, "lecture impossible")]

    document = models.OneToOneField(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="extracted_text", verbose_name="document"
    )
    text = models.TextField("texte", blank=True)
    file_hash = models.CharField("empreinte du fichier lu", max_length=64, blank=True)
    status = models.CharField("résultat", max_length=8, choices=STATUSES, default=OK)
    detail = models.CharField("détail", max_length=300, blank=True)
    read_at = models.DateTimeField("lu le", auto_now=True)

    class Meta:
        verbose_name = "texte d'un document"
        verbose_name_plural = "textes des documents"

    def __str__(self) -> str:
        return f"Texte de « {self.document} »"
