"""Private sections (Wagtail view restrictions), read once per content version.

Wagtail asks the database for view restrictions on every page served and every `.public()`
listing; a site with no private section (or a few) pays that query many times per request.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q
from wagtail.models import Page, PageManager, PageQuerySet, PageViewRestriction

from .data import remember


@dataclass(frozen=True)
class Sections:
    restricted: tuple[tuple[str, int], ...]  # (path, depth) of each page carrying a restriction
    aliases: tuple[str, ...]  # paths of alias pages, whose restrictions are their source's


def _build() -> Sections:
    restricted = PageViewRestriction.objects.values_list("page__path", "page__depth").order_by("page__path")
    aliases = Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True)
    return Sections(tuple(restricted), tuple(aliases))


def sections() -> Sections:
    return remember(None, "view-restrictions", _build, immutable=True)


def private_q() -> Q:
    """Same as Wagtail's `PageQuerySet.private_q()`, without its query."""
    q = Q()
    for path, depth in sections().restricted:
        q |= Q(path__startswith=path) & Q(depth__gte=depth)
    return q if q else Q(pk__in=[])


def is_public(page: Page) -> bool:
    """Same answer as `.public()` for one page already in hand, without a query."""
    return not any(page.path.startswith(path) and page.depth >= depth for path, depth in sections().restricted)


def may_be_restricted(page: Page) -> bool:
    """False when no restriction can apply to the page: then Wagtail's check can be skipped."""
    if page.alias_of_id is not None:
        return True
    known = sections()
    prefixes = (*known.aliases, *(path for path, _depth in known.restricted))
    return any(page.path.startswith(prefix) for prefix in prefixes)


class SiteQuerySet(PageQuerySet):
    """`.public()` answered from the cached private sections."""

    def private_q(self) -> Q:
        return private_q()


SitePageManager = PageManager.from_queryset(SiteQuerySet)
