"""How a reader gets a publication: « PDF », « En ligne », « Sur demande » on the cards, an
« Accès » filter validated like the others, and one name when author and publisher are one."""

from __future__ import annotations

import datetime
import re

import pytest

from publications.models import PublicationPage
from tests.factories.documents import DocumentFactory
from tests.factories.publications import PublicationPageFactory, authors

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return re.findall(r'class="pub-card__title"><a href="[^"]+">([^<]+)</a>', response.content.decode())


def notices(response) -> str:
    found = re.search(r'<div class="pub-notice" role="status">(.*?)</div>', response.content.decode(), re.S)
    return found.group(1) if found else ""


@pytest.fixture
def shelf(library) -> dict[str, PublicationPage]:
    """A PDF, a link, one on request and one with nothing said, in this order (newest first)."""
    day = datetime.date
    return {
        "pdf": PublicationPageFactory(
            title="Avec un PDF", publication_date=day(2030, 4, 1), document=DocumentFactory()
        ),
        "link": PublicationPageFactory(
            title="Avec un lien", publication_date=day(2030, 3, 1), external_url="https://editeur.exemple.org/livre"
        ),
        "request": PublicationPageFactory(
            title="Sur demande", publication_date=day(2030, 2, 1), availability="on_request"
        ),
        "silent": PublicationPageFactory(title="Sans rien", publication_date=day(2030, 1, 1)),
    }


def test_cards_say_how_to_get_each_publication(client, shelf):
    markup = client.get("/publications/").content.decode()
    cards = dict(
        re.findall(r'<a href="[^"]+">([^<]+)</a></h\d>.*?<p class="pub-card__access[^"]*">([^<]+)</p>', markup, re.S)
    )
    assert cards["Avec un PDF"] == "PDF"
    assert cards["Avec un lien"] == "En ligne"
    assert cards["Sur demande"] == "Sur demande"
    assert "Sans rien" not in cards


def test_the_access_filter(client, shelf):
    assert titles(client.get("/publications/?acces=pdf")) == ["Avec un PDF"]
    assert titles(client.get("/publications/?acces=en-ligne")) == ["Avec un lien"]
    response = client.get("/publications/?acces=PDF")  # read without regard to case, like the others
    assert titles(response) == ["Avec un PDF"]
    markup = response.content.decode()
    assert '<option value="pdf" selected>PDF à télécharger (1)</option>' in markup
    assert '<option value="en-ligne">En ligne (1)</option>' in markup


@pytest.mark.parametrize("value", ["papier", "%3Cscript%3E", "x" * 200])
def test_a_bad_access_value_is_explained_and_ignored(client, shelf, value):
    response = client.get(f"/publications/?acces={value}")
    assert response.status_code == 200
    assert "« Accès »" in notices(response)
    assert len(titles(response)) == 4


def test_a_publication_on_request_says_so_on_its_page(client, shelf):
    markup = client.get(shelf["request"].url).content.decode()
    assert "Disponible sur demande auprès du RAMEAU" in markup


def test_author_and_publisher_are_named_once_when_they_are_the_same(library):
    same = PublicationPageFactory(publisher="Le RAMEAU", authors=authors(("", "Le RAMEAU")))
    assert same.byline == "Le RAMEAU"
    joint = PublicationPageFactory(publisher="GPMA – Le RAMEAU", authors=authors(("", "GPMA"), ("", "Le RAMEAU")))
    assert joint.byline == "GPMA et Le RAMEAU"
    other = PublicationPageFactory(publisher="Éditions Dalloz", authors=authors(("", "Le RAMEAU")))
    assert other.byline == "Le RAMEAU · Éditions Dalloz"
