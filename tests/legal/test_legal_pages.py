"""Legal notice, privacy page, accessibility statement and site map: built from Paramètres du
site (typed once), linked from every footer, never showing a placeholder to the public."""

from __future__ import annotations

from html import unescape

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction, Site

from legal.models import AccessibilityPage, LegalNoticePage, PrivacyPage
from pages.models import HomePage, SiteMapPage, SiteSettings
from tests.factories.contact import ContactPageFactory
from tests.factories.legal import AccessibilityPageFactory, LegalNoticePageFactory, PrivacyPageFactory
from tests.factories.pages import SiteMapPageFactory, StandardPageFactory
from tests.factories.skeleton import ADDRESS, EMAIL, PHONE

pytestmark = pytest.mark.django_db


def text(response) -> str:
    assert response.status_code == 200
    return unescape(response.content.decode())


def main(response) -> str:
    return text(response).split('<main id="contenu"', 1)[1].split("</main>", 1)[0]


@pytest.fixture
def site_settings(db) -> SiteSettings:
    return SiteSettings.for_site(Site.objects.get(is_default_site=True))


@pytest.fixture
def legal_pages(db) -> dict:
    return {
        "notice": LegalNoticePageFactory(),
        "privacy": PrivacyPageFactory(),
        "accessibility": AccessibilityPageFactory(),
        "map": SiteMapPageFactory(),
    }


def fill_legal(site_settings: SiteSettings) -> None:
    site_settings.legal_status = "association d'intérêt général"
    site_settings.publication_director = "Camille Martin, présidente"
    site_settings.host_name = "Hébergeur d'essai SAS"
    site_settings.host_address = "1 rue des Serveurs\n59100 Roubaix"
    site_settings.host_phone = "03 00 00 00 00"
    site_settings.save()


def test_every_footer_links_the_legal_pages_with_the_conformity_status(client, legal_pages):
    for path in ("/", "/qui-sommes-nous/", "/plan-du-site/"):
        footer = text(client.get(path)).split('<footer class="site-footer">', 1)[1]
        for label, url in [
            ("Mentions légales", "/mentions-legales/"),
            ("Données personnelles", "/confidentialite/"),
            ("Accessibilité : partiellement conforme", "/accessibilite/"),
            ("Plan du site", "/plan-du-site/"),
        ]:
            assert f'href="{url}"' in footer and label in footer, (path, label)


def test_the_footer_follows_a_new_conformity_status(client, legal_pages):
    page = legal_pages["accessibility"]
    page.conformity_status = AccessibilityPage.Status.FULL
    page.save_revision().publish()
    assert "Accessibilité : totalement conforme" in text(client.get("/"))


def test_the_legal_notice_shows_the_publisher_from_the_settings_and_no_placeholder(client, legal_pages, site_settings):
    html = main(client.get("/mentions-legales/"))
    assert PHONE in html and EMAIL in html and ADDRESS.splitlines()[0] in html
    assert "Hébergement" not in html  # unknown: left out, never « à compléter »
    assert "compléter" not in html.lower()
    fill_legal(site_settings)
    html = main(client.get("/mentions-legales/"))
    for value in ("Camille Martin, présidente", "Hébergeur d'essai SAS", "59100 Roubaix", "03 00 00 00 00"):
        assert value in html


def test_changing_the_phone_once_changes_every_page_that_shows_it(client, legal_pages, site_settings):
    ContactPageFactory()
    site_settings.phone = "01 99 88 77 66"
    site_settings.save()
    for path in ("/contact/", "/mentions-legales/", "/"):
        html = text(client.get(path))
        assert "01 99 88 77 66" in html and PHONE not in html, path


def test_the_admin_warns_about_empty_legal_fields(admin_client, legal_pages, site_settings):
    site = Site.objects.get(is_default_site=True)
    settings_url = reverse("wagtailsettings:edit", args=["pages", "sitesettings", site.pk])
    page_url = reverse("wagtailadmin_pages:edit", args=[legal_pages["notice"].pk])
    for url in (settings_url, page_url):
        html = text(admin_client.get(url))
        assert "data-legal-warning" in html, url
        assert "directeur ou directrice de la publication, hébergeur" in html
    fill_legal(site_settings)
    for url in (settings_url, page_url):
        assert "data-legal-warning" not in text(admin_client.get(url)), url


def test_the_privacy_page_is_built_from_the_settings(client, legal_pages, site_settings, settings):
    ContactPageFactory()
    site_settings.contact_retention_months, site_settings.unsubscribed_retention_months = 18, 30
    site_settings.privacy_email = "donnees@example.org"
    site_settings.save()
    html = main(client.get("/confidentialite/"))
    assert "effacé au bout de 18 mois" in html and "gardée 30 mois" in html
    assert "donnees@example.org" in html and "CNIL" in html
    assert "(nom, courriel, organisation, objet, message)" in html
    assert "Matomo" not in html and "Brevo" not in html
    settings.MATOMO_URL, settings.MATOMO_SITE_ID, settings.BREVO_API_KEY = "https://stats.example.org/", "3", "cle"
    html = main(client.get("/confidentialite/"))
    assert "Matomo, sans cookie" in html and "Brevo" in html


def test_the_accessibility_statement_follows_the_rgaa_model(client, legal_pages):
    ContactPageFactory()
    html = main(client.get("/accessibilite/"))
    for part in (
        "État de conformité",
        "partiellement conforme",
        "RGAA), version 4.1",
        "Contenus non accessibles",
        "Dérogations pour charge disproportionnée",
        "Signaler un problème",
        'href="/contact/"',
        "Défenseur des droits",
        "Cette déclaration s'applique au site http://localhost/.",
    ):
        assert part in html, part


def test_the_site_map_lists_published_public_pages_by_section(client, legal_pages, home):
    StandardPageFactory(title="Une page publiée")
    StandardPageFactory(title="Un brouillon", live=False)
    private = StandardPageFactory(title="Un espace réservé")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    html = main(client.get("/plan-du-site/"))
    assert 'aria-label="Plan du site"' in html
    assert "Une page publiée" in html and "Qui sommes-nous ?" in html and "Publications" in html
    assert "Un brouillon" not in html and "Un espace réservé" not in html


def test_a_long_listing_is_cut_in_the_site_map(client, legal_pages):
    parent = StandardPageFactory(title="Beaucoup de pages")
    for number in range(27):
        StandardPageFactory(parent=parent, title=f"Sous-page {number:02d}", publish=False)
    html = main(client.get("/plan-du-site/"))
    assert "Sous-page 24" in html and "Sous-page 25" not in html
    assert "et 2 autres pages : voir « Beaucoup de pages »" in html


@pytest.mark.parametrize("model", [LegalNoticePage, PrivacyPage, AccessibilityPage, SiteMapPage])
def test_one_off_pages_live_under_the_home_page_once(legal_pages, model):
    home = HomePage.objects.get()
    assert model.allowed_parent_page_models() == [HomePage]
    assert model.allowed_subpage_models() == []
    assert not model.can_create_at(home)
