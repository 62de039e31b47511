"""The guide's address in the admin, its entry in the menu for every member of staff, and in
the « Aide » menu in place of Wagtail's own guide and release notes (English pages elsewhere)."""

from __future__ import annotations

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views import GuideView

MENU_LABEL = "Guide de l'équipe"
# Wagtail's help items that open its English pages on wagtail.org.
WAGTAIL_HELP_ITEMS = ("editor-guide", "whats-new-in-wagtail-")


@hooks.register("register_admin_urls")
def guide_urls():
    return [path("guide-de-l-equipe/", GuideView.as_view(), name="rameau_guide")]


@hooks.register("register_admin_menu_item")
def guide_menu_item() -> MenuItem:
    return MenuItem(MENU_LABEL, reverse("rameau_guide"), name="guide", icon_name="help", order=10000)


@hooks.register("construct_help_menu")
def help_menu_leads_to_our_guide(request, menu_items: list) -> None:
    menu_items[:] = [item for item in menu_items if not item.name.startswith(WAGTAIL_HELP_ITEMS)]
    menu_items.insert(0, MenuItem(MENU_LABEL, reverse("rameau_guide"), name="team-guide", icon_name="help", order=1))
