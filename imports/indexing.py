"""Wagtail's search and reference indexes, brought up to date once at the end of an import
rather than at every save.

An imported page is saved three times (placed, its revision, its publication), and each
save updates both indexes. The search backend also recomputes, after every object it
indexes, a norm over its whole table; inside the import's single transaction, whose old
row versions PostgreSQL cannot clear before the commit, that table only grows, so the
cost of each save grew with the size of the import (about half the time of a 2,000-post
import). While the import writes, Wagtail's reference index is paused
(`disable_reference_index_auto_update`) and the search index's save receivers are
disconnected (Django's `Signal.disconnect`, in this process only, reconnected whatever
happens); then everything the run saved is indexed from the database, in bulk, as
`update_index` does. Deletions still update both indexes at once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from django.db.models import Model
from django.db.models.signals import post_save
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex
from wagtail.search.backends import get_search_backends
from wagtail.search.index import class_is_indexed, get_indexed_models
from wagtail.search.signal_handlers import post_save_signal_handler
from wagtail.signal_handlers import disable_reference_index_auto_update


@contextmanager
def indexes_paused() -> Iterator[None]:
    """Saves inside update neither index; `index_once` does it afterwards."""
    models = [model for model in get_indexed_models() if getattr(model, "search_auto_update", True)]
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)


def index_once(pages: Iterable[int], images: Iterable[int], documents: Iterable[int]) -> None:
    """The pages, images and documents with these ids, as the database now holds them, into
    the reference index and the search index."""
    objects: list[Model] = list(Page.objects.filter(pk__in=list(pages)).specific())
    objects += get_image_model().objects.filter(pk__in=list(images)).prefetch_related("tags")
    objects += get_document_model().objects.filter(pk__in=list(documents)).prefetch_related("tags")
    by_model: dict[type[Model], list[Model]] = defaultdict(list)
    for obj in objects:
        ReferenceIndex.create_or_update_for_object(obj)
        if class_is_indexed(type(obj)):
            by_model[type(obj)].append(obj)
    for backend in get_search_backends(with_auto_update=True):
        for model, batch in by_model.items():
            backend.add_bulk(model, batch)
