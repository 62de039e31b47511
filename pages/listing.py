"""Shared listing helpers: fetch what cards show in a fixed number of queries."""
from __future__ import annotations

from collections.abc import Iterable

from wagtail.images import get_image_model
from wagtail.models import Page


def attach_listing_images(pages: Iterable[Page]) -> list[Page]:
    """Load every card's listing image (with its renditions) in one go, not one per card."""
    pages = list(pages)
    ids = {page.listing_image_id for page in pages if getattr(page, "listing_image_id", None)}
    if ids:
        images = get_image_model().objects.prefetch_renditions().in_bulk(ids)
        for page in pages:
            if getattr(page, "listing_image_id", None) in images:
                page.listing_image = images[page.listing_image_id]
    return pages


def child_cards(page: Page) -> list[Page]:
    """The live, public children of a page, in menu order, ready to render as cards."""
    return attach_listing_images(page.get_children().live().public().specific().order_by("path"))
