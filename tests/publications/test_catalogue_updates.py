"""A new content version brings the library's catalogue up to date from the publications it
changed: the same catalogue as a rebuild, reading only those publications (catalogue.py)."""

from __future__ import annotations

import datetime
from dataclasses import replace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from caching import version
from core.models import ContentChange
from publications import catalogue
from publications.models import PublicationIndexPage
from tests.factories.pages import ThemeFactory
from tests.factories.publications import PublicationPageFactory
from tests.factories.resources import ResourceCentrePageFactory

pytestmark = pytest.mark.django_db


def library():
    return PublicationIndexPage.objects.get().publications()


def same(updated: catalogue.Catalogue, rebuilt: catalogue.Catalogue) -> None:
    assert updated.pks == rebuilt.pks
    assert updated.positions == rebuilt.positions
    for kind in catalogue.KINDS:
        assert getattr(updated, kind) == getattr(rebuilt, kind), kind


def advanced(previous: catalogue.Catalogue, *changed) -> catalogue.Catalogue:
    """`previous` brought up to date for these publications, checked against a rebuild; the
    publications' facts are read for the changed ones only."""
    pages = {page.pk for page in changed}
    with CaptureQueriesContext(connection) as queries:
        updated = catalogue.advance(previous, library(), pages, version.read_change())
    facts = [q["sql"] for q in queries if '"publication_type_id"' in q["sql"]]
    assert len(facts) == 1 and '"page_ptr_id" IN (' in facts[0]
    assert all(str(pk) in facts[0] for pk in pages)
    same(updated, catalogue.build(library()))
    return updated


@pytest.fixture
def shelf():
    """Twenty publications over five years, with themes and centres, and their catalogue."""
    themes = [ThemeFactory(), ThemeFactory()]
    centre = ResourceCentrePageFactory()
    publications = [
        PublicationPageFactory(
            title=f"Cahier {number:02d}",
            publication_date=datetime.date(2020 + number % 5, 1 + number % 12, 1),
            themes=[themes[number % 2]],
            centres=[centre] if number % 3 == 0 else [],
        )
        for number in range(20)
    ]
    return publications, themes, centre, catalogue.build(library())


def test_each_kind_of_editorial_change_gives_the_catalogue_a_rebuild_would(shelf):
    publications, themes, centre, current = shelf
    first, second, third = publications[:3]

    first.title = "Cahier 00, édition revue"
    first.save_revision().publish()
    current = advanced(current, first)

    second.publication_date = datetime.date(1999, 1, 1)  # from the middle of the list to its end
    second.themes = [themes[0], themes[1]]
    second.centres = [centre]
    second.save_revision().publish()
    current = advanced(current, second)

    third.unpublish()
    current = advanced(current, third)
    assert third.pk not in current.positions

    third.get_latest_revision().publish()
    new = PublicationPageFactory(title="Tout nouveau", publication_date=datetime.date(2031, 1, 1))
    current = advanced(current, third, new)
    assert current.pks[0] == new.pk

    gone = publications[5]
    gone.delete()
    current = advanced(current, gone)
    assert 2031 in current.years and gone.pk not in current.positions


def test_the_journal_decides_between_updating_and_rebuilding(shelf):
    publications, _themes, _centre, current = shelf
    previous = replace(current, serial=40, token="t40")

    def now(serial: int, since: int, items: str) -> version.Change:
        ContentChange.objects.all().delete()
        ContentChange.objects.create(since=since, serial=serial, token=f"t{serial}", items=items, at=timezone.now())
        return version.Change.of_row(f"t{serial}", serial, since, items)

    page = publications[0].pk
    assert catalogue.changed_since(previous, now(42, 40, f"p{page} pages.theme")) == {page}
    assert catalogue.changed_since(previous, version.Change("t40", 40, 38, frozenset())) == set()
    assert catalogue.changed_since(previous, version.Change("autre", 40, 38, frozenset())) is None
    assert catalogue.changed_since(previous, now(42, 41, f"p{page}")) is None  # 40 → 41 missed
    assert catalogue.changed_since(previous, now(42, 40, "*")) is None
    assert catalogue.changed_since(previous, now(42, 40, f"p{page} wagtailcore.pageviewrestriction")) is None
    assert catalogue.changed_since(None, now(42, 40, f"p{page}")) is None


def test_a_section_made_private_is_rebuilt_and_leaves_the_catalogue(shelf):
    publications, *_rest, current = shelf
    restricted = publications[4]
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.PASSWORD, password="x")
    assert "wagtailcore.pageviewrestriction" in version.read_change().items
    rebuilt = catalogue.current(library(), current)
    assert restricted.pk not in rebuilt.positions
