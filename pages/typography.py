"""French typography in what editors write: a space that French holds to its neighbour.

French sets a space inside « » and before « : ; ! ? ». A plain space there lets the line
break between « faire alliance » and its closing », leaving a lone » or « : » at the start
of a line. Titles and chapôs pass through `french_spaces` (site_tags); every rich text
(Wagtail's `wagtailcore/shared/richtext.html`, overridden in templates/) and every StreamField
body (`TypographicStreamBlock`) passes through `french_typography`, which changes text only,
never a tag, an attribute, or the inside of <pre>, <code>, <script>, <style>, <textarea>.
"""

from __future__ import annotations

import re

from django.utils.safestring import SafeString, mark_safe
from wagtail import blocks

NO_BREAK_SPACE = "\u00a0"
#: A breakable space after « or before » : ; ! ? (the entity forms a WordPress import may
#: bring are matched too).
BREAKABLE_FRENCH_SPACE = re.compile(r"(?<=«) | (?=[»:;!?])|(?<=&laquo;) | (?=&raquo;)")
#: Quick test: without one of these characters a text has nothing to change.
TRIGGERS = re.compile(r"[«»:;!?]|&[lr]aquo;")
TAG = re.compile(r"(<[^>]*>)")
RAW_ELEMENT = re.compile(r"<(/?)(pre|code|script|style|textarea)\b", re.IGNORECASE)


def french_spaces(text: str) -> str:
    """Plain text with no-break spaces where French typography wants them."""
    return BREAKABLE_FRENCH_SPACE.sub(NO_BREAK_SPACE, str(text))


def french_typography(html: str) -> SafeString:
    """HTML with no-break spaces in its text (see the module docstring); idempotent."""
    html = str(html)
    if not TRIGGERS.search(html):
        return mark_safe(html)  # noqa: S308 (the caller's HTML, already safe, unchanged)
    parts = TAG.split(html)
    raw_depth = 0
    for position, part in enumerate(parts):
        if position % 2:  # a tag
            raw = RAW_ELEMENT.match(part)
            if raw:
                raw_depth = max(0, raw_depth + (-1 if raw.group(1) else 1))
        elif raw_depth == 0 and part:
            parts[position] = BREAKABLE_FRENCH_SPACE.sub(NO_BREAK_SPACE, part)
    return mark_safe("".join(parts))  # noqa: S308 (only spaces of the safe input were changed)


class TypographicStreamBlock(blocks.StreamBlock):
    """A StreamField body whose whole output (headings, quotes, captions, rich text) gets
    French no-break spaces, in one place rather than in each block's template."""

    def render(self, value, context=None) -> SafeString:
        return french_typography(super().render(value, context=context))
