"""schema.org JSON-LD: the script helper every page type uses, and the organisation itself.

Each section describes its own pages (publications/citation.py, webinars/structured_data.py)
in its page types' get_context, with the helpers here.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from django.http import HttpRequest
from django.templatetags.static import static
from django.utils.safestring import SafeString, mark_safe

from pages.absolute_urls import absolute_url

__all__ = ["absolute_url", "json_ld_script", "organisation", "person", "person_id"]

if TYPE_CHECKING:
    from pages.models import HomePage, SiteSettings

_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}
FOUNDING_YEAR = "2006"
LOCALITY = "Vincennes"


def json_ld_script(data: dict[str, Any]) -> SafeString:
    """A <script type="application/ld+json"> that text typed by editors cannot close early."""
    payload = json.dumps(data, ensure_ascii=False, indent=None).translate(_JSON_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')


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


def person_id(url: str) -> str:
    """The node id of a person's JSON-LD, so a publication's `author` points at the same node."""
    return f"{url}#personne"


def person(page, request: HttpRequest | None) -> dict[str, Any]:
    """schema.org Person for a person page (pages.PersonPage)."""
    url = absolute_url(request, page.get_url(request) or "")
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Person",
        "@id": person_id(url),
        "name": page.title,
        "url": url,
    }
    if page.given_name:
        data["givenName"] = page.given_name
    if page.family_name:
        data["familyName"] = page.family_name
    if page.role:
        data["jobTitle"] = page.role
    if page.public_email:
        data["email"] = page.public_email
    same_as = [link for _label, link in page.external_links()]
    if same_as:
        data["sameAs"] = same_as
    if page.photo:
        from pages.images import rendition_or_none

        portrait = rendition_or_none(page.photo, "fill-400x400|format-jpeg")
        if portrait:
            data["image"] = absolute_url(request, portrait.url)
    return data
