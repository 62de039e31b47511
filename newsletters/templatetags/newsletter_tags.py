"""Template tags of the sign-up forms: the full one and the short one of every page's footer."""

from __future__ import annotations

from django import template

from core.front_door import front_door_links
from newsletters.forms import SubscribeForm, offered_lists

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
