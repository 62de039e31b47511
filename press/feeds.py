"""The press releases' Atom feed (/presse/flux.xml)."""

from __future__ import annotations

from core.feeds import FEED_SIZE, IndexPageFeed, as_datetime


class PressReleaseFeed(IndexPageFeed):
    """The press releases, newest first, each linking to its page (where its PDF is)."""

    def items(self):
        from caching.data import remember

        return remember(
            self.request, f"press-feed:{self.index_page.pk}", lambda: list(self.index_page.releases()[:FEED_SIZE])
        )

    def item_description(self, item) -> str:
        return item.summary

    def item_pubdate(self, item):
        return as_datetime(item.date)

    def item_categories(self, item) -> list[str]:
        return ["Communiqué de presse"]
