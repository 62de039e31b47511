"""Atom feeds of the library and of the news."""

from __future__ import annotations

from caching.data import remember
from core.feeds import FEED_SIZE, IndexPageFeed, as_datetime


class PublicationFeed(IndexPageFeed):
    def items(self):
        """The newest publications, first in the library's catalogue: no sort of the whole
        library in SQL; the items themselves are kept per content version."""
        from publications import catalogue

        def build() -> list:
            pks = catalogue.of_library(self.index_page).pks[:FEED_SIZE]
            publications = self.index_page.publications().select_related("publication_type")
            return catalogue.fetch(list(pks), publications.prefetch_related("authors", "themes"))

        return remember(self.request, f"publication-feed:{self.index_page.pk}", build)

    def item_description(self, item) -> str:
        return item.summary

    def item_pubdate(self, item):
        return as_datetime(item.publication_date)

    def item_author_name(self, item) -> str:
        return item.authors_display or item.publisher or "Le RAMEAU"

    def item_categories(self, item) -> list[str]:
        categories = [item.publication_type.name] if item.publication_type else []
        return categories + [theme.name for theme in item.themes.all()]


class NewsFeed(IndexPageFeed):
    def items(self):
        """The newest articles, kept per content version."""
        from publications import catalogue

        def build() -> list:
            return catalogue.fetch(list(self.index_page.article_pks()[:FEED_SIZE]), self.index_page.articles())

        return remember(self.request, f"news-feed:{self.index_page.pk}", build)

    def item_description(self, item) -> str:
        return item.summary

    def item_pubdate(self, item):
        return as_datetime(item.date)

    def item_author_name(self, item) -> str:
        return item.author

    def item_categories(self, item) -> list[str]:
        return [item.kind_label]
