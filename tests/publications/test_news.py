"""« Actualités » : dated, signed articles, newest first, paginated against bad page numbers."""

from __future__ import annotations

import datetime
import json
import re

import html5lib
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.rich_text import RichText

from publications.models import NewsArticlePage, NewsRelatedPublication
from tests.factories.images import ImageFactory
from tests.factories.publications import NewsArticlePageFactory, PublicationPageFactory

pytestmark = pytest.mark.django_db


def article_titles(response) -> list[str]:
    return re.findall(r'class="news-item__title"><a href="[^"]+">([^<]+)</a>', response.content.decode())


def add_articles(news_index, numbers, image=None):
    """Short news items saved without a revision: only their number matters here."""
    for number in numbers:
        NewsArticlePageFactory(
            parent=news_index,
            title=f"Brève {number}",
            slug=f"breve-{number}",
            date=datetime.date(2024, 1, 1) + datetime.timedelta(days=number),
            summary="Une brève d'essai.",
            listing_image=image,
            publish=False,
        )


@pytest.fixture
def tribune(news_index) -> NewsArticlePage:
    """An op-ed with its sources and a related publication, among two news items."""
    NewsArticlePageFactory(
        title="Parution du cahier « ODD 17 : Économie(s) & Territoire(s) »", date=datetime.date(2023, 12, 21)
    )
    NewsArticlePageFactory(
        title="Première étude nationale d'impact du « faire alliance »", date=datetime.date(2022, 9, 15)
    )
    related = PublicationPageFactory(title="ODD 17 : les impacts du faire alliance en France")
    return NewsArticlePageFactory(
        title="Apprenons à valoriser le « faire alliance »",
        slug="apprenons-a-valoriser-le-faire-alliance",
        date=datetime.date(2022, 3, 10),
        kind="tribune",
        author="Le RAMEAU",
        summary="Ce que le « faire alliance » apporte, et comment le montrer.",
        body=[
            ("paragraph", RichText("<p>Un séminaire les 28 mars 2022 et 30 mars 2022, autour de quatre piliers.</p>")),
            (
                "sources",
                {
                    "heading": "Notes et sources",
                    "items": [{"text": RichText("<p>Observatoire des partenariats, 2022.</p>"), "url": ""}],
                },
            ),
        ],
        related_links=[NewsRelatedPublication(publication=related)],
    )


def test_news_index_lists_articles_newest_first(client, tribune):
    response = client.get("/actualites/")
    assert response.status_code == 200
    html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(response.content.decode())
    assert article_titles(response) == [
        "Parution du cahier « ODD 17 : Économie(s) &amp; Territoire(s) »",
        "Première étude nationale d&#x27;impact du « faire alliance »",
        "Apprenons à valoriser le « faire alliance »",
    ]
    assert '<time datetime="2022-03-10">10 mars 2022</time>' in response.content.decode()


def test_article_of_10_march_2022(client, tribune):
    response = client.get("/actualites/apprenons-a-valoriser-le-faire-alliance/")
    assert response.status_code == 200
    markup = response.content.decode()
    html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(markup)
    for text in (
        "Tribune",
        "Par Le RAMEAU",
        "10 mars 2022",
        "28 mars 2022",
        "30 mars 2022",
        "Notes et sources",
        "quatre piliers",
    ):
        assert text in markup, text
    assert '<meta property="og:type" content="article">' in markup
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', markup, re.S).group(1))
    assert data["@type"] == "OpinionNewsArticle" and data["datePublished"] == "2022-03-10"
    assert "ODD 17 : les impacts du faire alliance en France" in markup.split('id="publications-liees"', 1)[1]


@pytest.mark.parametrize(
    "number,message",
    [
        ("abc", "« abc » n&#x27;est pas un numéro de page valide"),
        ("0", "« 0 »"),
        ("-3", "« -3 »"),
        ("50", "La page 50 n&#x27;existe pas"),
    ],
)
def test_bad_page_numbers_are_corrected(client, news_index, number, message):
    add_articles(news_index, range(15))
    response = client.get(f"/actualites/?page={number}")
    assert response.status_code == 200
    assert message in response.content.decode()
    assert len(article_titles(response)) in (10, 5)


def test_second_page(client, news_index):
    add_articles(news_index, range(15))
    response = client.get("/actualites/?page=2")
    assert len(article_titles(response)) == 5
    assert 'rel="prev"' in response.content.decode()


def test_news_query_count_is_flat(client, news_index):
    image = ImageFactory(title="Illustration d'essai des brèves")

    def count() -> int:
        client.get("/actualites/")
        with CaptureQueriesContext(connection) as queries:
            client.get("/actualites/")
        return len(queries)

    add_articles(news_index, range(2), image)
    with_few = count()
    add_articles(news_index, range(2, 20), image)
    assert count() == with_few <= 10


def test_an_article_illustration_sits_beside_its_title_not_above_its_text(client, news_index):
    """Decorative and lazy: on phones it is hidden and never fetched, so the text starts at once."""
    article = NewsArticlePageFactory(title="Une brève illustrée", listing_image=ImageFactory(title="Décor"))
    markup = client.get(article.url).content.decode()
    header, body = markup.split('<div class="page-body prose">', 1)
    visual = re.search(r'<figure class="news-article__visual">(.*?)</figure>', header, re.S)
    assert visual and 'loading="lazy"' in visual.group(1) and 'alt=""' in visual.group(1)
    assert "<img" not in body.split("Toutes les actualités")[0]
