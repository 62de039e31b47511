"""schema.org JSON-LD of the organisation itself, as the home page presents it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.http import HttpRequest
from django.templatetags.static import static

from core.absolute_urls import absolute_url

if TYPE_CHECKING:
    from pages.models import HomePage, SiteSettings

FOUNDING_YEAR = "2006"
LOCALITY = "Vincennes"


def organisation(home: HomePage, site_settings: SiteSettings, request: HttpRequest | None) -> dict[str, Any]:
    """The research organisation, as the home page presents it."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ResearchOrganization",
        "name": site_settings.organisation_name,
        "url": absolute_url(request, home.get_url(request) or "/"),
        "logo": absolute_url(request, static("images/logo-mark.svg")),
        "foundingDate": FOUNDING_YEAR,
        "areaServed": "FR",
        "knowsLanguage": "fr",
    }
    description = home.get_meta_description()
    if description:
        data["description"] = description
    address: dict[str, Any] = {"@type": "PostalAddress", "addressLocality": LOCALITY, "addressCountry": "FR"}
    lines = site_settings.address_lines
    if lines:
        address["streetAddress"] = ", ".join(line for line in lines if LOCALITY.lower() not in line.lower()) or lines[0]
    data["address"] = address
    if site_settings.email:
        data["email"] = site_settings.email
    if site_settings.phone:
        data["telephone"] = site_settings.phone
    same_as = [url for _, url in site_settings.social_links]
    if same_as:
        data["sameAs"] = same_as
    return data
