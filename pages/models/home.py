"""The home page: what Le RAMEAU is for, and where to go next."""

from __future__ import annotations

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from caching import routing
from core.search_weights import BODY, SUMMARY
from pages.blocks import HomeStreamBlock

from .base import BasePage


class HomePage(BasePage):
    headline = models.CharField(
        "accroche", max_length=140, help_text="La phrase qui dit en une fois ce que fait Le RAMEAU."
    )
    intro = models.TextField(
        "introduction", blank=True, max_length=600, help_text="Deux ou trois phrases sous l'accroche."
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="image d'en-tête",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Image large affichée à côté de l'accroche (format paysage).",
    )
    primary_link = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="page mise en avant",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Le bouton principal sous l'accroche mène à cette page.",
    )
    primary_link_label = models.CharField("texte du bouton", max_length=60, blank=True, default="Découvrir Le RAMEAU")
    body = StreamField(
        HomeStreamBlock(),
        blank=True,
        verbose_name="contenu",
        help_text="Sections de la page : prochain webinaire, centres, publications, chiffres clés, partenaires…",
    )

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("headline"),
                FieldPanel("intro"),
                FieldPanel("hero_image"),
                FieldPanel("primary_link"),
                FieldPanel("primary_link_label"),
            ],
            heading="En-tête",
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("headline", boost=SUMMARY),
        index.SearchField("intro", boost=SUMMARY),
        index.SearchField("body", boost=BODY),
    ]

    parent_page_types = ["wagtailcore.Page"]
    # No subpage_types: each section's index says it lives here (its parent_page_types),
    # so the home page names no section.
    max_count = 1
    preload_related = (*BasePage.preload_related, "hero_image", "primary_link")

    class Meta:
        verbose_name = "page d'accueil"

    def route(self, request, path_components):
        """The page a path names, found in one query (see caching.routing), not one
        level at a time; Wagtail's own routing answers what it cannot find."""
        if path_components:
            result = routing.route(self, request, path_components)
            if result is not None:
                return result
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        from core.plugins import home_sections_clock_key
        from core.structured_data import json_ld_script
        from pages.models.settings import site_settings
        from pages.structured_data import organisation

        context = super().get_context(request, *args, **kwargs)
        context["json_ld"] = json_ld_script(organisation(self, site_settings(request), request))
        context["sections_key"] = home_sections_clock_key(request)
        return context
