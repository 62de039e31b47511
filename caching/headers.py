"""Cache-Control on every answer: who may keep it, and for how long.

A shared cache (the Varnish proxy of compose.yaml, a CDN) keeps whatever a response does not
forbid, and a browser guesses a lifetime for what says nothing. So every answer says:

- `private, no-store` when it belongs to one visitor: it sets a cookie, holds a CSRF token,
  answers a visitor with a session, a message waiting or credentials, answers a POST, comes
  from the admin, or is an error that concerns one request (400, 403, 429, 5xx…);
- otherwise an explicit public lifetime for shared caches, `public, max-age=0, s-maxage=N`
  (`PUBLIC_CACHE_SECONDS`, 60 by default: the same bound as the page cache, for what depends
  on the clock such as « prochain webinaire »). The proxy is also purged on every change
  (caching/frontend.py); a CDN that is not purged keeps a page at most that long.
  Browsers ask again each time (max-age=0; back and forward still use their page cache): they
  cannot be purged, and staff expect a change to show at once, in the browser they used
  before logging in too.

A view that already chose (`never_cache` on newsletter links, WhiteNoise's year on hashed
static files) keeps its choice, unless the answer turns out to be personal after all.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import cc_delim_re

PRIVATE = "private, no-store"
# Statuses every visitor asking the same URL gets alike: they may be shared.
SHAREABLE_STATUSES = frozenset({200, 203, 204, 301, 302, 303, 307, 308, 404, 410})
NOT_SHARED = frozenset({"private", "no-store", "no-cache"})
LIFETIMES = frozenset({"max-age", "s-maxage"})


def _directives(response: HttpResponse) -> set[str]:
    return {
        part.split("=")[0].strip().lower()
        for part in cc_delim_re.split(response.get("Cache-Control", ""))
        if part.strip()
    }


def belongs_to_one_visitor(request: HttpRequest, response: HttpResponse) -> bool:
    """True when the answer may hold something of this visitor's: nobody else may get it."""
    if request.method not in ("GET", "HEAD") or response.status_code not in SHAREABLE_STATUSES:
        return True
    if response.cookies or request.META.get("CSRF_COOKIE_USED") or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return True
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or getattr(settings, "MESSAGE_COOKIE_NAME", "messages") in cookies:
        return True
    if "HTTP_AUTHORIZATION" in request.META:
        return True
    return request.path_info.startswith(tuple(getattr(settings, "PRIVATE_PATH_PREFIXES", ())))


def cache_control_for(request: HttpRequest, response: HttpResponse) -> str | None:
    """The Cache-Control this answer must carry, or None to keep the one it has."""
    directives = _directives(response)
    if belongs_to_one_visitor(request, response) or directives & NOT_SHARED:
        if {"private", "no-store"} <= directives and "public" not in directives:
            return None
        return PRIVATE
    if directives & LIFETIMES:
        return None
    seconds = int(getattr(settings, "PUBLIC_CACHE_SECONDS", 60))
    return f"public, max-age=0, s-maxage={seconds}"


class CacheControlMiddleware:
    """Set Cache-Control on every response (placed above the page cache, so answers served from
    it are judged the same way)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        value = cache_control_for(request, response)
        if value is not None:
            response["Cache-Control"] = value
        return response
