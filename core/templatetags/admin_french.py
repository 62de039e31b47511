"""French typography for what Wagtail's admin assembles itself: it joins a screen's title and
subtitle as « Nouveau: Publication », in code no translation reaches (the browser tab and the
screen readers' heading); French puts a no-break space before the colon."""

from __future__ import annotations

import re

from django import template

register = template.Library()

COLON_WITHOUT_SPACE = re.compile(r"(?<=[^\s\u00a0\u202f]):(?=\s)")


@register.filter(is_safe=True)
def spaced_colons(text: str) -> str:
    """« Nouveau: Publication » -> « Nouveau : Publication » (no-break space; safe stays safe)."""
    return COLON_WITHOUT_SPACE.sub("\u00a0:", str(text))
