"""The content version says what changed: each transaction's pages and models, on the version
row, in its notification and in the journal of the last transactions (caching/version.py),
so that data kept per version can be brought up to date rather than rebuilt."""

from __future__ import annotations

import pytest
from django.db import transaction
from django.utils import timezone
from wagtail.models import PageViewRestriction

from caching import version
from core.models import ContentChange
from tests.factories.pages import StandardPageFactory, ThemeFactory
from tests.factories.publications import PublicationPageFactory

pytestmark = pytest.mark.django_db


def test_a_publication_names_its_page_and_a_transaction_is_one_change():
    before = version.read_change()
    publication = PublicationPageFactory(title="Une publication du journal")
    theme = ThemeFactory()
    publication.themes.add(theme)
    change = version.read_change()
    assert f"p{publication.pk}" in change.items
    assert change.serial > before.serial and not change.everything
    # The test runs in one transaction: every change since it began is in the same entry.
    entry = ContentChange.objects.get(since=change.since)
    assert (entry.serial, entry.token) == (change.serial, change.token)
    assert set(entry.items.split()) == set(change.items)


def test_a_savepoint_rolled_back_takes_its_changes_with_it():
    version.bump("p101")
    with pytest.raises(RuntimeError), transaction.atomic():
        version.bump("p202")
        raise RuntimeError
    assert {"p101"} <= version.read_change().items
    assert "p202" not in version.read_change().items


def test_what_visitors_cannot_see_leaves_their_version_alone():
    page = StandardPageFactory(title="Avant")
    token = version.read_token()
    page.title = "Un brouillon"
    page.save_revision()  # a draft: the published page is unchanged
    assert version.read_token() == token
    page.get_latest_revision().publish()
    assert version.read_token() != token


def test_rows_name_the_pages_they_point_to_and_moves_and_restrictions_say_so():
    publication = PublicationPageFactory()
    page = StandardPageFactory()
    theme = ThemeFactory()
    publication.themes.add(theme)
    theme.delete()  # its links to publications go in SQL cascades, row by row
    assert {f"p{publication.pk}", "pages.theme"} <= version.read_change().items
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="x")
    assert {"wagtailcore.pageviewrestriction", f"p{page.pk}"} <= version.read_change().items
    page.move(page.get_parent(), pos="first-child")
    assert "wagtailcore.page" in version.read_change().items


def test_a_deferred_block_is_one_change_written_at_its_end():
    before = version.read_change()
    with version.deferred():
        page = StandardPageFactory(title="Écrite dans le bloc")
        ThemeFactory()
        first = version.token_for()
        version.bump("p999")
        # The block reads a token of its own, new at each change, never a committed one.
        assert version.token_for() not in (first, before.token)
        assert version.read_change() == before  # the row is not written yet
    after = version.read_change()
    assert after.serial == before.serial + 1  # one write, one notification at the commit
    assert {f"p{page.pk}", "pages.theme", "p999"} <= after.items
    assert after.token not in (before.token, first)


def test_a_deferred_block_left_by_an_error_still_writes_its_changes_and_nests():
    before = version.read_change()
    with pytest.raises(RuntimeError), version.deferred():
        version.bump("p303")
        with version.deferred():  # part of the outer block
            version.bump("p404")
        assert version.read_change().serial == before.serial
        raise RuntimeError
    after = version.read_change()
    assert after.serial == before.serial + 1 and {"p303", "p404"} <= after.items
    with version.deferred():
        version.bump("p505")
        version.bump()  # anything may have changed
    assert version.read_change().everything


def test_a_bump_without_a_word_means_anything_changed():
    version.bump()
    assert version.read_change().everything


def test_notifications_carry_the_change_and_a_bare_token_means_anything():
    change = version.Change.parse("12 9 abc123 p4 p7 publications.publicationtype")
    assert (change.serial, change.since, change.token) == (12, 9, "abc123")
    assert change.page_ids() == {4, 7} and change.labels() == {"publications.publicationtype"}
    assert version.Change.parse("abc123").everything  # from a trigger older than core's 0003


def journal(*entries: tuple[int, int, str]) -> None:
    ContentChange.objects.all().delete()
    for since, serial, items in entries:
        ContentChange.objects.create(since=since, serial=serial, token=f"t{serial}", items=items, at=timezone.now())


def test_changes_since_a_serial_are_read_from_the_journal_as_one():
    journal((10, 12, "p1"), (12, 13, "p2 pages.theme"), (13, 16, "p3"))
    merged = version.changes_since(12)
    assert (merged.since, merged.serial, merged.token) == (12, 16, "t16")
    assert merged.page_ids() == {2, 3} and merged.labels() == {"pages.theme"}
    assert version.changes_since(10).page_ids() == {1, 2, 3}
    assert version.changes_since(16) is None  # nothing after it: the caller compares serials itself
    assert version.changes_since(11) is None  # 11 was inside a transaction: no entry starts there
    journal((10, 12, "p1"), (13, 16, "p3"))  # 12 → 13 pruned or missed
    assert version.changes_since(10) is None
