"""« À vérifier »: what staff still have to confirm on a page or a key figure, and once they
have, what they checked, who and when.

The note itself is never shown to visitors; while a point is open, the page or the figure it
is about carries a discreet « information à confirmer » marker, unless staff turned markers
off in Paramètres › Paramètres du site. The admin lists every point, open or handled, in a
report (Rapports › Contenus à vérifier).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from caching.data import remember


class ContentCheck(models.Model):
    """One guess or gap on a page or a key figure, until staff confirm or correct it."""

    OPEN, VERIFIED, CORRECTED = "a_verifier", "verifie", "corrige"
    STATUSES = [(OPEN, "À vérifier"), (VERIFIED, "Vérifié"), (CORRECTED, "Corrigé")]

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
    status = models.CharField(
        "état",
        max_length=12,
        choices=STATUSES,
        default=OPEN,
        db_index=True,
        help_text=(
            "« Vérifié » : l'information était juste. « Corrigé » : elle a été corrigée sur le site. "
            "Tant que le point est « À vérifier », la page ou le chiffre porte la mention « information à confirmer »."
        ),
    )
    outcome = models.TextField(
        "ce qui a été vérifié",
        blank=True,
        max_length=1000,
        help_text="Facultatif : la source consultée, la personne qui a confirmé, ce qui a été corrigé.",
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="traité par",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    handled_at = models.DateTimeField("traité le", null=True, blank=True, editable=False)

    panels = [
        FieldPanel("page"),
        FieldPanel("key_figure"),
        FieldPanel("note"),
        MultiFieldPanel([FieldPanel("status"), FieldPanel("outcome")], heading="Vérification"),
    ]

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

    @property
    def is_open(self) -> bool:
        return self.status == self.OPEN

    @property
    def handled_by_name(self) -> str:
        user = self.handled_by
        if user is None:
            return ""
        return user.get_full_name().strip() or user.get_username()

    def record_status(self, status: str, user, outcome: str | None = None) -> None:
        """Who moved the point to `status`, and when (reopening it forgets them). Not saved."""
        self.status = status
        if outcome is not None:
            self.outcome = outcome
        handled = status != self.OPEN
        self.handled_by = user if handled else None
        self.handled_at = timezone.now() if handled else None


@dataclass(frozen=True)
class OpenChecks:
    """The pages and key figures that carry an open point."""

    page_ids: frozenset[int]
    key_figure_ids: frozenset[int]


def open_checks(request: HttpRequest | None) -> OpenChecks:
    """Read once per content version (a point changed is a new version)."""

    def build() -> OpenChecks:
        rows = ContentCheck.objects.filter(status=ContentCheck.OPEN).values_list("page_id", "key_figure_id")
        rows = list(rows)
        return OpenChecks(
            frozenset(page for page, _ in rows if page), frozenset(figure for _, figure in rows if figure)
        )

    return remember(request, "open-checks", build, immutable=True)
