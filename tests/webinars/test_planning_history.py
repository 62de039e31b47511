"""Sessions planned from the admin have a history like pages staff create there: one « created »
entry by whoever planned them, and a first version the history offers to review and restore."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry

from tests.factories.users import ModeratorFactory
from tests.factories.webinars import WebinarCyclePageFactory
from webinars.models import WebinarPage

from .test_admin import edit_data


@pytest.mark.django_db
def test_each_planned_session_s_first_version_can_be_reviewed_and_restored(client, index):
    moderator = ModeratorFactory()
    client.force_login(moderator)
    cycle = WebinarCyclePageFactory(parent=index, slug="2032", title="Cycle de webinaires 2032", year=2032)
    assert client.post(reverse("webinars_plan_cycle", args=[cycle.pk])).status_code == 302
    sessions = list(WebinarPage.objects.child_of(cycle).order_by("path"))
    assert len(sessions) == 12
    for session in sessions:
        entries = PageLogEntry.objects.filter(page=session).order_by("pk")
        assert [(entry.action, entry.user_id, entry.revision_id) for entry in entries] == [
            ("wagtail.create", moderator.pk, None),
            ("wagtail.edit", moderator.pk, session.latest_revision_id),
        ]
        listing = client.get(reverse("wagtailadmin_pages:history_results", args=[session.pk])).content.decode()
        assert "2 entrées de journal de page" in listing  # « Créé » and « Brouillon sauvegardé »

    session = sessions[0]
    first = session.latest_revision

    edit_url = reverse("wagtailadmin_pages:edit", args=[session.pk])
    data = edit_data(client, session, title="Ouvrir l'année 2032")
    data.pop("overwrite_revision_id", None)  # a new version, not the planner's draft rewritten
    assert client.post(edit_url, data).status_code == 302
    listing = client.get(reverse("wagtailadmin_pages:history_results", args=[session.pk])).content.decode()
    assert reverse("wagtailadmin_pages:revisions_revert", args=[session.pk, first.pk]) in listing
