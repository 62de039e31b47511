"""What every page's frame shows: the site's settings (name, contact details, networks)."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from pages.models.settings import site_settings as settings_for


def site_settings(request: HttpRequest) -> dict:
    """`site_settings` in every template, read lazily and once per content version."""
    return {"site_settings": SimpleLazyObject(lambda: settings_for(request))}
