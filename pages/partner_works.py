"""What each partner built with Le RAMEAU, for the partners page, without pages naming a section.

Centres, publications and programmes point to their partners; each of those apps registers
a `PartnerWorks` with PARTNER_WORKS_HOOK in its wagtail_hooks.py:

    @hooks.register(PARTNER_WORKS_HOOK)
    def partner_centres_works() -> PartnerWorks: ...
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from django.http import HttpRequest
from wagtail import hooks

PARTNER_WORKS_HOOK = "rameau_register_partner_works"


@dataclass(frozen=True)
class PartnerWork:
    """One thing built with a partner, as the partners page links it."""

    title: str
    url: str
    detail: str = ""  # « ouvert en 2016 », « Livre · 2018 »…


#: Works of one kind listed per partner; the others are counted (« et 1 990 autres »), so the
#: page stays the same size whatever the size of the library.
SHOWN = 10


class Shelf(NamedTuple):
    """A partner's works of one kind: the first SHOWN in display order, and how many in all."""

    works: list[PartnerWork]
    total: int

    @property
    def more(self) -> int:
        return self.total - len(self.works)


def shelves(found: dict[int, list[PartnerWork]]) -> dict[int, Shelf]:
    """Full lists, already in display order, as shelves of SHOWN works."""
    return {partner_pk: Shelf(works[:SHOWN], len(works)) for partner_pk, works in found.items()}


@dataclass(frozen=True)
class PartnerWorks:
    """A kind of work built with partners, and how to find them all at once."""

    label: str  # « Centres de ressources »
    #: {partner pk: its shelf of works of this kind}, for every partner, in a fixed number of
    #: queries (read once per content version by the partners page).
    works: Callable[[HttpRequest | None], dict[int, Shelf]]
    order: int = 100


def partner_works(request: HttpRequest | None) -> dict[int, list[tuple[str, Shelf]]]:
    """{partner pk: [(label, shelf), …]} over every registered kind, in their order."""
    kinds = sorted((hook() for hook in hooks.get_hooks(PARTNER_WORKS_HOOK)), key=lambda kind: kind.order)
    found: dict[int, list[tuple[str, Shelf]]] = {}
    for kind in kinds:
        for partner_pk, shelf in kind.works(request).items():
            if shelf.works:
                found.setdefault(partner_pk, []).append((kind.label, shelf))
    return found
