"""Shared listing helpers: fetch what cards show in a fixed number of queries."""

from __future__ import annotations

from collections.abc import Iterable

from wagtail.images import get_image_model
from wagtail.models import Page

from pages.caching.restrictions import private_q


def attach_images(items: Iterable, field: str) -> list:
    """Load the image in `field` of every item in one query, not one per card.

    Renditions are not prefetched: Wagtail keeps each rendition in the cache once made, so
    a running server finds them there without a query (prefetching would cost one).
    """
    items = list(items)
    id_field = f"{field}_id"
    ids = {getattr(item, id_field, None) for item in items} - {None}
    if ids:
        images = get_image_model().objects.in_bulk(ids)
        for item in items:
            image = images.get(getattr(item, id_field, None))
            if image is not None:
                setattr(item, field, image)
    return items


def attach_listing_images(pages: Iterable[Page]) -> list[Page]:
    """Load every card's listing image in one go, not one per card."""
    return attach_images(pages, "listing_image")


def child_cards(page: Page) -> list[Page]:
    """The live, public children of a page, in menu order, ready to render as cards."""
    return attach_listing_images(page.get_children().live().exclude(private_q()).specific().order_by("path"))
