"""The centres' filters, ?public=associations&besoin=agir&programme=phare, read through the core's FilterForm.

Partners and newsletters link to filtered lists, so a stale or mistyped value must still
give a useful page: the filter is dropped and the visitor is told so, in French.
"""

from __future__ import annotations

from functools import cached_property
from urllib.parse import urlencode

from django.http import QueryDict

from core.filters import ChoiceFilter, FilterForm, PageFilter
from pages.models import Audience
from programmes.models import ProgrammePage
from resources.needs import NEEDS, NEEDS_BY_SLUG, Need

AUDIENCE_PARAM = "public"
NEED_PARAM = "besoin"
PROGRAMME_PARAM = "programme"
PAGE_PARAM = "page"


class CentreFilters(FilterForm):
    public = ChoiceFilter(label="Public")
    besoin = ChoiceFilter(label="Besoin", choices=[(need.slug, need.label) for need in NEEDS])
    programme = ChoiceFilter(label="Programme")
    page = PageFilter()

    def __init__(self, params: QueryDict) -> None:
        super().__init__(params)
        self.fields[AUDIENCE_PARAM].choices = lambda: [(slug, a.name) for slug, a in self.audiences.items()]
        self.fields[PROGRAMME_PARAM].choices = lambda: [(slug, p.title) for slug, p in self.programmes.items()]

    @cached_property
    def programmes(self) -> dict[str, ProgrammePage]:
        """Live programmes by slug, read only when a value arrives."""
        from caching.restrictions import private_q

        programmes = ProgrammePage.objects.live().exclude(private_q()).order_by("path").only("pk", "title", "slug")
        return {programme.slug.lower(): programme for programme in programmes}

    @property
    def chosen_programme(self) -> ProgrammePage | None:
        slug = self.values[PROGRAMME_PARAM]
        return self.programmes[slug] if slug else None

    @cached_property
    def audiences(self) -> dict[str, Audience]:
        """Read only when a value arrives: the unfiltered list asks nothing more of the database."""
        return {audience.slug.lower(): audience for audience in Audience.objects.order_by("sort_order", "name")}

    @property
    def audience(self) -> Audience | None:
        slug = self.values[AUDIENCE_PARAM]
        return self.audiences[slug] if slug else None

    @property
    def need(self) -> Need | None:
        return NEEDS_BY_SLUG.get(self.values[NEED_PARAM])

    @property
    def active(self) -> bool:
        return self.audience is not None or self.need is not None or self.chosen_programme is not None

    def query(self, page: int | None = None, **changes: str | None) -> str:
        """The query string ("" or "?…") for these filters with some changed (None drops one), on page 1 unless told."""
        values: dict[str, object] = {
            AUDIENCE_PARAM: self.audience.slug if self.audience else None,
            NEED_PARAM: self.need.slug if self.need else None,
            PROGRAMME_PARAM: self.chosen_programme.slug if self.chosen_programme else None,
        }
        values.update(changes)
        if page and page > 1:
            values[PAGE_PARAM] = page
        kept = {key: value for key, value in values.items() if value}
        return "?" + urlencode(kept) if kept else ""


def read_filters(params: QueryDict) -> CentreFilters:
    return CentreFilters(params)
