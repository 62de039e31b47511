"""Admin registrations: the shared snippets, with French labels and useful list columns."""
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import KeyFigure, Partner


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


register_snippet(PartnerViewSet)
register_snippet(KeyFigureViewSet)
