"""What links to a programme or a person, shown on their page without the core naming a section.

Publications, centres and webinar cycles point to the programmes they belong to; publication
authors and webinar speakers point to a person. The programme and person pages (in the
core) gather them from the other side: each section registers a `LinkedSection` with one of
the hooks below in its own wagtail_hooks.py.

    @hooks.register(PROGRAMME_SECTIONS_HOOK)
    def programme_publications() -> LinkedSection: ...
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest
from wagtail import hooks
from wagtail.models import Page

PROGRAMME_SECTIONS_HOOK = "rameau_register_programme_section"
PERSON_SECTIONS_HOOK = "rameau_register_person_section"


@dataclass(frozen=True)
class LinkedSection:
    """A block of a programme's or a person's page listing what points to it."""

    template: str
    #: The template's context for one programme or person, in a fixed number of queries
    #: whatever the amount of content that links to it.
    context: Callable[[Page, HttpRequest | None], dict]
    order: int = 100


def linked_sections(hook_name: str) -> list[LinkedSection]:
    sections = (hook() for hook in hooks.get_hooks(hook_name))
    return sorted(sections, key=lambda section: section.order)


def linked_content(page: Page, request: HttpRequest | None, hook_name: str) -> dict:
    """The registered sections' templates, in order, and their merged context."""
    context: dict = {"linked_templates": []}
    for section in linked_sections(hook_name):
        context.update(section.context(page, request))
        context["linked_templates"].append(section.template)
    return context
