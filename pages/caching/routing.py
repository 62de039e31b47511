"""Wagtail's routing, one level at a time as Wagtail does it, with each level from the cache.

Wagtail resolves /a/b/c/ by asking the database for each child by slug and then for its
specific type: two queries per level, six for a webinar session. The page found for a given
(parent, slug) is the same until content changes, so it is kept under the content version.
"""

from __future__ import annotations

import re

from django.http import HttpRequest
from wagtail.models import Page

from .data import remember

SLUG = re.compile(r"[-\w]{1,255}")


def child_by_slug(parent: Page, slug: str, request: HttpRequest | None) -> Page | None:
    """The child page with this slug, as its specific type (live or not, as in Wagtail)."""
    if not SLUG.fullmatch(slug):
        return None

    def build() -> Page | None:
        child = parent.get_children().filter(slug=slug).first()
        if child is None:
            return None
        child = child.specific
        if hasattr(child, "prepare_for_cache"):
            child.prepare_for_cache()
        return child

    return remember(request, f"child:{parent.pk}:{slug}", build, keep_none=False)
