"""A session lives only inside a published cycle: the admin refuses to publish it alone (and
says why, keeping what was typed), and a live session never links visitors to a draft cycle."""

from __future__ import annotations

from datetime import date
from html import unescape

import pytest
from django.urls import reverse

from tests.factories.webinars import WebinarCyclePageFactory, WebinarPageFactory
from webinars.models import WebinarPage

from .test_admin import edit_data, session_data

REFUSAL = "n'est pas publié : publiée seule"


@pytest.fixture
def draft_cycle(index):
    return WebinarCyclePageFactory(parent=index, slug="2031", title="Cycle de webinaires 2031", year=2031, live=False)


def text(response) -> str:
    return unescape(response.content.decode())


@pytest.mark.django_db
def test_publishing_a_new_session_in_a_draft_cycle_is_refused_and_keeps_the_typing(admin_client, draft_cycle):
    url = reverse("wagtailadmin_pages:add", args=["webinars", "webinarpage", draft_cycle.pk])
    assert "data-webinar-draft-cycle" in admin_client.get(url).content.decode()
    data = session_data(start="2031-01-16 13:00", end="2031-01-16 14:00", title="Ouvrir l'année 2031")
    response = admin_client.post(url, {**data, "action-publish": "action-publish"})
    assert response.status_code == 200
    assert REFUSAL in text(response) and "Cycle de webinaires 2031" in text(response)
    assert 'value="Ouvrir l\'année 2031"' in text(response)  # nothing typed is lost
    assert not WebinarPage.objects.filter(slug="bilan").exists()

    response = admin_client.post(url, data)  # « Enregistrer le brouillon » is allowed
    assert response.status_code == 302
    assert not WebinarPage.objects.get(slug="bilan").live


@pytest.mark.django_db
def test_a_session_publishes_once_its_cycle_is_live(admin_client, draft_cycle):
    session = WebinarPageFactory(parent=draft_cycle, day=date(2031, 1, 16), live=False)
    edit_url = reverse("wagtailadmin_pages:edit", args=[session.pk])
    response = admin_client.post(edit_url, {**edit_data(admin_client, session), "action-publish": "1"})
    assert response.status_code == 200 and REFUSAL in text(response)
    session.refresh_from_db()
    assert not session.live

    draft_cycle.get_latest_revision().publish()
    assert "data-webinar-draft-cycle" not in admin_client.get(edit_url).content.decode()
    response = admin_client.post(edit_url, {**edit_data(admin_client, session), "action-publish": "1"})
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.live
    assert admin_client.get("/webinaires/2031/").status_code == 200
    assert session.title in text(admin_client.get("/webinaires/"))


@pytest.mark.django_db
def test_a_live_session_in_a_draft_cycle_links_to_nothing_that_answers_404(client, draft_cycle):
    session = WebinarPageFactory(parent=draft_cycle, day=date(2031, 1, 16), slug="ouverture")
    response = client.get("/webinaires/2031/ouverture/")
    assert response.status_code == 200
    markup = response.content.decode()
    assert 'href="/webinaires/2031/"' not in markup and "Toutes les sessions du cycle" not in markup
    assert 'href="/webinaires/2031/ouverture/calendrier.ics"' in markup
    assert client.get("/webinaires/2031/ouverture/calendrier.ics").status_code == 200
    for href in ("/", "/webinaires/"):
        assert f'href="{href}"' in markup
    assert session.live


@pytest.mark.django_db
def test_planning_refuses_to_publish_sessions_of_a_draft_cycle(admin_client, draft_cycle):
    url = reverse("webinars_plan_cycle", args=[draft_cycle.pk])
    markup = admin_client.get(url).content.decode()
    assert 'name="publish"' not in markup and "data-webinar-draft-cycle" in markup
    response = admin_client.post(url, {"publish": "on"}, follow=True)
    assert "Publiez d'abord le cycle" in text(response)
    assert not WebinarPage.objects.child_of(draft_cycle).live().exists()
    admin_client.post(url)
    assert WebinarPage.objects.child_of(draft_cycle).count() == 12
    assert not WebinarPage.objects.child_of(draft_cycle).live().exists()
