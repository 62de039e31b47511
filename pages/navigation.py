"""Turns the editable menus into plain (label, url, current) items for the templates."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest
from wagtail.fields import StreamValue


@dataclass(frozen=True)
class MenuItem:
    label: str
    url: str
    is_current: bool = False
    is_ancestor: bool = False
    is_external: bool = False


def menu_links(menu: StreamValue, request: HttpRequest | None) -> list[MenuItem]:
    """Resolve a menu StreamField: pages get their live URL, unpublished pages are skipped."""
    items: list[MenuItem] = []
    for block in menu:
        if block.block_type == "link":
            items.append(MenuItem(block.value["label"], block.value["url"], is_external=True))
            continue
        page = block.value["page"]
        if page is None or not page.live:
            continue
        url = page.get_url(request)
        if url:
            items.append(MenuItem(block.value["label"] or page.title, url))
    return items


def mark_current(links: list[MenuItem], request: HttpRequest | None) -> list[MenuItem]:
    """Flag the entry for the page being shown, and the section it belongs to."""
    path = request.path if request else ""
    items = []
    for link in links:
        if link.is_external:
            items.append(link)
            continue
        is_current = path == link.url
        is_ancestor = not is_current and link.url != "/" and path.startswith(link.url)
        items.append(MenuItem(link.label, link.url, is_current=is_current, is_ancestor=is_ancestor))
    return items


def menu_items(menu: StreamValue, request: HttpRequest | None) -> list[MenuItem]:
    return mark_current(menu_links(menu, request), request)


def site_menu(request: HttpRequest, field: str) -> list[MenuItem]:
    """A menu of the request's site, resolved once per content version (no query per page)."""
    from caching.data import remember
    from caching.sites import site_for_request
    from pages.models import NavigationSettings

    site = site_for_request(request)
    if site is None:
        return []

    def build() -> list[MenuItem]:
        return menu_links(getattr(NavigationSettings.for_site(site), field), request)

    return mark_current(remember(request, f"menu:{site.pk}:{field}", build), request)
