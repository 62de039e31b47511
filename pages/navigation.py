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


def menu_items(menu: StreamValue, request: HttpRequest | None) -> list[MenuItem]:
    """Resolve a menu StreamField: pages get their live URL, unpublished pages are skipped."""
    path = request.path if request else ""
    items: list[MenuItem] = []
    for block in menu:
        if block.block_type == "link":
            items.append(MenuItem(block.value["label"], block.value["url"], is_external=True))
            continue
        page = block.value["page"]
        if page is None or not page.live:
            continue
        url = page.get_url(request)
        if not url:
            continue
        label = block.value["label"] or page.title
        is_current = path == url
        is_ancestor = not is_current and url != "/" and path.startswith(url)
        items.append(MenuItem(label, url, is_current=is_current, is_ancestor=is_ancestor))
    return items
