"""The seeded pages' history in the admin (on a copy of the seeded demo): every version the
seeders made is listed as staff's own edits are, and the first one can be restored."""

from __future__ import annotations

from html import unescape

from django.urls import reverse
from wagtail.models import Page, PageLogEntry, Revision
from wagtail.test.utils.form_data import querydict_from_html

from pages.models import HistoryPage
from tests.factories.users import ModeratorFactory


def test_every_seeded_version_is_logged_as_an_edit(demo_database):
    """The history view offers review, comparison and restoring on « edit » entries only."""
    revisions = Revision.page_revisions.values_list("pk", flat=True)
    edits = PageLogEntry.objects.filter(action="wagtail.edit", content_changed=True).values_list(
        "revision_id", flat=True
    )
    assert revisions.count() > Page.objects.filter(depth__gt=1).count()
    assert set(revisions) == set(edits)


def test_the_seeded_first_version_of_the_timeline_is_listed_and_restored(demo_database, client):
    history = HistoryPage.objects.get()
    first, *later = Revision.page_revisions.filter(object_id=str(history.pk)).order_by("created_at", "pk")
    assert later, "the seeders link milestones to pages and programmes after the first version"
    assert not [m for m in first.as_object().milestones.all() if m.link_page_id or m.programme_id]
    assert any(m.link_page_id for m in history.milestones.all())
    client.force_login(ModeratorFactory())

    listing = unescape(client.get(reverse("wagtailadmin_pages:history_results", args=[history.pk])).content.decode())
    revert_url = reverse("wagtailadmin_pages:revisions_revert", args=[history.pk, first.pk])
    assert f'href="{revert_url}"' in listing
    assert listing.count("Passer en revue cette version") == len(later)
    assert reverse("wagtailadmin_pages:revisions_compare", args=[history.pk, first.pk, later[0].pk]) in listing

    form = client.get(revert_url)
    assert form.status_code == 200
    assert "Publier cette version" in unescape(form.content.decode())
    data = querydict_from_html(form.content.decode(), form_id="page-edit-form").dict()
    response = client.post(revert_url, {**data, "action-publish": "action-publish"})
    assert response.status_code == 302, response.content.decode()[:2000]

    history = HistoryPage.objects.get()
    assert history.live_revision_id not in {first.pk, *(revision.pk for revision in later)}
    assert history.title == first.as_object().title
    assert [m.title for m in history.milestones.all()] == [m.title for m in first.as_object().milestones.all()]
    assert not [m for m in history.milestones.all() if m.link_page_id or m.programme_id]
    assert PageLogEntry.objects.filter(page=history, action="wagtail.revert").exists()
    assert client.get(history.url).status_code == 200
