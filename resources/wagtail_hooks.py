"""Admin: centres listed with the health of their platform link, in the explorer and in their
own menu; the centres' section of the home page and their kind of search result; the centres
of a programme."""

from __future__ import annotations

from django.utils.functional import cached_property
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import DateColumn, StatusTagColumn
from wagtail.admin.viewsets.pages import PageListingViewSet, PageViewSet
from wagtail.permission_policies.pages import PagePermissionPolicy

from core.backlinks import PROGRAMME_SECTIONS_HOOK, LinkedSection
from core.plugins import HOME_SECTIONS_HOOK, SEARCH_KINDS_HOOK, HomeSection, SearchKind
from pages.partner_works import PARTNER_WORKS_HOOK, PartnerWorks

from .backlinks import partner_centres, programme_centres
from .home import centres_section
from .models import ResourceCentreIndexPage, ResourceCentrePage

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
    list_display = [*PageViewSet.columns, *LINK_COLUMNS]
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
    columns = [*PageListingViewSet.columns, *LINK_COLUMNS]
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


@hooks.register(SEARCH_KINDS_HOOK)
def centre_results() -> SearchKind:
    return SearchKind(
        "centres",
        "Centres de ressources",
        ("resources.ResourceCentrePage",),
        browse=("resources.ResourceCentreIndexPage", "les centres de ressources"),
        order=20,
    )


@hooks.register(PROGRAMME_SECTIONS_HOOK)
def programme_centres_section() -> LinkedSection:
    return LinkedSection("resources/includes/programme_centres.html", programme_centres, order=20)


@hooks.register(PARTNER_WORKS_HOOK)
def partner_centres_works() -> PartnerWorks:
    return PartnerWorks("Centres de ressources", partner_centres, order=10)
