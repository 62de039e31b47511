"""« Actualités » : dated news and op-eds (tribunes) by Le RAMEAU, with their own Atom feed."""

from __future__ import annotations

import datetime

from django.db import models
from django.http import HttpResponse
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from caching.data import remember, version_for
from caching.restrictions import private_q
from caching.scopes import PUBLICATIONS
from core.french_dates import format_date as french_date
from core.inline_panels import RowsChooserPanel
from core.search_weights import BODY, NAMES, SUMMARY
from pages.blocks import ResearchTextBlock
from pages.models import BasePage

NEWS_PER_PAGE = 10
KINDS = [("actualite", "Actualité"), ("tribune", "Tribune")]


CARD_TEMPLATE = "publications/includes/news_card.html"


class NewsIndexPage(RoutablePageMixin, BasePage):
    """The list of articles at /actualites/, newest first, with a feed for readers."""

    intro = models.TextField(
        "chapô", blank=True, max_length=600, help_text="Une ou deux phrases qui présentent les actualités."
    )

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["publications.NewsArticlePage"]
    max_count = 1

    search_result_label = "Rubrique"

    class Meta:
        verbose_name = "index des actualités"
        verbose_name_plural = "index des actualités"

    def articles(self):
        return (
            NewsArticlePage.objects.child_of(self)
            .live()
            .exclude(private_q())
            .order_by("-date", "-first_published_at", "pk")
        )

    @property
    def feed_url(self) -> str:
        return f"{self.url}flux.xml"

    def article_pks(self) -> tuple[int, ...]:
        """The articles' pks in list order, read once per content version."""

        return remember(
            None, f"news-order:{self.pk}", lambda: tuple(self.articles().values_list("pk", flat=True)), immutable=True
        )

    def article_cards(self, request, pks: list[int]) -> list:
        """The cards of these articles as news_card.html keeps them (per article and its version
        within caching/scopes.py's « publications »): only those not yet rendered are rendered."""
        from django.core.cache.utils import make_template_fragment_key
        from django.template.loader import render_to_string

        from core.listing import attach_listing_images, cached_cards

        versions = {pk: version_for(request, PUBLICATIONS, pk) for pk in pks}

        def render_missing(missing: list[int]) -> dict[int, str]:
            articles = attach_listing_images(NewsArticlePage.objects.filter(pk__in=missing))
            return {
                article.pk: render_to_string(CARD_TEMPLATE, {"article": article}, request=request)
                for article in articles
            }

        return cached_cards(pks, lambda pk: make_template_fragment_key("news_card", [pk, versions[pk]]), render_missing)

    def get_context(self, request, *args, **kwargs):
        from core.pagination import paginate, pagination_links

        context = super().get_context(request, *args, **kwargs)
        pagination = paginate(self.article_pks(), request.GET.get("page"), NEWS_PER_PAGE)
        context.update(
            page_obj=pagination.page,
            cards=self.article_cards(request, list(pagination.page.object_list)),
            messages_list=[pagination.message] if pagination.message else [],
            **pagination_links(pagination.page, lambda page: f"?page={page}"),
        )
        return context

    @path("flux.xml/", name="feed")
    def feed(self, request) -> HttpResponse:
        from publications.feeds import NewsFeed

        return NewsFeed(self)(request)


class NewsArticlePage(BasePage):
    """A dated article or op-ed, signed, whose sources are listed like in the publications."""

    date = models.DateField(
        "date de publication", default=datetime.date.today, help_text="La date affichée et utilisée pour le classement."
    )
    kind = models.CharField(
        "nature",
        max_length=12,
        choices=KINDS,
        default="actualite",
        help_text="Une tribune exprime le point de vue signé de son auteur.",
    )
    author = models.CharField("auteur", max_length=120, default="Le RAMEAU", help_text="Une personne ou « Le RAMEAU ».")
    author_role = models.CharField(
        "fonction de l'auteur", max_length=160, blank=True, help_text="Par exemple « Président-fondateur du RAMEAU »."
    )
    summary = models.TextField(
        "chapô",
        max_length=600,
        help_text="Deux ou trois phrases qui ouvrent l'article ; reprises dans la liste et le flux.",
    )
    body = StreamField(
        ResearchTextBlock(),
        blank=True,
        verbose_name="texte",
        help_text="Intertitres, paragraphes et, à la fin, un bloc « Sources et notes ».",
    )

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("date"), FieldPanel("kind")]),
                FieldRowPanel([FieldPanel("author"), FieldPanel("author_role")]),
            ],
            heading="Date et signature",
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        RowsChooserPanel(
            "related_links",
            chooser_field_name="publication",
            heading="Publications liées",
            label="Publication liée",
            help_text="Proposées en fin d'article, sous « Pour aller plus loin ». Seules les publications en ligne se choisissent.",
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary", boost=SUMMARY),
        index.SearchField("body", boost=BODY),
        index.SearchField("author", boost=NAMES),
        index.FilterField("date"),
    ]

    parent_page_types = ["publications.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "article d'actualité"
        verbose_name_plural = "articles d'actualité"

    @property
    def display_date(self) -> str:
        return french_date(self.date)

    @property
    def kind_label(self) -> str:
        return self.get_kind_display()

    def get_meta_description(self) -> str:
        return self.search_description or self.listing_summary or self.summary

    @property
    def search_result_label(self) -> str:
        return self.kind_label

    def search_result_date(self) -> str:
        return self.display_date

    def related_pks(self, request=None) -> list[int]:
        """The live, public publications this article points to, newest first; read once per
        content version (a preview reads the draft's own choice)."""
        from caching.lookups import first_live_page
        from publications import catalogue

        from .index import PublicationIndexPage

        def chosen() -> list[int]:
            return [link.publication_id for link in self.related_links.all()]  # in memory too, for previews

        ids = (
            chosen()
            if getattr(request, "is_preview", False) or not self.pk
            else remember(request, f"news-related:{self.pk}", chosen)
        )
        index = first_live_page(PublicationIndexPage, request)
        if index is None:
            return []
        positions = catalogue.of_library(index).positions
        return sorted((pk for pk in ids if pk in positions), key=positions.__getitem__)

    def get_context(self, request, *args, **kwargs):
        from core.structured_data import json_ld_script
        from publications.citation import news_json_ld
        from publications.queries import publication_cards

        context = super().get_context(request, *args, **kwargs)
        context["related_cards"] = publication_cards(request, self.related_pks(request))
        context["index_page"] = self.parent_page(request)
        context["json_ld"] = json_ld_script(news_json_ld(self, request))
        return context


class NewsRelatedPublication(Orderable):
    """A publication an article points to, picked in the page chooser among the live ones."""

    page = ParentalKey(NewsArticlePage, on_delete=models.CASCADE, related_name="related_links")
    publication = models.ForeignKey(
        "publications.PublicationPage",
        verbose_name="publication",
        on_delete=models.CASCADE,
        related_name="news_links",
        limit_choices_to={"live": True},
        help_text="Une publication en ligne de la bibliothèque.",
    )

    panels = [FieldPanel("publication")]

    class Meta(Orderable.Meta):
        verbose_name = "publication liée"
        verbose_name_plural = "publications liées"

    def __str__(self) -> str:
        return str(self.publication)
