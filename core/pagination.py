"""The one pagination helper of the site: a visitor-supplied page number is corrected, never fatal."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.core.paginator import Page, Paginator

_PAGE_NUMBER = re.compile(r"[0-9]{1,6}")  # ASCII only: int() would accept other scripts' digits


@dataclass
class PaginationResult:
    page: Page
    message: str = ""


def paginate(items, raw_number: str | None, per_page: int) -> PaginationResult:
    """Page 1 for a malformed or zero number, the last page beyond the end; each with a message."""
    paginator = Paginator(items, per_page, allow_empty_first_page=True)
    raw_number = (raw_number or "").strip()
    if not raw_number:
        return PaginationResult(paginator.page(1))
    if not _PAGE_NUMBER.fullmatch(raw_number) or int(raw_number) < 1:
        shown = raw_number[:20]
        return PaginationResult(
            paginator.page(1), f"« {shown} » n'est pas un numéro de page valide : voici la première page."
        )
    number = int(raw_number)
    if number > paginator.num_pages:
        last = paginator.num_pages
        pages = "une seule page" if last == 1 else f"{last} pages"
        return PaginationResult(
            paginator.page(last), f"La page {number} n'existe pas (la liste compte {pages}) : voici la dernière."
        )
    return PaginationResult(paginator.page(number))


def pagination_links(page: Page, link_for) -> dict:
    """What templates/includes/pagination.html needs: a short run of numbered links, previous, next.

    `link_for(page=n)` returns the link to page n with the list's other parameters kept.
    """
    numbers = page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    links: dict = {"page_links": [(n, link_for(page=n)) if isinstance(n, int) else (None, "") for n in numbers]}
    if page.has_previous():
        links["previous_link"] = link_for(page=page.previous_page_number())
    if page.has_next():
        links["next_link"] = link_for(page=page.next_page_number())
    return links
