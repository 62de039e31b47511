"""Live pages written in bulk, for the benchmark's thousands of pages.

Wagtail's `add_child` costs ~35 queries a page (tree, validation, search index, reference
index, log): several minutes for a few thousand pages. Here a batch of sibling pages costs a
few statements, through public APIs only:

- materialised paths computed from treebeard's documented `steplen` and `alphabet`, placing
  the pages after the parent's last child exactly as `add_child` would;
- the `wagtailcore_page` rows with `Page.objects.bulk_create`;
- each page type's own rows with one `executemany` (Django's `bulk_create` refuses
  multi-table inheritance), values prepared by each field's `get_db_prep_save`;
- the search index with the backend's `add_bulk`, relations prefetched.

No revision and no log entry are made (visitors see neither), and no signal is sent: the
caller bumps the content version afterwards.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from django.db import connection
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

BATCH = 500
P = TypeVar("P", bound=Page)


def step_number(step: str) -> int:
    """The position a path step encodes (treebeard writes positions in base len(alphabet))."""
    number = 0
    for char in step:
        number = number * len(Page.alphabet) + Page.alphabet.index(char)
    return number


def path_step(number: int) -> str:
    """The path step of the `number`-th child, left-padded to `Page.steplen`."""
    digits = ""
    while number:
        number, digit = divmod(number, len(Page.alphabet))
        digits = Page.alphabet[digit] + digits
    if len(digits) > Page.steplen:
        raise ValueError(f"A page cannot have more than {len(Page.alphabet) ** Page.steplen - 1} children.")
    return digits.rjust(Page.steplen, Page.alphabet[0])


def insert_own_rows(model: type[Page], pages: list[Page]) -> None:
    """The rows of the page type's own table (the `wagtailcore_page` rows exist already)."""
    if model._meta.get_parent_list() != [Page]:
        raise TypeError(f"{model.__name__} must inherit directly from Page to be written in bulk.")
    fields = model._meta.local_concrete_fields
    quote = connection.ops.quote_name
    statement = (
        f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(quote(field.column) for field in fields)}) "
        f"VALUES ({', '.join(['%s'] * len(fields))})"
    )
    rows = [[field.get_db_prep_save(getattr(page, field.attname), connection) for field in fields] for page in pages]
    with connection.cursor() as cursor:
        cursor.executemany(statement, rows)


def bulk_add_children(parent: Page, pages: list[P]) -> list[P]:
    """Append live `pages` (all of one type) under `parent`, as `add_child` would place them."""
    if not pages:
        return pages
    model = type(pages[0])
    parent = Page.objects.get(pk=parent.pk)  # its current path, url_path and locale
    last = parent.get_last_child()
    position = step_number(last.path[-Page.steplen :]) if last else 0
    now = timezone.now()
    for page in pages:
        position += 1
        page.depth = parent.depth + 1
        page.path = parent.path + path_step(position)
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.draft_title = page.title
        page.locale_id = parent.locale_id
        page.live, page.has_unpublished_changes = True, False
        page.first_published_at = page.last_published_at = now
    base_fields = [field for field in Page._meta.concrete_fields if not field.primary_key]
    for start in range(0, len(pages), BATCH):
        chunk = pages[start : start + BATCH]
        rows = Page.objects.bulk_create(
            [Page(**{field.attname: getattr(page, field.attname) for field in base_fields}) for page in chunk]
        )
        for page, row in zip(chunk, rows, strict=True):
            page.id = page.page_ptr_id = row.pk
        insert_own_rows(model, chunk)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    return pages


def link(pages: Iterable[Page], field: str, values: Callable[[Page], list]) -> None:
    """Fill a (Parental)ManyToMany field of freshly inserted pages in one INSERT."""
    pages = list(pages)
    if not pages:
        return
    through = type(pages[0])._meta.get_field(field).remote_field.through
    source, target = (f.attname for f in through._meta.fields if f.is_relation)
    through.objects.bulk_create(
        [through(**{source: page.pk, target: value.pk}) for page in pages for value in values(page)], batch_size=BATCH
    )


def index_for_search(pages: list[Page]) -> None:
    """Add pages (all of one type) to the search index, a batch at a time.

    The pages are read again through `get_indexed_objects()`, which prefetches what the
    search fields follow (authors…): indexing the objects in hand would query each one's
    relations once per indexed column.
    """
    if not pages:
        return
    model = type(pages[0])
    backend = get_search_backend()
    pks = [page.pk for page in pages]
    for start in range(0, len(pks), BATCH):
        backend.add_bulk(model, list(model.get_indexed_objects().filter(pk__in=pks[start : start + BATCH])))
