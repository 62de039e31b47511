"""Template tags for the site's frame: menus and breadcrumbs."""
from __future__ import annotations

from django import template
from wagtail.models import Page

from pages.models import NavigationSettings
from pages.navigation import menu_items

register = template.Library()


def _navigation(context) -> NavigationSettings | None:
    request = context.get("request")
    if request is None:
        return None
    return NavigationSettings.for_request(request)


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    navigation = _navigation(context)
    items = menu_items(navigation.primary_menu, context.get("request")) if navigation else []
    return {"items": items}


@register.inclusion_tag("includes/footer_menu.html", takes_context=True)
def footer_menu(context):
    navigation = _navigation(context)
    items = menu_items(navigation.footer_menu, context.get("request")) if navigation else []
    return {"items": items}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page: Page):
    """The path from the home page down to the current page (nothing on the home page)."""
    ancestors = list(page.get_ancestors().filter(depth__gt=1).only("id", "title", "url_path", "path", "depth"))
    return {"ancestors": ancestors, "page": page, "request": context.get("request")}


@register.simple_tag(takes_context=True)
def sharing_image(context, page: Page):
    """The image a share card shows: the page's own, else the site's default."""
    image = page.get_sharing_image() if hasattr(page, "get_sharing_image") else None
    if image is None:
        site_settings = context.get("settings")
        image = site_settings["pages"]["SiteSettings"].default_social_image if site_settings else None
    return image
