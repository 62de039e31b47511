"""Programme pages: where they live, how editors create them through the admin forms, and what
they gather from the other side's links (publications, centres, cycles, milestones)."""

from __future__ import annotations

import datetime
import html
import json
import re

import pytest
import time_machine
from django.urls import reverse
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, streamfield

from pages.models import HistoryPage, HomePage
from programmes.models import ProgrammeIndexPage, ProgrammePage
from tests.clients import StaffClient
from tests.factories.pages import HistoryMilestoneFactory, HistoryPageFactory, PartnerFactory
from tests.factories.programmes import ProgrammePageFactory
from tests.factories.publications import PublicationPageFactory
from tests.factories.resources import ResourceCentrePageFactory
from tests.factories.webinars import WebinarCyclePageFactory

PUBLISH = {"action-publish": "action-publish"}


def json_ld(markup: str) -> list[dict]:
    return [json.loads(m) for m in re.findall(r'<script type="application/ld\+json">(.*?)</script>', markup, re.S)]


class TreeRulesTests(WagtailPageTestCase):
    def test_programmes_under_home_with_programmes_only(self):
        self.assertAllowedParentPageTypes(ProgrammeIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ProgrammeIndexPage, {ProgrammePage})
        self.assertAllowedParentPageTypes(ProgrammePage, {ProgrammeIndexPage})
        self.assertAllowedSubpageTypes(ProgrammePage, set())
        assert ProgrammeIndexPage.max_count == 1
        home = HomePage.objects.get()
        assert ProgrammeIndexPage.can_create_at(home)
        ProgrammePageFactory()  # makes the index
        assert not ProgrammeIndexPage.can_create_at(home)


class AdminCreationTests(WagtailPageTestCase):
    client_class = StaffClient

    def setUp(self):
        super().setUp()
        self.login()

    def add(self, model, parent, data, **lists):
        url = reverse("wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk])
        return self.client.post(url, {**nested_form_data({**data, **PUBLISH}), **lists})

    def test_editor_creates_programmes_through_the_admin(self):
        home = HomePage.objects.get()
        response = self.add(ProgrammeIndexPage, home, {"title": "Programmes", "slug": "programmes", "intro": ""})
        assert response.status_code == 302
        index = ProgrammeIndexPage.objects.get()
        partner = PartnerFactory()
        data = {
            "title": "PHARE",
            "slug": "phare",
            "full_name": "Deuxième programme quinquennal",
            "start_year": "2014",
            "end_year": "2012",
            "status": "",
            "summary": "Éclairer les fragilités des territoires.",
            "body": streamfield([]),
        }
        response = self.add(ProgrammePage, index, data, partners=[partner.pk])
        assert response.status_code == 200  # end before start: refused, with the typed values kept
        assert "L&#x27;année de fin ne peut pas précéder" in response.content.decode()
        assert "Éclairer les fragilités des territoires." in response.content.decode()
        response = self.add(ProgrammePage, index, {**data, "end_year": "2018"}, partners=[partner.pk])
        assert response.status_code == 302
        programme = ProgrammePage.objects.get(slug="phare")
        assert programme.period_label == "2014 – 2018" and list(programme.partners.all()) == [partner]


@pytest.mark.django_db
def test_programme_page_gathers_what_links_to_it(client):
    programme = ProgrammePageFactory(title="PHARE", slug="phare", start_year=2014)
    other = ProgrammePageFactory(title="ARPEA", slug="arpea")
    PublicationPageFactory(title="Rapport PHARE", programmes=[programme])
    PublicationPageFactory(title="Étude ARPEA", programmes=[other])
    ResourceCentrePageFactory(title="Observatoire en ligne", programmes=[programme])
    WebinarCyclePageFactory(title="Cycle des fragilités", programmes=[programme])
    history = HistoryPageFactory(
        milestones=[HistoryMilestoneFactory.build(year=2014, title="Lancement de PHARE", programme=programme)]
    )
    assert isinstance(history, HistoryPage)
    markup = client.get(programme.url).content.decode()
    for text in ("Rapport PHARE", "Observatoire en ligne", "Cycle des fragilités", "Lancement de PHARE"):
        assert text in markup, text
    assert "Étude ARPEA" not in markup
    assert "/publications/?programme=phare" in markup


@pytest.mark.django_db
@time_machine.travel(datetime.datetime(2026, 6, 1, 12, tzinfo=datetime.UTC))
def test_programme_index_separates_current_past_and_undated(client):
    ProgrammePageFactory(title="En cours", start_year=2024, end_year=2028)
    ProgrammePageFactory(title="Achevé par son année", start_year=2018, end_year=2022)
    ProgrammePageFactory(title="Achevé sans année", start_year=None, status="completed")
    ProgrammePageFactory(title="Sans date", start_year=None)
    markup = client.get("/programmes/").content.decode()
    current, past, other = (markup.index(h) for h in ("Programmes en cours", "Programmes achevés", "Autres programmes"))
    assert current < markup.index("En cours</a>") < past < markup.index("Achevé par son année") < other
    assert past < markup.index("Achevé sans année") < other < markup.index("Sans date")


@pytest.mark.django_db
def test_centres_and_publications_filter_by_programme(client):
    programme = ProgrammePageFactory(title="Territoires d'avenir", slug="territoires-d-avenir")
    ResourceCentrePageFactory(title="Centre du programme", slug="centre-du-programme", programmes=[programme])
    ResourceCentrePageFactory(title="Centre hors programme", slug="centre-hors-programme")
    PublicationPageFactory(title="Publication du programme", programmes=[programme])
    PublicationPageFactory(title="Publication hors programme")
    centres = client.get("/centres-de-ressources/?programme=territoires-d-avenir").content.decode()
    assert "Centre du programme" in centres and "Centre hors programme" not in centres
    library = client.get("/publications/?programme=territoires-d-avenir").content.decode()
    assert "Publication du programme" in library and "Publication hors programme" not in library
    assert 'option value="territoires-d-avenir" selected' in library
    refused = "« Programme » : « inconnu » ne fait pas partie des choix proposés"
    for path in ("/publications/", "/centres-de-ressources/"):
        # A value that names no programme, given twice or as a list: the full list and a message, never a 500.
        for query, message in (
            ("programme=inconnu", refused),
            ("programme=territoires-d-avenir&programme=inconnu", "figure plusieurs fois"),
            ("programme[]=territoires-d-avenir", "est mal écrit dans l'adresse"),
        ):
            response = client.get(f"{path}?{query}")
            markup = html.unescape(response.content.decode())
            assert response.status_code == 200, (path, query)
            assert message in markup, (path, query)
            assert "hors programme" in markup, (path, query)
