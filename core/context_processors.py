"""The content version that fragment caches ({% cache … content_version %}) are keyed by, in
every template."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from caching.version import token_for


def content_version(request: HttpRequest) -> dict:
    """A card cached under this token is rebuilt as soon as anything is published."""
    return {"content_version": SimpleLazyObject(lambda: token_for(request))}
