"""Admin wiring of the personal-data tool: its address, its menu entry, its permission."""

from __future__ import annotations

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views import PERMISSION, personal_data


@hooks.register("register_admin_urls")
def personal_data_urls():
    return [path("donnees-personnelles/", personal_data, name="personal_data")]


class PersonalDataMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm(PERMISSION)


@hooks.register("register_settings_menu_item")
def personal_data_menu_item():
    return PersonalDataMenuItem("Données personnelles", reverse("personal_data"), icon_name="user", order=900)


@hooks.register("register_permissions")
def personal_data_permission():
    return Permission.objects.filter(content_type__app_label="newsletters", codename="manage_personal_data")
