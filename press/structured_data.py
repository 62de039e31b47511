"""schema.org JSON-LD of a press release: a NewsArticle whose genre says what it is."""

from __future__ import annotations

import mimetypes
from typing import Any

from django.http import HttpRequest

from core.documents import document_offered
from core.structured_data import absolute_url


def press_release_json_ld(release, request: HttpRequest | None = None) -> dict[str, Any]:
    """A press release as a NewsArticle whose genre says what it is."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "genre": "Communiqué de presse",
        "headline": release.title[:110],
        "url": absolute_url(request, release.get_url(request) or ""),
        "datePublished": release.date.isoformat(),
        "inLanguage": "fr",
        "author": {"@type": "Organization", "name": "Le RAMEAU"},
        "publisher": {"@type": "Organization", "name": "Le RAMEAU"},
    }
    if release.summary:
        data["description"] = release.summary
    if document_offered(release.document, request):
        data["associatedMedia"] = {
            "@type": "MediaObject",
            "contentUrl": absolute_url(request, release.document.url),
            "encodingFormat": mimetypes.guess_type(release.document.filename)[0] or "application/octet-stream",
        }
    return data
