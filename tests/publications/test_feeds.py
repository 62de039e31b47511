"""Both Atom feeds parse cleanly in a feed reader's parser and carry Atom's required elements."""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET

import feedparser
import pytest
from wagtail.rich_text import RichText

from tests.factories.publications import NewsArticlePageFactory, PublicationPageFactory

from .conftest import CATALOGUE

# The feeds are read with the catalogue in the library (built once for the module).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("catalogue")]

ATOM = "{http://www.w3.org/2005/Atom}"


def assert_valid_atom(content: bytes) -> ET.Element:
    """RFC 4287: feed and entries each have id, title and updated; an author on the feed or every entry."""
    root = ET.fromstring(content)
    assert root.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert root.find(f"{ATOM}{name}") is not None, name
    feed_has_author = root.find(f"{ATOM}author/{ATOM}name") is not None
    for entry in root.findall(f"{ATOM}entry"):
        for name in ("id", "title", "updated"):
            assert entry.find(f"{ATOM}{name}") is not None, name
        assert entry.find(f"{ATOM}link[@rel='alternate']") is not None
        assert feed_has_author or entry.find(f"{ATOM}author/{ATOM}name") is not None
    return root


def test_publications_feed(client, catalogue):
    response = client.get("/publications/flux.xml")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    assert_valid_atom(response.content)
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.title == "Publications · Le RAMEAU"
    assert feed.feed.links[0].href == "http://localhost/publications/"
    assert len(feed.entries) == len(CATALOGUE)
    first = feed.entries[0]
    assert first.title == "ODD 17 : Économie(s) & Territoire(s)"
    assert first.link == "http://localhost/publications/odd-17-economies-territoires/"
    assert first.published_parsed[:3] == (2023, 12, 21)
    assert {tag.term for tag in first.tags} >= {"Cahier de recherche"}
    assert first.author == "Le RAMEAU"


def test_publications_feed_leaves_drafts_out(client, catalogue):
    PublicationPageFactory(slug="publiee", title="Publiée en 2030")
    PublicationPageFactory(slug="brouillon", title="Brouillon").unpublish()
    titles = [entry.title for entry in feedparser.parse(client.get("/publications/flux.xml").content).entries]
    assert titles[0] == "Publiée en 2030" and "Brouillon" not in titles


def test_news_feed(client, news_index):
    NewsArticlePageFactory(title="Parution d'un cahier", date=datetime.date(2023, 12, 21))
    NewsArticlePageFactory(
        title="Apprenons à valoriser le « faire alliance »",
        slug="apprenons-a-valoriser-le-faire-alliance",
        date=datetime.date(2022, 3, 10),
        kind="tribune",
        body=[("paragraph", RichText("<p>Le texte de la tribune.</p>"))],
    )
    NewsArticlePageFactory(title="Une étude nationale", date=datetime.date(2022, 9, 1))
    response = client.get("/actualites/flux.xml")
    assert response.status_code == 200
    assert_valid_atom(response.content)
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    titles = [entry.title for entry in feed.entries]
    assert titles[-1] == "Apprenons à valoriser le « faire alliance »"
    article = feed.entries[-1]
    assert datetime.date(*article.published_parsed[:3]) == datetime.date(2022, 3, 10)
    assert article.link == "http://localhost/actualites/apprenons-a-valoriser-le-faire-alliance/"


def test_feeds_are_announced_on_their_index(client, library, news_index):
    for path in ("/publications/", "/actualites/"):
        markup = client.get(path).content.decode()
        assert '<link rel="alternate" type="application/atom+xml"' in markup
        assert f'href="{path}flux.xml"' in markup


def test_feed_names_only_resolve_on_index_pages(client, library):
    publication = PublicationPageFactory(slug="l-alchimie-du-bien-commun")
    assert client.get(publication.url).status_code == 200
    assert client.get("/qui-sommes-nous/flux.xml").status_code == 404
    assert client.get("/publications/l-alchimie-du-bien-commun/flux.xml").status_code == 404
