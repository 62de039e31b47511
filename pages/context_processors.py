"""What every page's frame shows: the site's settings (name, contact details, networks), and
the content version that fragment caches ({% cache … content_version %}) are keyed by."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from pages.caching.version import token_for
from pages.models.settings import site_settings as settings_for


def site_settings(request: HttpRequest) -> dict:
    """`site_settings` in every template, read lazily and once per content version."""
    return {"site_settings": SimpleLazyObject(lambda: settings_for(request))}


def content_version(request: HttpRequest) -> dict:
    """A card cached under this token is rebuilt as soon as anything is published."""
    return {"content_version": SimpleLazyObject(lambda: token_for(request))}
