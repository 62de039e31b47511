"""The site a request is for, and its home page, read once per content version.

Wagtail's `serve` view asks the database for both on every request (`Site.find_for_request`,
then the root page as its own type): two queries before any content. Here they come from the
data cache; `serve` below is Wagtail's view with that one change, keeping its hooks.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.http.request import split_domain_port
from wagtail import hooks
from wagtail.models import Page, Site

from .data import remember
from .scopes import PAGES


def site_for_request(request: HttpRequest) -> Site | None:
    """`Site.find_for_request`, kept per content version and host. An unknown host is never
    kept (ALLOWED_HOSTS has refused it before: Django validates the host it is given here)."""
    hostname, _port = split_domain_port(request.get_host())
    key = f"site:{hostname}:{request.get_port()}"
    # The Site rows alone decide it: a change of pages leaves it cached (caching/scopes.py).
    return remember(request, key, lambda: Site.find_for_request(request), keep_none=False, ignores=PAGES)


def root_page(request: HttpRequest, site: Site) -> Page:
    """The site's root page as its own type (the home page, whose `route()` finds the others)."""

    def build() -> Page:
        page = site.root_page.localized.specific
        if hasattr(page, "prepare_for_cache"):  # what every render of it reads (its images…)
            page.prepare_for_cache()
        return page

    return remember(request, f"site-root:{site.pk}", build)


def serve(request: HttpRequest, path: str) -> HttpResponse:
    """Wagtail's `wagtail.views.serve`, with the site and its root page from the cache."""
    site = site_for_request(request)
    if site is None:
        raise Http404
    page, args, kwargs = root_page(request, site).route(request, [part for part in path.split("/") if part])

    def serve_chain(page, request, args, kwargs):
        return page.serve(request, *args, **kwargs)

    on_serve_chain = serve_chain
    for fn in reversed(hooks.get_hooks("on_serve_page")):
        on_serve_chain = fn(on_serve_chain)
    for fn in hooks.get_hooks("before_serve_page"):
        result = fn(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result
    return on_serve_chain(page, request, args, kwargs)
