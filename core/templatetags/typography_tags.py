"""`{{ html|french_typography }}`: French no-break spaces in a piece of HTML (core/typography.py).

Wagtail's rich text template (templates/wagtailcore/shared/richtext.html) applies it to every
rich text the site renders."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from core.typography import french_typography as typography

register = template.Library()


@register.filter(is_safe=True)
def french_typography(html: str) -> SafeString:
    return typography(html)
