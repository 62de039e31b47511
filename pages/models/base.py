"""The abstract page every page type extends: listing and sharing fields in one place."""
from __future__ import annotations

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index


class BasePage(Page):
    """Carries what every page shares: how it looks in lists, search engines and shares."""

    listing_summary = models.TextField(
        "résumé",
        blank=True,
        max_length=300,
        help_text=(
            "Une ou deux phrases qui présentent la page dans les listes et les cartes. "
            "Sert aussi de description pour les moteurs de recherche si celle-ci est vide."
        ),
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="image de vignette",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Image affichée sur les cartes qui mènent à cette page.",
    )
    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="image de partage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=(
            "Image montrée quand la page est partagée sur un réseau social (format paysage, "
            "1200 × 630 px idéalement). À défaut : l'image de vignette, puis celle du site."
        ),
    )

    promote_panels = [
        *Page.promote_panels,
        MultiFieldPanel(
            [FieldPanel("listing_summary"), FieldPanel("listing_image"), FieldPanel("social_image")],
            heading="Listes et partage",
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("listing_summary")]

    class Meta:
        abstract = True

    def get_meta_description(self) -> str:
        """The description search engines and share cards show."""
        return self.search_description or self.listing_summary

    def get_sharing_image(self):
        """The page's own share image, else its listing image (the site default is the template's)."""
        return self.social_image or self.listing_image
