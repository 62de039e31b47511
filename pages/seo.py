"""What crawlers read before the pages: robots.txt, pointing at the sitemap, and the sitemap."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET
from wagtail.contrib.sitemaps.sitemap_generator import Sitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap

from pages.caching.restrictions import private_q

DISALLOWED = ("/admin/", "/django-admin/", "/recherche/")


@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    """Keep crawlers out of the admin and of endless search-result pages; give them the sitemap."""
    lines = [
        "User-agent: *",
        *(f"Disallow: {path}" for path in DISALLOWED),
        "",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


class PageSitemap(Sitemap):
    """Wagtail's sitemap without loading each page as its own type.

    A sitemap entry needs only the URL and the publication date, both on the base page row:
    one query whatever the number of page types (Wagtail's default issues one per type).
    No page type here overrides `get_sitemap_urls`; one that does must go back to `.specific()`.
    """

    def items(self):
        return (
            self.get_wagtail_site()
            .root_page.get_descendants(inclusive=True)
            .live()
            .exclude(private_q())
            .order_by("path")
        )


def sitemap(request: HttpRequest) -> HttpResponse:
    return wagtail_sitemap(request, sitemaps={"pages": PageSitemap})
