"""Admin registrations: the shared snippets, with French labels and useful list columns."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Audience, KeyFigure, Partner, Theme


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
    list_display = ["value", "label", "year", "source"]
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


register_snippet(PartnerViewSet)
register_snippet(KeyFigureViewSet)
register_snippet(ListsViewSetGroup)
