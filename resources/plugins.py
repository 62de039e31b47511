"""What other sections bring to the resources app without it importing them.

Publications and webinars point to the centres they concern; the centre page shows them
without importing those apps. Each registers a `CentreSection` with the hook below in its
own wagtail_hooks.py. Sections with external links of their own (press mentions) register
a `LinkSource`, so that the nightly link check covers them too.
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


LINK_SOURCES_HOOK = "rameau_register_link_source"


@dataclass(frozen=True)
class LinkSource:
    """External links of another section that `check_centre_links` verifies with the centres'
    platforms (the press mentions…); results are kept per address in CheckedLink."""

    label: str
    #: (what holds the link, its address) for every link to check.
    links: Callable[[], list[tuple[str, str]]]


def link_sources() -> list[LinkSource]:
    return [hook() for hook in hooks.get_hooks(LINK_SOURCES_HOOK)]
