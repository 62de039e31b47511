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
        return PaginationResult(paginator.page(1), f"« {shown} » n'est pas un numéro de page valide : voici la première page.")
    number = int(raw_number)
    if number > paginator.num_pages:
        last = paginator.num_pages
        pages = "une seule page" if last == 1 else f"{last} pages"
        return PaginationResult(paginator.page(last), f"La page {number} n'existe pas (la liste compte {pages}) : voici la dernière.")
    return PaginationResult(paginator.page(number))
