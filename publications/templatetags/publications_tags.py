"""Links into the library from other sections (resource centres, home), and the COinS of a card."""

from __future__ import annotations

from urllib.parse import urlencode

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def publications_filter_url(context, **filters) -> str:
    """The library's address with the given filters, e.g. {% publications_filter_url centre=page.slug %}.

    The index page comes from the cache of the content version: no query once warm.
    """
    from caching.lookups import first_live_page
    from publications.models import PublicationIndexPage

    request = context.get("request")
    index = first_live_page(PublicationIndexPage, request)
    index_url = index.get_url(request) if index else ""
    if not index_url:
        return ""
    params = {name: value for name, value in filters.items() if value}
    return f"{index_url}?{urlencode(params)}" if params else index_url


@register.simple_tag
def coins_title(publication) -> str:
    """The `title` of a COinS span (Zotero finds the publication on a list); escaped by the template."""
    from publications.scholarly import coins

    return coins(publication)
