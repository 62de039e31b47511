"""« À vérifier »: what staff still have to confirm on a page or a key figure.

Kept apart from the content itself, so no template can show it to visitors; the admin lists
every open check in a report (Rapports › Contenus à vérifier).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel


class ContentCheck(models.Model):
    """One guess or gap on a page or a key figure, until staff confirm or correct it."""

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="page",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="La page qui porte l'information à vérifier.",
    )
    key_figure = models.ForeignKey(
        "pages.KeyFigure",
        verbose_name="chiffre clé",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="checks",
        help_text="Ou le chiffre clé à vérifier.",
    )
    note = models.TextField(
        "à vérifier",
        max_length=1000,
        help_text="Ce qui reste à confirmer, et où chercher. Jamais affiché sur le site public.",
    )
    created_at = models.DateTimeField("signalé le", auto_now_add=True)

    panels = [FieldPanel("page"), FieldPanel("key_figure"), FieldPanel("note")]

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = "point à vérifier"
        verbose_name_plural = "points à vérifier"

    def __str__(self) -> str:
        target = self.page or self.key_figure
        return f"{target} : {self.note[:80]}" if target else self.note[:80]

    def clean(self) -> None:
        super().clean()
        if bool(self.page_id) == bool(self.key_figure_id):
            raise ValidationError("Choisissez soit une page, soit un chiffre clé (l'un des deux, pas les deux).")

    @property
    def target(self):
        """The page (its specific type) or the key figure this check is about."""
        return self.page.specific_deferred if self.page_id else self.key_figure
