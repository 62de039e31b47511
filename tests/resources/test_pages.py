"""The index lists the 12 centres; each centre page renders, leads to its platform and previews well."""

from __future__ import annotations

import html5lib
import pytest
from django.utils.html import escape
from wagtail.models import Page
from wagtail.rich_text import RichText
from wagtail.test.utils import WagtailPageTestCase

from pages.models import HomePage
from publications.queries import publications_for_centre
from resources.models import ResourceCentreIndexPage, ResourceCentrePage
from tests.factories.images import ImageFactory
from tests.factories.pages import PartnerFactory
from tests.factories.publications import PublicationPageFactory
from tests.factories.resources import ResourceCentrePageFactory
from tests.factories.webinars import WebinarPageFactory

from .conftest import CENTRES, INDEX_PATH, audiences, needs


def parse_strict(markup: str):
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(markup)


class TreeRulesTests(WagtailPageTestCase):
    def test_index_lives_under_home_once(self):
        self.assertAllowedParentPageTypes(ResourceCentreIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ResourceCentreIndexPage, {ResourceCentrePage})
        self.assertFalse(ResourceCentreIndexPage.can_create_at(HomePage.objects.get()))

    def test_centres_live_under_the_index_only_and_are_not_capped(self):
        self.assertAllowedParentPageTypes(ResourceCentrePage, {ResourceCentreIndexPage})
        self.assertAllowedSubpageTypes(ResourceCentrePage, set())
        self.assertIsNone(ResourceCentrePage.max_count)
        self.assertTrue(ResourceCentrePage.can_create_at(ResourceCentreIndexPage.objects.get()))
        self.assertFalse(ResourceCentrePage.can_create_at(HomePage.objects.get()))

    def test_index_can_be_created_again_when_missing(self):
        ResourceCentreIndexPage.objects.all().delete()
        self.assertTrue(ResourceCentreIndexPage.can_create_at(HomePage.objects.get()))
        self.assertFalse(ResourceCentreIndexPage.can_create_at(Page.get_first_root_node()))


@pytest.mark.django_db
def test_index_lists_every_live_centre_as_a_card(client, centres):
    response = client.get(INDEX_PATH)
    assert response.status_code == 200
    markup = response.content.decode()
    parse_strict(markup)
    assert markup.count('class="card centre-card"') == len(CENTRES)
    assert f"{len(CENTRES)} centres de ressources" in markup
    for slug, *_ in CENTRES:
        assert f'href="{INDEX_PATH}{slug}/"' in markup
    assert '<html lang="fr">' in markup


# Centres as staff fill them in: a partner or none, an address with or without « www. ».
CENTRE_VARIANTS = {
    "plain": {"platform_url": "https://centre-essai.exemple.org/"},
    "www-and-partners": {"platform_url": "https://www.partenariats.exemple.org/acces", "partner_count": 2},
    "subdomain-and-year": {"platform_url": "https://rseetpartenariats.wordpress.com/", "launch_year": 2014},
}


@pytest.mark.django_db
@pytest.mark.parametrize("variant", CENTRE_VARIANTS)
def test_each_centre_opens_with_its_platform_link(client, index, variant):
    fields = dict(CENTRE_VARIANTS[variant])
    partners = PartnerFactory.create_batch(fields.pop("partner_count", 0))
    centre = ResourceCentrePageFactory(parent=index, slug="centre-essai", partners=partners, **fields)
    response = client.get(f"{INDEX_PATH}centre-essai/")
    assert response.status_code == 200
    markup = response.content.decode()
    tree = parse_strict(markup)
    assert [h.text for h in tree.iter("h1")] == [centre.title]
    links = [a for a in tree.iter("a") if a.get("href") == centre.platform_url]
    assert len(links) == 1, "one prominent link to the external platform"
    link = links[0]
    assert link.get("rel") == "noopener"
    assert "(site externe)" in "".join(link.itertext())
    described_by = tree.find(f".//*[@id='{link.get('aria-describedby')}']")
    assert "Vous quittez le site du RAMEAU" in "".join(described_by.itertext())
    assert centre.platform_host in "".join(described_by.itertext())
    assert not centre.platform_host.startswith("www.")


@pytest.mark.django_db
def test_centre_shows_its_partners_with_logos(client, index):
    partners = [
        PartnerFactory(name="Caisse des Dépôts"),
        PartnerFactory(name="Commissariat général à l'égalité des territoires (CGET)", website=""),
        PartnerFactory(name="Groupe La Poste"),
    ]
    centre = ResourceCentrePageFactory(parent=index, partners=partners)
    partner_names = {partner.name for partner in partners}
    assert [partner.name for partner in centre.partners()] == [partner.name for partner in partners]
    tree = parse_strict(client.get(centre.url).content.decode())
    section = tree.find(".//section[@aria-labelledby='partenaires']")
    items = section.findall(".//li[@class='partners__item']")
    assert len(items) == len(partner_names)
    for item in items:
        assert item.find(".//img").get("alt") == ""  # the name is written next to the logo
    names = {
        "".join(item.find(".//span[@class='partners__name']").itertext()).replace(" (site externe)", "").strip()
        for item in items
    }
    assert names == partner_names
    for item in items:
        link = item.find(".//a")
        if link is not None:
            assert link.get("rel") == "noopener"


@pytest.mark.django_db
def test_centre_page_shows_facts_linking_back_to_filtered_lists(client, index):
    centre = ResourceCentrePageFactory(
        parent=index,
        audiences=[audiences()["entreprises"]],
        body=[
            ("heading", {"text": "De la stratégie RSE aux alliances", "level": "h2"}),
            ("paragraph", RichText("<p>Des méthodes pour passer de la stratégie à l'action.</p>")),
        ],
        **needs(["s-informer", "agir"]),
    )
    markup = client.get(centre.url).content.decode()
    assert f'href="{INDEX_PATH}?public=entreprises"' in markup
    assert f'href="{INDEX_PATH}?besoin=agir"' in markup
    assert f'href="{INDEX_PATH}?besoin=se-former"' not in markup
    assert "De la stratégie RSE aux alliances" in markup  # the StreamField body


@pytest.mark.django_db
def test_centre_without_platform_url_renders_without_the_link(client, index):
    centre = ResourceCentrePageFactory(parent=index)
    assert "Accéder à la plateforme" in client.get(centre.url).content.decode()
    centre.platform_url = ""
    centre.save_revision().publish()
    markup = client.get(centre.url).content.decode()
    assert "Accéder à la plateforme" not in markup
    assert "Vous quittez le site" not in markup


@pytest.mark.django_db
def test_centre_lists_the_publications_and_webinars_that_point_to_it(client, index):
    centre, other = ResourceCentrePageFactory.create_batch(2, parent=index)
    PublicationPageFactory(title="Une publication du centre", centres=[centre])
    PublicationPageFactory(title="Une publication d'un autre centre", centres=[other])
    WebinarPageFactory(title="Une session du centre", centres=[centre])
    markup = client.get(centre.url).content.decode()
    assert 'id="publications-du-centre"' in markup and 'id="centre-webinaires"' in markup
    shown = publications_for_centre(centre)
    assert [p.title for p in shown] == ["Une publication du centre"]
    assert all(p.centres.filter(pk=centre.pk).exists() for p in shown)
    for publication in shown:
        assert escape(publication.title) in markup
    assert "Une session du centre" in markup
    assert escape("Une publication d'un autre centre") not in markup


@pytest.mark.django_db
def test_centre_without_related_content_shows_no_empty_sections(client, index):
    centre = ResourceCentrePageFactory(parent=index)
    PublicationPageFactory(centres=[centre])
    WebinarPageFactory(centres=[centre])
    assert centre.publications.exists() and centre.webinars.exists()
    centre.publications.clear()
    centre.webinars.clear()
    markup = client.get(centre.url).content.decode()
    assert "publications-du-centre" not in markup and "centre-webinaires" not in markup


@pytest.mark.django_db
def test_centre_sharing_tags_use_its_summary_and_listing_image(client, index):
    centre = ResourceCentrePageFactory(parent=index, slug="fondations-d-avenir", listing_image=ImageFactory())
    assert not centre.search_description and not centre.listing_summary and not centre.social_image
    tree = parse_strict(client.get(centre.url).content.decode())
    head = tree.find("head")

    def meta(attribute: str, name: str) -> str:
        element = head.find(f"meta[@{attribute}='{name}']")
        assert element is not None, name
        return element.get("content")

    assert head.find("link[@rel='canonical']").get("href") == f"http://localhost{INDEX_PATH}fondations-d-avenir/"
    assert meta("property", "og:url") == f"http://localhost{INDEX_PATH}fondations-d-avenir/"
    assert meta("property", "og:title") == centre.title == meta("name", "twitter:title")
    assert meta("name", "description") == centre.summary
    assert meta("property", "og:description") == centre.summary == meta("name", "twitter:description")
    assert meta("name", "twitter:card") == "summary_large_image"
    image = meta("property", "og:image")
    assert "/media/images/" in image and image.endswith(".jpg") and image == meta("name", "twitter:image")
    assert (
        meta("property", "og:image:alt") == centre.listing_image.title
    )  # the centre's own image, not the site default


@pytest.mark.django_db
def test_sharing_prefers_the_editors_choices(client, index):
    centre = ResourceCentrePageFactory(parent=index, listing_image=ImageFactory())
    social = ImageFactory(title="Image de partage du centre")
    centre.search_description = "Description pour les moteurs de recherche."
    centre.social_image = social
    centre.save_revision().publish()
    head = parse_strict(client.get(centre.url).content.decode()).find("head")
    assert head.find("meta[@property='og:description']").get("content") == "Description pour les moteurs de recherche."
    assert head.find("meta[@property='og:image:alt']").get("content") == social.title


@pytest.mark.django_db
def test_partner_without_website_is_shown_without_a_link(client, index):
    cget = PartnerFactory(name="Commissariat général à l'égalité des territoires (CGET)", website="")
    centre = ResourceCentrePageFactory(parent=index, partners=[cget])
    section = parse_strict(client.get(centre.url).content.decode()).find(".//section[@aria-labelledby='partenaires']")
    assert section.find(".//a") is None
    assert "CGET" in "".join(section.itertext())
