"""A sitemap too large for one file is split: /sitemap.xml becomes the index of files that
each list at most SITEMAP_URLS_PER_FILE addresses, built from the pages' paths in one query."""

from __future__ import annotations

import re

import pytest

from caching import version
from tests.factories.publications import PublicationPageFactory

pytestmark = pytest.mark.django_db


def locations(client, path: str) -> list[str]:
    response = client.get(path)
    assert response.status_code == 200, path
    assert response["Content-Type"].startswith("application/xml")
    return re.findall(r"<loc>([^<]+)</loc>", response.content.decode())


@pytest.fixture
def library(db):
    return [PublicationPageFactory(publish=False) for _ in range(7)]


def test_one_file_while_everything_fits(client, library):
    listed = locations(client, "/sitemap.xml")
    assert {publication.full_url for publication in library} <= set(listed)
    assert client.get("/sitemap-1.xml").status_code == 404


def test_beyond_one_file_the_sitemap_is_an_index_of_files_listing_every_address_once(
    client, library, settings, django_assert_max_num_queries
):
    everything = locations(client, "/sitemap.xml")
    settings.SITEMAP_URLS_PER_FILE = 4
    version.bump()  # the files' boundaries are kept per content version
    index = client.get("/sitemap.xml").content.decode()
    files = re.findall(r"<loc>([^<]+)</loc>", index)
    assert "<sitemapindex" in index
    assert files == [f"http://localhost/sitemap-{n}.xml" for n in range(1, -(-len(everything) // 4) + 1)]
    listed = []
    for number in range(1, len(files) + 1):
        with django_assert_max_num_queries(3):  # the site, the boundaries (once), the file's rows
            listed += locations(client, f"/sitemap-{number}.xml")
    assert listed == everything  # tree order, each address once
    assert client.get(f"/sitemap-{len(files) + 1}.xml").status_code == 404
    assert client.get("/sitemap-0.xml").status_code == 404


def test_lastmod_is_the_last_publication_day(client, library):
    markup = client.get("/sitemap.xml").content.decode()
    publication = library[0]
    entry = re.search(rf"<url><loc>{re.escape(publication.full_url)}</loc><lastmod>([^<]+)</lastmod></url>", markup)
    assert entry and re.fullmatch(r"\d{4}-\d{2}-\d{2}", entry.group(1))
