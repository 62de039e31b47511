"""The team, person and programme pages: where they live, how editors create them through the
admin forms, what they gather from the other side's links, and their structured data."""

from __future__ import annotations

import datetime
import html
import json
import re

import pytest
import time_machine
from django.urls import reverse
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from pages.blocks import INLINE_FEATURES
from pages.models import (
    HistoryPage,
    HomePage,
    MissionPage,
    PersonPage,
    ProgrammeIndexPage,
    ProgrammePage,
    TeamPage,
)
from publications.models import PublicationAuthor
from tests.clients import StaffClient
from tests.factories.pages import (
    HistoryMilestoneFactory,
    HistoryPageFactory,
    PartnerFactory,
    PersonPageFactory,
    ProgrammePageFactory,
    TeamPageFactory,
)
from tests.factories.publications import PublicationPageFactory, authors
from tests.factories.resources import ResourceCentrePageFactory
from tests.factories.webinars import WebinarCyclePageFactory, WebinarPageFactory, WebinarSpeakerFactory

PUBLISH = {"action-publish": "action-publish"}


def json_ld(markup: str) -> list[dict]:
    return [json.loads(m) for m in re.findall(r'<script type="application/ld\+json">(.*?)</script>', markup, re.S)]


class TreeRulesTests(WagtailPageTestCase):
    def test_team_under_mission_with_people_only(self):
        self.assertAllowedParentPageTypes(TeamPage, {MissionPage})
        self.assertAllowedSubpageTypes(TeamPage, {PersonPage})
        self.assertAllowedParentPageTypes(PersonPage, {TeamPage})
        self.assertAllowedSubpageTypes(PersonPage, set())
        assert TeamPage.max_count == 1

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

    def test_editor_builds_the_team_through_the_admin(self):
        mission = MissionPage.objects.get()
        response = self.add(
            TeamPage,
            mission,
            {"title": "L'équipe", "slug": "equipe", "intro": "Qui nous sommes.", "sections": streamfield([])},
        )
        assert response.status_code == 302, response.content.decode()[:3000]
        team = TeamPage.objects.get()
        response = self.add(
            PersonPage,
            team,
            {
                "title": "Anne Robin",
                "slug": "anne-robin",
                "given_name": "Anne",
                "family_name": "Robin",
                "role": "Directrice scientifique",
                "photo": "",
                "photo_alt": "",
                "biography": rich_text("<p>Philosophe et statisticienne.</p>", features=INLINE_FEATURES),
                "orcid": "0000-0002-1825-0097",
                "hal_url": "",
                "linkedin_url": "",
                "website_url": "",
                "email": "anne@exemple.org",
            },
        )
        assert response.status_code == 302, response.content.decode()[:3000]
        person = PersonPage.objects.get(slug="anne-robin")
        assert person.live and person.orcid == "0000-0002-1825-0097" and not person.show_email
        markup = self.client.get(person.url).content.decode()
        assert "anne@exemple.org" not in markup  # shown only when staff choose
        assert 'href="https://orcid.org/0000-0002-1825-0097"' in markup

    def test_a_wrong_orcid_is_a_form_error_and_nothing_is_lost(self):
        team = TeamPageFactory()
        response = self.add(
            PersonPage,
            team,
            {
                "title": "Jean Essai",
                "slug": "jean-essai",
                "role": "Chercheur",
                "orcid": "0000-0002-1825-0098",
                "biography": rich_text("<p>Chercheur.</p>", features=INLINE_FEATURES),
            },
        )
        assert response.status_code == 200
        markup = response.content.decode()
        assert "ORCID" in markup and "Jean Essai" in markup
        assert not PersonPage.objects.filter(slug="jean-essai").exists()

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
def test_team_page_shows_its_sections_in_the_order_staff_set(client):
    team = TeamPageFactory()
    first, second, draft = (
        PersonPageFactory(parent=team, title="Zoé Premier", role="Présidente"),
        PersonPageFactory(parent=team, title="Alain Second"),
        PersonPageFactory(parent=team, title="Brouillon Caché", live=False),
    )
    team.sections = [
        ("section", {"heading": "Conseil d'administration", "intro": "", "members": [second, first]}),
        ("section", {"heading": "Comité scientifique", "intro": "Nos chercheurs.", "members": [draft, first]}),
    ]
    team.save_revision().publish()
    markup = client.get("/qui-sommes-nous/equipe/").content.decode()
    assert markup.index("Conseil d&#x27;administration") < markup.index("Comité scientifique")
    names = re.findall(r'class="person-card__name"><a href="[^"]+">([^<]+)<', markup)
    assert names == ["Alain Second", "Zoé Premier", "Zoé Premier"]
    assert "Brouillon Caché" not in markup


@pytest.mark.django_db
def test_person_page_lists_their_publications_and_webinars_and_is_a_json_ld_person(client):
    person = PersonPageFactory(title="Anne Robin", given_name="Anne", family_name="Robin", orcid="0000-0002-1825-0097")
    book = PublicationPageFactory(title="Un livre signé", authors=authors(("Anne", "Robin"), ("", "Le RAMEAU")))
    PublicationAuthor.objects.filter(page=book, last_name="Robin").update(person=person)
    PublicationPageFactory(title="Un livre d'un autre")
    session = WebinarPageFactory(title="Une session animée", speakers=[WebinarSpeakerFactory.build(name="Anne Robin")])
    session.speakers.update(person=person)
    markup = client.get(person.url).content.decode()
    assert "Un livre signé" in markup and "Un livre d&#x27;un autre" not in markup
    assert "Une session animée" in markup
    data = next(item for item in json_ld(markup) if item["@type"] == "Person")
    url = "http://localhost" + person.url
    assert data["@id"] == url + "#personne" and data["name"] == "Anne Robin" and data["familyName"] == "Robin"
    assert data["sameAs"] == ["https://orcid.org/0000-0002-1825-0097"]
    # The publication's author is that same node, and its byline links to the person.
    book_markup = client.get(book.url).content.decode()
    author = next(item for item in json_ld(book_markup) if item.get("author"))["author"][0]
    assert author["@id"] == url + "#personne" and author["url"] == url
    assert f'<a href="{person.url}">Anne Robin</a>' in book_markup
    session_markup = client.get(session.url).content.decode()
    assert f'<a href="{person.url}">Anne Robin</a>' in session_markup
    assert (
        next(item for item in json_ld(session_markup) if item["@type"] == "Event")["performer"][0]["@id"]
        == url + "#personne"
    )


@pytest.mark.django_db
def test_an_author_chosen_by_page_takes_the_names_from_it():
    person = PersonPageFactory(title="Charles-Benoît Heidsieck", given_name="Charles-Benoît", family_name="Heidsieck")
    author = authors(("", ""))[0]
    author.person = person
    author.clean()
    assert (author.first_name, author.last_name) == ("Charles-Benoît", "Heidsieck")


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


@pytest.mark.django_db
def test_query_counts_stay_flat_with_the_number_of_people_and_programmes(client):
    from tests.performance.conftest import count_queries

    team = TeamPageFactory()
    programme = ProgrammePageFactory(title="Programme mesuré")

    def grow(count: int) -> None:
        people = [PersonPageFactory(parent=team) for _ in range(count)]
        team.sections = [("section", {"heading": "Équipe", "intro": "", "members": people})]
        team.save_revision().publish()
        for _ in range(count):
            ProgrammePageFactory()
            PublicationPageFactory(programmes=[programme], authors=authors(("Anne", "Essai")))
            ResourceCentrePageFactory(programmes=[programme])

    pages = {"équipe": "/qui-sommes-nous/equipe/", "programmes": "/programmes/", "programme": programme.url}
    grow(1)
    person = PersonPage.objects.live().first()
    pages["personne"] = person.url
    small = {name: count_queries(client, path) for name, path in pages.items()}
    grow(8)
    large = {name: count_queries(client, path) for name, path in pages.items()}
    assert large == small
    assert max(large.values()) <= 10
