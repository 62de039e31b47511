"""« Qui sommes-nous » : positioning, the three missions, the objectives, the figures."""

from __future__ import annotations

from django.db import models
from django.utils.functional import SimpleLazyObject
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail.snippets.blocks import SnippetChooserBlock

from core.listing import child_cards
from core.search_weights import BODY, SUMMARY
from pages.blocks import TEXT_FEATURES, BaseStreamBlock, MissionBlock, ObjectiveBlock

from .base import BasePage


class MissionPage(BasePage):
    intro = models.TextField("chapô", blank=True, max_length=600, help_text="Une ou deux phrases qui ouvrent la page.")
    positioning = RichTextField(
        "positionnement", blank=True, features=TEXT_FEATURES, help_text="Ce qu'est Le RAMEAU et comment il travaille."
    )
    missions = StreamField(
        [("mission", MissionBlock())],
        blank=True,
        verbose_name="missions",
        help_text="Les missions, chacune avec sa « preuve en acte ».",
    )
    objectives_intro = models.TextField("introduction des objectifs", blank=True, max_length=400)
    objectives = StreamField([("objective", ObjectiveBlock())], blank=True, verbose_name="objectifs")
    figures_heading = models.CharField(
        "titre des chiffres clés", max_length=120, blank=True, default="Les chiffres clés"
    )
    key_figures = StreamField(
        [("figure", SnippetChooserBlock("pages.KeyFigure", label="Chiffre clé"))],
        blank=True,
        verbose_name="chiffres clés",
        help_text="Choisissez des chiffres clés ; leur source et leur année s'affichent avec eux.",
    )
    quote_text = models.TextField("citation", blank=True, max_length=600)
    quote_author = models.CharField("auteur de la citation", max_length=120, blank=True)
    quote_role = models.CharField("fonction de l'auteur", max_length=160, blank=True)
    quote_source = models.CharField(
        "source de la citation",
        max_length=255,
        blank=True,
        help_text="Où ces mots ont été publiés : document, page ou entretien, avec l'année.",
    )
    quote_source_url = models.URLField("lien vers la source", blank=True)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name="contenu complémentaire")

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("positioning"),
        FieldPanel("missions"),
        MultiFieldPanel([FieldPanel("objectives_intro"), FieldPanel("objectives")], heading="Objectifs"),
        MultiFieldPanel([FieldPanel("figures_heading"), FieldPanel("key_figures")], heading="Chiffres clés"),
        MultiFieldPanel(
            [
                FieldPanel("quote_text"),
                FieldPanel("quote_author"),
                FieldPanel("quote_role"),
                FieldPanel("quote_source"),
                FieldPanel("quote_source_url"),
            ],
            heading="Citation",
            help_text="Reproduisez les mots exacts de leur auteur, avec la source où ils ont paru.",
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro", boost=SUMMARY),
        index.SearchField("positioning", boost=BODY),
        index.SearchField("missions", boost=BODY),
        index.SearchField("objectives", boost=BODY),
        index.SearchField("body", boost=BODY),
    ]

    parent_page_types = ["pages.HomePage"]
    # The history, the team and standard pages say they live here (their parent_page_types).
    max_count = 1

    class Meta:
        verbose_name = "page « Qui sommes-nous »"
        verbose_name_plural = "pages « Qui sommes-nous »"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only when the page's fragment is rendered, not when it comes from the cache.
        context["children"] = SimpleLazyObject(lambda: child_cards(self))
        return context
