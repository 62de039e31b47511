"""Helpers of the front-door tests: fill a public form as a visitor's browser does."""

from __future__ import annotations

import re
from html import unescape

from core.antispam import STARTED_FIELD


def hidden_started(html: str) -> str:
    """The signed moment the form was shown, as the page rendered it."""
    match = re.search(rf'name="{STARTED_FIELD}" value="([^"]+)"', html)
    assert match, "the form has no display time"
    return unescape(match.group(1))
