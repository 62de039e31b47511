"""The version a {% cache %} fragment is keyed by when it ignores a scope's pages
(caching/scopes.py): `{% scoped_version "publications" publication as card_version %}`."""

from __future__ import annotations

from django import template
from django.db.models import Model

from caching.data import version_for

register = template.Library()


@register.simple_tag(takes_context=True)
def scoped_version(context: template.Context, scope: str, page: Model | None = None) -> str:
    """The version of markup that shows none of `scope`'s pages but `page` (a card): the same
    one Python code computes with `caching.data.version_for`, so either finds what the other kept."""
    return version_for(context.get("request"), scope, page.pk if page is not None else None)
