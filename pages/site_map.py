"""The HTML site map (/plan-du-site/): the published pages, section by section, three levels
below the home page. Long listings (publications, news) show their first entries and a
link to the full list, so the map stays readable on a site of thousands of pages."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest
from wagtail.models import Page

from caching.data import remember
from caching.restrictions import private_q
from caching.sites import site_for_request

LEVELS = 3
MAX_CHILDREN = 25


@dataclass(frozen=True)
class Entry:
    title: str
    url: str
    children: tuple[Entry, ...] = ()
    more: int = 0  # children left out (see MAX_CHILDREN)


def site_map(request: HttpRequest, page: Page) -> Entry | None:
    """The tree under the site's home page (one query per content version)."""
    site = site_for_request(request) or page.get_site()
    if site is None:
        return None
    root = site.root_page

    def build() -> Entry:
        rows = list(
            Page.objects.live()
            .descendant_of(root, inclusive=True)
            .filter(depth__lte=root.depth + LEVELS)
            .exclude(private_q())
            .order_by("path")
            .values_list("title", "url_path", "path")
        )
        prefix = rows[0][1] if rows else "/"
        children: dict[str, list] = {}
        for title, url_path, path in rows[1:]:
            children.setdefault(path[: -Page.steplen], []).append((title, "/" + url_path[len(prefix) :], path))

        def entry(title: str, url: str, path: str) -> Entry:
            kids = children.get(path, [])
            return Entry(
                title, url, tuple(entry(*kid) for kid in kids[:MAX_CHILDREN]), max(0, len(kids) - MAX_CHILDREN)
            )

        return entry(rows[0][0], "/", rows[0][2]) if rows else Entry(root.title, "/")

    return remember(request, f"site-map:{site.pk}", build, immutable=True)
