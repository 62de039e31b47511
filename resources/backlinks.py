"""The resource centres a programme's page shows, and those each partner built with Le RAMEAU
(core.backlinks), read once per content version."""

from __future__ import annotations

from collections import defaultdict

from django.http import HttpRequest
from wagtail.models import Page

from pages.partner_works import PartnerWork, Shelf, shelves


def programme_centres(programme: Page, request: HttpRequest | None) -> dict:
    from caching.data import remember
    from caching.restrictions import private_q
    from resources.models import ResourceCentrePage

    def build() -> list:
        centres = ResourceCentrePage.objects.live().exclude(private_q()).filter(programmes=programme)
        return list(
            centres.order_by("path").only("pk", "title", "slug", "url_path", "summary", "listing_summary", "path")
        )

    return {"programme_centres": remember(request, f"programme-centres:{programme.pk}", build)}


def partner_centres(request: HttpRequest | None) -> dict[int, Shelf]:
    """{partner pk: the live, public centres built with it, by title}: two queries."""
    from caching.restrictions import private_q
    from resources.models import ResourceCentrePage, ResourceCentrePartner

    centres = {centre.pk: centre for centre in ResourceCentrePage.objects.live().exclude(private_q())}
    links = ResourceCentrePartner.objects.filter(page_id__in=list(centres)).values_list("partner_id", "page_id")
    found: dict[int, list[PartnerWork]] = defaultdict(list)
    for partner_id, page_id in sorted(links, key=lambda link: centres[link[1]].title):
        centre = centres[page_id]
        detail = f"ouvert en {centre.launch_year}" if centre.launch_year else ""
        found[partner_id].append(PartnerWork(centre.title, centre.get_url(request), detail))
    return shelves(found)
