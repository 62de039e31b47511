"""The resource centres a programme's page shows (core.backlinks), read once per content version."""

from __future__ import annotations

from django.http import HttpRequest
from wagtail.models import Page


def programme_centres(programme: Page, request: HttpRequest | None) -> dict:
    from core.caching.data import remember
    from core.caching.restrictions import private_q
    from resources.models import ResourceCentrePage

    def build() -> list:
        centres = ResourceCentrePage.objects.live().exclude(private_q()).filter(programmes=programme)
        return list(
            centres.order_by("path").only("pk", "title", "slug", "url_path", "summary", "listing_summary", "path")
        )

    return {"programme_centres": remember(request, f"programme-centres:{programme.pk}", build)}
