"""Template tags for the site's frame: menus and breadcrumbs."""

from __future__ import annotations

from django import template
from wagtail.models import Page

from pages.caching.data import remember
from pages.navigation import site_menu

register = template.Library()


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context.get("request")
    return {"items": site_menu(request, "primary_menu") if request is not None else []}


@register.inclusion_tag("includes/footer_menu.html", takes_context=True)
def footer_menu(context):
    request = context.get("request")
    return {"items": site_menu(request, "footer_menu") if request is not None else []}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page: Page):
    """The path from the home page down to the current page (nothing on the home page)."""
    request = context.get("request")

    def build() -> list[Page]:
        return list(page.get_ancestors().filter(depth__gt=1).only("id", "title", "url_path", "path", "depth"))

    ancestors = remember(request, f"ancestors:{page.pk}", build) if page.pk else build()
    return {"ancestors": ancestors, "page": page, "request": request}


@register.simple_tag(takes_context=True)
def sharing_image(context, page: Page):
    """The image a share card shows: the page's own, else the site's default."""
    image = page.get_sharing_image() if hasattr(page, "get_sharing_image") else None
    if image is None:
        site_settings = context.get("site_settings")
        image = site_settings.default_social_image if site_settings else None
    return image
