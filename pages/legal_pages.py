"""Where the front-door pages are (legal notice, privacy, accessibility, site map, contact,
newsletters), for the footer of every page and the forms that link them: one query per
content version, then read from the cache."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.http import HttpRequest
from wagtail.models import Page

from pages.caching.data import remember
from pages.caching.restrictions import private_q
from pages.caching.sites import site_for_request
from pages.models import (
    AccessibilityPage,
    ContactPage,
    LegalNoticePage,
    NewsletterPage,
    PrivacyPage,
    SiteMapPage,
)

MODELS = {
    "legal_notice": LegalNoticePage,
    "privacy": PrivacyPage,
    "accessibility": AccessibilityPage,
    "site_map": SiteMapPage,
    "contact": ContactPage,
    "newsletters": NewsletterPage,
}


@dataclass(frozen=True)
class FrontDoorLinks:
    legal_notice: str = ""
    privacy: str = ""
    accessibility: str = ""
    accessibility_status: str = ""
    site_map: str = ""
    contact: str = ""
    newsletters: str = ""


def front_door_links(request: HttpRequest | None) -> FrontDoorLinks:
    """The live, public front-door pages of the request's site, as URLs (empty when missing)."""
    site = site_for_request(request) if request is not None else None
    if site is None:
        return FrontDoorLinks()

    def build() -> FrontDoorLinks:
        types = {ContentType.objects.get_for_model(model).pk: key for key, model in MODELS.items()}
        pages = (
            Page.objects.live()
            .descendant_of(site.root_page)
            .filter(content_type_id__in=types)
            .exclude(private_q())
            .only("id", "url_path", "path", "depth", "content_type_id")
            .order_by("path")
        )
        urls: dict[str, str] = {}
        for page in pages:
            urls.setdefault(types[page.content_type_id], page.get_url(request) or "")
        status = ""
        if urls.get("accessibility"):
            page = AccessibilityPage.objects.live().descendant_of(site.root_page).order_by("path").first()
            status = page.get_conformity_status_display() if page else ""
        return FrontDoorLinks(accessibility_status=status, **urls)

    return remember(request, f"front-door:{site.pk}", build, immutable=True)
