"""Addresses typed with capitals (/Publications/) lead to the lower-case address.

Every address of the site is lower case (Wagtail's slugs, our routes), yet people type,
print and paste « /Publications/ ». Rather than a 404 page, a permanent redirect to the same
address in lower case, query string kept. Only an address that found nothing is redirected,
so a page that does answer with capitals keeps answering; Wagtail's redirects come first.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.utils.cache import patch_cache_control
from django.utils.encoding import iri_to_uri

#: How long browsers and proxies may keep the redirect.
REDIRECT_SECONDS = 60 * 60


def is_a_file(path: str) -> bool:
    """Files keep the case of their names (`document_1cM9XOD.pdf`): a missing one stays a 404."""
    return path.startswith((settings.MEDIA_URL, settings.STATIC_URL, "/documents/"))


def lower_case_target(request: HttpRequest) -> str | None:
    """The lower-case address for a GET or HEAD whose path has capitals, else None."""
    if request.method not in ("GET", "HEAD"):
        return None
    path = request.path
    if path == path.lower() or is_a_file(path):
        return None
    # One leading slash only: « //Exemple.org/ » must stay a path of this site, never become
    # a protocol-relative address of another one.
    target = "/" + path.lower().lstrip("/\\")
    query = request.META.get("QUERY_STRING", "")
    return iri_to_uri(target) + (f"?{query}" if query else "")


class LowerCaseRedirectMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code != 404:
            return response
        target = lower_case_target(request)
        if target is None:
            return response
        redirect = HttpResponsePermanentRedirect(target)
        patch_cache_control(redirect, public=True, max_age=REDIRECT_SECONDS)
        return redirect
