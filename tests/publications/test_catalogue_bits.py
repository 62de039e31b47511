"""The library's catalogue keeps each filter value as the bits of one integer: the answers are
those of walking every publication, at a cost that hardly grows with the library; a listing
then reads no publication whose card is already rendered."""

from __future__ import annotations

import random

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from publications import catalogue
from publications.catalogue import Catalogue, related, set_bits
from tests.factories.publications import PublicationPageFactory


def catalogue_of(rows: list[tuple[int, int, int, tuple[int, ...]]]) -> Catalogue:
    """A catalogue from (pk, type, year, themes) rows in list order."""
    masks: dict[str, dict[int, int]] = {"types": {}, "years": {}, "themes": {}, "centres": {}}
    for position, (_pk, kind, year, themes) in enumerate(rows):
        for name, values in (("types", [kind]), ("years", [year]), ("themes", themes)):
            for value in values:
                masks[name][value] = masks[name].get(value, 0) | (1 << position)
    pks = tuple(pk for pk, *_rest in rows)
    return Catalogue(pks=pks, positions={pk: position for position, pk in enumerate(pks)}, **masks)


@pytest.mark.parametrize("size", [0, 1, 63, 4096, 4097, 20_000])
def test_set_bits_skips_whole_windows_and_finds_the_same_positions(size):
    rng = random.Random(size)
    positions = sorted(rng.sample(range(size), k=min(size, 300))) if size else []
    mask = sum(1 << position for position in positions)
    assert list(set_bits(mask)) == positions
    for start, stop in ((0, 12), (5, 17), (len(positions) - 3, len(positions) + 10), (250, 262)):
        assert list(set_bits(mask, max(start, 0), stop)) == positions[max(start, 0) : stop]


def test_related_ranks_as_walking_every_publication_would():
    rng = random.Random(7)
    rows = [
        (pk, rng.randrange(4), 2000 + rng.randrange(5), tuple(rng.sample(range(6), rng.randrange(4))))
        for pk in range(1, 400)
    ]
    library = catalogue_of(rows)
    for pk, kind, _year, themes in rows[:40]:
        expected = sorted(
            (-len(set(themes) & set(other_themes)), position, other_pk)
            for position, (other_pk, other_kind, _y, other_themes) in enumerate(rows)
            if other_pk != pk and (set(themes) & set(other_themes) or other_kind == kind)
        )
        assert related(library, pk, kind, set(themes), 5) == [entry[2] for entry in expected[:5]]


def test_counts_with_other_filters_applied_match_a_walk(db):
    rng = random.Random(3)
    rows = [(pk, rng.randrange(3), 2010 + rng.randrange(3), tuple(rng.sample(range(4), 2))) for pk in range(1, 300)]
    library = catalogue_of(rows)
    chosen_year = library.years[2011]
    for kind, mask in library.types.items():
        walked = sum(1 for _pk, k, year, _themes in rows if k == kind and year == 2011)
        assert (mask & chosen_year).bit_count() == walked
    assert (
        library.pks_of(library.themes[2] & chosen_year, 0, 4)
        == [pk for pk, _k, year, themes in rows if 2 in themes and year == 2011][:4]
    )


@pytest.mark.django_db
def test_a_listing_reads_no_publication_whose_card_is_rendered(client):
    for number in range(14):
        PublicationPageFactory(title=f"Cahier {number}")
    client.get("/publications/")
    with CaptureQueriesContext(connection) as queries:
        page = client.get("/publications/").content.decode()
    assert page.count('class="pub-card"') == 12
    assert not [query for query in queries if "publications_publicationpage" in query["sql"]]


@pytest.mark.django_db
def test_cards_rendered_by_the_template_elsewhere_are_found_by_the_listing(client):
    """The listing reads the key the card template's {% cache %} tag writes (and back)."""
    from publications.queries import publication_cards

    publication = PublicationPageFactory(title="Une publication liée partout")
    client.get(publication.url)  # nothing else on the site relates to it: no card yet
    client.get("/")  # the home page's « dernières publications » include the card template
    request = client.get("/").wsgi_request
    with CaptureQueriesContext(connection) as queries:
        cards = publication_cards(request, [publication.pk])
    assert "Une publication liée partout" in cards[0]
    assert not [query for query in queries if "publications_publicationpage" in query["sql"]]
    assert catalogue.of_library(publication.get_parent().specific).pks[0] == publication.pk
