"""Template tags of the front door: the sign-up form, the footer's legal links, the
click-to-play video player and the audience measurement script."""

from __future__ import annotations

from django import template
from django.templatetags.static import static
from django.utils.html import format_html

from pages.analytics import matomo
from pages.caching.middleware import is_excluded
from pages.legal_pages import front_door_links
from pages.newsletters.forms import SubscribeForm, offered_lists
from pages.video import player_for

register = template.Library()


@register.inclusion_tag("newsletters/includes/form.html", takes_context=True)
def newsletter_form(context, id_prefix: str, compact: bool = False, form=None):
    """The sign-up form; `form` is a bound one coming back with its errors."""
    request = context.get("request")
    lists = offered_lists(request)
    return {
        "form": form or SubscribeForm(lists=lists),
        "id_prefix": id_prefix,
        "compact": compact,
        "links": front_door_links(request),
        "request": request,
    }


@register.inclusion_tag("newsletters/includes/footer_signup.html", takes_context=True)
def footer_newsletter(context):
    """The short sign-up form of every page's footer; nothing while no list is offered."""
    request = context.get("request")
    lists = offered_lists(request)
    return {"form": SubscribeForm(lists=lists) if lists else None, "links": front_door_links(request)}


@register.inclusion_tag("includes/legal_links.html", takes_context=True)
def legal_links(context):
    request = context.get("request")
    return {"links": front_door_links(request), "request": request}


@register.simple_tag(takes_context=True)
def front_door(context):
    """The front-door pages' URLs, for templates that link them ({% front_door as links %})."""
    return front_door_links(context.get("request"))


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
