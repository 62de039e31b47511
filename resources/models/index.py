"""The list of centres at /centres-de-ressources/, filtered by audience and need with plain links."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.db.models import Prefetch, QuerySet
from wagtail.admin.panels import FieldPanel

from caching.restrictions import private_q
from caching.scopes import PUBLICATIONS
from core.listing import attach_listing_images
from core.pagination import paginate
from pages.models import Audience, BasePage
from programmes.models import ProgrammePage
from resources.filters import PAGE_PARAM, CentreFilters, read_filters
from resources.needs import NEEDS

from .centre import ResourceCentrePage, ResourceCentrePartner

CENTRES_PER_PAGE = 24
CARD_TEMPLATE = "resources/includes/centre_card.html"


@dataclass(frozen=True)
class CentreEntry:
    pk: int
    audiences: frozenset[int]
    needs: frozenset[str]
    programmes: frozenset[int] = frozenset()


@dataclass(frozen=True)
class CentreCatalogue:
    """The live centres in tree order with what the filters look at, and the audiences that
    have at least one centre (the audience filter's choices)."""

    entries: tuple[CentreEntry, ...]
    audiences: tuple[Audience, ...]
    #: (pk, slug, title) of the live programmes that have at least one centre, in tree order.
    programmes: tuple[tuple[int, str, str], ...] = ()


def with_card_data(centres: QuerySet) -> QuerySet:
    """What a centre card shows (audiences, partners), fetched once for the whole list."""
    partner_links = ResourceCentrePartner.objects.select_related("partner").order_by("sort_order")
    return centres.prefetch_related(
        Prefetch("audiences", queryset=Audience.objects.order_by("sort_order", "name")),
        Prefetch("partner_links", queryset=partner_links),
    )


class ResourceCentreIndexPage(BasePage):
    intro = models.TextField(
        "chapô",
        blank=True,
        max_length=600,
        help_text="Une ou deux phrases sous le titre : à quoi servent les centres de ressources.",
    )

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["resources.ResourceCentrePage"]
    max_count = 1

    search_result_label = "Rubrique"

    class Meta:
        verbose_name = "index des centres de ressources"

    def live_centres(self) -> QuerySet:
        """The centres visitors may see, in the order staff set in the page tree."""
        return ResourceCentrePage.objects.child_of(self).live().exclude(private_q()).order_by("path")

    def catalogue(self) -> CentreCatalogue:
        """What the filters look at, for every live centre, read once per content version."""
        from caching.data import remember

        def build() -> CentreCatalogue:
            live_programmes = ProgrammePage.objects.live().exclude(private_q()).order_by("path")
            centres = list(
                self.live_centres().prefetch_related(
                    "audiences", Prefetch("programmes", queryset=live_programmes.only("pk", "slug", "title", "path"))
                )
            )
            used: dict[int, Audience] = {}
            programmes: dict[int, ProgrammePage] = {}
            entries = []
            for centre in centres:
                audiences = list(centre.audiences.all())
                used.update((audience.pk, audience) for audience in audiences)
                programmes.update((programme.pk, programme) for programme in centre.programmes.all())
                needs = frozenset(need.slug for need in NEEDS if getattr(centre, need.field))
                entries.append(
                    CentreEntry(
                        centre.pk,
                        frozenset(audience.pk for audience in audiences),
                        needs,
                        frozenset(programme.pk for programme in centre.programmes.all()),
                    )
                )
            ordered = tuple(sorted(used.values(), key=lambda audience: (audience.sort_order, audience.name)))
            used_programmes = tuple(
                (p.pk, p.slug, p.title) for p in sorted(programmes.values(), key=lambda programme: programme.path)
            )
            return CentreCatalogue(tuple(entries), ordered, used_programmes)

        # Centres, audiences and programmes: nothing from the library or the news (caching/scopes.py).
        return remember(None, f"centre-catalogue:{self.pk}", build, immutable=True, ignores=PUBLICATIONS)

    def filtered_centres(self, filters: CentreFilters) -> list[int]:
        """Pks of the centres matching the filters, in tree order."""
        audience, need, programme = filters.audience, filters.need, filters.chosen_programme
        return [
            entry.pk
            for entry in self.catalogue().entries
            if (audience is None or audience.pk in entry.audiences)
            and (need is None or need.slug in entry.needs)
            and (programme is None or programme.pk in entry.programmes)
        ]

    def filter_options(self, filters: CentreFilters) -> dict:
        """Links for each audience that has a centre, and for each need, with the current one marked."""
        audiences = [
            {
                "label": audience.name,
                "query": filters.query(public=audience.slug),
                "current": audience == filters.audience,
            }
            for audience in self.catalogue().audiences
        ]
        needs = [
            {"label": need.label, "query": filters.query(besoin=need.slug), "current": need == filters.need}
            for need in NEEDS
        ]
        current = filters.chosen_programme.pk if filters.chosen_programme else None
        programmes = [
            {"label": title, "query": filters.query(programme=slug), "current": pk == current}
            for pk, slug, title in self.catalogue().programmes
        ]
        return {
            "audiences": audiences,
            "all_audiences_query": filters.query(public=None),
            "needs": needs,
            "all_needs_query": filters.query(besoin=None),
            "programmes": programmes,
            "all_programmes_query": filters.query(programme=None),
        }

    def centre_cards(self, request, pks: list[int]) -> list:
        """The cards of these centres as centre_card.html keeps them (per centre and content
        version): only those not yet rendered are read and rendered."""
        from django.core.cache.utils import make_template_fragment_key
        from django.template.loader import render_to_string

        from caching.data import version_for
        from core.listing import cached_cards

        # A card shows the centre, its audiences and partners: never a publication or an article.
        token = version_for(request, PUBLICATIONS)
        audience_count = len(self.catalogue().audiences)

        def render_missing(missing: list[int]) -> dict[int, str]:
            centres = attach_listing_images(with_card_data(ResourceCentrePage.objects.filter(pk__in=missing)))
            cards = {}
            for centre in centres:
                centre.for_every_audience = audience_count > 1 and len(centre.audiences.all()) >= audience_count
                cards[centre.pk] = render_to_string(CARD_TEMPLATE, {"centre": centre}, request=request)
            return cards

        return cached_cards(pks, lambda pk: make_template_fragment_key("centre_card", [pk, token]), render_missing)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = read_filters(request.GET)
        pagination = paginate(self.filtered_centres(filters), filters.values[PAGE_PARAM], CENTRES_PER_PAGE)
        centres_page, page_notice = pagination.page, pagination.message
        context.update(
            filters=filters,
            filter_options=self.filter_options(filters),
            notices=[*filters.notices, *([page_notice] if page_notice else [])],
            cards=self.centre_cards(request, list(centres_page.object_list)),
            centres_page=centres_page,
            previous_query=filters.query(page=centres_page.previous_page_number())
            if centres_page.has_previous()
            else None,
            next_query=filters.query(page=centres_page.next_page_number()) if centres_page.has_next() else None,
        )
        return context
