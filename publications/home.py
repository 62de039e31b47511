"""The home page's « Dernières publications » section (wired in by the pages app)."""
from __future__ import annotations

from django.http import HttpRequest

from publications.queries import latest_publications, private_sections


def latest_publications_section(request: HttpRequest) -> dict:
    """The library page (or None) and its 4 newest live publications, covers attached."""
    from publications.models import PublicationIndexPage

    private = private_sections()
    index = PublicationIndexPage.objects.live().exclude(private).first()
    return {"publications_index": index, "publications": latest_publications(4, private)}
