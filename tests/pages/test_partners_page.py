"""/partenaires/: every partner, with the centres, publications and programmes built together,
created by staff in the admin, and as costly with two partners as with twenty."""

from __future__ import annotations

import datetime

import html5lib
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import querydict_from_html

from pages.models import HomePage, PartnersPage
from resources.models import ResourceCentreIndexPage
from tests.clients import StaffClient
from tests.factories.pages import PartnerFactory, PartnersPageFactory
from tests.factories.programmes import ProgrammePageFactory
from tests.factories.publications import PublicationPageFactory
from tests.factories.resources import ResourceCentrePageFactory
from tests.factories.users import ModeratorFactory


def entries(client, page) -> dict[str, dict[str, list[str]]]:
    """{partner: {kind: [work titles]}} as a visitor reads the page."""
    response = client.get(page.url)
    assert response.status_code == 200
    tree = html5lib.parse(response.content.decode(), namespaceHTMLElements=False)
    found = {}
    for entry in tree.findall(".//li[@class='partner-entry']"):
        name = "".join(entry.find(".//h2").itertext()).replace("\u00a0", " ")
        kinds = [heading.text for heading in entry.findall(".//h3")]
        works = [
            ["".join(link.itertext()).replace("\u00a0", " ") for link in listing.findall(".//a")]
            for listing in entry.findall(".//ul[@class='partner-entry__works']")
        ]
        found[name] = dict(zip(kinds, works, strict=True))
    return found


@pytest.fixture
def partners_page(db) -> PartnersPage:
    return PartnersPageFactory(parent=HomePage.objects.get())


@pytest.mark.django_db
def test_every_partner_with_what_was_built_together(client, partners_page):
    cdc = PartnerFactory(name="Caisse des Dépôts")
    orse = PartnerFactory(name="ORSE")
    quiet = PartnerFactory(name="Un partenaire encore sans travaux", website="")
    index = ResourceCentreIndexPage.objects.get()
    ResourceCentrePageFactory(parent=index, title="Investissement sociétal", partners=[cdc], launch_year=2016)
    ResourceCentrePageFactory(parent=index, title="RSE & Partenariats", partners=[orse, cdc])
    ResourceCentrePageFactory(parent=index, title="Centre en brouillon", partners=[cdc], live=False)
    PublicationPageFactory(title="Rapport PHARE", partners=[cdc], publication_date=datetime.date(2018, 2, 1))
    PublicationPageFactory(title="Un guide plus récent", partners=[cdc], publication_date=datetime.date(2019, 10, 1))
    ProgrammePageFactory(title="ARPEA", partners=[cdc])

    found = entries(client, partners_page)
    assert list(found) == ["Caisse des Dépôts", "ORSE", "Un partenaire encore sans travaux"]  # every one, by name
    assert found["Caisse des Dépôts"] == {
        "Centres de ressources": ["Investissement sociétal", "RSE & Partenariats"],  # never a draft
        "Publications": ["Un guide plus récent", "Rapport PHARE"],  # newest first
        "Programmes de recherche": ["ARPEA"],
    }
    assert found["ORSE"] == {"Centres de ressources": ["RSE & Partenariats"]}
    assert found[quiet.name] == {}
    markup = client.get(partners_page.url).content.decode()
    assert "(ouvert en 2016)" in markup and 'id="caisse-des-depots"' in markup


@pytest.mark.django_db
def test_the_home_partners_link_to_the_page(client, partners_page):
    home = HomePage.objects.get()
    home.body = [("partners", {"heading": "Ils construisent avec nous", "partners": [PartnerFactory()]})]
    home.save_revision().publish()
    assert f'href="{partners_page.url}"' in client.get("/").content.decode()


def cold_queries(client, path: str) -> int:
    """Queries of the first request after a content change (nothing read yet is kept)."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_as_costly_with_twenty_partners_as_with_two(client, partners_page):
    index = ResourceCentreIndexPage.objects.get()

    def partner_with_works() -> None:
        partner = PartnerFactory(logo=None)  # logos cost their renditions once, not at each visit
        ResourceCentrePageFactory(parent=index, partners=[partner], publish=False)
        PublicationPageFactory(partners=[partner], publish=False)
        ProgrammePageFactory(partners=[partner], publish=False)

    client.get(partners_page.url)  # the process's own first reads (content types…) are not the page's
    for _ in range(2):
        partner_with_works()
    with_two = cold_queries(client, partners_page.url)
    for _ in range(18):
        partner_with_works()
    with_twenty = cold_queries(client, partners_page.url)
    assert len(entries(client, partners_page)) == 20
    assert with_twenty == with_two, (with_two, with_twenty)


class PartnersPageAdminTests(WagtailPageTestCase):
    client_class = StaffClient

    def test_lives_under_the_home_page_once(self):
        self.assertAllowedParentPageTypes(PartnersPage, {HomePage})
        self.assertAllowedSubpageTypes(PartnersPage, set())
        PartnersPageFactory(parent=HomePage.objects.get())
        self.assertFalse(PartnersPage.can_create_at(HomePage.objects.get()))
        self.assertFalse(PartnersPage.can_create_at(Page.get_first_root_node()))

    def test_a_moderator_creates_it_in_the_admin(self):
        self.client.force_login(ModeratorFactory())
        home = HomePage.objects.get()
        url = reverse("wagtailadmin_pages:add", args=("pages", "partnerspage", home.pk))
        data = querydict_from_html(self.client.get(url).content.decode(), form_id="page-edit-form")
        data.update(
            title="Nos partenaires", slug="partenaires", intro="Avec qui nous travaillons.", **{"action-publish": "1"}
        )
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 302, response.content.decode()[:2000])
        page = PartnersPage.objects.get()
        self.assertTrue(page.live)
        PartnerFactory(name="Partenaire créé après")
        response = self.client.get("/partenaires/")
        self.assertContains(response, "Avec qui nous travaillons.")
        self.assertContains(response, "Partenaire créé après")


@pytest.mark.django_db
def test_a_partner_of_many_publications_lists_the_newest_and_counts_the_others(client, partners_page):
    """At 20,000 publications the bench's partners all but one page held thousands of links
    (1.5 s a request): each kind lists SHOWN works and counts the rest."""
    from pages.partner_works import SHOWN

    prolific = PartnerFactory(name="Fondation prolifique", logo=None)
    for month in range(1, SHOWN + 3):
        PublicationPageFactory(
            title=f"Publication du mois {month}", partners=[prolific], publication_date=datetime.date(2020, month, 1)
        )
    found = entries(client, partners_page)["Fondation prolifique"]["Publications"]
    assert found == [f"Publication du mois {month}" for month in range(SHOWN + 2, 2, -1)]  # the newest, first
    assert "… et 2 autres." in client.get(partners_page.url).content.decode()
