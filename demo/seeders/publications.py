"""Demo content of the publications app: types, themes, the library, 17 publications and the news.

Runs after the pages and resources seeders. Safe to rerun: every object is looked up first
(types and themes by slug, pages by slug under their parent, images and documents by title),
and what exists is left exactly as staff edited it.
"""

from __future__ import annotations

import datetime

from wagtail.models import Page
from wagtail.rich_text import RichText

from demo.content import load
from demo.images import cover_image, landscape, pdf_document
from pages.models import HomePage, Partner, Theme
from publications.models import (
    NewsArticlePage,
    NewsIndexPage,
    NewsRelatedPublication,
    PublicationAuthor,
    PublicationIndexPage,
    PublicationPage,
    PublicationType,
)
from resources.models import ResourceCentrePage

from .common import flag, publish_child

CONTENT = load("publications")
NEWS = load("news")


def publication_date(value: int | str | datetime.date) -> tuple[datetime.date, str]:
    """The date and its precision from the YAML: 2017 (year), "2016-12" (month) or a day."""
    if isinstance(value, datetime.date):
        return value, "day"
    if isinstance(value, int):
        return datetime.date(value, 1, 1), "year"
    year, month = value.split("-")
    return datetime.date(int(year), int(month), 1), "month"


def seed_types() -> dict[str, PublicationType]:
    types = {}
    for order, item in enumerate(CONTENT["types"]):
        slug, name = item["slug"], item["name"]
        kind = PublicationType.objects.filter(slug=slug).first() or PublicationType.objects.filter(name=name).first()
        if kind is None:
            kind = PublicationType.objects.create(
                slug=slug, name=name, name_plural=item["plural"], nature=item["nature"], sort_order=order * 10
            )
        types[slug] = kind
    return types


def seed_themes() -> dict[str, Theme]:
    """Themes are shared with the webinars: reuse one found by slug or by name."""
    themes = {}
    for order, item in enumerate(CONTENT["themes"]):
        slug, name = item["slug"], item["name"]
        theme = Theme.objects.filter(slug=slug).first() or Theme.objects.filter(name=name).first()
        if theme is None:
            theme = Theme.objects.create(slug=slug, name=name, description=item["description"], sort_order=order * 10)
        themes[slug] = theme
    return themes


def seed_index(home: HomePage) -> PublicationIndexPage:
    existing = PublicationIndexPage.objects.first()
    if existing:
        return existing
    data = CONTENT["index"]
    return publish_child(
        home,
        PublicationIndexPage(
            title=data["title"],
            slug=data["slug"],
            intro=data["intro"],
            listing_summary=data["intro"],
            search_description=data["seo_description"],
            listing_image=landscape("Illustration : publications"),
            show_in_menus=True,
        ),
    )


def seed_news_index(home: HomePage) -> NewsIndexPage:
    """Created under the home page (add_child does not check HomePage.subpage_types)."""
    existing = NewsIndexPage.objects.first()
    if existing:
        return existing
    data = NEWS["index"]
    return publish_child(
        home,
        NewsIndexPage(
            title=data["title"],
            slug=data["slug"],
            intro=data["intro"],
            listing_summary=data["intro"],
            search_description=data["seo_description"],
            show_in_menus=True,
        ),
    )


def text_body(sections: list[dict], sources: list[str]) -> list[tuple[str, object]]:
    """Sections ({heading (optional), html}) as blocks, then the sources as footnotes."""
    body: list[tuple[str, object]] = []
    for section in sections:
        if section.get("heading"):
            body.append(("heading", {"text": section["heading"], "level": "h2"}))
        body.append(("paragraph", RichText(section["html"])))
    if sources:
        items = [{"text": RichText(f"<p>{source}</p>"), "url": ""} for source in sources]
        body.append(("sources", {"heading": "Notes et sources", "items": items}))
    return body


def build_publication(item: dict, types, themes, partners, centres) -> PublicationPage:
    kind = types[item["type"]]
    date, precision = publication_date(item["date"])
    publication = PublicationPage(
        title=item["title"],
        slug=item["slug"],
        subtitle=item.get("subtitle", ""),
        publication_type=kind,
        publication_date=date,
        date_precision=precision,
        publisher=item["publisher"],
        collection=item.get("collection", ""),
        summary=item["summary"],
        listing_summary=item["summary"][:300],
        cover_image=cover_image(item, kind.name),
        document=pdf_document(item, kind.name) if item.get("pdf") else None,
        availability=item.get("availability", ""),
        body=text_body([{"html": html} for html in item.get("body", [])], item.get("sources", [])),
    )
    publication.authors = [
        PublicationAuthor(first_name=author.get("first_name", ""), last_name=author["last_name"], sort_order=order)
        for order, author in enumerate(item["authors"])
    ]
    publication.themes = [themes[slug] for slug in item["themes"]]
    publication.partners = [partners[name] for name in item.get("partners", []) if name in partners]
    publication.centres = [centres[slug] for slug in item["centres"] if slug in centres]
    return publication


def refresh_demo_files(publication: PublicationPage, item: dict, kind: str) -> None:
    """An earlier demo's cover and PDF, still the demo's own, brought up to date: drawn again if
    lost or changed, filed among the stand-ins (demo/images.py `refresh`; what staff edited
    stays as they left it). A file staff put in their place is left alone."""
    cover = publication.cover_image
    if cover is not None and cover.title == f"Couverture : {item['title']}":
        cover_image(item, kind)
    document = publication.document
    if item.get("pdf") and document is not None and document.title == f"PDF : {item['title']}":
        pdf_document(item, kind)


def seed_publications(index: PublicationIndexPage) -> dict[str, PublicationPage]:
    types, themes = seed_types(), seed_themes()
    partners = {partner.name: partner for partner in Partner.objects.all()}
    centres = {centre.slug: centre for centre in ResourceCentrePage.objects.all()}
    existing = {page.slug: page for page in PublicationPage.objects.child_of(index)}
    publications = {}
    for item in CONTENT["publications"]:
        publication = existing.get(item["slug"])
        if publication is None:
            publication = publish_child(index, build_publication(item, types, themes, partners, centres))
            if item.get("to_verify"):
                flag(publication, item["to_verify"])
        else:
            refresh_demo_files(publication, item, types[item["type"]].name)
        publications[item["slug"]] = publication
    return publications


def seed_articles(news: NewsIndexPage, publications: dict[str, PublicationPage]) -> None:
    existing = set(Page.objects.child_of(news).values_list("slug", flat=True))
    for item in NEWS["articles"]:
        if item["slug"] in existing:
            continue
        article = NewsArticlePage(
            title=item["title"],
            slug=item["slug"],
            date=item["date"],
            kind=item["kind"],
            author=item["author"],
            summary=item["summary"],
            listing_summary=item["summary"][:300],
            listing_image=landscape(f"Illustration : {item['title']}"),
            body=text_body(item["sections"], item["sources"]),
        )
        article.related_links = [
            NewsRelatedPublication(publication=publications[slug]) for slug in item["related"] if slug in publications
        ]
        publish_child(news, article)
        if item.get("to_verify"):
            flag(article, item["to_verify"])


def seed() -> None:
    home = HomePage.objects.get()
    index = seed_index(home)
    publications = seed_publications(index)
    seed_articles(seed_news_index(home), publications)
