"""The publications a programme or a person page shows (core.backlinks), as library cards.

Their pks are read once per content version in one query; the cards come from the cache of
publication_card.html, so the count of publications never adds queries.
"""

from __future__ import annotations

from django.http import HttpRequest
from wagtail.models import Page

LIMIT = 60


def linked_pks(request: HttpRequest | None, key: str, **lookup) -> list[int]:
    from core.caching.data import remember
    from publications.queries import live_publications

    def build() -> list[int]:
        publications = live_publications().filter(**lookup).distinct()
        return list(publications.values_list("pk", flat=True)[:LIMIT])

    return remember(request, key, build)


def programme_publications(programme: Page, request: HttpRequest | None) -> dict:
    from publications.queries import publication_cards

    pks = linked_pks(request, f"programme-publications:{programme.pk}", programmes=programme)
    return {
        "linked_publication_cards": publication_cards(request, pks),
        "library_filter": {"programme": programme.slug},
    }


def person_publications(person: Page, request: HttpRequest | None) -> dict:
    from publications.queries import publication_cards

    pks = linked_pks(request, f"person-publications:{person.pk}", authors__person=person)
    return {"linked_publication_cards": publication_cards(request, pks), "library_filter": {}}
