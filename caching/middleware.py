"""Whole-page cache for anonymous visitors, keyed by the content version.

A page is kept only when nothing in it can belong to one visitor: a GET without a session
cookie, answered 200 without setting a cookie, without a CSRF token, without `private` /
`no-cache` / `no-store`, and varying on nothing but the headers handled here. It is filed
under the content version read at the start of the request, so a publication, an
unpublication, a move or a deletion makes every page that might show it unreachable at once;
a short timeout bounds what depends on the clock (« prochain webinaire »).

Staff (any session cookie), the admin and its previews, documents, forms and error pages
always go through Django. `X-Page-Cache: hit | miss | bypass` tells which happened.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse
from django.utils.cache import cc_delim_re

from . import version

HEADER = "X-Page-Cache"
# Headers whose variation is accounted for: one language, cookies are excluded from the
# requests served here, and the encoding is part of the key.
HANDLED_VARY = frozenset({"cookie", "accept-language", "accept-encoding"})
NOT_SHARED = frozenset({"private", "no-cache", "no-store"})
MAX_BODY = 2 * 1024 * 1024
MAX_QUERY_STRING = 512
_accepts_gzip = re.compile(r"\bgzip\b")


def _setting(name: str, default):
    return getattr(settings, name, default)


def is_excluded(request: HttpRequest) -> bool:
    return request.path_info.startswith(tuple(_setting("PAGE_CACHE_EXCLUDED_PATHS", ())))


def skip_reason(request: HttpRequest) -> str | None:
    """Why this request must not be answered from (or stored in) the cache, or None."""
    if getattr(request, "is_dummy", False):  # Wagtail renders previews as a fake request to the page's URL
        return "preview"
    if request.method not in ("GET", "HEAD"):
        return "method"
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or _setting("MESSAGE_COOKIE_NAME", "messages") in cookies:
        return "session"
    if "HTTP_AUTHORIZATION" in request.META:
        return "authorization"
    if len(request.META.get("QUERY_STRING", "")) > MAX_QUERY_STRING:
        return "query"
    return None


def is_shareable(request: HttpRequest, response: HttpResponse) -> bool:
    """True when the response is the same for every anonymous visitor asking this URL."""
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED"):
        return False
    cache_control = {
        part.split("=")[0].strip().lower() for part in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    if cache_control & NOT_SHARED:
        return False
    vary = {part.strip().lower() for part in cc_delim_re.split(response.get("Vary", "")) if part.strip()}
    if vary - HANDLED_VARY:
        return False
    return len(response.content) <= MAX_BODY


def cache_key(request: HttpRequest, token: str) -> str:
    encoding = "gzip" if _accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")) else "identity"
    return ":".join(("rameau:page", token, request.scheme, request.get_host(), encoding, request.get_full_path()))


def freeze(response: HttpResponse) -> tuple[int, list[tuple[str, str]], bytes]:
    return response.status_code, [(k, v) for k, v in response.items() if k != HEADER], response.content


def thaw(stored: tuple[int, list[tuple[str, str]], bytes]) -> HttpResponse:
    status, headers, content = stored
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    return response


class PageCacheMiddleware:
    """Serve anonymous GETs from the page cache; fill it with what can be shared."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        version.watcher.start()  # the content version in memory, once per process

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if is_excluded(request):
            # The admin, health checks: read only if needed, the newest version (the editor's own).
            with version.pinned(request, lazy=True, newest=True):
                return self.get_response(request)
        seconds = _setting("PAGE_CACHE_SECONDS", 0)
        reason = skip_reason(request) if seconds > 0 else "off"
        # Staff (a session) see what they just published; visitors, the version prepared for them.
        staff = settings.SESSION_COOKIE_NAME in request.COOKIES
        with version.pinned(request, newest=staff):
            return self._respond(request, seconds, reason)

    def _respond(self, request: HttpRequest, seconds: int, reason: str | None) -> HttpResponse:
        token = version.token_for(request)
        if reason is not None:
            response = self.get_response(request)
            if reason != "off":
                response[HEADER] = "bypass"
            return response

        cache = caches[_setting("PAGE_CACHE_ALIAS", "default")]
        try:
            key = cache_key(request, token)
        except DisallowedHost:  # Django answers 400 further in
            return self.get_response(request)
        stored = cache.get(key)
        if stored is not None:
            response = thaw(stored)
            response[HEADER] = "hit"
            return response
        response = self.get_response(request)
        if is_shareable(request, response):
            cache.set(key, freeze(response), seconds)
            response[HEADER] = "miss"
        else:
            response[HEADER] = "bypass"
        return response
