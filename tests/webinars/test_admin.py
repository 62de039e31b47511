"""Editors work through the real Wagtail admin: tree rules, creating each page type, the
« Planifier les sessions » action (confirmation, POST with CSRF) and the off-rule warning."""

from __future__ import annotations

from datetime import date
from html import unescape

import pytest
from django.contrib.auth.models import Permission
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils.html import strip_tags
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, querydict_from_html, rich_text

from pages.models import HomePage
from tests.clients import StaffClient
from tests.factories.webinars import WebinarCyclePageFactory, WebinarPageFactory
from webinars.models import WebinarCyclePage, WebinarIndexPage, WebinarPage

from .conftest import CLIENT_2019, CLIENT_THEMES_2019, paris

WARNING_MARK = "ne suit pas la règle du cycle"


class WebinarTreeTests(WagtailPageTestCase):
    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(WebinarIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(WebinarIndexPage, {WebinarCyclePage})
        self.assertAllowedParentPageTypes(WebinarCyclePage, {WebinarIndexPage})
        self.assertAllowedSubpageTypes(WebinarCyclePage, {WebinarPage})
        self.assertAllowedParentPageTypes(WebinarPage, {WebinarCyclePage})
        self.assertAllowedSubpageTypes(WebinarPage, set())

    def test_one_index_only(self):
        self.assertFalse(WebinarIndexPage.can_create_at(HomePage.objects.get()))
        WebinarIndexPage.objects.all().delete()
        self.assertTrue(WebinarIndexPage.can_create_at(HomePage.objects.get()))


def session_data(start: str = "2019-12-26 13:00", end: str = "2019-12-26 14:00", **changes) -> dict:
    data = {
        "title": "Bilan de l'année",
        "slug": "bilan",
        "start": start,
        "end": end,
        "time_known": "on",  # ticked by default in the form
        "summary": rich_text("<p>Ce que l'année a appris.</p>"),
        "registration_url": "",
        "replay_url": "https://video.exemple.org/bilan",
        "speakers": inline_formset([{"name": "Anne Robin", "role": "directrice scientifique de l'Observatoire"}]),
    }
    return nested_form_data({**data, **changes})


class WebinarCreateTests(WagtailPageTestCase):
    client_class = StaffClient

    def setUp(self):
        super().setUp()
        self.login()
        self.index = WebinarIndexPage.objects.get()

    def test_create_index(self):
        home = HomePage.objects.get()
        WebinarIndexPage.objects.all().delete()
        self.assertCanCreate(
            home,
            WebinarIndexPage,
            nested_form_data({"title": "Webinaires", "slug": "webinaires", "intro": "Chaque mois."}),
        )
        self.assertEqual(self.client.get("/webinaires/").status_code, 200)

    def cycle_data(self, **changes):
        data = {
            "title": "Cycle de webinaires 2028",
            "slug": "2028",
            "intro": "Douze sessions.",
            "year": "2028",
            "registration_url": "https://exemple.org/inscription",
            "rule_which": "3",
            "rule_weekday": "3",
            "start_time": "13:00",
            "end_time": "14:00",
            "time_zone": "Europe/Paris",
            "skip_public_holidays": "on",
        }
        return nested_form_data({**data, **changes})

    def test_create_cycle(self):
        self.assertCanCreate(self.index, WebinarCyclePage, self.cycle_data())
        cycle = WebinarCyclePage.objects.get(slug="2028")
        self.assertEqual((cycle.year, cycle.rule_label), (2028, "le 3e jeudi du mois, 13\u00a0h\u00a0– 14\u00a0h"))
        self.assertEqual(self.client.get("/webinaires/2028/").status_code, 200)

    def test_cycle_end_before_start_is_refused(self):
        url = reverse("wagtailadmin_pages:add", args=["webinars", "webinarcyclepage", self.index.pk])
        response = self.client.post(url, self.cycle_data(end_time="12:00"))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "L&#x27;heure de fin doit venir après l&#x27;heure de début.")

    def cycle_2019(self) -> WebinarCyclePage:
        """A 2019 cycle with its November session, on the 3rd-Thursday rule."""
        cycle = WebinarCyclePageFactory(parent=self.index, slug="2019", title="Cycle de webinaires 2019", year=2019)
        WebinarPageFactory(parent=cycle, day=CLIENT_2019[10], title=CLIENT_THEMES_2019[10])
        return cycle

    def test_create_session_with_speaker_and_replay(self):
        cycle = self.cycle_2019()
        self.assertCanCreate(cycle, WebinarPage, session_data())
        session = WebinarPage.objects.get(slug="bilan")
        self.assertEqual(session.start, paris(date(2019, 12, 26)))
        self.assertEqual([s.name for s in session.speakers.all()], ["Anne Robin"])
        response = self.client.get("/webinaires/2019/bilan/")
        self.assertContains(response, "Anne Robin")
        self.assertContains(response, "https://video.exemple.org/bilan")

    def test_created_off_rule_session_is_saved_with_a_warning(self):
        cycle = self.cycle_2019()
        url = reverse("wagtailadmin_pages:add", args=["webinars", "webinarpage", cycle.pk])
        response = self.client.post(url, session_data(), follow=True)
        self.assertTrue(WebinarPage.objects.filter(slug="bilan").exists())
        warnings = [str(m) for m in get_messages(response.wsgi_request)] + [
            str(m) for m in response.context["messages"]
        ]
        self.assertTrue(any(WARNING_MARK in message for message in warnings), warnings)

    def test_session_end_before_start_is_refused(self):
        cycle = self.cycle_2019()
        url = reverse("wagtailadmin_pages:add", args=["webinars", "webinarpage", cycle.pk])
        response = self.client.post(url, session_data(end="2019-12-26 12:00"))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "La fin de la session doit venir après son début.")
        self.assertFalse(WebinarPage.objects.filter(slug="bilan").exists())


# --- the off-rule warning on an existing session ------------------------------------------


def edit_data(client, page, **changes) -> dict:
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    return {**querydict_from_html(response.content.decode(), form_id="page-edit-form").dict(), **changes}


@pytest.mark.django_db
def test_moving_a_session_off_the_rule_warns_but_saves(admin_client, cycle_2019):
    session = WebinarPage.objects.child_of(cycle_2019).get(slug="numeriser-linnovation")
    edit_url = reverse("wagtailadmin_pages:edit", args=[session.pk])
    assert WARNING_MARK not in admin_client.get(edit_url).content.decode()

    data = edit_data(admin_client, session, start="2019-11-28 13:00", end="2019-11-28 14:00")
    response = admin_client.post(edit_url, {**data, "action-publish": "action-publish"}, follow=True)
    assert response.status_code == 200
    messages = [(m.level_tag, str(m)) for m in response.context["messages"]]
    assert any(
        level == "warning" and WARNING_MARK in text and "jeudi 21 novembre 2019" in text for level, text in messages
    ), messages

    session.refresh_from_db()
    assert session.start == paris(date(2019, 11, 28)) and session.live and not session.has_unpublished_changes
    # The edit form now carries the warning panel.
    markup = admin_client.get(edit_url).content.decode()
    assert "data-webinar-rule-warning" in markup and WARNING_MARK in markup


@pytest.mark.django_db
def test_a_session_on_the_rule_gets_no_warning(admin_client, cycle_2019):
    session = WebinarPage.objects.child_of(cycle_2019).get(
        slug="favoriser-lengagement-de-lentreprise"
    )  # 22 Aug, moved by the rule
    edit_url = reverse("wagtailadmin_pages:edit", args=[session.pk])
    data = edit_data(admin_client, session, title="Favoriser l'engagement des entreprises")
    response = admin_client.post(edit_url, data, follow=True)
    assert not [m for m in response.context["messages"] if m.level_tag == "warning"]
    assert "data-webinar-rule-warning" not in response.content.decode()


# --- the « Planifier les sessions » action ------------------------------------------------


@pytest.fixture
def empty_2028(index):
    return WebinarCyclePageFactory(parent=index, slug="2028", title="Cycle de webinaires 2028", year=2028)


@pytest.mark.django_db
def test_plan_button_on_cycle_header_and_listing(admin_client, empty_2028, index, series):
    plan_url = reverse("webinars_plan_cycle", args=[empty_2028.pk])
    assert plan_url in admin_client.get(reverse("wagtailadmin_explore", args=[empty_2028.pk])).content.decode()
    assert plan_url in admin_client.get(reverse("wagtailadmin_explore", args=[index.pk])).content.decode()
    assert series.year is None  # no year: nothing to plan from
    assert (
        reverse("webinars_plan_cycle", args=[series.pk])
        not in admin_client.get(reverse("wagtailadmin_explore", args=[index.pk])).content.decode()
    )


@pytest.mark.django_db
def test_plan_action_confirms_then_creates_missing_sessions(admin_client, empty_2028):
    WebinarPageFactory(parent=empty_2028, day=date(2028, 1, 20), title="Lancement 2028")
    url = reverse("webinars_plan_cycle", args=[empty_2028.pk])
    confirm = admin_client.get(url)
    assert confirm.status_code == 200
    markup = confirm.content.decode()
    assert (
        "Créer 11 sessions" in markup
        and "jeudi 17 février 2028" in markup
        and "janvier" not in markup.lower().split("titre provisoire")[1]
    )
    assert WebinarPage.objects.child_of(empty_2028).count() == 1  # GET changes nothing

    response = admin_client.post(url, {"publish": "on"})
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_explore", args=[empty_2028.pk])
    sessions = WebinarPage.objects.child_of(empty_2028)
    assert sessions.count() == 12 and sessions.filter(live=True).count() == 12
    assert admin_client.post(url).status_code == 302
    assert sessions.count() == 12


@pytest.mark.django_db
def test_plan_action_needs_csrf_and_permission(empty_2028, django_user_model):
    url = reverse("webinars_plan_cycle", args=[empty_2028.pk])
    editor = django_user_model.objects.create_superuser("csrf", "csrf@example.org", "motdepasse-solide-2026")
    strict = StaffClient(enforce_csrf_checks=True)
    strict.force_login(editor)
    assert strict.post(url).status_code == 403
    assert WebinarPage.objects.child_of(empty_2028).count() == 0

    visitor = StaffClient()
    assert visitor.post(url).status_code == 302  # to the admin login
    staff = django_user_model.objects.create_user("stagiaire", "s@example.org", "motdepasse-solide-2026")
    staff.user_permissions.add(Permission.objects.get(codename="access_admin"))
    visitor.force_login(staff)  # may enter the admin, but has no page permission on the cycle
    response = visitor.post(url)
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    assert WebinarPage.objects.child_of(empty_2028).count() == 0


@pytest.mark.django_db
def test_plan_action_on_a_series_without_year_explains(admin_client, series):
    response = admin_client.get(reverse("webinars_plan_cycle", args=[series.pk]), follow=True)
    assert "n'a pas d'année" in response.content.decode().replace("&#x27;", "'")


@pytest.mark.django_db
def test_preview_of_a_new_session_before_it_is_saved(admin_client, cycle_2019):
    url = reverse("wagtailadmin_pages:preview_on_add", args=["webinars", "webinarpage", cycle_2019.pk])
    data = session_data(start="2019-12-26 13:00", end="2019-12-26 14:00")
    assert admin_client.post(url, data).json()["is_valid"] is True
    response = admin_client.get(url)
    assert response.status_code == 200
    body = " ".join(unescape(strip_tags(response.content.decode())).split())
    assert "Bilan de l'année" in body and "jeudi 26 décembre 2019, 13 h – 14 h" in body, body[:2000]
