"""The core: what every app stands on (SEO, media safety, forms, exports, registries)."""

from django.apps import AppConfig


class CoreConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "core"
    verbose_name = "Socle du site"

    def ready(self) -> None:
        from django.core.signals import request_finished
        from wagtail.signals import page_published

        from core import rendition_budget
        from core.revisions import record_row_ids

        allow_site_search_by_page_type()
        request_finished.connect(rendition_budget.catch_up, dispatch_uid="rameau-renditions-catch-up")
        page_published.connect(record_row_ids, dispatch_uid="rameau-record-row-ids")


def allow_site_search_by_page_type() -> None:
    """Site search narrows and counts results by page type: Page must declare that filter.

    The database search backend applies filters in SQL, so this adds no index column.
    """
    from wagtail.models import Page
    from wagtail.search import index

    if not any(getattr(field, "field_name", None) == "content_type" for field in Page.search_fields):
        Page.search_fields = [*Page.search_fields, index.FilterField("content_type")]
