"""Template tags of the legal side of every page: the footer's legal links, the click-to-play
video player and the audience measurement script."""

from __future__ import annotations

from django import template
from django.templatetags.static import static
from django.utils.html import format_html

from caching.middleware import is_excluded
from core.front_door import front_door_links
from legal.analytics import matomo
from legal.video import player_for

register = template.Library()


@register.inclusion_tag("legal/includes/legal_links.html", takes_context=True)
def legal_links(context):
    request = context.get("request")
    return {"links": front_door_links(request), "request": request}


@register.inclusion_tag("components/video_player.html")
def video_player(url: str, title: str = "", caption: str = ""):
    """A video that loads nothing from its host before the click; any other address, a link."""
    return {"player": player_for(url), "url": url, "title": title, "caption": caption}


@register.simple_tag(takes_context=True)
def matomo_script(context) -> str:
    """Matomo's loader when configured; never in the admin nor in previews."""
    config = matomo()
    request = context.get("request")
    if config is None or request is None or getattr(request, "is_preview", False) or is_excluded(request):
        return ""
    return format_html(
        '<script src="{}" data-matomo-url="{}" data-matomo-site="{}" defer></script>',
        static("js/matomo.js"),
        config.url,
        config.site_id,
    )
