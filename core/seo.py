"""What crawlers read before the pages: robots.txt, pointing at the sitemap, and the sitemap."""

from __future__ import annotations

from xml.sax.saxutils import escape

from django.conf import settings
from django.db.models.functions import Coalesce, TruncDate
from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_GET
from wagtail.models import Page, Site

from caching.data import remember
from caching.restrictions import private_q
from caching.sites import site_for_request
from core.absolute_urls import absolute_url

DISALLOWED = ("/admin/", "/django-admin/", "/recherche/")


def urls_per_file() -> int:
    """Addresses per sitemap file (settings.SITEMAP_URLS_PER_FILE, 2,000 by default). The
    protocol allows 50,000; smaller files keep each answer as quick at 20,000 publications as
    at 2,000 (crawlers follow the index to the others)."""
    return getattr(settings, "SITEMAP_URLS_PER_FILE", 2_000)


XMLNS = "http://www.sitemaps.org/schemas/sitemap/0.9"


@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    """Keep crawlers out of the admin and of endless search-result pages; give them the sitemap."""
    lines = [
        "User-agent: *",
        *(f"Disallow: {path}" for path in DISALLOWED),
        "",
        f"Sitemap: {absolute_url(request, '/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def site_pages(site: Site):
    """The site's live, public pages in tree order: what the sitemap lists."""
    root = site.root_page
    return (
        Page.objects.live()
        .filter(path__startswith=root.path, depth__gte=root.depth)
        .exclude(private_q())
        .order_by("path")
    )


def file_starts(request: HttpRequest, site: Site) -> tuple[str, ...]:
    """The tree path each sitemap file starts at, found once per content version: a file
    then reads its own addresses from there, never skipping over the ones before it."""

    def build() -> tuple[str, ...]:
        paths = site_pages(site).values_list("path", flat=True).iterator(chunk_size=5_000)
        return tuple(path for position, path in enumerate(paths) if position % urls_per_file() == 0)

    return remember(request, f"sitemap-files:{site.pk}", build) or ("",)


def urlset(site: Site, start: str) -> str:
    """One sitemap file, from the page at `start` on: each address built from the page's
    `url_path` and the site's root.

    A sitemap entry needs the address and the date of the last publication, both on the base
    page row: one query for the whole file, no page loaded as its own type and no tree walk.
    No page type here overrides `get_url_parts` or `get_sitemap_urls`; one that does must
    be listed through Wagtail's own sitemap instead.
    """
    root_url = site.root_url
    skip = len(site.root_page.url_path)
    rows = (
        site_pages(site)
        .filter(path__gte=start)
        .annotate(lastmod=TruncDate(Coalesce("last_published_at", "latest_revision_created_at")))
        .values_list("url_path", "lastmod")[: urls_per_file()]
    )
    entries = [
        f"<url><loc>{escape(f'{root_url}/{url_path[skip:]}')}</loc>"
        + (f"<lastmod>{lastmod.isoformat()}</lastmod>" if lastmod else "")
        + "</url>"
        for url_path, lastmod in rows
    ]
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="{XMLNS}">\n' + "\n".join(entries) + "\n</urlset>\n"


def sitemap_index(site: Site, files: int) -> str:
    locations = "\n".join(f"<sitemap><loc>{site.root_url}/sitemap-{n}.xml</loc></sitemap>" for n in range(1, files + 1))
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="{XMLNS}">\n{locations}\n</sitemapindex>\n'


def xml_response(content: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/xml; charset=utf-8")
    response["X-Robots-Tag"] = "noindex, noodp, noarchive"
    return response


def request_site(request: HttpRequest) -> Site:
    site = site_for_request(request)
    if site is None:
        raise Http404("Aucun site pour cette adresse.")
    return site


@require_GET
def sitemap(request: HttpRequest) -> HttpResponse:
    """/sitemap.xml: every address when they fit in one file, else the index of the files."""
    site = request_site(request)
    starts = file_starts(request, site)
    return xml_response(urlset(site, starts[0]) if len(starts) == 1 else sitemap_index(site, len(starts)))


@require_GET
def sitemap_file(request: HttpRequest, number: int) -> HttpResponse:
    """/sitemap-<n>.xml: the n-th file of a sitemap too large for one."""
    site = request_site(request)
    starts = file_starts(request, site)
    if len(starts) == 1 or not 1 <= number <= len(starts):
        raise Http404("Ce fichier du plan du site n'existe pas.")
    return xml_response(urlset(site, starts[number - 1]))
