"""Demo content of the publications app: types, themes, the library, 17 publications and the news.

Run by `seed_demo` after the pages and resources seeds. Safe to rerun: every object is looked
up first (types and themes by slug, pages by slug under their parent, images and documents by
title), and what exists is left exactly as staff edited it.
"""

from __future__ import annotations

import random
import textwrap
import unicodedata
from io import BytesIO

from django.core.files.base import ContentFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail.rich_text import RichText
from wagtail.utils.file import hash_filelike

from pages.demo.images import PALETTES, get_or_create_image
from pages.demo.seed import landscape, publish_child
from pages.models import HomePage, Partner, Theme
from resources.models import ResourceCentrePage

from . import demo_content as content
from .models import (
    NewsArticlePage,
    NewsIndexPage,
    PublicationAuthor,
    PublicationIndexPage,
    PublicationPage,
    PublicationType,
)

COVER_SIZE = (600, 850)
# A system font with French accents when one is installed (Debian ships these); otherwise
# Pillow's own font, which lacks accented glyphs, with the accents taken off.
FONT_FILES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf",
]


def cover_font(size: int) -> tuple[ImageFont.ImageFont | ImageFont.FreeTypeFont, bool]:
    """The font to draw with, and whether it can show accents."""
    for path in FONT_FILES:
        try:
            return ImageFont.truetype(path, size), True
        except OSError:
            continue
    return ImageFont.load_default(size), False


def drawable(text: str, accents: bool) -> str:
    if accents:
        return text
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def draw_cover(title: str, kind: str, seed: str) -> PILImage.Image:
    """A sober book cover: coloured band, the type, the title and the imprint."""
    rng = random.Random(seed)
    dark, mid, accent = PALETTES[rng.randrange(len(PALETTES))]
    width, height = COVER_SIZE
    cover = PILImage.new("RGB", COVER_SIZE, (250, 248, 242))
    draw = ImageDraw.Draw(cover)
    draw.rectangle([0, 0, width, int(height * 0.62)], fill=dark)
    for _ in range(4):
        x, y, r = rng.randrange(width), rng.randrange(int(height * 0.6)), rng.randrange(60, 200)
        draw.ellipse([x - r, y - r, x + r, y + r], outline=mid, width=6)
    draw.rectangle([48, 60, 48 + 14, 140], fill=accent)
    small, accents = cover_font(28)
    large, _ = cover_font(42)
    draw.text((80, 72), drawable(kind.upper(), accents), fill=accent, font=small)
    y = 170
    for line in textwrap.wrap(drawable(title, accents), width=19)[:6]:
        draw.text((48, y), line, fill=(255, 255, 255), font=large)
        y += 54
    draw.text((48, int(height * 0.62) + 40), "Le RAMEAU", fill=dark, font=cover_font(34)[0])
    draw.line([(48, height - 70), (width - 48, height - 70)], fill=accent, width=4)
    return cover


def cover_image(item: dict, kind: str):
    title = f"Couverture : {item['title']}"
    picture = draw_cover(item["title"], kind, item["slug"])
    buffer = BytesIO()
    picture.save(buffer, format="JPEG", quality=85)
    return get_or_create_image(
        title, buffer.getvalue(), f"couverture-{item['slug']}.jpg", f"Couverture de « {item['title']} »"
    )


def pdf_document(item: dict, kind: str):
    """A one-page PDF made from the cover with Pillow: small, valid, and no new dependency."""
    Document = get_document_model()
    title = f"PDF : {item['title']}"
    existing = Document.objects.filter(title=title).first()
    if existing:
        return existing
    buffer = BytesIO()
    draw_cover(item["title"], kind, item["slug"]).save(
        buffer, format="PDF", resolution=72, title=item["title"], author="Le RAMEAU"
    )
    data = buffer.getvalue()
    document = Document(title=title, file_size=len(data), file_hash=hash_filelike(BytesIO(data)))
    document.file = ContentFile(data, name=f"{item['slug']}.pdf")
    document.save()
    return document


def seed_types() -> dict[str, PublicationType]:
    types = {}
    for order, (slug, name, plural, nature) in enumerate(content.TYPES):
        kind = PublicationType.objects.filter(slug=slug).first() or PublicationType.objects.filter(name=name).first()
        if kind is None:
            kind = PublicationType.objects.create(
                slug=slug, name=name, name_plural=plural, nature=nature, sort_order=order * 10
            )
        types[slug] = kind
    return types


def seed_themes() -> dict[str, Theme]:
    """Themes are shared with the webinars: reuse one found by slug or by name."""
    themes = {}
    for order, (slug, name, description) in enumerate(content.THEMES):
        theme = Theme.objects.filter(slug=slug).first() or Theme.objects.filter(name=name).first()
        if theme is None:
            theme = Theme.objects.create(slug=slug, name=name, description=description, sort_order=order * 10)
        themes[slug] = theme
    return themes


def seed_index(home: HomePage) -> PublicationIndexPage:
    existing = PublicationIndexPage.objects.first()
    if existing:
        return existing
    data = content.INDEX
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
    data = content.NEWS_INDEX
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


def text_body(paragraphs: list[tuple[str | None, str]], sources: list[str]) -> list[tuple[str, object]]:
    body: list[tuple[str, object]] = []
    for heading, html in paragraphs:
        if heading:
            body.append(("heading", {"text": heading, "level": "h2"}))
        body.append(("paragraph", RichText(html)))
    if sources:
        items = [{"text": RichText(f"<p>{source}</p>"), "url": ""} for source in sources]
        body.append(("sources", {"heading": "Notes et sources", "items": items}))
    return body


def build_publication(item: dict, types, themes, partners, centres) -> PublicationPage:
    kind = types[item["type"]]
    date, precision = item["date"]
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
        body=text_body([(None, html) for html in item.get("body", [])], item.get("sources", [])),
    )
    publication.authors = [
        PublicationAuthor(first_name=first, last_name=last, sort_order=order)
        for order, (first, last) in enumerate(item["authors"])
    ]
    publication.themes = [themes[slug] for slug in item["themes"]]
    publication.partners = [partners[name] for name in item.get("partners", []) if name in partners]
    publication.centres = [centres[slug] for slug in item["centres"] if slug in centres]
    return publication


def seed_publications(index: PublicationIndexPage) -> dict[str, PublicationPage]:
    types, themes = seed_types(), seed_themes()
    partners = {partner.name: partner for partner in Partner.objects.all()}
    centres = {centre.slug: centre for centre in ResourceCentrePage.objects.all()}
    existing = {page.slug: page for page in PublicationPage.objects.child_of(index)}
    publications = {}
    for item in content.PUBLICATIONS:
        publication = existing.get(item["slug"])
        if publication is None:
            publication = publish_child(index, build_publication(item, types, themes, partners, centres))
        publications[item["slug"]] = publication
    return publications


def seed_articles(news: NewsIndexPage, publications: dict[str, PublicationPage]) -> None:
    existing = set(Page.objects.child_of(news).values_list("slug", flat=True))
    for item in content.ARTICLES:
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
        article.related_publications = [publications[slug] for slug in item["related"] if slug in publications]
        publish_child(news, article)


def seed() -> None:
    home = HomePage.objects.get()
    index = seed_index(home)
    publications = seed_publications(index)
    seed_articles(seed_news_index(home), publications)
