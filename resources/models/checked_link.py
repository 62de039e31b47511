"""The last answer of each external address that `check_centre_links` checks for other sections."""

from __future__ import annotations

from django.db import models


class CheckedLink(models.Model):
    """Kept per address rather than on the content: the check writes here and never touches
    pages, their revisions or what editors are working on."""

    url = models.URLField("adresse", max_length=500, unique=True)
    status = models.PositiveSmallIntegerField("dernier code HTTP", null=True, blank=True)
    ok = models.BooleanField("joignable", default=False)
    error = models.CharField("erreur", max_length=200, blank=True)
    checked_at = models.DateTimeField("vérifiée le")

    class Meta:
        verbose_name = "lien externe vérifié"
        verbose_name_plural = "liens externes vérifiés"

    def __str__(self) -> str:
        return self.url

    @property
    def label(self) -> str:
        if self.ok:
            return "En ligne"
        return f"Injoignable ({self.status})" if self.status else f"Injoignable ({self.error or 'pas de réponse'})"
