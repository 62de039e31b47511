"""The list of centres at /centres-de-ressources/, filtered by audience and need with plain links."""

from __future__ import annotations

from django.db import models
from django.db.models import Prefetch, QuerySet
from wagtail.admin.panels import FieldPanel

from pages.caching.restrictions import private_q
from pages.listing import attach_listing_images
from pages.models import Audience, BasePage
from pages.pagination import paginate
from resources.filters import PAGE_PARAM, CentreFilters, read_filters
from resources.needs import NEEDS

from .centre import ResourceCentrePage, ResourceCentrePartner

CENTRES_PER_PAGE = 24


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

    def filtered_centres(self, filters: CentreFilters) -> QuerySet:
        centres = self.live_centres()
        if filters.audience:
            centres = centres.filter(audiences=filters.audience)
        if filters.need:
            centres = centres.filter(**{filters.need.field: True})
        return centres

    def filter_options(self, filters: CentreFilters) -> dict:
        """Links for each audience that has a centre, and for each need, with the current one marked."""
        used = (
            Audience.objects.filter(resource_centres__in=self.live_centres()).distinct().order_by("sort_order", "name")
        )
        audiences = [
            {
                "label": audience.name,
                "query": filters.query(public=audience.slug),
                "current": audience == filters.audience,
            }
            for audience in used
        ]
        needs = [
            {"label": need.label, "query": filters.query(besoin=need.slug), "current": need == filters.need}
            for need in NEEDS
        ]
        return {
            "audiences": audiences,
            "all_audiences_query": filters.query(public=None),
            "needs": needs,
            "all_needs_query": filters.query(besoin=None),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = read_filters(request.GET)
        pagination = paginate(
            with_card_data(self.filtered_centres(filters)), filters.values[PAGE_PARAM], CENTRES_PER_PAGE
        )
        centres_page, page_notice = pagination.page, pagination.message
        centres_page.object_list = attach_listing_images(centres_page.object_list)
        options = self.filter_options(filters)
        audience_count = len(options["audiences"])
        for centre in centres_page.object_list:
            centre.for_every_audience = audience_count > 1 and len(centre.audiences.all()) >= audience_count
        context.update(
            filters=filters,
            filter_options=options,
            notices=[*filters.notices, *([page_notice] if page_notice else [])],
            centres=centres_page.object_list,
            centres_page=centres_page,
            previous_query=filters.query(page=centres_page.previous_page_number())
            if centres_page.has_previous()
            else None,
            next_query=filters.query(page=centres_page.next_page_number()) if centres_page.has_next() else None,
        )
        return context
