"""What the programmes bring to other pages: the programmes each partner leads with Le RAMEAU."""

from __future__ import annotations

from django.http import HttpRequest
from wagtail import hooks

from pages.partner_works import PARTNER_WORKS_HOOK, PartnerWork, PartnerWorks, Shelf, shelves


def partner_programmes(request: HttpRequest | None) -> dict[int, Shelf]:
    """{partner pk: the live, public programmes it takes part in, by title}: two queries."""
    from caching.restrictions import private_q
    from programmes.models import ProgrammePage

    programmes = {
        programme.pk: programme
        for programme in ProgrammePage.objects.live().exclude(private_q()).order_by("title", "pk")
    }
    position = {pk: rank for rank, pk in enumerate(programmes)}
    links = ProgrammePage.partners.through.objects.filter(programmepage_id__in=list(programmes))
    found: dict[int, list[PartnerWork]] = {}
    for partner_id, page_id in sorted(
        links.values_list("partner_id", "programmepage_id"), key=lambda link: position[link[1]]
    ):
        programme = programmes[page_id]
        found.setdefault(partner_id, []).append(
            PartnerWork(programme.title, programme.get_url(request), programme.period_label)
        )
    return shelves(found)


@hooks.register(PARTNER_WORKS_HOOK)
def partner_programmes_works() -> PartnerWorks:
    return PartnerWorks("Programmes de recherche", partner_programmes, order=30)
