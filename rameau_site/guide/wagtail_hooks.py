"""The guide's address in the admin and its entry in the menu, for every member of staff."""

from __future__ import annotations

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views import GuideView

MENU_LABEL = "Guide de l'équipe"


@hooks.register("register_admin_urls")
def guide_urls():
    return [path("guide-de-l-equipe/", GuideView.as_view(), name="rameau_guide")]


@hooks.register("register_admin_menu_item")
def guide_menu_item() -> MenuItem:
    return MenuItem(MENU_LABEL, reverse("rameau_guide"), name="guide", icon_name="help", order=10000)
