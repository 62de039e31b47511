"""Shared listing helpers: fetch what cards show in a fixed number of queries."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.core.cache import InvalidCacheBackendError, caches
from django.utils.safestring import SafeString, mark_safe
from wagtail.images import get_image_model
from wagtail.models import Page

from caching.restrictions import private_q


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


def fragment_cache():
    """The cache Django's {% cache %} tag keeps fragments in."""
    try:
        return caches["template_fragments"]
    except InvalidCacheBackendError:
        return caches["default"]


def cached_cards(
    pks: list[int], key_for: Callable[[int], str], render_missing: Callable[[list[int]], dict[int, str]]
) -> list[SafeString]:
    """The cards of these items as their template's {% cache %} keeps them (`key_for(pk)` is
    that key), in order; only the missing ones are loaded, in one batch, and rendered.

    A listing page then reads no row for the items it shows once their cards are made: the
    cards outlive the whole-page cache (a minute), since they change only with the content.
    """
    keys = {pk: key_for(pk) for pk in pks}
    found = fragment_cache().get_many(list(keys.values())) if keys else {}
    missing = [pk for pk in pks if keys[pk] not in found]
    rendered = render_missing(missing) if missing else {}
    cards = (found.get(keys[pk]) or rendered.get(pk) for pk in pks)
    return [mark_safe(card) for card in cards if card]  # noqa: S308 - our own templates' output
