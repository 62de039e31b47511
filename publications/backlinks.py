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

from pages.partner_works import SHOWN, PartnerWork, Shelf

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


def partner_publications(request: HttpRequest | None) -> dict[int, Shelf]:
    """{partner pk: its shelf of live, public publications, newest first}: three queries, and
    only the publications shown are read, whatever the size of the library (a partner of 2,000
    publications costs a count, not 2,000 cards)."""
    from publications.queries import live_publications

    through = apps.get_model("publications", "PublicationPage").partners.through
    live = live_publications().filter(partners__isnull=False).prefetch_related(None)
    links = through.objects.filter(publicationpage__in=live.order_by().values("pk")).order_by(
        "-publicationpage__publication_date", "publicationpage__title", "publicationpage_id"
    )
    shown: dict[int, list[int]] = defaultdict(list)
    totals: dict[int, int] = defaultdict(int)
    for partner_id, page_id in links.values_list("partner_id", "publicationpage_id").iterator():
        totals[partner_id] += 1
        if len(shown[partner_id]) < SHOWN:
            shown[partner_id].append(page_id)
    by_pk = live.in_bulk({page_id for page_ids in shown.values() for page_id in page_ids})
    shelves: dict[int, Shelf] = {}
    for partner_id, page_ids in shown.items():
        works = []
        for publication in (by_pk[page_id] for page_id in page_ids):
            kind = publication.publication_type.name if publication.publication_type else "Publication"
            works.append(
                PartnerWork(publication.title, publication.get_url(request), f"{kind} · {publication.display_date}")
            )
        shelves[partner_id] = Shelf(works, totals[partner_id])
    return shelves
