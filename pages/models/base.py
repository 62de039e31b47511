"""The abstract page every page type extends: listing and sharing fields in one place."""

from __future__ import annotations

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from caching import restrictions
from caching.data import remember
from core.search_weights import SUMMARY
from pages.forms import BasePageForm


class BasePage(Page):
    """Carries what every page shares: how it looks in lists, search engines and shares."""

    base_form_class = BasePageForm

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

    # Wagtail's « Pour les moteurs de recherche » panel only: its « Faire apparaître dans les
    # menus » box is left out, since the menus are edited in Paramètres › Navigation.
    promote_panels = [
        Page.promote_panels[0],
        MultiFieldPanel(
            [
                FieldPanel(
                    "listing_summary",
                    heading="Résumé court (listes et cartes)",
                    help_text=(
                        "Une ou deux phrases sur les cartes et dans les listes qui mènent à cette page ; aussi "
                        "la description pour les moteurs de recherche si celle-ci est vide. Ce n'est pas le "
                        "résumé ou la présentation de l'onglet « Contenu », affiché sur la page elle-même."
                    ),
                ),
                FieldPanel(
                    "listing_image",
                    heading="Image de vignette (cartes)",
                    help_text=(
                        "L'image des cartes qui mènent à cette page (format paysage). Une publication "
                        "s'affiche dans la bibliothèque avec sa couverture (onglet « Contenu »), pas avec "
                        "cette vignette."
                    ),
                ),
                FieldPanel("social_image"),
            ],
            heading="Listes et partage",
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("listing_summary", boost=SUMMARY)]

    #: Foreign keys every render of the page reads (the share image…): routing loads them
    #: before keeping the page in the cache, so serving it again does not fetch them.
    preload_related: tuple[str, ...] = ("listing_image", "social_image")

    class Meta:
        abstract = True

    def prepare_for_cache(self) -> None:
        """Load `preload_related` now, before routing files the page in the cache."""
        for name in self.preload_related:
            getattr(self, name)

    def parent_page(self, request=None) -> Page | None:
        """The parent, as its own type, read once per content version (pages under a listing
        link back to it on every render)."""
        if not self.pk:
            parent = self.get_parent()
            return parent.specific if parent else None

        def build() -> Page | None:
            parent = self.get_parent()
            return parent.specific if parent else None

        return remember(request, f"parent:{self.pk}", build)

    def get_view_restrictions(self):
        """Wagtail's answer (the documented method), skipped when the cached private sections
        show that no restriction can apply: two queries saved on every page served."""
        if restrictions.may_be_restricted(self):
            return super().get_view_restrictions()
        return PageViewRestriction.objects.none()

    #: What a search result calls this kind of page (« Publication », « Webinaire »…).
    search_result_label = "Page"

    def get_meta_description(self) -> str:
        """The description search engines and share cards show: the SEO field, else the summary, else the intro."""
        return self.search_description or self.listing_summary or getattr(self, "intro", "")

    def search_result_date(self) -> str:
        """The date a search result shows for pages where the date matters; none by default."""
        return ""

    def get_sharing_image(self):
        """The page's own share image, else its listing image (the site default is the template's)."""
        return self.social_image or self.listing_image


class OneOffPage(BasePage):
    """A page found at one address under the home page, with a short intro and a free body."""

    intro = models.TextField(
        "chapô", blank=True, max_length=600, help_text="Une ou deux phrases d'introduction, en tête de page."
    )

    search_fields = [*BasePage.search_fields, index.SearchField("intro", boost=SUMMARY)]
    parent_page_types = ["pages.HomePage"]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        abstract = True
