"""schema.org Person for a person page; publications and webinars point their authors and
speakers at the same node (`person_id`)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from core.absolute_urls import absolute_url


def person_id(url: str) -> str:
    """The node id of a person's JSON-LD, so a publication's `author` points at the same node."""
    return f"{url}#personne"


def person(page, request: HttpRequest | None) -> dict[str, Any]:
    """schema.org Person for a person page (people.PersonPage)."""
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
        from core.images import rendition_or_none

        portrait = rendition_or_none(page.photo, "fill-400x400|format-jpeg")
        if portrait:
            data["image"] = absolute_url(request, portrait.url)
    return data
