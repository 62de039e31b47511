"""Purge the caching proxy (or a CDN) in front of the site after every committed change.

What a visitor sees is filed under one site-wide content version (version.py): a change to a
page shows in its listings, the home page, feeds, the sitemap, menus and search, so the
proxy is told to forget every page, not one URL. deploy/varnish/default.vcl turns any
accepted PURGE into a ban of everything but the hashed static files; a CDN configured
through Wagtail's backends (Cloudflare) gets the sites' home pages and the pages published,
unpublished or moved, and keeps the rest at most `PUBLIC_CACHE_SECONDS`.

When: after the transaction commits, never before (a proxy asking again before the commit
would store the old page), and once more after `CONTENT_VERSION_MAX_AGE`, the longest any
server may still answer from the old version. Both are sent from a thread with a time limit:
a proxy that does not answer never holds an editor's request.
"""

from __future__ import annotations

import http.client
import logging
import threading
import time
from collections.abc import Iterable
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.contrib.frontend_cache.utils import PurgeBatch, purge_urls_from_cache
from wagtail.signals import page_published, page_unpublished, post_page_move

logger = logging.getLogger(__name__)
TIMEOUT_SECONDS = 5
_local = threading.local()


class ProxyBackend(BaseBackend):
    """A PURGE to an HTTP proxy (Varnish), like Wagtail's HTTPBackend but bounded in time; one
    request per batch, since the proxy forgets every page whichever URL is named."""

    def __init__(self, params: dict) -> None:
        super().__init__(params)
        location = urlsplit(params["LOCATION"])
        self.https = location.scheme == "https"
        self.netloc = location.netloc

    def purge(self, url: str) -> None:
        parts = urlsplit(url)
        connection_class = http.client.HTTPSConnection if self.https else http.client.HTTPConnection
        connection = connection_class(self.netloc, timeout=TIMEOUT_SECONDS)
        try:
            connection.request("PURGE", parts.path or "/", headers={"Host": parts.netloc or "localhost"})
            status = connection.getresponse().status
        except OSError as error:
            logger.warning("frontend cache: %s did not take the purge (%s)", self.netloc, error)
            return
        finally:
            connection.close()
        if status >= 300:
            logger.warning("frontend cache: %s answered %s to the purge", self.netloc, status)

    def purge_batch(self, urls: Iterable[str]) -> None:
        urls = sorted(urls)
        if urls:
            self.purge(urls[0])


def enabled() -> bool:
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def content_changed() -> None:
    """Called by version.bump(): purge once the surrounding transaction commits (at once
    outside a transaction). Of several changes in one transaction, only the last purges."""
    if not enabled():
        return
    marker = object()
    _local.latest = marker
    transaction.on_commit(lambda: _committed(marker))


def _pages(sender, instance, **kwargs) -> None:
    """Remember the URLs of a page published, unpublished or moved (for CDNs that purge by URL)."""
    if enabled():
        batch = PurgeBatch()
        batch.add_page(instance)
        _local.urls = getattr(_local, "urls", set()) | batch.urls


def _committed(marker: object) -> None:
    if getattr(_local, "latest", None) is not marker:
        return
    from wagtail.models import Site

    urls = {site.root_url + "/" for site in Site.objects.all()} | getattr(_local, "urls", set())
    _local.urls = set()
    # Not a daemon: a management command (publish_scheduled) waits for its purge before exiting.
    threading.Thread(target=_send, args=(sorted(urls),), name="rameau-frontend-purge").start()


def _send(urls: list[str]) -> None:
    purge_urls_from_cache(urls)
    time.sleep(float(getattr(settings, "CONTENT_VERSION_MAX_AGE", 1.0)) + 0.25)
    purge_urls_from_cache(urls)


def connect() -> None:
    """Called once from the core app's ready()."""
    page_published.connect(_pages, dispatch_uid="rameau-frontend-published")
    page_unpublished.connect(_pages, dispatch_uid="rameau-frontend-unpublished")
    post_page_move.connect(_pages, dispatch_uid="rameau-frontend-moved")
