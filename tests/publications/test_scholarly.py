"""What Google Scholar, Zotero and library harvesters read: Highwire `citation_*` and Dublin
Core tags checked against the publication's data, COinS on the lists, DOI, HAL and licence,
and the library exported (whole or filtered) as BibTeX, RIS and CSV, parsed back."""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
from html.parser import HTMLParser

import pytest

from tests.factories.documents import DocumentFactory
from tests.factories.pages import ThemeFactory
from tests.factories.publications import PublicationPageFactory, PublicationTypeFactory, authors

pytestmark = pytest.mark.django_db


class MetaTags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, str]] = []
        self.coins: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and attrs.get("name"):
            self.tags.append((attrs["name"], attrs.get("content", "")))
        if tag == "span" and attrs.get("class") == "Z3988":
            self.coins.append(attrs["title"])


def read(markup: str) -> MetaTags:
    parser = MetaTags()
    parser.feed(markup)
    return parser


def values(tags: list[tuple[str, str]], name: str) -> list[str]:
    return [content for tag, content in tags if tag == name]


@pytest.fixture
def book():
    return PublicationPageFactory(
        title="Bien commun",
        subtitle="vers la fin des arrogances !",
        slug="bien-commun",
        publication_type=PublicationTypeFactory(name="Livre", slug="livre", nature="book"),
        publication_date=datetime.date(2016, 12, 1),
        date_precision="month",
        publisher="Éditions Dalloz",
        collection="JURIS Associations",
        isbn="978-2-247-16583-4",
        doi="https://doi.org/10.3917/essai.163.0591",
        hal_id="halshs-01234567",
        licence="cc-by-4.0",
        authors=authors(("Charles-Benoît", "Heidsieck"), ("", "Collectif G10")),
        themes=[ThemeFactory(name="Intérêt général", slug="interet-general")],
        document=DocumentFactory(),
    )


def test_highwire_tags_follow_the_publication(client, book):
    book.refresh_from_db()
    tags = read(client.get(book.url).content.decode()).tags
    assert values(tags, "citation_title") == ["Bien commun : vers la fin des arrogances !"]
    assert values(tags, "citation_author") == [
        "Heidsieck, Charles-Benoît",
        "Collectif G10",
    ]  # every author, a collective whole
    assert values(tags, "citation_publication_date") == ["2016"]  # a month: the year alone, as Scholar asks
    assert values(tags, "citation_publisher") == ["Éditions Dalloz"]
    assert values(tags, "citation_isbn") == ["9782247165834"]
    assert values(tags, "citation_doi") == ["10.3917/essai.163.0591"]
    assert values(tags, "citation_language") == ["fr"]
    assert values(tags, "citation_pdf_url") == [f"http://localhost{book.document.url}"]
    assert values(tags, "DC.creator") == ["Heidsieck, Charles-Benoît", "Collectif G10"]
    assert values(tags, "DC.date") == ["2016-12"]
    assert "doi:10.3917/essai.163.0591" in values(tags, "DC.identifier")
    assert "urn:isbn:9782247165834" in values(tags, "DC.identifier")
    assert values(tags, "DC.rights") == ["https://creativecommons.org/licenses/by/4.0/deed.fr"]
    assert values(tags, "DC.language") == ["fr"]


def test_a_publication_without_pdf_names_none_and_a_known_day_is_given_whole(client):
    note = PublicationPageFactory(
        title="Note sans fichier", publication_date=datetime.date(2022, 3, 31), date_precision="day"
    )
    tags = read(client.get(note.url).content.decode()).tags
    assert values(tags, "citation_pdf_url") == [] and values(tags, "DC.format") == []
    assert values(tags, "citation_publication_date") == ["2022/03/31"]
    assert values(tags, "citation_author") == ["Le RAMEAU"]
    assert values(tags, "citation_doi") == [] and values(tags, "DC.rights") == []


def test_doi_hal_and_licence_are_shown_linked_and_in_json_ld(client, book):
    markup = client.get(book.url).content.decode()
    assert 'href="https://doi.org/10.3917/essai.163.0591"' in markup
    assert 'href="https://hal.science/halshs-01234567"' in markup
    assert 'href="https://creativecommons.org/licenses/by/4.0/deed.fr" rel="license noopener">CC BY 4.0' in markup
    data = next(json.loads(m) for m in re.findall(r'<script type="application/ld\+json">(.*?)</script>', markup, re.S))
    assert data["license"] == "https://creativecommons.org/licenses/by/4.0/deed.fr"
    assert {"@type": "PropertyValue", "propertyID": "DOI", "value": "10.3917/essai.163.0591"} in data["identifier"]
    assert data["author"][1] == {"@type": "Organization", "name": "Collectif G10"}


def test_a_malformed_doi_or_hal_id_is_refused():
    from django.core.exceptions import ValidationError

    from publications.validators import validate_doi, validate_hal_id

    with pytest.raises(ValidationError):
        validate_doi("11.1234/abc")
    with pytest.raises(ValidationError):
        validate_hal_id("hal-123")
    validate_doi("doi:10.1234/abc.def")
    validate_hal_id("hal-01234567v2")


def test_the_library_carries_coins_for_zotero(client, book):
    coins = read(client.get("/publications/").content.decode()).coins
    assert len(coins) == 1
    from urllib.parse import parse_qs

    fields = parse_qs(coins[0])
    assert fields["ctx_ver"] == ["Z39.88-2004"] and fields["rft.genre"] == ["book"]
    assert fields["rft.btitle"] == ["Bien commun : vers la fin des arrogances !"]
    assert fields["rft.au"] == ["Heidsieck, Charles-Benoît", "Collectif G10"]
    assert fields["rft.isbn"] == ["9782247165834"] and fields["rft.date"] == ["2016-12"]
    assert "info:doi/10.3917/essai.163.0591" in fields["rft_id"]


@pytest.fixture
def library(book):
    report = PublicationTypeFactory(name="Étude", slug="etude", nature="report")
    PublicationPageFactory(
        title="Étude « 100 % » & {accolades}",
        publication_type=report,
        publication_date=datetime.date(2018, 2, 1),
        authors=authors(("Anne", "Robin")),
    )
    return book


def bibtex_entries(text: str) -> list[dict[str, str]]:
    entries = []
    for match in re.finditer(r"@(\w+)\{([^,]+),\n(.*?)\n\}", text, re.S):
        fields = dict(re.findall(r"^  (\w+) = \{?(.*?)\}?,?$", match.group(3), re.M))
        entries.append({**fields, "@type": match.group(1), "@key": match.group(2)})
    return entries


def test_exports_of_the_whole_library_parse_back(client, library):
    response = client.get("/publications/export.bib")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/x-bibtex")
    assert 'filename="publications-le-rameau.bib"' in response["Content-Disposition"]
    entries = bibtex_entries(response.content.decode())
    assert [entry["@type"] for entry in entries] == ["techreport", "book"]  # the library's order, newest first
    assert entries[1]["doi"] == "10.3917/essai.163.0591"
    # Every author, the collective braced so that BibTeX never reads « G10, Collectif ».
    assert entries[1]["author"] == "Heidsieck, Charles-Benoît and {Collectif G10}"
    assert r"100 \%" in entries[0]["title"] and r"\&" in entries[0]["title"]

    ris = client.get("/publications/export.ris").content.decode()
    records = [record for record in ris.split("ER  - \r\n") if record.strip()]
    assert len(records) == 2
    assert "TI  - Bien commun : vers la fin des arrogances !\r\n" in records[1]
    assert "DO  - 10.3917/essai.163.0591\r\n" in records[1]
    assert "AU  - Heidsieck, Charles-Benoît\r\nAU  - Collectif G10\r\n" in records[1]
    assert records[0].startswith("TY  - RPRT\r\n") and records[1].startswith("TY  - BOOK\r\n")

    response = client.get("/publications/export.csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [row["titre"] for row in rows] == ["Étude « 100 % » & {accolades}", "Bien commun"]
    assert rows[1]["auteurs"] == "Heidsieck, Charles-Benoît; Collectif G10"
    assert rows[1]["licence"] == "CC BY 4.0" and rows[1]["ISBN"] == "978-2-247-16583-4"
    assert rows[1]["adresse"] == "http://localhost/publications/bien-commun/"


def test_exports_follow_the_filters_of_the_page(client, library):
    page = client.get("/publications/?type=livre").content.decode()
    assert "/publications/export.bib?type=livre" in page
    response = client.get("/publications/export.csv?type=livre")
    assert 'filename="publications-le-rameau-selection.csv"' in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [row["titre"] for row in rows] == ["Bien commun"]
    assert bibtex_entries(client.get("/publications/export.bib?q=robin").content.decode())[0]["author"] == "Robin, Anne"
    assert client.get("/publications/export.pdf").status_code == 404
    assert client.get("/publications/export.ris?type=inconnu").status_code == 200
