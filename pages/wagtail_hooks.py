"""Admin registrations of the institution's pages: the shared snippets, with French labels and
useful list columns, the « à vérifier » report, and the site map in the footer."""

from django.urls import path, reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.panels import ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.files import MEDIA_REPORTS_HOOK
from core.front_door import FRONT_DOOR_HOOK, FrontDoorPage
from core.plugins import HOME_SECTIONS_HOOK, HomeSection

from . import stand_ins, stand_ins_report
from .checks_admin import LOG_ACTIONS, MARK_URL_NAME, ContentCheckForm, MarkCheckMenuItem, MarkCheckView
from .checks_report import URL_NAME, ContentCheckMenuItem, ContentCheckReportView
from .featured import latest_featured
from .models import Audience, ContentCheck, KeyFigure, Partner, Theme

hooks.register(MEDIA_REPORTS_HOOK, stand_ins.report)


@hooks.register(FRONT_DOOR_HOOK)
def site_map_page() -> FrontDoorPage:
    return FrontDoorPage("site_map", "pages.SiteMapPage")


@hooks.register(FRONT_DOOR_HOOK)
def partners_page() -> FrontDoorPage:
    return FrontDoorPage("partners", "pages.PartnersPage")


@hooks.register(HOME_SECTIONS_HOOK)
def featured_home_section() -> HomeSection:
    """What the home page leads with: the newest real item, never a session still without its theme."""
    return HomeSection(
        key="featured",
        label="À la une",
        description="Le contenu réel le plus récent du site : une actualité, une publication ou un communiqué.",
        template="pages/includes/featured_section.html",
        context=lambda request: {"featured": latest_featured(request)},
        clock_key=lambda request: timezone.localdate().isoformat(),
    )


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "group"
    menu_label = "Partenaires"
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "website"]
    search_fields = ["name"]


class KeyFigureViewSet(SnippetViewSet):
    model = KeyFigure
    icon = "table"
    menu_label = "Chiffres clés"
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["qualifier", "value", "label", "year", "source"]
    list_filter = ["year"]
    search_fields = ["value", "label", "source"]


class TaxonomyViewSet(SnippetViewSet):
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]


class AudienceViewSet(TaxonomyViewSet):
    model = Audience
    icon = "user"
    menu_label = "Publics"


class ThemeViewSet(TaxonomyViewSet):
    model = Theme
    icon = "tag"
    menu_label = "Thèmes"


class ListsViewSetGroup(SnippetViewSetGroup):
    """Short lists used for filters, grouped so the admin menu stays short."""

    items = (AudienceViewSet, ThemeViewSet)
    menu_icon = "list-ul"
    menu_label = "Listes"
    menu_order = 320


class ContentCheckViewSet(SnippetViewSet):
    """Where staff add, edit and tick off « à vérifier » points (listed in Rapports)."""

    model = ContentCheck
    icon = "warning"
    menu_label = "Points à vérifier"
    add_to_admin_menu = False
    list_display = ["__str__", "status", "created_at"]
    list_filter = ["status"]
    edit_handler = ObjectList(ContentCheck.panels, base_form_class=ContentCheckForm)


@hooks.register("register_admin_urls")
def register_reports():
    """Rapports › Contenus à vérifier, and › Fichiers provisoires (core/stand_ins.py)."""
    stand_ins = stand_ins_report.URL_NAME
    return [
        path("rapports/a-verifier/", ContentCheckReportView.as_view(), name=URL_NAME),
        path(
            "rapports/a-verifier/resultats/",
            ContentCheckReportView.as_view(results_only=True),
            name=f"{URL_NAME}_results",
        ),
        path("rapports/a-verifier/<int:pk>/verifier/", MarkCheckView.as_view(), name=MARK_URL_NAME),
        path("rapports/fichiers-provisoires/", stand_ins_report.StandInReportView.as_view(), name=stand_ins),
        path(
            "rapports/fichiers-provisoires/resultats/",
            stand_ins_report.StandInReportView.as_view(results_only=True),
            name=f"{stand_ins}_results",
        ),
    ]


@hooks.register("register_snippet_action_menu_item")
def mark_check_menu_item(model):
    return MarkCheckMenuItem() if model is ContentCheck else None


@hooks.register("register_log_actions")
def register_check_log_actions(actions) -> None:
    for action, label in LOG_ACTIONS.values():
        actions.register_action(action, label, label)


@hooks.register("register_reports_menu_item")
def register_content_check_menu_item():
    return ContentCheckMenuItem(
        "Contenus à vérifier", reverse(URL_NAME), name="a-verifier", icon_name="warning", order=50
    )


@hooks.register("register_reports_menu_item")
def register_stand_in_menu_item():
    return ContentCheckMenuItem(
        "Fichiers provisoires",
        reverse(stand_ins_report.URL_NAME),
        name="fichiers-provisoires",
        icon_name="image",
        order=60,
    )


register_snippet(PartnerViewSet)
register_snippet(KeyFigureViewSet)
register_snippet(ContentCheckViewSet)
register_snippet(ListsViewSetGroup)
