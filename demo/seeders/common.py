"""What every section's seeder does: add a page once, turn sections into StreamField blocks."""

from __future__ import annotations

from typing import TypeVar

from wagtail.models import Page
from wagtail.rich_text import RichText

P = TypeVar("P", bound=Page)


def publish_child(parent: Page, page: P) -> P:
    """Add `page` under `parent` unless a sibling already has its slug; publish a revision."""
    existing = Page.objects.child_of(parent).filter(slug=page.slug).first()
    if existing:
        return existing.specific
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def sections_body(sections: list[dict]) -> list[tuple[str, object]]:
    """A level-2 heading and a paragraph per section ({heading, html})."""
    body: list[tuple[str, object]] = []
    for section in sections:
        body.append(("heading", {"text": section["heading"], "level": "h2"}))
        body.append(("paragraph", RichText(section["html"])))
    return body
