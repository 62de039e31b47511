"""Pages that many pages look up (each section's index), read once per content version."""

from __future__ import annotations

from django.http import HttpRequest
from wagtail.models import Page

from .data import remember
from .restrictions import private_q
from .sites import site_for_request


def first_live_page(model: type[Page], request: HttpRequest | None, within_site: bool = False) -> Page | None:
    """The first live, public page of this type in tree order (e.g. the library's index)."""
    site = site_for_request(request) if (within_site and request is not None) else None

    def build() -> Page | None:
        pages = model.objects.live().exclude(private_q()).order_by("path")
        if site is not None:
            pages = pages.descendant_of(site.root_page, inclusive=True)
        return pages.first()

    return remember(request, f"first:{model._meta.label_lower}:{site.pk if site else '*'}", build)
