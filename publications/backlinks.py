"""The publications a programme or a person page shows (core.backlinks), as library cards, and
those each partner made with Le RAMEAU (for the partners page).

Their pks are read once per content version in one query; the cards come from the cache of
publication_card.html, so the count of publications never adds queries.
"""

from __future__ import annotations

from collections import defaultdict

from django.apps import apps
from django.http import HttpRequest
from wagtail.models import Page

from pages.partner_works import PartnerWork

LIMIT = 60


def linked_pks(request: HttpRequest | None, key: str, **lookup) -> list[int]:
    from caching.data import remember
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


def partner_publications(request: HttpRequest | None) -> dict[int, list[PartnerWork]]:
    """{partner pk: the live, public publications made with it, newest first}: two queries,
    whatever the size of the library (only publications with a partner are read)."""
    from publications.queries import live_publications

    through = apps.get_model("publications", "PublicationPage").partners.through
    publications = list(live_publications().filter(partners__isnull=False).distinct().prefetch_related(None))
    position = {publication.pk: rank for rank, publication in enumerate(publications)}
    by_pk = {publication.pk: publication for publication in publications}
    links = through.objects.filter(publicationpage_id__in=list(by_pk)).values_list("partner_id", "publicationpage_id")
    found: dict[int, list[PartnerWork]] = defaultdict(list)
    for partner_id, page_id in sorted(links, key=lambda link: position[link[1]]):
        publication = by_pk[page_id]
        kind = publication.publication_type.name if publication.publication_type else "Publication"
        found[partner_id].append(
            PartnerWork(publication.title, publication.get_url(request), f"{kind} · {publication.display_date}")
        )
    return found
