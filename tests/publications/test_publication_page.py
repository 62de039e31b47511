"""A publication: its download (format, size), citation, BibTeX/RIS files, JSON-LD and sharing tags."""

from __future__ import annotations

import datetime
import json
import re

import html5lib
import pytest

from publications.citation import bibtex_escape
from publications.models import PublicationPage
from tests.factories.documents import MINIMAL_PDF, DocumentFactory
from tests.factories.images import CoverFactory
from tests.factories.pages import PartnerFactory, ThemeFactory
from tests.factories.publications import PublicationPageFactory, authors

from .conftest import publication_type

pytestmark = pytest.mark.django_db


def json_ld(markup: str) -> dict:
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', markup, re.S)
    assert len(scripts) == 1
    return json.loads(scripts[0])


@pytest.fixture
def book(library, theme_a, centre):
    return PublicationPageFactory(
        slug="un-livre",
        title="Bien commun & alliances",
        subtitle="Vers un nouveau contrat",
        publication_type=publication_type("livre"),
        publication_date=datetime.date(2016, 12, 1),
        publisher="Éditions Dalloz",
        collection="JURIS Associations",
        isbn="978-2-247-16583-4",
        authors=authors(("Charles-Benoît", "Heidsieck"), ("", "Le RAMEAU")),
        themes=[theme_a],
        centres=[centre],
        partners=[PartnerFactory(name="Caisse des Dépôts")],
        cover_image=CoverFactory(title="Couverture d'essai"),
        document=DocumentFactory(
            file__filename="un-livre.pdf", file__data=MINIMAL_PDF + b"%" * (1258291 - len(MINIMAL_PDF))
        ),
        summary="Un livre sur le bien commun, écrit à plusieurs.",
    )


def test_page_renders_with_download_format_and_size(client, book):
    response = client.get(book.url)
    assert response.status_code == 200
    markup = response.content.decode()
    html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(markup)
    assert f'href="{book.document.url}"' in markup
    assert "PDF, 1,2\u00a0Mo" in markup
    assert "Heidsieck et Le RAMEAU" in markup
    assert '<time datetime="2016-12">décembre 2016</time>' in markup
    assert "978-2-247-16583-4" in markup
    assert "Caisse des Dépôts" in markup
    assert "Centre d&#x27;essai" in markup  # its resource centre
    assert 'href="/publications/?theme=theme-essai-a"' in markup


def test_external_link_is_announced(client, library):
    page = PublicationPageFactory(
        slug="en-ligne", external_url="https://www.exemple.org/etude", external_link_text="Lire chez l'éditeur"
    )
    markup = client.get(page.url).content.decode()
    assert (
        'href="https://www.exemple.org/etude" rel="noopener">Lire chez l&#x27;éditeur<span class="visually-hidden"> (site externe)</span>'
        in markup
    )
    assert "Télécharger<span" not in markup


def test_ready_citation_in_french(client, book):
    markup = client.get(book.url).content.decode()
    assert "Citer cette publication" in markup
    expected = (
        "Charles-Benoît Heidsieck et Le RAMEAU, <i>Bien commun &amp; alliances : Vers un nouveau contrat</i>, "
        "Éditions Dalloz, coll. « JURIS Associations », décembre 2016. ISBN 978-2-247-16583-4. "
        "Disponible sur : http://localhost/publications/un-livre/"
    )
    assert expected in markup


def test_bibtex_download(client, book):
    response = client.get(book.url + "citation.bib")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-bibtex; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="un-livre.bib"'
    text = response.content.decode()
    assert text.startswith("@book{heidsieck2016bien,\n")
    for line in (
        "  author = {Heidsieck, Charles-Benoît and {Le RAMEAU}},",
        "  title = {{Bien commun \\& alliances : Vers un nouveau contrat}},",
        "  publisher = {Éditions Dalloz},",
        "  series = {JURIS Associations},",
        "  year = {2016},",
        "  month = dec,",
        "  isbn = {978-2-247-16583-4},",
        "  url = {http://localhost/publications/un-livre/},",
    ):
        assert line in text
    assert text.count("{") == text.count("}")


def test_bibtex_escapes_special_characters():
    assert bibtex_escape("50 % & {x}_#$") == r"50 \% \& \{x\}\_\#\$"


def test_ris_download(client, book):
    response = client.get(book.url + "citation.ris")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-research-info-systems; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="un-livre.ris"'
    text = response.content.decode()
    lines = text.split("\r\n")
    assert lines[0] == "TY  - BOOK"
    assert "AU  - Heidsieck, Charles-Benoît" in lines and "AU  - Le RAMEAU" in lines
    assert "TI  - Bien commun & alliances : Vers un nouveau contrat" in lines
    assert "PY  - 2016" in lines and "DA  - 2016/12" in lines
    assert "SN  - 978-2-247-16583-4" in lines and "PB  - Éditions Dalloz" in lines
    assert f"L1  - http://localhost{book.document.url}" in lines
    assert lines[-2:] == ["ER  - ", ""]
    assert all(re.fullmatch(r"[A-Z][A-Z0-9]  - .*", line) for line in lines[:-1])


def test_citation_routes_answer_only_for_publications(client, library):
    assert client.get("/publications/citation.bib").status_code == 404
    assert client.get("/publications/inconnue/citation.ris").status_code == 404


@pytest.mark.parametrize(
    "type_slug,schema_type",
    [("livre", "Book"), ("etude", "Report"), ("actes", "Report"), ("cahier-de-recherche", "ScholarlyArticle")],
)
def test_json_ld_type_follows_the_publication_type(client, library, type_slug, schema_type):
    page = PublicationPageFactory(
        slug=f"jsonld-{type_slug}",
        publication_type=publication_type(type_slug),
        isbn="0-8044-2957-X" if schema_type == "Book" else "",
    )
    data = json_ld(client.get(page.url).content.decode())
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == schema_type
    assert data["url"] == f"http://localhost{page.url}"
    assert data["datePublished"] == "2030-05"


def test_json_ld_describes_the_work(client, book):
    data = json_ld(client.get(book.url).content.decode())
    assert data["name"] == "Bien commun & alliances"
    assert data["alternativeHeadline"] == "Vers un nouveau contrat"
    assert data["isbn"] == "9782247165834"
    assert data["datePublished"] == "2016-12"
    assert data["author"] == [
        {
            "@type": "Person",
            "name": "Charles-Benoît Heidsieck",
            "givenName": "Charles-Benoît",
            "familyName": "Heidsieck",
        },
        {"@type": "Organization", "name": "Le RAMEAU"},
    ]
    assert data["publisher"] == {"@type": "Organization", "name": "Éditions Dalloz"}
    assert data["encoding"]["encodingFormat"] == "application/pdf"
    assert data["image"].startswith("http://localhost/")
    assert data["isAccessibleForFree"] is True


def test_json_ld_cannot_be_closed_by_editor_text(client, library):
    title = "Fin du script </script><script>alert(1)</script> & « guillemets »"
    page = PublicationPageFactory(slug="titre-piege", title=title, summary="</SCRIPT> <!-- ")
    markup = client.get(page.url).content.decode()
    assert "<script>alert(1)" not in markup
    data = json_ld(markup)
    assert data["name"] == title and data["description"] == "</SCRIPT> <!-- "


def test_sharing_tags_use_summary_and_cover(client, book):
    markup = client.get(book.url).content.decode()
    assert '<meta name="description" content="Un livre sur le bien commun, écrit à plusieurs.">' in markup
    assert '<meta property="og:type" content="book">' in markup
    assert '<meta property="book:isbn" content="9782247165834">' in markup
    assert re.search(
        r'<meta property="og:image" content="http://localhost/media/images/couverture-essai[^"]*\.jpg">', markup
    )
    assert '<meta property="og:image:alt" content="Couverture d&#x27;essai">' in markup
    assert f'<link rel="canonical" href="http://localhost{book.url}">' in markup


def test_reports_are_shared_as_articles(client, library):
    markup = client.get(PublicationPageFactory(slug="un-rapport").url).content.decode()
    assert '<meta property="og:type" content="article">' in markup
    assert '<meta property="article:published_time" content="2030-05">' in markup


def test_related_publications_share_themes_first(client, library, theme_a, theme_b):
    main = PublicationPageFactory(slug="principale", title="Publication principale", themes=[theme_a, theme_b])
    PublicationPageFactory(
        slug="deux-themes",
        title="Deux thèmes en commun",
        themes=[theme_a, theme_b],
        publication_date=datetime.date(2001, 1, 1),
    )
    PublicationPageFactory(
        slug="un-theme", title="Un thème en commun", themes=[theme_b], publication_date=datetime.date(2035, 1, 1)
    )
    markup = client.get(main.url).content.decode()
    related = markup.split('id="publications-liees"', 1)[1]
    titles = re.findall(r'class="pub-card__title"><a href="[^"]+">([^<]+)</a>', related)
    assert titles[:2] == ["Deux thèmes en commun", "Un thème en commun"]
    assert "principale" not in related


def test_date_precision_and_isbn_are_normalised_on_clean(library, essai_type):
    page = PublicationPage(
        title="Datée",
        slug="datee",
        publication_type=essai_type,
        publication_date=datetime.date(2019, 3, 27),
        date_precision="year",
        summary="x",
        isbn=" 0-8044-2957-X ",
    )
    page.clean()
    assert page.publication_date == datetime.date(2019, 1, 1)
    assert page.display_date == "2019" and page.isbn == "0-8044-2957-X" and page.isbn_compact == "080442957X"


@pytest.mark.parametrize(
    "precision,expected,iso",
    [("day", "1er mars 2022", "2022-03-01"), ("month", "mars 2022", "2022-03"), ("year", "2022", "2022")],
)
def test_dates_at_each_precision(library, precision, expected, iso):
    page = PublicationPageFactory(publication_date=datetime.date(2022, 3, 1), date_precision=precision)
    assert (page.display_date, page.iso_date) == (expected, iso)


def test_page_query_count_is_bounded(client, book):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(book.url)
    with CaptureQueriesContext(connection) as queries:
        client.get(book.url)
    assert len(queries) <= 10


def test_theme_unused_elsewhere_still_renders(client, library):
    lonely = ThemeFactory(name="Solitaire", slug="solitaire")
    page = PublicationPageFactory(slug="seule", themes=[lonely])
    assert client.get(page.url).status_code == 200
