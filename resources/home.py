"""The centres block of the home page, for the lead engineer to wire into HomePage."""
from __future__ import annotations

from django.http import HttpRequest
from wagtail.models import Site

from pages.listing import attach_listing_images

from .models import ResourceCentreIndexPage, ResourceCentrePage


def centres_section(request: HttpRequest) -> dict:
    """{"centres_index": the site's live index or None, "centres": its live centres, images attached}.

    Render with templates/resources/includes/home_section.html; a fixed number of queries
    whatever the number of centres (index, centres, images with their renditions).
    """
    site = Site.find_for_request(request)
    indexes = ResourceCentreIndexPage.objects.live().public()
    if site is not None:
        indexes = indexes.descendant_of(site.root_page, inclusive=True)
    index = indexes.order_by("path").first()
    if index is None:
        return {"centres_index": None, "centres": []}
    centres = ResourceCentrePage.objects.child_of(index).live().public().order_by("path")
    return {"centres_index": index, "centres": attach_listing_images(centres)}
