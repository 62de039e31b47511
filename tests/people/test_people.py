"""The team and person pages: where they live, how editors create them through the admin
forms, what they gather from the other side's links, and their structured data."""

from __future__ import annotations

import json
import re

import pytest
from django.urls import reverse
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from pages.blocks import INLINE_FEATURES
from pages.models import MissionPage
from people.models import PersonPage, TeamPage
from publications.models import PublicationAuthor
from tests.clients import StaffClient
from tests.factories.people import PersonPageFactory, TeamPageFactory
from tests.factories.programmes import ProgrammePageFactory
from tests.factories.publications import PublicationPageFactory, authors
from tests.factories.resources import ResourceCentrePageFactory
from tests.factories.webinars import WebinarPageFactory, WebinarSpeakerFactory

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
