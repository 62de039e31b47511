"""The centres' section of the home page (registered in wagtail_hooks.py)."""

from __future__ import annotations

from django.http import HttpRequest

from caching.data import remember
from caching.lookups import first_live_page
from caching.restrictions import private_q
from caching.scopes import PUBLICATIONS
from core.listing import attach_listing_images

from .models import ResourceCentreIndexPage, ResourceCentrePage


def centres_section(request: HttpRequest) -> dict:
    """{"centres_index": the site's live index or None, "centres": its live centres, images attached}.

    Render with templates/resources/includes/home_section.html. The list changes only with
    the content, so it is kept per content version (two queries, centres and images, once).
    """
    index = first_live_page(ResourceCentreIndexPage, request, within_site=True)
    if index is None:
        return {"centres_index": None, "centres": []}

    def centres() -> list[ResourceCentrePage]:
        return attach_listing_images(
            ResourceCentrePage.objects.child_of(index).live().exclude(private_q()).order_by("path")
        )

    # Centres only: kept while staff publish in the library or the news (caching/scopes.py).
    centres_list = remember(request, f"home-centres:{index.pk}", centres, ignores=PUBLICATIONS)
    return {"centres_index": index, "centres": centres_list}
