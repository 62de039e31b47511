"""schema.org JSON-LD of a webinar session: an online Event search engines can list."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.http import HttpRequest

from pages.structured_data import absolute_url

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
        "startDate": session.start.isoformat(),
        "endDate": session.end.isoformat(),
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
    description = session.get_meta_description()
    if description:
        data["description"] = description
    if speakers:
        data["performer"] = [{"@type": "Person", "name": speaker.name} for speaker in speakers]
    image = session.get_sharing_image()
    if image:
        data["image"] = absolute_url(request, image.get_rendition("width-1200|format-jpeg").url)
    return data
