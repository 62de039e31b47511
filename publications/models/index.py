"""The library at /publications/: filters, search, pagination and the Atom feed."""

from __future__ import annotations

from django.db import models
from django.http import Http404, HttpResponse
from django.utils.functional import SimpleLazyObject
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from core.pagination import pagination_links
from pages.models import BasePage

PER_PAGE = 12


class PublicationIndexPage(RoutablePageMixin, BasePage):
    """One page lists every publication, newest first; visitors narrow it with plain GET filters."""

    intro = models.TextField(
        "chapô", blank=True, max_length=600, help_text="Une ou deux phrases qui présentent la bibliothèque."
    )

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["publications.PublicationPage"]
    max_count = 1

    search_result_label = "Rubrique"

    class Meta:
        verbose_name = "index des publications"
        verbose_name_plural = "index des publications"

    def publications(self, private=None):
        """Every live, public publication under this index (the base of filters and feed)."""
        from publications.queries import private_sections

        from .publication import PublicationPage

        return (
            PublicationPage.objects.child_of(self)
            .live()
            .exclude(private if private is not None else private_sections())
        )

    @property
    def feed_url(self) -> str:
        return f"{self.url}flux.xml"

    def get_context(self, request, *args, **kwargs):
        from core.pagination import paginate
        from publications import catalogue
        from publications.exports import export_links
        from publications.filters import PublicationFilters
        from publications.queries import private_sections, publication_cards

        context = super().get_context(request, *args, **kwargs)
        private = private_sections()
        filters = PublicationFilters(
            request.GET,
            SimpleLazyObject(lambda: self.publications(private)),  # a queryset only a search needs
            private,
            options_key=f"index-{self.pk}",
            entries=catalogue.of_library(self),
        )
        pagination = paginate(filters.results(), filters.page, PER_PAGE)
        messages = [*filters.messages, *([pagination.message] if pagination.message else [])]
        context.update(
            filters=filters,
            facets=filters.facets(),
            messages_list=messages,
            page_obj=pagination.page,
            cards=publication_cards(request, list(pagination.page.object_list), show_summary=True),
            **pagination_links(pagination.page, filters.query_string),
        )
        context["export_links"] = export_links(self.get_url(request), filters.query_string())
        return context

    @path("flux.xml/", name="feed")
    def feed(self, request) -> HttpResponse:
        from publications.feeds import PublicationFeed

        return PublicationFeed(self)(request)

    @path("export.<str:extension>/", name="export")
    def export_view(self, request, extension: str) -> HttpResponse:
        """The whole library, or the current selection, as one BibTeX, RIS or CSV file."""
        from publications.exports import FORMATS, export

        if extension not in FORMATS:
            raise Http404("Format d'export inconnu : bib, ris ou csv.")
        return export(self, request, extension)
