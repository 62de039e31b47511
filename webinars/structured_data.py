"""schema.org JSON-LD of a webinar session: an online Event search engines can list."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.http import HttpRequest

from core.images import rendition_or_none
from core.structured_data import absolute_url
from people.structured_data import person_id

if TYPE_CHECKING:
    from webinars.models import WebinarPage


def webinar_event(session: WebinarPage, speakers: list, request: HttpRequest | None) -> dict[str, Any]:
    """One online session: free, in French, with where to register."""
    page_url = absolute_url(request, session.get_url(request) or "")
    registration = session.get_registration_url() or page_url
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": session.title,
        "url": page_url,
        "startDate": session.datetime_attribute,
        "eventAttendanceMode": "https://schema.org/OnlineEventAttendanceMode",
        "eventStatus": "https://schema.org/EventScheduled",
        "location": {"@type": "VirtualLocation", "url": registration},
        "inLanguage": "fr",
        "isAccessibleForFree": True,
        "organizer": {"@type": "Organization", "name": "Le RAMEAU", "url": absolute_url(request, "/")},
        "offers": {
            "@type": "Offer",
            "price": "0",
            "priceCurrency": "EUR",
            "availability": "https://schema.org/InStock",
            "url": registration,
        },
    }
    if session.time_known:
        data["endDate"] = session.end.isoformat()
    description = session.get_meta_description()
    if description:
        data["description"] = description
    if speakers:
        data["performer"] = [performer(speaker, request) for speaker in speakers]
    image = rendition_or_none(session.get_sharing_image(), "width-1200|format-jpeg")
    if image:
        data["image"] = absolute_url(request, image.url)
    return data


def performer(speaker, request: HttpRequest | None) -> dict[str, Any]:
    """A speaker; one with a page on the site is the Person node of that page."""
    data: dict[str, Any] = {"@type": "Person", "name": speaker.name}
    url = getattr(speaker, "person_url", "")
    if url:
        url = absolute_url(request, url)
        data = {"@id": person_id(url), **data, "url": url}
    return data
