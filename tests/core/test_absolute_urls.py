"""One source of absolute addresses: the Site record. Whatever host name a request came in
under, canonical, og:url, the sitemap, robots.txt, JSON-LD, Atom and citations all announce
the address recorded in Paramètres › Sites."""

from __future__ import annotations

import re

import pytest
from wagtail.models import Site

from caching import version
from core.absolute_urls import absolute_url, site_root_url
from tests.factories.legal import AccessibilityPageFactory
from tests.factories.publications import PublicationPageFactory

pytestmark = pytest.mark.django_db
RECORDED = "https://www.lerameau.fr"


@pytest.fixture
def recorded_site(db) -> Site:
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "www.lerameau.fr", 443
    site.save()
    version.bump()
    return site


def addresses(markup: str) -> set[str]:
    """Every absolute http(s) address in a response, up to its host."""
    return set(re.findall(r"https?://[^/\"'<\s]+", markup))


def test_every_absolute_address_comes_from_the_site_record(client, recorded_site):
    publication = PublicationPageFactory(slug="une-etude", title="Une étude")
    served = {"HTTP_HOST": "localhost"}  # not the recorded host name
    home = client.get("/", **served).content.decode()
    assert f'<link rel="canonical" href="{RECORDED}/">' in home
    assert f'<meta property="og:url" content="{RECORDED}/">' in home
    assert f'"url": "{RECORDED}/"' in home  # the organisation's JSON-LD
    page = client.get(publication.url, **served).content.decode()
    assert f'<link rel="canonical" href="{RECORDED}/publications/une-etude/">' in page
    assert f"{RECORDED}/publications/une-etude/" in page.split('type="application/ld+json"')[1]
    bib = client.get(publication.url + "citation.bib", **served).content.decode()
    assert f"url = {{{RECORDED}/publications/une-etude/}}" in bib
    feed = client.get("/publications/flux.xml", **served).content.decode()
    assert f'href="{RECORDED}/publications/une-etude/"' in feed
    robots = client.get("/robots.txt", **served).content.decode()
    assert f"Sitemap: {RECORDED}/sitemap.xml" in robots
    sitemap = client.get("/sitemap.xml", **served).content.decode()
    statement = client.get(AccessibilityPageFactory().url, **served).content.decode()
    assert f"Cette déclaration s'applique au site {RECORDED}/." in statement.replace("&#x27;", "'")
    for markup in (home, page, bib, feed, robots, sitemap, statement):
        assert "http://localhost" not in markup
    assert {address for address in addresses(home + page + feed + sitemap) if "lerameau.fr" in address} == {
        "https://www.lerameau.fr"
    }


def test_the_helper_keeps_absolute_addresses_and_joins_paths(rf, recorded_site):
    request = rf.get("/", HTTP_HOST="localhost")
    assert site_root_url(request) == RECORDED
    assert absolute_url(request, "/media/a.pdf") == f"{RECORDED}/media/a.pdf"
    assert absolute_url(request, "https://ailleurs.exemple.org/x") == "https://ailleurs.exemple.org/x"
    assert absolute_url(None, "/") == f"{RECORDED}/"
