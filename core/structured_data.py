"""schema.org JSON-LD: the script helper every page type uses.

Each app describes its own pages (core/structured_data.py for the organisation,
people/structured_data.py, publications/citation.py, webinars/structured_data.py) in its page
types' get_context, with the helpers here.
"""

from __future__ import annotations

import json
from typing import Any

from django.utils.safestring import SafeString, mark_safe

from core.absolute_urls import absolute_url

__all__ = ["absolute_url", "json_ld_script"]

_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld_script(data: dict[str, Any]) -> SafeString:
    """A <script type="application/ld+json"> that text typed by editors cannot close early."""
    payload = json.dumps(data, ensure_ascii=False, indent=None).translate(_JSON_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')
