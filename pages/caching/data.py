"""Small values every page needs (the site, its settings, menus, view restrictions), read
from the database once per content version instead of once per request.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest
from django.http.request import split_domain_port

from .version import token_for

T = TypeVar("T")

ALIAS = "default"
# Entries are unreachable as soon as the content version changes; the timeout only bounds
# how long the dead ones linger in memory.
TIMEOUT = 60 * 60
_MISSING = object()


# Immutable values (tuples, frozen dataclasses) also kept as objects in this process, for
# the current content version only: reading a 2,000-entry catalogue back from the cache
# (unpickling it) cost more than using it.
_in_process: dict[str, object] = {}
_in_process_token = ""
_in_process_lock = threading.Lock()


def remember(
    request: HttpRequest | None, name: str, build: Callable[[], T], keep_none: bool = True, immutable: bool = False
) -> T:
    """The value of `build()` for the current content version, built at most once per version.

    `keep_none=False` leaves "nothing found" uncached, for lookups anyone can vary at will
    (an address typed at random must not fill the cache). `immutable=True` promises nobody
    changes the value: it is then also shared, unpickled, between the requests of a process.
    """
    global _in_process_token
    token = token_for(request)
    key = f"rameau:data:{token}:{name}"
    if immutable:
        value = _in_process.get(key, _MISSING)
        if value is not _MISSING:
            return value
    cache = caches[ALIAS]
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = build()
        if value is not None or keep_none:
            cache.set(key, value, TIMEOUT)
    if immutable:
        with _in_process_lock:
            if token != _in_process_token:  # a new version: what was kept belongs to the old one
                _in_process.clear()
                _in_process_token = token
            _in_process[key] = value
    return value


def forget_in_process() -> None:
    """Drop the immutable values kept in this process (tests, after rolling a transaction back)."""
    with _in_process_lock:
        _in_process.clear()


def attach_site(request: HttpRequest) -> None:
    """Find the Wagtail site for this request from the cache, its root page already loaded.

    Wagtail keeps the site on the request (`_wagtail_site`); filling it here saves the site
    query, and loading the root page as its specific type saves the two queries routing
    would otherwise spend on it.
    """
    if hasattr(request, "_wagtail_site"):
        return
    from wagtail.models import Site

    try:
        hostname = split_domain_port(request.get_host())[0]  # validated against ALLOWED_HOSTS
    except DisallowedHost:
        return  # Django answers 400 further in, as usual
    port = request.get_port()

    def build():
        site = Site._find_for_request(request)
        if site is not None:
            site.root_page = site.root_page.specific
            if hasattr(site.root_page, "prepare_for_cache"):
                site.root_page.prepare_for_cache()
        return site

    request._wagtail_site = remember(request, f"site:{hostname}:{port}", build)
