"""Publication lists other pages reuse (home, resource centres), each in a fixed number of queries."""

from __future__ import annotations

from collections.abc import Iterable

from django.apps import apps
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils.safestring import SafeString

from caching.data import remember, version_for
from caching.lookups import first_live_page
from caching.restrictions import private_q
from caching.scopes import PUBLICATIONS
from core.listing import attach_images, cached_cards
from publications import catalogue


def private_sections() -> Q:
    """Pages under a view restriction, as a filter (read from the cache, not the database)."""
    return private_q()


def attach_covers(publications: Iterable) -> list:
    """Load every card's cover in one go, not one query per card."""
    return attach_images(publications, "cover_image")


def live_publications(private: Q | None = None) -> QuerySet:
    """Live, public publications, newest first, with what a card shows fetched up front."""
    PublicationPage = apps.get_model("publications", "PublicationPage")  # its model calls these queries

    return (
        PublicationPage.objects.live()
        .exclude(private if private is not None else private_sections())
        .select_related("publication_type")
        .prefetch_related("authors")
        .order_by("-publication_date", "title", "pk")
    )


def latest_publications(limit: int = 4, private: Q | None = None) -> list:
    newest = newest_in_catalogue(limit)
    return attach_covers(newest if newest is not None else live_publications(private)[:limit])


def newest_in_catalogue(limit: int, queryset: QuerySet | None = None) -> list | None:
    """The `limit` newest publications, from the head of the library's catalogue (kept up to date),
    not sorted again in SQL (60 to 100 ms per version at 20,000); None without a library page."""

    index = first_live_page(apps.get_model("publications", "PublicationIndexPage"), None)
    if index is None:
        return None
    pks = list(catalogue.of_library(index).pks[:limit])
    return catalogue.fetch(pks, queryset if queryset is not None else live_publications())


def publications_for_centre(centre, limit: int = 6) -> list:
    """The newest publications linked to a resource centre, covers attached (for the centre page).

    Picked from the library's catalogue (read once per content version) rather than by sorting
    the centre's publications in SQL at each visit; then only those are fetched.
    """

    index = first_live_page(apps.get_model("publications", "PublicationIndexPage"), None)
    if index is None:
        return []

    def build() -> list:
        library = catalogue.of_library(index)
        pks = library.pks_of(library.centres.get(centre.pk, 0), 0, limit)
        return attach_covers(catalogue.fetch(pks, live_publications()))

    return remember(None, f"centre-publications:{centre.pk}:{limit}", build)


CARD_TEMPLATE = "publications/includes/publication_card.html"


def publication_cards(request: HttpRequest, pks: list[int], show_summary: bool = False) -> list[SafeString]:
    """The cards of these publications, in order, as publication_card.html keeps them (per
    publication and its version): only those not yet rendered are read and rendered."""
    from django.core.cache.utils import make_template_fragment_key
    from django.template.loader import render_to_string

    summary = True if show_summary else ""  # the value the template's {% cache %} tag sees
    # A card shows its publication alone (caching/scopes.py; its template asks scoped_version).
    versions = {pk: version_for(request, PUBLICATIONS, pk) for pk in pks}

    def key_for(pk: int) -> str:
        return make_template_fragment_key("publication_card", [pk, "", summary, versions[pk]])

    def render_missing(missing: list[int]) -> dict[int, str]:
        publications = attach_covers(catalogue.fetch(missing, live_publications()))
        context = {"show_summary": True} if show_summary else {}
        return {
            publication.pk: render_to_string(CARD_TEMPLATE, {**context, "publication": publication}, request=request)
            for publication in publications
        }

    return cached_cards(pks, key_for, render_missing)
