"""What every page factory shares: a default parent, orderables in the given order, publication."""

from __future__ import annotations

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.models import Orderable, Page


class PageFactory(wagtail_factories.PageFactory):
    """A page added under `parent` (each factory names its usual one) and published through a
    revision, as staff publish: it then has its first publication date, a live revision and
    its place in the search index.

    `live=False` leaves a draft (a revision, unpublished); `publish=False` skips the revision,
    for content built in bulk where only the page row matters: a live page then gets its
    publication dates directly, as feeds and the sitemap read them.
    """

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        for value in kwargs.values():
            if isinstance(value, list | tuple):
                for order, item in enumerate(value):
                    if isinstance(item, Orderable) and item.sort_order is None:
                        item.sort_order = order
        return super()._create(model_class, *args, **kwargs)

    @factory.post_generation
    def publish(page, create, extracted, **kwargs):
        if not create:
            return
        if extracted is False:
            if page.live and page.last_published_at is None:
                page.first_published_at = page.last_published_at = timezone.now()
                Page.objects.filter(pk=page.pk).update(
                    first_published_at=page.first_published_at, last_published_at=page.last_published_at
                )
            return
        revision = page.save_revision()
        if page.live:
            revision.publish()
