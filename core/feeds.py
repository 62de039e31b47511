"""Atom feeds bound to an index page (the library, the news, the press releases), built with
Django's syndication framework and kept per content version."""

from __future__ import annotations

import datetime

from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

FEED_SIZE = 20


def as_datetime(date: datetime.date) -> datetime.datetime:
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
        """The feed as Django's syndication framework writes it, kept per content version and
        host: it names no time but its items' own, so it changes only with the content."""
        from caching.data import remember

        self.request = request

        def build() -> tuple[str, dict[str, str], bytes]:
            response = super(IndexPageFeed, self).__call__(request, *args, **kwargs)
            headers = {name: value for name, value in response.items() if name == "Last-Modified"}
            return response["Content-Type"], headers, response.content

        key = f"feed:{self.index_page.pk}:{request.scheme}:{request.get_host()}"
        content_type, headers, content = remember(request, key, build)
        response = HttpResponse(content, content_type=content_type)
        for name, value in headers.items():
            response[name] = value
        return response

    def title(self) -> str:
        return f"{self.index_page.title} · Le RAMEAU"

    def subtitle(self) -> str:
        return self.index_page.intro or self.index_page.listing_summary

    def link(self) -> str:
        return self.index_page.get_full_url(self.request)

    def feed_url(self) -> str:
        return self.index_page.get_full_url(self.request) + "flux.xml"

    def item_title(self, item) -> str:
        return item.title

    def item_link(self, item) -> str:
        return item.get_full_url(self.request)

    def item_updateddate(self, item):
        return item.last_published_at
