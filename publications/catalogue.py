"""The library's catalogue: for each live publication, what the filters look at, in list order.

Counting publications per type, year, theme and centre — each with the other filters applied —
took four grouped queries over the whole library on every visit, some 10 ms at 2,000
publications and growing with it. The facts they count change only when content does, so they
are read once per content version (three queries) into this compact list; each visit then
filters and counts it in memory (about a millisecond for 2,000 entries) and fetches only the
twelve publications it shows.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterable, Sequence

from django.db.models import QuerySet

# One entry per publication, a plain tuple (the cache unpickles it fastest):
# (pk, type id or None, year or None, theme ids, centre ids).
Entry = tuple[int, int | None, int | None, tuple[int, ...], tuple[int, ...]]
PK, TYPE, YEAR, THEMES, CENTRES = range(5)


ORDER = ("-publication_date", "title", "pk")


def _links(publications: QuerySet, field: str) -> dict[int, tuple[int, ...]]:
    """{publication pk: linked pks} for a (Parental)ManyToMany field, in one query."""
    relation = publications.model._meta.get_field(field)
    through = relation.remote_field.through
    source, target = f"{relation.m2m_field_name()}_id", f"{relation.m2m_reverse_field_name()}_id"
    links: dict[int, list[int]] = defaultdict(list)
    for page_id, other_id in through.objects.filter(**{f"{source}__in": publications.values("pk")}).values_list(
        source, target
    ):
        links[page_id].append(other_id)
    return {page_id: tuple(sorted(others)) for page_id, others in links.items()}


def build(publications: QuerySet) -> tuple[Entry, ...]:
    """The catalogue of `publications` (live, public ones), newest first as the list shows them."""
    themes, centres = _links(publications, "themes"), _links(publications, "centres")
    rows = publications.order_by(*ORDER).values_list("pk", "publication_type_id", "publication_date")
    return tuple(
        (pk, type_id, date.year if date else None, themes.get(pk, ()), centres.get(pk, ()))
        for pk, type_id, date in rows
    )


def of_library(index) -> tuple[Entry, ...]:
    """The catalogue of a library index page, from the cache (built once per content version)."""
    from pages.caching.data import remember

    return remember(None, f"publication-catalogue:{index.pk}", lambda: build(index.publications()), immutable=True)


def related(
    entries: Iterable[Entry], pk: int | None, type_id: int | None, theme_ids: set[int], limit: int
) -> list[int]:
    """Pks of the publications sharing the most themes with this one, then of the same type,
    newest first among equals (entries are in list order)."""
    ranked = []
    for position, entry in enumerate(entries):
        if entry[PK] == pk:
            continue
        shared = len(theme_ids.intersection(entry[THEMES]))
        if shared or (type_id is not None and entry[TYPE] == type_id):
            ranked.append((-shared, position, entry[PK]))
    return [entry_pk for _shared, _position, entry_pk in heapq.nsmallest(limit, ranked)]


class OrderedPublications(Sequence):
    """Publications by pk in catalogue order; slicing (what the paginator does) loads only the slice."""

    def __init__(self, pks: list[int], queryset: QuerySet) -> None:
        self.pks = pks
        self.queryset = queryset

    def __len__(self) -> int:
        return len(self.pks)

    def __getitem__(self, index):
        wanted = self.pks[index] if isinstance(index, slice) else [self.pks[index]]
        found = self.queryset.in_bulk(wanted) if wanted else {}
        items = [found[pk] for pk in wanted if pk in found]
        return items if isinstance(index, slice) else items[0]


def keep(entries: Iterable[Entry], search_ids: set[int] | None, type_id, year, theme_id, centre_id) -> list[Entry]:
    """The entries matching every given criterion (None: criterion not applied)."""
    return [
        entry
        for entry in entries
        if (search_ids is None or entry[PK] in search_ids)
        and (type_id is None or entry[TYPE] == type_id)
        and (year is None or entry[YEAR] == year)
        and (theme_id is None or theme_id in entry[THEMES])
        and (centre_id is None or centre_id in entry[CENTRES])
    ]
