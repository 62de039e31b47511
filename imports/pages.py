"""Posts and pages into the site's pages: news articles, publications, standard pages.

Title, dates, author, excerpt (as the summary), themes, featured image and body are set as
an editor would; the page is saved as a revision logged « Importé depuis WordPress », then
published with its original first-published date when WordPress showed it, kept as a draft
otherwise (drafts, pending, private and password-protected items are never public).
"""

from __future__ import annotations

import datetime
import html
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import unquote
from zoneinfo import ZoneInfo

from django.utils.text import slugify
from wagtail.models import Page, Revision

from pages.models import StandardPage, Theme
from publications.models import NewsArticlePage, PublicationPage, PublicationType

from .content import Body, plain, shorten
from .links import Addresses
from .mapping import Mapping, Rule
from .wxr import Export, Item

LOG_ACTION = "imports.import"
MODELS: dict[str, type[Page]] = {"news": NewsArticlePage, "publication": PublicationPage, "page": StandardPage}
PUBLIC = ("publish", "future")
UNCATEGORISED = {"uncategorized", "non-classe", "sans-categorie"}
PARIS = ZoneInfo("Europe/Paris")


def when(item: Item) -> datetime.datetime | None:
    """When WordPress published (or dated) the item, as an aware datetime."""
    for value, zone in ((item.date_gmt, datetime.UTC), (item.date, PARIS)):
        try:
            return datetime.datetime.strptime(value.strip(), "%Y-%m-%d %H:%M:%S").replace(tzinfo=zone)
        except ValueError:
            continue
    return None


def modified(item: Item) -> datetime.datetime | None:
    try:
        return datetime.datetime.strptime(item.modified_gmt.strip(), "%Y-%m-%d %H:%M:%S").replace(tzinfo=datetime.UTC)
    except ValueError:
        return None


def status_note(item: Item) -> str:
    if item.password:
        return "protégé par un mot de passe sur WordPress : gardé en brouillon, jamais public"
    return {
        "private": "privé sur WordPress : gardé en brouillon, jamais public",
        "pending": "en attente de relecture sur WordPress : gardé en brouillon",
        "draft": "brouillon sur WordPress : gardé en brouillon",
    }.get(item.status, "")


def is_public(item: Item) -> bool:
    return item.status in PUBLIC and not item.password


def folded(text: str) -> str:
    """Names compared as people read them: case, accents and spacing aside."""
    decomposed = unicodedata.normalize("NFKD", html.unescape(text)).casefold()
    return " ".join("".join(char for char in decomposed if not unicodedata.combining(char)).split())


def title_of(item: Item) -> str:
    return shorten(plain(html.unescape(re.sub(r"<[^>]*>", "", item.title))), 255)


def slug_of(item: Item) -> str:
    return slugify(unquote(item.slug))[:255] or slugify(title_of(item))[:255] or f"element-{item.wp_id}"


@dataclass
class Placement:
    rule: Rule
    model: type[Page]
    parent: Page


class PageWriter:
    """Writes the pages of one export."""

    def __init__(self, export: Export, mapping: Mapping, addresses: Addresses, documents_of) -> None:
        self.export = export
        self.mapping = mapping
        self.addresses = addresses
        self.documents_of = documents_of  # wp_id -> the documents attached to the item
        self.themes = {}
        for theme in Theme.objects.all():
            self.themes[folded(theme.name)] = self.themes[theme.slug] = theme
        self.types = {kind.slug: kind for kind in PublicationType.objects.all()}
        self.slugs: dict[int, set[str]] = {}

    def unique_slug(self, parent: Page, slug: str) -> str:
        taken = self.slugs.setdefault(parent.pk, set(parent.get_children().values_list("slug", flat=True)))
        candidate, number = slug, 2
        while candidate in taken:
            suffix = f"-{number}"
            candidate, number = slug[: 255 - len(suffix)] + suffix, number + 1
        taken.add(candidate)
        return candidate

    def image(self, wp_id: int | None) -> int | None:
        target = self.addresses.targets.get(wp_id) if wp_id else None
        return target.pk if target is not None and target.kind == "image" else None

    def summary(self, item: Item, body: Body | None, limit: int, notes: list[str]) -> str:
        excerpt = plain(html.unescape(re.sub(r"<[^>]*>", " ", item.excerpt)))
        if not excerpt:
            excerpt = (body.lead if body is not None else "") or item.lead or title_of(item)
            if body is not None:
                notes.append("pas d'extrait sur WordPress : chapô tiré du début du texte, à relire")
            return shorten(excerpt, min(limit, 300))
        if len(excerpt) > limit and body is not None:
            notes.append(f"extrait raccourci à {limit} caractères")
        return shorten(excerpt, limit)

    def terms(self, item: Item, page: Page, notes: list[str]) -> None:
        """Categories and tags to the site's themes where the names match; the rest reported.
        A category that decided the page's type (--mapping) is not a theme."""
        placing = set(self.mapping.categories) | UNCATEGORISED
        names = [(slug, name) for slug, name in item.categories() if slug not in placing] + item.tags()
        if not names:
            return
        if not hasattr(page, "themes"):
            listed = ", ".join(dict.fromkeys(name for _, name in names))
            notes.append(f"catégories et étiquettes non reprises ({page._meta.verbose_name} sans thèmes) : {listed}")
            return
        found, missing = [], []
        for slug, name in names:
            theme = self.themes.get(folded(name)) or self.themes.get(slug)
            (found if theme else missing).append(theme or name)
        page.themes.set(list(dict.fromkeys(found)))
        if missing:
            notes.append("sans thème correspondant : " + ", ".join(dict.fromkeys(missing)))

    def fill(self, page: Page, item: Item, rule: Rule, body: Body | None, notes: list[str]) -> None:
        """Every field but the body, from the item (a shell has no body yet)."""
        page.title = title_of(item) or f"Sans titre ({item.wp_id})"
        published = when(item)
        thumbnail = self.image(item.meta_int("_thumbnail_id"))
        if item.meta_int("_thumbnail_id") and thumbnail is None and body is not None:
            notes.append("image mise en avant non reprise")
        if isinstance(page, NewsArticlePage):
            page.date = published.astimezone(PARIS).date() if published else datetime.date.today()
            page.kind = rule.kind if rule.kind in ("actualite", "tribune") else "actualite"
            login = item.creator
            page.author = shorten(self.mapping.authors.get(login) or self.export.authors.get(login) or "Le RAMEAU", 120)
            page.summary = self.summary(item, body, 600, notes)
            page.listing_image_id = thumbnail or page.listing_image_id
        elif isinstance(page, PublicationPage):
            page.publication_date = published.astimezone(PARIS).date() if published else datetime.date.today()
            page.date_precision = "day"
            page.summary = self.summary(item, body, 1200, notes)
            page.publication_type = self.types.get(rule.publication_type) or page.publication_type
            page.cover_image_id = thumbnail or page.cover_image_id
            documents = (body.documents if body else []) + self.documents_of(item.wp_id)
            page.document_id = page.document_id or (documents[0] if documents else None)
        else:
            page.listing_summary = self.summary(item, None, 300, notes) if item.excerpt.strip() else ""
            page.listing_image_id = thumbnail or page.listing_image_id
        if body is not None:
            self.terms(item, page, notes)
        page.first_published_at = published if is_public(item) else None

    def place(self, item: Item, placement: Placement) -> Page:
        """A new page under its parent, still empty and never published: every page then has an id
        before any text is converted, so that links between them can be made."""
        page = placement.model(slug=self.unique_slug(placement.parent, slug_of(item)), live=False)
        self.fill(page, item, placement.rule, None, [])
        page.first_published_at = None
        placement.parent.add_child(instance=page)
        return page

    @staticmethod
    def renamed(item: Item, page: Page) -> str:
        wanted = slug_of(item)
        return (
            ""
            if page.slug == wanted
            else f"l'adresse « {wanted} » était prise à cet endroit : la page est à « {page.slug} »"
        )

    def write(self, page: Page, item: Item, rule: Rule, body: Body, notes: list[str]) -> Revision:
        """The whole item as a new revision, published or not as WordPress showed it."""
        self.fill(page, item, rule, body, notes)
        page.body = body.blocks
        published = when(item)
        future = item.status == "future" and published is not None and published > datetime.datetime.now(datetime.UTC)
        page.go_live_at = published if future and is_public(item) else None
        # A page published now is validated by its publication's save: validated once, not twice.
        published_now = is_public(item) and not future
        revision = page.save_revision(log_action=LOG_ACTION, clean=not published_now)
        if note := status_note(item):
            notes.insert(0, note)
        if is_public(item):
            revision.publish()
            if future:
                notes.insert(
                    0, f"programmé sur WordPress : sera publié le {published.astimezone(PARIS):%d/%m/%Y à %H:%M}"
                )
            elif changed := modified(item):
                Page.objects.filter(pk=page.pk).update(last_published_at=max(changed, published or changed))
        elif page.live:
            page.unpublish(log_action=True)
        return revision
