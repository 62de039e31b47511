"""Private sections (Wagtail view restrictions), read once per content version.

Wagtail's `.public()` asks the database for the view restrictions every time a listing is
built; a site with no private section (or a few) would pay that query several times per
page. Listings exclude `private_q()` instead: the same condition, from the cache.
"""

from __future__ import annotations

from django.db.models import Q
from wagtail.models import Page, PageViewRestriction

from .data import remember
from .scopes import PAGES


def restricted_sections() -> tuple[tuple[str, int], ...]:
    """(path, depth) of every page carrying a view restriction, in tree order."""

    def build() -> tuple[tuple[str, int], ...]:
        rows = PageViewRestriction.objects.values_list("page__path", "page__depth").order_by("page__path")
        return tuple(rows)

    # Restrictions and the paths of their pages: a page's path changes only when it moves
    # (« wagtailcore.page », never ignored), so a change of pages alone leaves them cached.
    return remember(None, "view-restrictions", build, immutable=True, ignores=PAGES)


def alias_paths() -> tuple[str, ...]:
    """Paths of alias pages, whose restrictions are their source page's."""
    return remember(
        None,
        "alias-paths",
        lambda: tuple(Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True)),
        immutable=True,
    )


def may_be_restricted(page: Page) -> bool:
    """False when no view restriction can apply to the page: neither it nor an ancestor
    carries one, and none of them is an alias (whose source might)."""
    if page.alias_of_id is not None:
        return True
    prefixes = (*alias_paths(), *(path for path, _depth in restricted_sections()))
    return any(page.path.startswith(prefix) for prefix in prefixes)


def private_q() -> Q:
    """Pages under a view restriction: what Wagtail's `.public()` leaves out."""
    q = Q()
    for path, depth in restricted_sections():
        q |= Q(path__startswith=path) & Q(depth__gte=depth)
    return q if q else Q(pk__in=[])


def is_public(page: Page) -> bool:
    """Same answer as `.public()` for one page already in hand, without a query."""
    return not any(page.path.startswith(path) and page.depth >= depth for path, depth in restricted_sections())
