"""What every section's seeder does: add a page once, turn sections into StreamField blocks,
flag what is still to be checked."""

from __future__ import annotations

from typing import TypeVar

from django.db import models
from wagtail.models import Page
from wagtail.rich_text import RichText

P = TypeVar("P", bound=Page)


def publish_child(parent: Page, page: P) -> P:
    """Add `page` under `parent` unless a sibling already has its slug; publish a revision.

    Every seeder logs its revisions as edits (`log_action=True`), as the admin does: the page's
    history then offers each seeded version for review, comparison and restoring.
    """
    existing = Page.objects.child_of(parent).filter(slug=page.slug).first()
    if existing:
        return existing.specific
    parent.add_child(instance=page)
    page.save_revision(log_action=True).publish()
    return page


def republish(page: Page) -> bool:
    """Publish the seeder's change to a page that already exists, unless someone on staff has
    touched it since the demo made it (a draft waiting, or any revision saved by a person):
    staff's work always wins over the demo's. True if published."""
    # Asked of the database: the object in hand may be the one the seeder itself just published.
    waiting = Page.objects.filter(pk=page.pk, has_unpublished_changes=True).exists()
    if waiting or page.revisions.exclude(user=None).exists():
        return False
    page.save_revision(log_action=True).publish()
    return True


def sections_body(sections: list[dict]) -> list[tuple[str, object]]:
    """A level-2 heading and a paragraph per section ({heading, html})."""
    body: list[tuple[str, object]] = []
    for section in sections:
        body.append(("heading", {"text": section["heading"], "level": "h2"}))
        body.append(("paragraph", RichText(section["html"])))
    return body


def flag(target: models.Model, note: str) -> None:
    """Record for staff what is still a guess on this page or key figure (visitors see only a
    marker). Seeders call it only for what they have just created: a point staff have marked
    « Vérifié » or « Corrigé », or deleted, is never raised again by a later `seed_demo`."""
    from pages.models import ContentCheck, KeyFigure

    field = "key_figure" if isinstance(target, KeyFigure) else "page"
    ContentCheck.objects.get_or_create(**{field: target}, note=" ".join(note.split()))
