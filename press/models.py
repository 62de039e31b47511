"""« Presse » at /presse/: press releases (with their PDF and an Atom feed), « Ils parlent de
nous » (press mentions), the press kit and the press contact from Paramètres du site.

Everything lives in pages, so an editor who may write in this section but not publish
submits releases, mentions and kit changes to moderation like any other page.
"""

from __future__ import annotations

import datetime
from urllib.parse import urlsplit

from django.db import models
from django.http import HttpResponse
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from core.french_dates import format_date as french_date
from core.inline_panels import RowsPanel
from core.search_weights import BODY, SUMMARY
from pages.blocks import ResearchTextBlock
from pages.models import BasePage

from .blocks import PressKitBlock
from .panels import MentionLinksPanel

RELEASES_PER_PAGE = 10


class PressIndexPage(RoutablePageMixin, BasePage):
    """One page for journalists: releases, mentions, kit and contact."""

    intro = models.TextField(
        "chapô", blank=True, max_length=600, help_text="Une ou deux phrases pour les journalistes."
    )
    press_kit = StreamField(
        PressKitBlock(),
        blank=True,
        verbose_name="kit presse",
        help_text="Le dossier de presse, les logos et leurs formats, les portraits…",
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        RowsPanel(
            "mentions",
            heading="Ils parlent de nous",
            label="Article",
            help_text="Les articles et émissions qui citent Le RAMEAU ; ils s'affichent du plus récent au plus ancien.",
        ),
        MentionLinksPanel(),
        FieldPanel("press_kit"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro", boost=SUMMARY)]

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["press.PressReleasePage"]
    max_count = 1
    search_result_label = "Rubrique"

    class Meta:
        verbose_name = "page « Presse »"
        verbose_name_plural = "pages « Presse »"

    def releases(self):
        from caching.restrictions import private_q

        return PressReleasePage.objects.child_of(self).live().exclude(private_q()).order_by("-date", "-pk")

    @property
    def feed_url(self) -> str:
        return f"{self.url}flux.xml"

    def get_context(self, request, *args, **kwargs):
        from core.pagination import paginate, pagination_links

        context = super().get_context(request, *args, **kwargs)
        pagination = paginate(self.releases().select_related("document"), request.GET.get("page"), RELEASES_PER_PAGE)
        context.update(
            releases=pagination.page,
            page_obj=pagination.page,
            messages_list=[pagination.message] if pagination.message else [],
            mentions=list(self.mentions.all()),
            **pagination_links(pagination.page, lambda page: f"?page={page}"),
        )
        return context

    @path("flux.xml/", name="feed")
    def feed(self, request) -> HttpResponse:
        from .feeds import PressReleaseFeed

        return PressReleaseFeed(self)(request)


class PressMention(models.Model):
    """An article, a broadcast or a podcast that speaks of Le RAMEAU."""

    page = ParentalKey(PressIndexPage, on_delete=models.CASCADE, related_name="mentions")
    outlet = models.CharField("média", max_length=120, help_text="Le journal, la radio ou le site : « La Croix ».")
    date = models.DateField("date de parution")
    title = models.CharField("titre", max_length=255, help_text="Le titre de l'article ou de l'émission.")
    url = models.URLField(
        "lien",
        max_length=500,
        blank=True,
        help_text="L'adresse de l'article en ligne ; elle est vérifiée chaque nuit avec celles des centres.",
    )

    panels = [FieldRowPanel([FieldPanel("outlet"), FieldPanel("date")]), FieldPanel("title"), FieldPanel("url")]

    class Meta:
        ordering = ["-date", "outlet"]
        verbose_name = "article de presse"
        verbose_name_plural = "articles de presse"

    def __str__(self) -> str:
        return f"{self.outlet} – {self.title}"

    @property
    def display_date(self) -> str:
        return french_date(self.date)

    @property
    def host(self) -> str:
        return (urlsplit(self.url).hostname or "").removeprefix("www.")


class PressReleasePage(BasePage):
    """A dated press release, its summary and its PDF."""

    date = models.DateField("date", default=datetime.date.today, help_text="La date du communiqué.")
    summary = models.TextField(
        "résumé", max_length=800, help_text="L'essentiel en quelques phrases ; repris dans la liste et le flux."
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name="communiqué (PDF)",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Le communiqué tel qu'envoyé aux journalistes, en PDF.",
    )
    body = StreamField(
        ResearchTextBlock(), blank=True, verbose_name="texte", help_text="Facultatif : le texte intégral."
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("document"),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary", boost=SUMMARY),
        index.SearchField("body", boost=BODY),
    ]

    parent_page_types = ["press.PressIndexPage"]
    subpage_types: list[str] = []
    preload_related = (*BasePage.preload_related, "document")
    search_result_label = "Communiqué de presse"

    class Meta:
        verbose_name = "communiqué de presse"
        verbose_name_plural = "communiqués de presse"

    @property
    def display_date(self) -> str:
        return french_date(self.date)

    def search_result_date(self) -> str:
        return self.display_date

    def get_meta_description(self) -> str:
        return self.search_description or self.listing_summary or self.summary

    def get_context(self, request, *args, **kwargs):
        from core.documents import document_offered
        from core.structured_data import json_ld_script

        from .structured_data import press_release_json_ld

        context = super().get_context(request, *args, **kwargs)
        context["document_available"] = document_offered(self.document, request)
        context["index_page"] = self.parent_page(request)
        context["json_ld"] = json_ld_script(press_release_json_ld(self, request))
        return context
