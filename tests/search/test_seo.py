"""What search engines and social networks read: sitemap, robots.txt, titles, descriptions, sharing tags."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET

import pytest
from django.test import Client
from wagtail.models import Page, PageViewRestriction

from pages.models import SiteSettings, StandardPage
from tests.factories.publications import PublicationPageFactory
from tests.factories.resources import ResourceCentrePageFactory
from tests.factories.site import page_types
from tests.factories.webinars import WebinarPageFactory

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_paths(client: Client) -> dict[str, str]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    entries = {}
    for url in root.findall("s:url", SITEMAP_NS):
        loc = url.find("s:loc", SITEMAP_NS).text
        entries[re.sub(r"^https?://[^/]+", "", loc)] = url.find("s:lastmod", SITEMAP_NS).text
    return entries


def test_sitemap_lists_every_live_public_page_with_its_lastmod(client, every_page_type):
    entries = sitemap_paths(client)
    live = Page.objects.live().public().filter(depth__gt=1)
    assert set(entries) == {page.url for page in live}
    assert set(entries) >= {page.url for page in every_page_type.values()}
    for path, lastmod in entries.items():
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", lastmod), path


def test_sitemap_leaves_out_drafts_private_pages_and_follows_unpublishing(client, home):
    draft = StandardPage(title="Brouillon", slug="brouillon", live=False)
    home.add_child(instance=draft)
    private = StandardPage(title="Réservé", slug="reserve")
    home.add_child(instance=private)
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret")
    centre = ResourceCentrePageFactory()
    assert centre.url in sitemap_paths(client)
    centre.unpublish()

    entries = sitemap_paths(client)
    assert "/brouillon/" not in entries and "/reserve/" not in entries
    assert centre.url not in entries


def test_sitemap_query_count_does_not_grow_with_page_types_or_pages(
    client, every_page_type, django_assert_max_num_queries
):
    client.get("/sitemap.xml")
    with django_assert_max_num_queries(6):
        client.get("/sitemap.xml")


def test_robots_txt_points_at_the_sitemap_and_keeps_crawlers_out_of_the_admin(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Disallow: /admin/" in lines and "Disallow: /django-admin/" in lines
    assert "Sitemap: http://localhost/sitemap.xml" in lines
    assert client.post("/robots.txt").status_code == 405


def head_tags(markup: str) -> dict[str, str]:
    tags = {}
    for _attribute, key, content in re.findall(r'<meta (name|property)="([^"]+)" content="([^"]*)"', markup):
        tags.setdefault(key, html.unescape(content))
    match = re.search(r'<link rel="canonical" href="([^"]+)"', markup)
    if match:
        tags["canonical"] = match.group(1)
    tags["title"] = html.unescape(re.search(r"<title>(.*?)</title>", markup, re.S).group(1))
    return tags


def test_every_page_type_has_title_description_canonical_and_sharing_tags(client, every_page_type):
    pages = list(every_page_type.values())
    assert {type(page) for page in pages} == page_types()
    for page in pages:
        tags = head_tags(client.get(page.url).content.decode())
        assert tags.get("description"), page.url
        assert tags["description"] == page.get_meta_description(), page.url
        assert tags["canonical"].endswith(page.url), page.url
        for key in (
            "og:title",
            "og:description",
            "og:url",
            "og:image",
            "og:site_name",
            "twitter:card",
            "twitter:title",
            "twitter:image",
        ):
            assert tags.get(key), (page.url, key)
        if page.depth > 2:
            assert tags["title"] == f"{page.seo_title or page.title} · Le RAMEAU", page.url
        else:
            assert tags["title"].startswith("Le RAMEAU · "), page.url


def test_seo_fields_win_over_the_summary(client):
    publication = PublicationPageFactory()
    assert not publication.search_description and not publication.seo_title
    tags = head_tags(client.get(publication.url).content.decode())
    assert tags["description"] == (publication.listing_summary or publication.summary)
    assert tags["title"] == f"{publication.title} · Le RAMEAU"

    publication.seo_title = "Titre pour les moteurs"
    publication.search_description = "Description écrite pour les moteurs de recherche."
    publication.save_revision().publish()
    tags = head_tags(client.get(publication.url).content.decode())
    assert tags["title"] == "Titre pour les moteurs · Le RAMEAU"
    assert tags["description"] == "Description écrite pour les moteurs de recherche."
    assert tags["og:description"] == tags["description"]


def test_webinar_description_falls_back_on_its_presentation(client):
    session = WebinarPageFactory(listing_summary="Un résumé pour les listes.")
    session.search_description = session.listing_summary = ""
    session.summary = "<p>On y parle <b>d'alliances</b> entre acteurs d'un territoire.</p>"
    session.save_revision().publish()
    tags = head_tags(client.get(session.url).content.decode())
    assert tags["description"] == "On y parle d'alliances entre acteurs d'un territoire."


def test_pages_without_their_own_image_share_the_default_image_from_the_settings(client, home):
    page = StandardPage(title="Sans image", slug="sans-image", intro="")
    home.add_child(instance=page)
    default = SiteSettings.objects.get().default_social_image
    assert default is not None
    tags = head_tags(client.get(page.url).content.decode())
    assert tags["og:image:alt"] == default.title
    assert tags["og:image"] == "http://localhost" + default.get_rendition("fill-1200x630|format-jpeg").url
    assert tags["twitter:image"] == tags["og:image"]
