"""Change the content version whenever something a visitor can see may have changed.

Correct by default: every model save, delete or many-to-many change bumps the version,
except the models listed below, which record activity rather than content (sessions, logs,
revisions of drafts, image renditions made while rendering, login attempts…). A new content
model therefore invalidates the caches without anyone having to remember to say so.
Wagtail's own signals are connected as well: a page move rewrites its descendants' paths
in raw SQL, which sends no save signal for them.
"""

from __future__ import annotations

from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from wagtail.models import COMMENTS_RELATION_NAME, Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import version

# Whole apps whose rows never show on a public page.
QUIET_APPS = frozenset(
    {
        "admin",
        "auth",
        "axes",
        "contenttypes",
        "django_otp",
        "migrations",  # the migration recorder
        "otp_static",
        "otp_totp",
        "sessions",
        "wagtailadmin",  # editing sessions and form states, saved while staff type
        "wagtailsearch",  # search index entries and query statistics, written on every search
        "wagtailusers",
    }
)
# Single models of content apps that record activity, not content.
QUIET_MODELS = frozenset(
    {
        "core.contentversion",
        "core.ratecounter",
        "core.contentchange",
        "wagtailcore.comment",
        "wagtailcore.commentreply",
        "wagtailcore.grouppagepermission",
        "wagtailcore.modellogentry",
        "wagtailcore.pagelogentry",
        "wagtailcore.pagesubscription",
        "wagtailcore.referenceindex",
        "wagtailcore.revision",
        "wagtailcore.taskstate",
        "wagtailcore.workflowstate",
        "wagtailcore.uploadedfile",
        "wagtailembeds.embed",
        "wagtailforms.formsubmission",
        # What visitors send (contact messages, newsletter sign-ups): never shown on a page.
        "contact.contactsubmission",
        "newsletters.subscriber",
        "newsletters.subscription",
        "newsletters.newslettersynctask",
        "newsletters.signuprequest",
        "wagtailimages.rendition",
        "wagtailcore.groupcollectionpermission",
    }
)


def is_quiet(model: type) -> bool:
    """True for models whose changes never alter what visitors see."""
    meta = model._meta
    if model.__module__ == "__fake__":  # historical models inside migrations
        return True
    return meta.app_label in QUIET_APPS or meta.label_lower in QUIET_MODELS


# Saves that only fill in metadata computed from the file itself, which Wagtail does lazily
# while rendering a page (an image's or a document's size): nothing a visitor sees changes.
METADATA_FIELDS = frozenset({"file_size", "file_hash"})
# A page saved with only these fields: a draft saved (Wagtail's `save_revision`), a page locked
# or unlocked. Visitors see the published version, unchanged: no new version for them.
DRAFT_FIELDS = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "locked",
        "locked_at",
        "locked_by",
        COMMENTS_RELATION_NAME,
    }
)


def changed(instance) -> list[str]:
    """What a change of this row touched, for the version's list of changes: « p12 » for a
    page, else the model's label and the pages the row points to (a publication's theme, a
    view restriction), so that data about those pages can be updated rather than rebuilt."""
    if isinstance(instance, Page):
        return [f"p{instance.pk}"]
    items = [instance._meta.label_lower]
    for field in instance._meta.concrete_fields:
        if field.many_to_one and field.related_model is not None and issubclass(field.related_model, Page):
            page_id = getattr(instance, field.attname, None)
            if page_id is not None:
                items.append(f"p{page_id}")
    return items


def _on_model_change(sender, instance, **kwargs) -> None:
    if kwargs.get("raw") or is_quiet(sender):
        return
    update_fields = kwargs.get("update_fields")
    if update_fields and set(update_fields) <= METADATA_FIELDS:
        return
    if update_fields and set(update_fields) <= DRAFT_FIELDS and isinstance(instance, Page):
        return
    version.bump(*changed(instance))


def _on_m2m_change(sender, action: str, instance, model=None, pk_set=None, **kwargs) -> None:
    if not action.startswith("post_") or is_quiet(type(instance)):
        return
    pages: list[str] = []
    if model is not None and issubclass(model, Page):  # rows of other pages gained or lost this link
        pages = [f"p{pk}" for pk in pk_set] if pk_set is not None else [version.EVERYTHING]
    version.bump(*changed(instance), *pages)


def _on_page_signal(sender, instance, **kwargs) -> None:
    version.bump(f"p{instance.pk}")


def _on_page_move(sender, instance, **kwargs) -> None:
    """A move rewrites the paths of the page's descendants in SQL: anything below it changed."""
    version.bump(f"p{instance.pk}", "wagtailcore.page")


def _after_migrate(sender, app_config, using: str = "default", **kwargs) -> None:
    """A release runs `migrate`: start it with fresh caches (templates may have changed)."""
    from django.db import connections

    if app_config.label != "core":
        return
    if version.TABLE in connections[using].introspection.table_names():
        version.bump()


def connect() -> None:
    """Called once from the core app's ready()."""
    post_save.connect(_on_model_change, dispatch_uid="rameau-content-version-save")
    post_delete.connect(_on_model_change, dispatch_uid="rameau-content-version-delete")
    m2m_changed.connect(_on_m2m_change, dispatch_uid="rameau-content-version-m2m")
    page_published.connect(_on_page_signal, dispatch_uid="rameau-content-version-published")
    page_unpublished.connect(_on_page_signal, dispatch_uid="rameau-content-version-unpublished")
    post_page_move.connect(_on_page_move, dispatch_uid="rameau-content-version-moved")
    post_migrate.connect(_after_migrate, dispatch_uid="rameau-content-version-migrate")
