"""Finding the page a path names in one query, kept per content version.

Wagtail resolves /a/b/c/ one level at a time: a query for each child by slug, then one for
its specific type — six for a webinar session. The site's root page overrides the
documented `Page.route()` (see HomePage) to ask instead for the deepest page whose
`url_path` starts the path, then hands what is left of the path (a sub-route such as
`calendrier.ics`) to that page's own `route()`. A path that does not lead to a page is
never kept, so addresses typed at random cannot fill the cache.
"""

from __future__ import annotations

import re

from django.http import HttpRequest
from wagtail.models import Page

from .data import keep, recall

SLUG = re.compile(r"[-\w]{1,255}")


def deepest_page(root: Page, components: list[str]) -> tuple[Page, list[str]] | None:
    """The deepest page below `root` named by a prefix of the path, as its specific type,
    with the path components left over; None when not even the first component is a page."""
    prefixes = []
    for length in range(1, len(components) + 1):
        if not SLUG.fullmatch(components[length - 1]):
            break
        prefixes.append(root.url_path + "".join(f"{part}/" for part in components[:length]))
    if not prefixes:
        return None
    page = (
        Page.objects.filter(url_path__in=prefixes, path__startswith=root.path, depth__gt=root.depth)
        .order_by("-depth")
        .first()
    )
    if page is None:
        return None
    page = page.specific
    if hasattr(page, "prepare_for_cache"):  # what every render of it reads (its share image…)
        page.prepare_for_cache()
    return page, components[page.depth - root.depth :]


def route(root: Page, request: HttpRequest, components: list[str]):
    """Wagtail's RouteResult for the path below `root`, or None when the path names no page
    (the caller then lets Wagtail answer, with its 404)."""
    key = "route:" + root.url_path + "/".join(components)
    found = recall(request, key)
    if found is None:
        found = deepest_page(root, components)
        if found is None:
            return None
        page, rest = found
        result = page.route(request, rest)  # a 404 from here leaves nothing in the cache
        keep(request, key, found)
        return result
    page, rest = found
    return page.route(request, rest)
