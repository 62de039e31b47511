"""What each partner built with Le RAMEAU, for the partners page, without pages naming a section.

Centres, publications and programmes point to their partners; each of those apps registers
a `PartnerWorks` with PARTNER_WORKS_HOOK in its wagtail_hooks.py:

    @hooks.register(PARTNER_WORKS_HOOK)
    def partner_centres_works() -> PartnerWorks: ...
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest
from wagtail import hooks

PARTNER_WORKS_HOOK = "rameau_register_partner_works"


@dataclass(frozen=True)
class PartnerWork:
    """One thing built with a partner, as the partners page links it."""

    title: str
    url: str
    detail: str = ""  # « ouvert en 2016 », « Livre · 2018 »…


@dataclass(frozen=True)
class PartnerWorks:
    """A kind of work built with partners, and how to find them all at once."""

    label: str  # « Centres de ressources »
    #: {partner pk: its works of this kind, in display order}, for every partner, in a fixed
    #: number of queries (read once per content version by the partners page).
    works: Callable[[HttpRequest | None], dict[int, list[PartnerWork]]]
    order: int = 100


def partner_works(request: HttpRequest | None) -> dict[int, list[tuple[str, list[PartnerWork]]]]:
    """{partner pk: [(label, works), …]} over every registered kind, in their order."""
    kinds = sorted((hook() for hook in hooks.get_hooks(PARTNER_WORKS_HOOK)), key=lambda kind: kind.order)
    found: dict[int, list[tuple[str, list[PartnerWork]]]] = {}
    for kind in kinds:
        for partner_pk, works in kind.works(request).items():
            if works:
                found.setdefault(partner_pk, []).append((kind.label, works))
    return found
