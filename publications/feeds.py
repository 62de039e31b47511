"""Atom feeds of the library and of the news, built with Django's syndication framework."""

from __future__ import annotations

import datetime

from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

FEED_SIZE = 20


def _as_datetime(date: datetime.date) -> datetime.datetime:
    """Noon in Paris on the given day: a stable timestamp for a date-only field."""
    return timezone.make_aware(datetime.datetime.combine(date, datetime.time(12, 0)))


class IndexPageFeed(Feed):
    """A feed bound to an index page, so it follows the page if staff rename or move it."""

    feed_type = Atom1Feed
    author_name = "Le RAMEAU"

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page
        self.request: HttpRequest | None = None

    def __call__(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self) -> str:
        return f"{self.index_page.title} · Le RAMEAU"

    def subtitle(self) -> str:
        return self.index_page.intro or self.index_page.listing_summary

    def link(self) -> str:
        return self.index_page.get_url(self.request)

    def feed_url(self) -> str:
        return self.index_page.get_url(self.request) + "flux.xml"

    def item_title(self, item) -> str:
        return item.title

    def item_link(self, item) -> str:
        return item.get_url(self.request)

    def item_updateddate(self, item):
        return item.last_published_at


class PublicationFeed(IndexPageFeed):
    def items(self):
        return (
            self.index_page.publications()
            .select_related("publication_type")
            .prefetch_related("authors", "themes")
            .order_by("-publication_date", "title", "pk")[:FEED_SIZE]
        )

    def item_description(self, item) -> str:
        return item.summary

    def item_pubdate(self, item):
        return _as_datetime(item.publication_date)

    def item_author_name(self, item) -> str:
        return item.authors_display or item.publisher or "Le RAMEAU"

    def item_categories(self, item) -> list[str]:
        categories = [item.publication_type.name] if item.publication_type else []
        return categories + [theme.name for theme in item.themes.all()]


class NewsFeed(IndexPageFeed):
    def items(self):
        return self.index_page.articles()[:FEED_SIZE]

    def item_description(self, item) -> str:
        return item.summary

    def item_pubdate(self, item):
        return _as_datetime(item.date)

    def item_author_name(self, item) -> str:
        return item.author

    def item_categories(self, item) -> list[str]:
        return [item.kind_label]
