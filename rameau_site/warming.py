"""Prepare each new content version before visitors get it, off their requests.

A publication changes the site-wide version, which made every cache cold: the first visitor
after it paid for rebuilding the library's catalogue and every page's data (0.3 to 0.9 s at
20,000 publications). Instead, when this process hears of a new version (version.Watcher),
one thread of its own, under that version:

1. works out which data the change cannot have touched (caching/scopes.py: a publication
   leaves the centres, the images' markup and the site lookup cached), then lets the sections
   bring their data up to date (`WARM_UP_HOOK`: the library's catalogue is updated from the
   changed publications alone, not rebuilt);
2. renders the pages visitors are most likely to ask for next — the home page, each changed
   page and the listing above it, then the other addresses the sections name as showing
   those pages (`WARM_PATHS_HOOK`: the feeds) — through the whole middleware stack, which
   fills the data caches and the page cache as a visitor's request would;
3. hands the version to visitors (`Watcher.prepared`).

Visitors keep the previous version meanwhile, at most `CONTENT_VERSION_WARM_SECONDS` after
the commit. With a shared Redis, one process of the site renders the pages and the others
wait for it (each still updates its own in-memory catalogue).
"""

from __future__ import annotations

import io
import logging
import os
import sys
import threading
import time

from django.conf import settings
from django.core.cache import caches
from django.db import connections
from wagtail import hooks

from caching import scopes, version
from core.plugins import WARM_PATHS_HOOK, WARM_UP_HOOK

logger = logging.getLogger(__name__)

#: Pages rendered per version at most: the home page, then the changed pages and their listings.
MAX_PAGES = 8
#: Then, at most, addresses the sections name as showing the changed pages (WARM_PATHS_HOOK).
#: Each one rendered here delays the hand-over: the partners page, the citation files and the
#: site map were tried and measured, and left to their first visitor (the hand-over took
#: 0.9-1 s instead of 0.4 s at 2,000 publications, past its deadline).
MAX_SHOWING_THEM = 2
#: How long the claim to render a version's pages holds in a shared cache.
CLAIM_SECONDS = 30


def pages_to_warm(change: version.Change) -> list[str]:
    """Paths of the pages to render for this version: the home page, then each changed live
    page and the page above it (its listing), at most MAX_PAGES; then the addresses that show
    them as the sections name them, at most MAX_SHOWING_THEM."""
    from wagtail.models import Page

    from caching.restrictions import private_q

    paths = ["/"]
    changed = sorted(change.page_ids())[: MAX_PAGES * 2]
    pages = []
    if changed:
        found = Page.objects.live().exclude(private_q()).filter(pk__in=changed).order_by("-depth", "pk")
        for page in found.specific():
            url = page.get_url()
            if url and url.startswith("/"):
                pages.append(page)
                paths += [url, url.rstrip("/").rsplit("/", 1)[0] + "/"]
    first = list(dict.fromkeys(paths))[:MAX_PAGES]
    showing = [path for addresses in hooks.get_hooks(WARM_PATHS_HOOK) for path in addresses(pages)] if pages else []
    return first + [path for path in dict.fromkeys(showing) if path not in first][:MAX_SHOWING_THEM]


def site_address() -> tuple[str, str, str]:
    """(scheme, host, port) visitors reach the default site at, as its Site record says."""
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).only("hostname", "port").first()
    hostname, port = (site.hostname, site.port) if site else ("localhost", 80)
    scheme = "https" if port == 443 else "http"
    return scheme, hostname, str(port)


def environ(path: str, token: str, address: tuple[str, str, str]) -> dict:
    """A browser's anonymous GET of `path`, pinned to the version being prepared."""
    scheme, hostname, port = address
    default = (scheme, port) in (("https", "443"), ("http", "80"))
    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": hostname,
        "SERVER_PORT": port,
        "HTTP_HOST": hostname if default else f"{hostname}:{port}",
        "HTTP_ACCEPT": "text/html,application/xhtml+xml",
        "HTTP_ACCEPT_ENCODING": "gzip, deflate, br",
        "HTTP_USER_AGENT": "rameau-warm-up",
        "REMOTE_ADDR": "127.0.0.1",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": scheme,
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": True,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
        version.PINNED_ENVIRON: token,
    }


class Preparer:
    """This process's thread preparing new versions, one at a time, the newest first."""

    def __init__(self) -> None:
        self.pending: version.Change | None = None
        self.wake = threading.Event()
        self.lock = threading.Lock()
        self.pid: int | None = None
        self.handler = None
        #: (token, seconds) of the last versions prepared, newest last (tests, the bench).
        self.history: list[tuple[str, float]] = []

    def submit(self, change: version.Change) -> None:
        """Prepare this version (with those heard since the last one prepared)."""
        with self.lock:
            self.pending = change if self.pending is None else change.after(self.pending)
            if self.pid != os.getpid():
                self.pid = os.getpid()
                self.wake = threading.Event()
                threading.Thread(target=self.run, args=(self.wake,), name="rameau-warm-up", daemon=True).start()
        self.wake.set()

    def run(self, wake: threading.Event) -> None:
        while True:
            wake.wait()
            wake.clear()
            with self.lock:
                change, self.pending = self.pending, None
            if change is None:
                continue
            started = time.monotonic()
            try:
                self.prepare(change)
            except Exception:  # noqa: BLE001 - visitors then get the version unprepared, at its deadline
                logger.exception("content version %s: preparing it failed", change.token)
            finally:
                connections.close_all()  # this thread's own connections
                version.watcher.prepared(change.token)
            self.history = [*self.history[-9:], (change.token, round(time.monotonic() - started, 3))]

    def prepare(self, change: version.Change) -> None:
        with version.pinned_to(change.token):
            scopes.advance(change)  # data that ignores what changed keeps its cache (caching/scopes.py)
            for warm_up in hooks.get_hooks(WARM_UP_HOOK):
                warm_up(change)
            paths = pages_to_warm(change)
            address = site_address()
        cache = caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]
        claim, done = f"rameau:warming:{change.token}", f"rameau:warmed:{change.token}"
        if not cache.add(claim, os.getpid(), CLAIM_SECONDS):  # another process of the site renders them
            while version.watcher.newest_token() == change.token and time.monotonic() < version.watcher.deadline:
                if cache.get(done):
                    return
                time.sleep(0.02)
            return
        for path in paths:
            if version.watcher.newest_token() not in (change.token, None):
                break  # a newer version came: prepare that one instead
            self.render(path, change.token, address)
        cache.set(done, 1, CLAIM_SECONDS)

    def render(self, path: str, token: str, address: tuple[str, str, str]) -> None:
        """One anonymous request through every middleware (the page cache keeps it)."""
        if self.handler is None:
            from django.core.handlers.wsgi import WSGIHandler

            self.handler = WSGIHandler()
        body = self.handler(environ(path, token, address), lambda status, headers, exc_info=None: None)
        try:
            for _chunk in body:
                pass
        finally:
            if hasattr(body, "close"):
                body.close()


preparer = Preparer()


def install() -> None:
    """Called by the WSGI application (wsgi.py), in the processes that serve visitors: new
    versions are prepared before visitors get them (CONTENT_VERSION_WARM_SECONDS = 0 hands
    them over at once; a process without it, `runserver`, hands them over at once too)."""
    if version.warm_seconds() > 0 and preparer.submit not in version.watcher.listeners:
        version.watcher.listeners.append(preparer.submit)
