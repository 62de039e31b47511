"""`{% front_door as links %}`: the front-door pages' URLs (core/front_door.py), for templates
that link them."""

from __future__ import annotations

from django import template

from core.front_door import front_door_links

register = template.Library()


@register.simple_tag(takes_context=True)
def front_door(context):
    return front_door_links(context.get("request"))
