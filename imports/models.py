"""What the import remembers of each WordPress item, so that running it again changes nothing
twice and never overwrites what staff have done since."""

from __future__ import annotations

from django.db import models


class ImportedItem(models.Model):
    """One WordPress item (post, page, attachment) and what it became here.

    The object is a page, a document or an image. `source_hash` is the item as the export
    described it (a newer export with other content updates it); `revision` is the page
    revision the import made, and `fingerprint` what it wrote on a document or image: when the
    object no longer matches them, staff have edited it and the import leaves it alone.
    """

    CREATED = "created"
    MATCHED = "matched"
    REUSED = "reused"
    OUTCOMES = [
        (CREATED, "créé par l'import"),
        (MATCHED, "page existante (redirection)"),
        (REUSED, "fichier déjà dans la bibliothèque"),
    ]

    wp_id = models.PositiveBigIntegerField("identifiant WordPress", unique=True)
    post_type = models.CharField("type WordPress", max_length=40)
    old_url = models.CharField("ancienne adresse", max_length=500, blank=True)
    outcome = models.CharField("résultat", max_length=10, choices=OUTCOMES, default=CREATED)
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name="page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name="document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name="image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name="révision de l'import",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    source_hash = models.CharField("empreinte de l'élément exporté", max_length=64)
    fingerprint = models.CharField("empreinte de ce que l'import a écrit", max_length=64, blank=True)
    imported_at = models.DateTimeField("importé le", auto_now=True)

    class Meta:
        verbose_name = "élément importé de WordPress"
        verbose_name_plural = "éléments importés de WordPress"

    def __str__(self) -> str:
        return f"{self.post_type} {self.wp_id}"

    @property
    def target(self) -> models.Model | None:
        return self.page or self.document or self.image

    @property
    def was_created(self) -> bool:
        """Made by the import (not an existing page or file it pointed to)."""
        return self.outcome == self.CREATED
