"""What other sections show on a resource centre's page: the content that links to it.

Publications and webinars point to the centres they concern; the centre page shows them
without importing those apps. Each registers a `CentreSection` with the hook below in its
own wagtail_hooks.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from wagtail import hooks
from wagtail.models import Page

CENTRE_SECTIONS_HOOK = "rameau_register_centre_section"


@dataclass(frozen=True)
class CentreSection:
    template: str
    #: The template's context for one centre, built in a fixed number of queries.
    context: Callable[[Page], dict]
    order: int = 100


def centre_sections() -> list[CentreSection]:
    sections = (hook() for hook in hooks.get_hooks(CENTRE_SECTIONS_HOOK))
    return sorted(sections, key=lambda section: section.order)
