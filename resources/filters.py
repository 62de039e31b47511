"""Reading the index's GET filters through an allowlist: bad input corrects itself, never a 500.

Partners and newsletters link to filtered lists (?public=associations&besoin=agir), so a
stale or mistyped value must still give a useful page: the filter is dropped and the
visitor is told so, in French.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.http import QueryDict

from pages.models import Audience
from resources.needs import NEEDS_BY_SLUG, Need

AUDIENCE_PARAM = "public"
NEED_PARAM = "besoin"
PAGE_PARAM = "page"
MAX_VALUE_LENGTH = 80
SLUG = re.compile(r"[-a-z0-9_]+")


@dataclass
class CentreFilters:
    audience: Audience | None = None
    need: Need | None = None
    notices: list[str] = field(default_factory=list)

    @property
    def active(self) -> bool:
        return self.audience is not None or self.need is not None

    def query(self, page: int | None = None, **changes: str | None) -> str:
        """The query string ("" or "?…") for these filters with some changed (None drops one), on page 1 unless told."""
        values: dict[str, object] = {
            AUDIENCE_PARAM: self.audience.slug if self.audience else None,
            NEED_PARAM: self.need.slug if self.need else None,
        }
        values.update(changes)
        if page and page > 1:
            values[PAGE_PARAM] = page
        kept = {key: value for key, value in values.items() if value}
        return "?" + urlencode(kept) if kept else ""


def _single_value(params: QueryDict, name: str) -> tuple[str | None, bool]:
    """The parameter's value, normalised, and whether it was well formed (one short value)."""
    values = params.getlist(name)
    if not values:
        return None, True
    if len(values) > 1 or len(values[0]) > MAX_VALUE_LENGTH:
        return None, False
    value = values[0].strip().lower()
    if value and not SLUG.fullmatch(value):
        return None, False
    return (value or None), True


def read_filters(params: QueryDict) -> CentreFilters:
    filters = CentreFilters()

    slug, well_formed = _single_value(params, AUDIENCE_PARAM)
    if slug:
        filters.audience = Audience.objects.filter(slug=slug).first()
    if not well_formed or (slug and filters.audience is None):
        filters.notices.append("Ce public n'est pas reconnu : le filtre par public a été retiré.")

    slug, well_formed = _single_value(params, NEED_PARAM)
    if slug:
        filters.need = NEEDS_BY_SLUG.get(slug)
    if not well_formed or (slug and filters.need is None):
        filters.notices.append(
            "Ce besoin n'est pas reconnu (choix possibles : s'informer, se former, agir) : "
            "le filtre par besoin a été retiré."
        )
    return filters
