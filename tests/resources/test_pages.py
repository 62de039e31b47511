"""The index lists the 12 centres; each centre page renders, leads to its platform and previews well."""

from __future__ import annotations

import html5lib
import pytest
from django.utils.html import escape
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from demo.content import load
from pages.models import HomePage, Partner
from publications.queries import publications_for_centre
from resources.models import ResourceCentreIndexPage, ResourceCentrePage

from .conftest import INDEX_PATH

demo_content = load("centres")

# The seven centres named in the client's documents, with the partner each was built with.
NAMED_CENTRES = {
    "innovation-territoriale-en-actions": {
        "Caisse des Dépôts",
        "Commissariat général à l'égalité des territoires (CGET)",
        "Groupe La Poste",
    },
    "co-construction-territoriale": {"Commissariat général à l'égalité des territoires (CGET)"},
    "modeles-socio-economiques-associatifs": {"ADASI"},
    "rse-et-partenariats": {"ORSE"},
    "investissement-societal": {"Caisse des Dépôts"},
    "fondations-d-avenir": {"Centre français des fonds et fondations (CFF)"},
    "accompagnement-strategique": {"Consult'In France"},
}
CENTRE_SLUGS = [item["slug"] for item in demo_content["centres"]]


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
def test_index_lists_the_twelve_centres_as_cards(client):
    response = client.get(INDEX_PATH)
    assert response.status_code == 200
    markup = response.content.decode()
    parse_strict(markup)
    assert markup.count('class="card centre-card"') == 12
    assert "12 centres de ressources" in markup
    for slug in CENTRE_SLUGS:
        assert f'href="{INDEX_PATH}{slug}/"' in markup
    assert '<html lang="fr">' in markup


@pytest.mark.django_db
@pytest.mark.parametrize("slug", CENTRE_SLUGS)
def test_each_centre_opens_with_its_platform_link(client, slug):
    centre = ResourceCentrePage.objects.get(slug=slug)
    response = client.get(f"{INDEX_PATH}{slug}/")
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


@pytest.mark.django_db
@pytest.mark.parametrize("slug,partner_names", NAMED_CENTRES.items())
def test_named_centres_show_their_partners_with_logos(client, slug, partner_names):
    centre = ResourceCentrePage.objects.get(slug=slug)
    assert {partner.name for partner in centre.partners()} == partner_names
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
def test_uncertain_centres_carry_no_invented_partner_or_year():
    uncertain = ["evaluation-partenariale", "engagement-des-salaries", "specificites-associatives", "interet-general"]
    for centre in ResourceCentrePage.objects.filter(slug__in=uncertain):
        assert centre.partners() == []
        assert centre.launch_year is None


@pytest.mark.django_db
def test_centre_page_shows_facts_linking_back_to_filtered_lists(client):
    centre = ResourceCentrePage.objects.get(slug="rse-et-partenariats")
    markup = client.get(centre.url).content.decode()
    assert f'href="{INDEX_PATH}?public=entreprises"' in markup
    assert f'href="{INDEX_PATH}?besoin=agir"' in markup
    assert f'href="{INDEX_PATH}?besoin=se-former"' not in markup
    assert "De la stratégie RSE aux alliances" in markup  # the StreamField body


@pytest.mark.django_db
def test_centre_without_platform_url_renders_without_the_link(client, index):
    centre = ResourceCentrePage.objects.get(slug="interet-general")
    centre.platform_url = ""
    centre.save_revision().publish()
    markup = client.get(centre.url).content.decode()
    assert "Accéder à la plateforme" not in markup
    assert "Vous quittez le site" not in markup


@pytest.mark.django_db
def test_centre_lists_the_publications_and_webinars_that_point_to_it(client):
    centre = next(
        c for c in ResourceCentrePage.objects.live() if c.publications.live().exists() and c.webinars.live().exists()
    )
    markup = client.get(centre.url).content.decode()
    assert 'id="publications-du-centre"' in markup and 'id="centre-webinaires"' in markup
    shown = publications_for_centre(centre)
    assert shown and all(p.centres.filter(pk=centre.pk).exists() for p in shown)
    for publication in shown:
        assert escape(publication.title) in markup


@pytest.mark.django_db
def test_centre_without_related_content_shows_no_empty_sections(client):
    centre = ResourceCentrePage.objects.get(slug="interet-general")
    centre.publications.clear()
    centre.webinars.clear()
    markup = client.get(centre.url).content.decode()
    assert "publications-du-centre" not in markup and "centre-webinaires" not in markup


@pytest.mark.django_db
def test_centre_sharing_tags_use_its_summary_and_listing_image(client):
    centre = ResourceCentrePage.objects.get(slug="fondations-d-avenir")
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
def test_sharing_prefers_the_editors_choices(client):
    centre = ResourceCentrePage.objects.get(slug="fondations-d-avenir")
    social = get_image_model().objects.exclude(pk=centre.listing_image_id).first()
    centre.search_description = "Description pour les moteurs de recherche."
    centre.social_image = social
    centre.save_revision().publish()
    head = parse_strict(client.get(centre.url).content.decode()).find("head")
    assert head.find("meta[@property='og:description']").get("content") == "Description pour les moteurs de recherche."
    assert head.find("meta[@property='og:image:alt']").get("content") == social.title


@pytest.mark.django_db
def test_partner_without_website_is_shown_without_a_link(client):
    centre = ResourceCentrePage.objects.get(slug="co-construction-territoriale")
    cget = Partner.objects.get(name__contains="CGET")
    assert not cget.website
    section = parse_strict(client.get(centre.url).content.decode()).find(".//section[@aria-labelledby='partenaires']")
    assert section.find(".//a") is None
    assert "CGET" in "".join(section.itertext())
