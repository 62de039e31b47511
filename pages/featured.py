"""The home page's « À la une »: each section offers its newest real item, the newest leads.

A section registers a function with FEATURED_HOOK in its wagtail_hooks.py:

    @hooks.register(FEATURED_HOOK)
    def latest_article(request) -> Featured | None: ...

so the home page never leads with a placeholder (a planned session whose theme is not yet
known is only listed, small, by the webinars' own section).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from wagtail import hooks

#: Functions `(request) -> Featured | None`: a section's latest real item dated today or earlier.
FEATURED_HOOK = "rameau_register_featured"


@dataclass(frozen=True)
class Featured:
    """The latest real item of a section: what the home page leads with when it is the newest."""

    date: datetime.date
    kind: str  # « Actualité », « Livre », « Communiqué de presse »…
    title: str
    url: str
    summary: str = ""
    date_label: str = ""  # « 21 décembre 2023 », as the section writes its dates
    image: Any = None  # a cover or an illustration, or None
    #: Which wins when two items share a date (an article announcing a publication: the article).
    rank: int = 0


def latest_featured(request: HttpRequest | None) -> Featured | None:
    """The newest item any section offers, never one dated after today."""
    today = timezone.localdate()
    candidates = [item for hook in hooks.get_hooks(FEATURED_HOOK) if (item := hook(request)) and item.date <= today]
    return max(candidates, key=lambda item: (item.date, item.rank), default=None)
