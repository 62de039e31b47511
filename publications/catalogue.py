"""The library's catalogue: for each live publication, what the filters look at, in list order.

Counting publications per type, year, theme and centre — each with the other filters applied —
took four grouped queries over the whole library on every visit. The facts they count change
only when content does, so they are read once per content version (three queries) into this
catalogue, kept in each process's memory.

Each filter value holds the set of publications that have it as the bits of one integer (bit
i: the i-th publication in list order). Applying filters is an AND of a few integers and a
count is `int.bit_count()`: a few microseconds per value whether the library holds 2,000
publications or 20,000, where walking the entries cost ten milliseconds at 20,000. A visit
then fetches only the twelve publications it shows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from django.db.models import QuerySet

from core.stand_ins import stand_in_collection_ids

ORDER = ("-publication_date", "title", "pk")
#: Bits examined at a time when looking for the n-th set bit.
WINDOW = 4096
WINDOW_MASK = (1 << WINDOW) - 1


@dataclass(frozen=True)
class Catalogue:
    """Publications in list order (newest first) and, per filter value, their positions as bits."""

    pks: tuple[int, ...]
    types: dict[int, int] = field(default_factory=dict)
    years: dict[int, int] = field(default_factory=dict)
    themes: dict[int, int] = field(default_factory=dict)
    centres: dict[int, int] = field(default_factory=dict)
    programmes: dict[int, int] = field(default_factory=dict)
    access: dict[str, int] = field(default_factory=dict)  # "pdf", "en-ligne"… (PublicationPage.access)
    positions: dict[int, int] = field(default_factory=dict)  # pk -> position

    @property
    def everything(self) -> int:
        return (1 << len(self.pks)) - 1

    def mask_of(self, pks: Iterable[int]) -> int:
        """The positions of these publications (those in the catalogue) as bits."""
        bits = bytearray((len(self.pks) + 7) // 8)
        for pk in pks:
            position = self.positions.get(pk)
            if position is not None:
                bits[position >> 3] |= 1 << (position & 7)
        return int.from_bytes(bits, "little")

    def pks_of(self, mask: int, start: int = 0, stop: int | None = None) -> list[int]:
        """The pks of the publications in `mask`, in list order, from the start-th to the stop-th."""
        return [self.pks[position] for position in set_bits(mask, start, stop)]


def _links(publications: QuerySet, field_name: str) -> dict[int, tuple[int, ...]]:
    """{publication pk: linked pks} for a (Parental)ManyToMany field, in one query."""
    relation = publications.model._meta.get_field(field_name)
    through = relation.remote_field.through
    source, target = f"{relation.m2m_field_name()}_id", f"{relation.m2m_reverse_field_name()}_id"
    links: dict[int, list[int]] = defaultdict(list)
    for page_id, other_id in through.objects.filter(**{f"{source}__in": publications.values("pk")}).values_list(
        source, target
    ):
        links[page_id].append(other_id)
    return {page_id: tuple(sorted(others)) for page_id, others in links.items()}


def access_of(document_id: int | None, stand_in: bool, external_url: str, availability: str) -> str:
    """How a reader gets a publication (PublicationPage.access), from its row: its PDF, unless
    the file only stands in for it; else its address elsewhere; else what staff set
    (« sur demande » by default when the PDF is a stand-in)."""
    if document_id and not stand_in:
        return "pdf"
    if external_url:
        return "en-ligne"
    return availability or ("on_request" if document_id else "")


def build(publications: QuerySet) -> Catalogue:
    """The catalogue of `publications` (live, public ones), newest first as the list shows them."""
    themes, centres = _links(publications, "themes"), _links(publications, "centres")
    programmes = _links(publications, "programmes")
    rows = list(
        publications.order_by(*ORDER).values_list(
            "pk",
            "publication_type_id",
            "publication_date",
            "document_id",
            "document__collection_id",
            "external_url",
            "availability",
        )
    )
    stand_ins = stand_in_collection_ids()
    bits: dict[str, dict] = {"types": {}, "years": {}, "themes": {}, "centres": {}, "programmes": {}, "access": {}}
    size = (len(rows) + 7) // 8

    def mark(kind: str, value: int | str | None, position: int) -> None:
        if value is not None:
            bits[kind].setdefault(value, bytearray(size))[position >> 3] |= 1 << (position & 7)

    for position, (pk, type_id, date, document_id, collection_id, external_url, availability) in enumerate(rows):
        mark("types", type_id, position)
        access = access_of(document_id, collection_id in stand_ins, external_url, availability)
        mark("access", access or None, position)
        mark("years", date.year if date else None, position)
        for theme_id in themes.get(pk, ()):
            mark("themes", theme_id, position)
        for centre_id in centres.get(pk, ()):
            mark("centres", centre_id, position)
        for programme_id in programmes.get(pk, ()):
            mark("programmes", programme_id, position)
    masks = {kind: {value: int.from_bytes(b, "little") for value, b in values.items()} for kind, values in bits.items()}
    pks = tuple(row[0] for row in rows)
    return Catalogue(pks=pks, positions={pk: position for position, pk in enumerate(pks)}, **masks)


def of_library(index) -> Catalogue:
    """The catalogue of a library index page, from the cache (built once per content version)."""
    from core.caching.data import remember

    return remember(None, f"publication-catalogue:{index.pk}", lambda: build(index.publications()), immutable=True)


def set_bits(mask: int, start: int = 0, stop: int | None = None) -> Iterator[int]:
    """Positions of the set bits of `mask`, lowest first, from the start-th to the stop-th:
    whole windows of bits are counted and skipped, so page 100 costs little more than page 1."""
    skip, wanted, offset = start, (None if stop is None else stop - start), 0
    while mask and (wanted is None or wanted > 0):
        window = mask & WINDOW_MASK
        count = window.bit_count()
        if count <= skip:
            skip -= count
        else:
            while window:
                low = window & -window
                if skip:
                    skip -= 1
                else:
                    yield offset + low.bit_length() - 1
                    if wanted is not None:
                        wanted -= 1
                        if not wanted:
                            return
                window ^= low
        mask >>= WINDOW
        offset += WINDOW


def related(catalogue: Catalogue, pk: int | None, type_id: int | None, theme_ids: set[int], limit: int) -> list[int]:
    """Pks of the publications sharing the most themes with this one, then of the same type,
    newest first among equals."""
    others = catalogue.everything & ~catalogue.mask_of([pk] if pk is not None else [])
    # at_least[j]: the publications sharing at least j of the themes (bit-sliced counting).
    at_least = [others]
    for theme_id in theme_ids:
        theme = catalogue.themes.get(theme_id, 0)
        at_least.append(0)
        for j in range(len(at_least) - 1, 0, -1):
            at_least[j] |= at_least[j - 1] & theme
    found: list[int] = []
    taken = 0
    for j in range(len(at_least) - 1, 0, -1):
        level = at_least[j] & ~taken
        found += catalogue.pks_of(level, 0, limit - len(found))
        taken |= level
        if len(found) >= limit:
            return found
    same_type = catalogue.types.get(type_id, 0) & others & ~taken if type_id is not None else 0
    return found + catalogue.pks_of(same_type, 0, limit - len(found))


class CataloguePks(Sequence):
    """The pks of a catalogue mask, in list order, for the paginator: slicing finds only the
    slice's positions; nothing is read from the database."""

    def __init__(self, catalogue: Catalogue, mask: int) -> None:
        self.catalogue = catalogue
        self.mask = mask
        self.count_ = mask.bit_count()

    def __len__(self) -> int:
        return self.count_

    def count(self) -> int:
        return self.count_

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop, _step = index.indices(self.count_)
        return self.catalogue.pks_of(self.mask, start, stop)


def fetch(pks: list[int], queryset: QuerySet) -> list:
    """These publications, in this order, in one query."""
    found = queryset.in_bulk(pks) if pks else {}
    return [found[pk] for pk in pks if pk in found]
