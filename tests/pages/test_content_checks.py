"""« À vérifier » points can be ticked off: « Marquer comme vérifié » from the report or from the
point itself, « Vérifié » or « Corrigé », with what was checked, by whom and when, in the report
and in the point's history; visitors see a discreet « information à confirmer » marker while a
point is open, never its note, and staff can switch markers off in Paramètres du site."""

from __future__ import annotations

import datetime
import re
from html import unescape
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry, Site

from pages.models import ContentCheck, MissionPage, SiteSettings
from tests.factories.pages import KeyFigureFactory, StandardPageFactory, give_mission_content
from tests.factories.users import ModeratorFactory

pytestmark = pytest.mark.django_db
REPORT = "/admin/rapports/a-verifier/"
MARKER = "Information à confirmer"
PARIS = ZoneInfo("Europe/Paris")


def text_of(response) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def mark_url(check: ContentCheck) -> str:
    return reverse("pages_content_check_mark", args=[check.pk])


@pytest.fixture
def points(db) -> tuple[ContentCheck, ContentCheck]:
    """One point on a page, one on a key figure shown on the mission page."""
    mission = give_mission_content(MissionPage.objects.get())
    figure = KeyFigureFactory(value="70 M€", label="de budget cumulé")
    mission.key_figures = [("figure", figure)]
    mission.save_revision().publish()
    page = StandardPageFactory(title="Nos partenaires de 2008")
    return (
        ContentCheck.objects.create(page=page, note="Date du premier partenariat à confirmer."),
        ContentCheck.objects.create(key_figure=figure, note="Montant à rapprocher du rapport annuel."),
    )


def test_a_moderator_marks_a_point_verified_from_the_report(client, points, time_machine):
    """3 steps: « Marquer comme vérifié » in the report, what was checked, « Marquer comme vérifié »."""
    time_machine.move_to(datetime.datetime(2027, 3, 2, 10, 30, tzinfo=PARIS), tick=False)
    moderator = ModeratorFactory(first_name="Claire", last_name="Martin")
    client.force_login(moderator)
    on_page, on_figure = points
    report = client.get(REPORT).content.decode()
    assert unescape(report).count("Marquer comme vérifié") == 2  # one per open point
    assert mark_url(on_page) in report

    form = client.get(mark_url(on_page), {"next": REPORT})
    assert form.status_code == 200
    shown = text_of(form)
    for words in ("Date du premier partenariat à confirmer.", "Nos partenaires de 2008", "Ce qui a été vérifié"):
        assert words in shown, words
    response = client.post(
        mark_url(on_page), {"outcome": "Statuts de 2008, article 2.", "status": "verifie", "next": REPORT}
    )
    assert response.status_code == 302 and response["Location"] == REPORT
    on_page.refresh_from_db()
    assert on_page.status == ContentCheck.VERIFIED and not on_page.is_open
    assert on_page.handled_by == moderator and on_page.outcome == "Statuts de 2008, article 2."
    assert on_page.handled_at == datetime.datetime(2027, 3, 2, 10, 30, tzinfo=PARIS)
    assert ModelLogEntry.objects.filter(object_id=str(on_page.pk), action="rameau.check.verified").exists()

    report = text_of(client.get(REPORT))
    message, listing = report.split("Signalé le", 1)
    assert "« Date du premier partenariat à confirmer. » marqué comme vérifié" in message
    assert "Vérifié par Claire Martin le 2 mars 2027 à 10 h 30 : Statuts de 2008, article 2." in listing
    assert listing.count("Marquer comme vérifié") == 1  # the open point only, listed first
    assert listing.index("Montant à rapprocher") < listing.index("Date du premier partenariat")

    client.post(mark_url(on_figure), {"outcome": "", "status": "corrige"})
    on_figure.refresh_from_db()
    assert on_figure.status == ContentCheck.CORRECTED and on_figure.handled_by == moderator
    report = text_of(client.get(REPORT))
    assert "Corrigé par Claire Martin le 2 mars 2027 à 10 h 30" in report
    assert "Marquer comme vérifié" not in report
    only_open = text_of(client.get(REPORT, {"status": "a_verifier"}))
    assert "Date du premier partenariat" not in only_open and "Montant à rapprocher" not in only_open


def test_the_point_itself_offers_the_action_and_its_form_records_who_changed_its_state(moderator_client, points):
    on_page, _ = points
    edit = reverse(ContentCheck.snippet_viewset.get_url_name("edit"), args=[on_page.pk])
    markup = unescape(moderator_client.get(edit).content.decode())
    assert "Marquer comme vérifié" in markup and mark_url(on_page) in markup
    data = {
        "page": on_page.page_id,
        "key_figure": "",
        "note": on_page.note,
        "status": "corrige",
        "outcome": "Date retirée.",
    }
    assert moderator_client.post(edit, data).status_code == 302
    on_page.refresh_from_db()
    assert on_page.status == ContentCheck.CORRECTED and on_page.handled_by is not None and on_page.handled_at
    assert ModelLogEntry.objects.filter(object_id=str(on_page.pk), action="rameau.check.corrected").exists()
    assert "Marquer comme vérifié" not in unescape(moderator_client.get(edit).content.decode())

    data["status"] = "a_verifier"  # reopened: no one has handled it any more
    assert moderator_client.post(edit, data).status_code == 302
    on_page.refresh_from_db()
    assert on_page.is_open and on_page.handled_by is None and on_page.handled_at is None


def test_editors_read_the_states_but_only_moderators_tick_points_off(editor_client, points):
    on_page, _ = points
    report = unescape(editor_client.get(REPORT).content.decode())
    assert "Date du premier partenariat à confirmer." in report and "À vérifier" in report
    assert "Marquer comme vérifié" not in report
    for response in (
        editor_client.get(mark_url(on_page)),
        editor_client.post(mark_url(on_page), {"status": "verifie"}),
    ):
        assert response.status_code == 302 and response["Location"] == "/admin/"  # Wagtail's « permission denied »
    on_page.refresh_from_db()
    assert on_page.is_open


def test_a_mark_without_a_state_changes_nothing_and_says_why(moderator_client, points):
    on_page, _ = points
    response = moderator_client.post(mark_url(on_page), {"outcome": "Vu.", "status": "inconnu"})
    assert response.status_code == 200
    assert "Choisissez « Marquer comme vérifié » ou « Marquer comme corrigé »." in text_of(response)
    on_page.refresh_from_db()
    assert on_page.is_open and on_page.outcome == ""


def test_visitors_see_a_marker_while_a_point_is_open_never_its_note(client, moderator_client, points):
    on_page, on_figure = points
    mission = MissionPage.objects.get()
    page_text, mission_text = text_of(client.get(on_page.page.url)), text_of(client.get(mission.url))
    assert MARKER in page_text and "Date du premier partenariat" not in page_text
    assert "70 M€ de budget cumulé information à confirmer" in mission_text
    assert "Montant à rapprocher" not in mission_text
    assert MARKER not in mission_text  # the mission page itself has no open point

    moderator_client.post(mark_url(on_page), {"status": "verifie"})
    assert MARKER not in text_of(client.get(on_page.page.url))

    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.show_check_markers = False
    settings.save()
    assert "information à confirmer" not in text_of(client.get(mission.url))
    on_figure.refresh_from_db()
    assert on_figure.is_open  # the point itself stays in the report


def test_staff_switch_markers_off_in_the_site_settings(moderator_client):
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=["pages", "sitesettings", site.pk])
    markup = unescape(moderator_client.get(url).content.decode())
    assert "Signaler les informations à confirmer" in markup
    assert "la note elle-même n'est jamais affichée" in markup
