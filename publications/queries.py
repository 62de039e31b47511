"""Publication lists other pages reuse (home, resource centres), each in a fixed number of queries."""
from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Q, QuerySet
from wagtail.images import get_image_model
from wagtail.models import Page


def private_sections() -> Q:
    """Pages under a view restriction, read once per request and reused by every `.exclude()`.

    `.public()` runs its own query each time it is called; this keeps one per request.
    """
    return Page.objects.private_q()


def attach_covers(publications: Iterable) -> list:
    """Load every card's cover (with its renditions) in one go, not one query per card."""
    publications = list(publications)
    ids = {p.cover_image_id for p in publications if getattr(p, "cover_image_id", None)}
    if ids:
        images = get_image_model().objects.prefetch_renditions().in_bulk(ids)
        for publication in publications:
            if publication.cover_image_id in images:
                publication.cover_image = images[publication.cover_image_id]
    return publications


def live_publications(private: Q | None = None) -> QuerySet:
    """Live, public publications, newest first, with what a card shows fetched up front."""
    from publications.models import PublicationPage

    return (
        PublicationPage.objects.live()
        .exclude(private if private is not None else private_sections())
        .select_related("publication_type")
        .prefetch_related("authors")
        .order_by("-publication_date", "title", "pk")
    )


def latest_publications(limit: int = 4, private: Q | None = None) -> list:
    return attach_covers(live_publications(private)[:limit])


def publications_for_centre(centre, limit: int = 6) -> list:
    """The newest publications linked to a resource centre, covers attached (for the centre page)."""
    return attach_covers(live_publications().filter(centres=centre)[:limit])
