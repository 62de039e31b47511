"""The library's catalogue: for each live publication, what the filters look at, in list order.

Counting publications per type, year, theme and centre — each with the other filters applied —
took four grouped queries over the whole library on every visit. The facts they count change
only when content does, so they are read once per content version into this catalogue, kept in
each process's memory.

Each filter value holds the set of publications that have it as the bits of one integer (bit
i: the i-th publication in list order). Applying filters is an AND of a few integers and a
count is `int.bit_count()`: a few microseconds per value whether the library holds 2,000
publications or 20,000, where walking the entries cost ten milliseconds at 20,000. A visit
then fetches only the twelve publications it shows.

A new content version does not rebuild it (0.3 s and four queries over the whole library at
20,000 publications). The version row says which pages the last transaction changed
(caching/version.py): only those are read again, and their bits are taken out of every
integer and put back at their new place, in a few milliseconds. That runs when the process
prepares the new version, before visitors get it (rameau_site/warming.py); it is rebuilt
whole only when the change cannot be followed (a view restriction, a move, a missed version).
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.db.models.functions import Left
from wagtail.models import Collection

from caching import version
from core.stand_ins import STAND_IN_COLLECTION

ORDER = ("-publication_date", "title", "pk")
#: Bits examined at a time when looking for the n-th set bit.
WINDOW = 4096
WINDOW_MASK = (1 << WINDOW) - 1
KINDS = ("types", "years", "themes", "centres", "programmes", "access")
#: Models whose changes can alter which publications are listed, or their facts, without
#: naming the publications: the catalogue is then rebuilt whole (a view restriction hides a
#: section, a move changes paths, a type or a document deleted is unlinked in SQL).
REBUILD_ON = frozenset(
    {
        "wagtailcore.pageviewrestriction",
        "wagtailcore.page",
        "wagtailcore.site",
        "wagtailcore.locale",
        "wagtaildocs.document",
        "publications.publicationtype",
    }
)


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
    #: The content version it reflects (its serial and token), to be brought up to date from.
    serial: int = -1
    token: str = ""

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


def _document_is_stand_in() -> Exists:
    """True when the publication's PDF is in « Fichiers provisoires » or a collection below it
    (core/stand_ins.py), asked within the catalogue's own query rather than in one of its own:
    the path of a collection starts with that of its top-level (depth 2) ancestor."""
    return Exists(
        Collection.objects.filter(
            name=STAND_IN_COLLECTION, depth=2, path=Left(OuterRef("document__collection__path"), 2 * Collection.steplen)
        )
    )


def _facts(publications: QuerySet) -> dict[int, list[tuple[str, int | str]]]:
    """{pk: [(kind, value)…]}: the filter values of each of these publications, in list order
    (four queries)."""
    themes, centres = _links(publications, "themes"), _links(publications, "centres")
    programmes = _links(publications, "programmes")
    facts = {}
    rows = publications.annotate(stand_in=_document_is_stand_in()).order_by(*ORDER)
    for pk, type_id, date, document_id, stand_in, external_url, availability in rows.values_list(
        "pk",
        "publication_type_id",
        "publication_date",
        "document_id",
        "stand_in",
        "external_url",
        "availability",
    ):
        access = access_of(document_id, stand_in, external_url, availability) or None
        values = [("types", type_id), ("access", access), ("years", date.year if date else None)]
        values += [("themes", theme_id) for theme_id in themes.get(pk, ())]
        values += [("centres", centre_id) for centre_id in centres.get(pk, ())]
        values += [("programmes", programme_id) for programme_id in programmes.get(pk, ())]
        facts[pk] = [(kind, value) for kind, value in values if value is not None]
    return facts


def build(publications: QuerySet, serial: int = -1, token: str = "") -> Catalogue:
    """The catalogue of `publications` (live, public ones), newest first as the list shows them."""
    facts = _facts(publications)
    pks = tuple(facts)
    bits: dict[str, dict] = {kind: {} for kind in KINDS}
    size = (len(pks) + 7) // 8
    for position, pk in enumerate(pks):
        for kind, value in facts[pk]:
            bits[kind].setdefault(value, bytearray(size))[position >> 3] |= 1 << (position & 7)
    masks = {kind: {value: int.from_bytes(b, "little") for value, b in values.items()} for kind, values in bits.items()}
    positions = {pk: position for position, pk in enumerate(pks)}
    return Catalogue(pks=pks, positions=positions, serial=serial, token=token, **masks)


def _without(mask: int, position: int) -> int:
    """`mask` with bit `position` taken out, the bits above it moved down one place."""
    return (mask & ((1 << position) - 1)) | ((mask >> (position + 1)) << position)


def _with(mask: int, position: int, bit: int) -> int:
    """`mask` with `bit` put in at `position`, the bits from there moved up one place."""
    low = mask & ((1 << position) - 1)
    return low | ((mask >> position) << (position + 1)) | (bit << position)


def changed_since(previous: Catalogue | None, now: version.Change) -> set[int] | None:
    """The pages changed between `previous` and the version `now` (read with the data), from
    the journal of changes; None when that cannot be told and the catalogue must be rebuilt."""
    if previous is None or previous.serial < 0 or now.serial < 0:
        return None
    if previous.serial == now.serial:
        return set() if previous.token == now.token else None
    change = version.changes_since(previous.serial)
    if change is None or change.serial != now.serial or change.everything or change.labels() & REBUILD_ON:
        return None
    return change.page_ids()


def advance(previous: Catalogue, publications: QuerySet, pages: set[int], now: version.Change) -> Catalogue:
    """`previous` brought up to date: the changed pages taken out, then those still listed put
    back at their place with what they are now. Five queries (the list order, and the facts of
    the changed pages alone); rebuilt whole if the order of the others is not what it was."""
    pks = tuple(publications.order_by(*ORDER).values_list("pk", flat=True))
    unchanged = [pk for pk in pks if pk not in pages]
    if unchanged != [pk for pk in previous.pks if pk not in pages]:
        return build(publications, now.serial, now.token)
    facts = _facts(publications.filter(pk__in=pages)) if pages else {}
    taken = sorted((previous.positions[pk] for pk in pages if pk in previous.positions), reverse=True)
    positions = {pk: position for position, pk in enumerate(pks)}
    put = sorted((positions[pk], pk) for pk in pages if pk in positions)
    masks = {}
    for kind in KINDS:
        values = dict(getattr(previous, kind))
        for _position, pk in put:
            for fact_kind, value in facts.get(pk, ()):
                if fact_kind == kind:
                    values.setdefault(value, 0)
        updated = {}
        for value, mask in values.items():
            for position in taken:
                mask = _without(mask, position)
            for position, pk in put:
                mask = _with(mask, position, int((kind, value) in facts.get(pk, ())))
            if mask:
                updated[value] = mask
        masks[kind] = updated
    return Catalogue(pks=pks, positions=positions, serial=now.serial, token=now.token, **masks)


@contextmanager
def _snapshot() -> Iterator[None]:
    """A transaction whose reads all see one moment of the database (PostgreSQL's repeatable
    read), so that the list, the facts and the version they reflect agree."""
    if connection.in_atomic_block:  # the caller's transaction decides what its reads see
        yield
        return
    postgresql = connection.vendor == "postgresql"
    if postgresql:
        connection.cursor().close()  # connecting (and its health check) before the transaction
    with transaction.atomic():
        if postgresql:
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        yield


def current(publications: QuerySet, previous: Catalogue | None) -> Catalogue:
    """The catalogue as the database holds it now: `previous` brought up to date when what
    changed since is known, else rebuilt."""
    with _snapshot():
        now = version.read_change()
        pages = changed_since(previous, now)
        if pages is None:
            return build(publications, now.serial, now.token)
        return advance(previous, publications, pages, now)


_lock = threading.Lock()


def of_library(index) -> Catalogue:
    """The catalogue of a library index page for the current content version: from this
    process's memory, else from the cache (another process made it), else brought up to date
    from the newest one this process holds."""
    from caching.data import keep, keep_in_process, kept_in_process, recall

    name = f"publication-catalogue:{index.pk}"
    token = version.token_for(None)
    for found in kept_in_process(name, token):
        return found
    with _lock:  # one process prepares a version while requests read the last one: built once
        for found in kept_in_process(name, token):
            return found
        found = recall(None, name)
        if found is None:
            kept = [catalogue for catalogue in kept_in_process(name) if catalogue.serial >= 0]
            previous = max(kept, key=lambda catalogue: catalogue.serial, default=None)
            found = current(index.publications(), previous)
            keep(None, name, found)
        keep_in_process(token, name, found)
    return found


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
