"""Admin: centres listed with the health of their platform link and of its feed, in the explorer
and in their own menu, with « Relever maintenant »; the centres' section of the home page
(their cards), their platforms' latest items for the body block « Dernières ressources des
centres », and their kind of search result; the centres of a programme."""

from __future__ import annotations

from django.urls import path, reverse
from django.utils.functional import cached_property
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import DateColumn, StatusTagColumn
from wagtail.admin.viewsets.pages import PageListingViewSet, PageViewSet
from wagtail.admin.widgets import Button
from wagtail.permission_policies.pages import PagePermissionPolicy

from core.backlinks import PROGRAMME_SECTIONS_HOOK, LinkedSection
from core.plugins import (
    BODY_LISTINGS_HOOK,
    HOME_SECTIONS_HOOK,
    SEARCH_KINDS_HOOK,
    BodyListing,
    HomeSection,
    SearchKind,
)
from pages.partner_works import PARTNER_WORKS_HOOK, PartnerWorks

from . import admin_views
from .admin_listing import FEED_COLUMNS, FeedExplorableIndexView, FeedIndexView
from .backlinks import partner_centres, programme_centres
from .home import centres_section
from .models import ResourceCentreIndexPage, ResourceCentrePage
from .news import latest_centre_news

FEED_LABEL = "Flux de la plateforme"

LINK_COLUMNS = [
    StatusTagColumn(
        "link_health_label",
        label="Plateforme",
        sort_key="link_ok",
        primary=lambda centre: centre.link_ok is False,
        width="16%",
    ),
    DateColumn("link_checked_at", label="Vérifiée le", sort_key="link_checked_at", width="12%"),
]
EXPORT = ["title", "platform_url", "link_ok", "link_status", "link_checked_at"]


class ResourceCentrePageViewSet(PageViewSet):
    """Used by the explorer when it lists the index's children: dead platforms stand out there."""

    model = ResourceCentrePage
    index_view_class = FeedExplorableIndexView
    list_display = [*PageViewSet.columns, *LINK_COLUMNS, *FEED_COLUMNS]
    list_filter = ["link_ok"]
    list_export = EXPORT


class CentresMenuItem(MenuItem):
    """Shown only to staff who may edit a centre: to others the list would be empty and its
    « Ajouter » button a dead end (editors write publications and news, not centres)."""

    def is_shown(self, request) -> bool:
        editable = PagePermissionPolicy().instances_user_has_any_permission_for(request.user, ["change", "publish"])
        return editable.type(ResourceCentreIndexPage, ResourceCentrePage).exists()


class ResourceCentreListingViewSet(PageListingViewSet):
    """A flat list under its own menu item, filterable on « plateforme joignable »."""

    model = ResourceCentrePage
    icon = "globe"
    menu_label = "Centres de ressources"
    menu_order = 290
    add_to_admin_menu = True
    index_view_class = FeedIndexView
    columns = [*PageListingViewSet.columns, *LINK_COLUMNS, *FEED_COLUMNS]
    list_filter = ["link_ok"]
    list_export = EXPORT

    @cached_property
    def menu_item_class(self):
        return CentresMenuItem


@hooks.register("register_admin_viewset")
def register_centre_viewsets():
    return [ResourceCentrePageViewSet(), ResourceCentreListingViewSet("centres_de_ressources")]


@hooks.register(HOME_SECTIONS_HOOK)
def centres_home_section() -> HomeSection:
    return HomeSection(
        key="resource_centres",
        label="Centres de ressources",
        description="Les centres de ressources publiés, en cartes.",
        template="resources/includes/home_section.html",
        context=centres_section,
    )


@hooks.register(BODY_LISTINGS_HOOK)
def centre_news_listing() -> BodyListing:
    return BodyListing(key="centre_news", template="resources/includes/centre_news.html", context=latest_centre_news)


@hooks.register("register_admin_urls")
def register_feed_url():
    return [path("centres-de-ressources/<int:page_id>/flux/", admin_views.centre_feed, name="resources_feed")]


def _feed_button(page, user, priority: int):
    if page.specific_class is not ResourceCentrePage or not page.permissions_for_user(user).can_edit():
        return
    yield Button(FEED_LABEL, reverse("resources_feed", args=[page.id]), icon_name="rotate", priority=priority)


@hooks.register("register_page_header_buttons")
def feed_header_button(page, user, view_name=None, next_url=None):
    yield from _feed_button(page, user, priority=18)


@hooks.register("register_page_listing_more_buttons")
def feed_listing_button(page, user, next_url=None):
    yield from _feed_button(page, user, priority=45)


@hooks.register(SEARCH_KINDS_HOOK)
def centre_results() -> SearchKind:
    return SearchKind(
        "centres",
        "Centres de ressources",
        ("resources.ResourceCentrePage",),
        browse=("resources.ResourceCentreIndexPage", "les centres de ressources"),
        order=20,
        weight=1.5,
    )


@hooks.register(PROGRAMME_SECTIONS_HOOK)
def programme_centres_section() -> LinkedSection:
    return LinkedSection("resources/includes/programme_centres.html", programme_centres, order=20)


@hooks.register(PARTNER_WORKS_HOOK)
def partner_centres_works() -> PartnerWorks:
    return PartnerWorks("Centres de ressources", partner_centres, order=10)
