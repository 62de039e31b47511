"""Admin registration of the publication types staff extend."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import PublicationType


class PublicationTypeViewSet(SnippetViewSet):
    model = PublicationType
    icon = "doc-full"
    menu_label = "Types de publication"
    menu_order = 330
    add_to_admin_menu = True
    list_display = ["name", "slug", "nature", "sort_order"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]


register_snippet(PublicationTypeViewSet)
