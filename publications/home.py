"""The home page's « Dernières publications » section (registered in wagtail_hooks.py)."""

from __future__ import annotations

from django.http import HttpRequest

from core.caching.data import remember
from core.caching.lookups import first_live_page
from publications.queries import latest_publications, private_sections


def latest_publications_section(request: HttpRequest) -> dict:
    """The library page (or None) and its 4 newest live publications, covers attached.

    The four change only with the content: kept per content version (three queries, once).
    """
    from publications.models import PublicationIndexPage

    index = first_live_page(PublicationIndexPage, request)
    latest = remember(request, "home-latest-publications", lambda: latest_publications(4, private_sections()))
    return {"publications_index": index, "publications": latest}
