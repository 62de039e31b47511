"""The benchmark's content: the demo site scaled up (`manage.py bench_data`).

On top of `seed_demo`: publications up to a total (2,000 by default) with covers, types,
themes, centres, partners and authors taken from the demo so every filter has data; ten
years of monthly webinar cycles (120 sessions, published); news up to a total (500).

Fast enough for `make bench`: pages are written in bulk (demo/bulk.py) and the images are
the demo's own, reused. Safe to rerun: pages carry numbered slugs (banc-…) and only the
missing numbers are created.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable, Iterator

from django.db import connection, transaction
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.rich_text import RichText

from caching import version
from pages.models import Partner, Theme
from publications.models import (
    NewsArticlePage,
    NewsIndexPage,
    PublicationAuthor,
    PublicationIndexPage,
    PublicationPage,
    PublicationType,
)
from resources.models import ResourceCentrePage
from search import lexicon as search_lexicon
from webinars import clock
from webinars.models import WebinarCyclePage, WebinarIndexPage, WebinarPage
from webinars.planning import MONTH_SLUGS, find_cycle, missing_occurrences

from .bulk import BATCH, bulk_add_children, index_for_search, link

SLUG_PREFIX = "banc"
TOPICS = [
    ("partenariat", "Le partenariat entre associations et entreprises"),
    ("territoire", "Les alliances au service des territoires"),
    ("fondation", "Les fondations, catalyseurs d'alliances"),
    ("evaluation", "Évaluer ce que produisent les alliances"),
    ("engagement", "L'engagement des salariés dans la cité"),
    ("modele", "Les modèles socio-économiques d'intérêt général"),
    ("innovation", "L'innovation sociale et territoriale"),
    ("gouvernance", "Gouverner une alliance dans la durée"),
]
FIRST_NAMES = ["Anne", "Charles-Benoît", "Claire", "Élise", "Hugues", "Julie", "Marc", "Sophie", "Thomas", "Yasmine"]
LAST_NAMES = ["Bernard", "Dubois", "Fontaine", "Girard", "Lefèvre", "Mercier", "Moreau", "Roux", "Vidal", "Petit"]


def missing_numbers(parent: Page, kind: str, wanted: int, already: int) -> Iterator[int]:
    """Numbers of the bench pages still missing under `parent` to reach `wanted` pages in all."""
    prefix = f"{SLUG_PREFIX}-{kind}-"
    existing = set(parent.get_children().filter(slug__startswith=prefix).values_list("slug", flat=True))
    missing = wanted - already - len(existing)
    number = 0
    while missing > 0:
        number += 1
        if f"{prefix}{number:04d}" not in existing:
            missing -= 1
            yield number


def rotate(items: list) -> Callable[[int], object]:
    return lambda number: items[number % len(items)] if items else None


def add_publications(total: int) -> int:
    index = PublicationIndexPage.objects.first()
    if index is None or total <= 0:
        return 0
    demo = PublicationPage.objects.child_of(index).exclude(slug__startswith=f"{SLUG_PREFIX}-").count()
    covers = rotate(
        sorted(PublicationPage.objects.exclude(cover_image=None).values_list("cover_image_id", flat=True).distinct())[
            :8
        ]
    )
    kind = rotate(list(PublicationType.objects.order_by("sort_order")))
    theme = rotate(list(Theme.objects.order_by("sort_order", "pk")))
    centre = rotate(list(ResourceCentrePage.objects.order_by("path")))
    partner = rotate(list(Partner.objects.order_by("pk")))
    pages = []
    for number in missing_numbers(index, "publication", total, demo):
        slug_topic, topic = TOPICS[number % len(TOPICS)]
        pages.append(
            PublicationPage(
                title=f"{topic} : cahier n° {number}",
                slug=f"{SLUG_PREFIX}-publication-{number:04d}",
                publication_type=kind(number),
                publication_date=datetime.date(2006 + number % 20, 1 + number % 12, 1 + number % 28),
                publisher="Le RAMEAU",
                summary=(
                    f"Cahier de recherche n° {number} sur {topic.lower()} : ce que montrent les travaux du RAMEAU, "
                    f"les pratiques de {slug_topic} observées sur le terrain et les questions qui restent ouvertes."
                ),
                listing_summary=f"{topic}, cahier n° {number}.",
                cover_image_id=covers(number),
            )
        )
    bulk_add_children(index, pages)
    authors = []
    for page in pages:
        rng = random.Random(page.slug)
        for order in range(1 + page.pk % 2):
            authors.append(
                PublicationAuthor(
                    page_id=page.pk,
                    sort_order=order,
                    first_name=rng.choice(FIRST_NAMES),
                    last_name=rng.choice(LAST_NAMES),
                )
            )
    PublicationAuthor.objects.bulk_create(authors, batch_size=BATCH)
    link(pages, "themes", lambda p: list({theme(p.pk), theme(p.pk // 3)} - {None}))
    link(pages, "centres", lambda p: [c for c in (centre(p.pk),) if c])
    link(pages, "partners", lambda p: [c for c in (partner(p.pk),) if c])
    index_for_search(pages)
    return len(pages)


def add_webinar_years(years: int) -> int:
    """Monthly cycles for the last `years` years (this one included), every session published."""
    index = WebinarIndexPage.objects.first()
    if index is None or years <= 0:
        return 0
    themes = rotate(list(Theme.objects.order_by("sort_order", "pk")))
    this_year = clock.now().year
    sessions: list[WebinarPage] = []
    for year in range(this_year - years + 1, this_year + 1):
        cycle = find_cycle(index, year)
        if cycle is None:
            cycle = WebinarCyclePage(
                title=f"Cycle de webinaires {year}",
                slug=str(year),
                year=year,
                intro="Chaque mois, une heure pour débattre des résultats de la recherche avec celles et ceux qui font alliance.",
            )
            bulk_add_children(index, [cycle])
            index_for_search([cycle])
        batch = []
        for occurrence in missing_occurrences(cycle, year):
            month = MONTH_SLUGS[occurrence.month - 1]
            _slug_topic, topic = TOPICS[(year + occurrence.month) % len(TOPICS)]
            batch.append(
                WebinarPage(
                    title=f"{topic} ({month} {year})",
                    slug=month,
                    start=occurrence.start,
                    end=occurrence.end,
                    listing_summary=f"Une heure pour débattre de {topic.lower()}.",
                    summary=f"<p>Une heure en ligne sur {topic.lower()} : repères, témoignages et échanges.</p>",
                )
            )
        sessions += bulk_add_children(cycle, batch)
    link(sessions, "themes", lambda s: [t for t in (themes(s.pk),) if t])
    index_for_search(sessions)
    return len(sessions)


def add_news(total: int) -> int:
    news = NewsIndexPage.objects.first()
    if news is None or total <= 0:
        return 0
    demo = NewsArticlePage.objects.child_of(news).exclude(slug__startswith=f"{SLUG_PREFIX}-").count()
    images = rotate(
        sorted(get_image_model().objects.filter(title__startswith="Illustration").values_list("pk", flat=True))[:6]
    )
    articles = []
    for number in missing_numbers(news, "actualite", total, demo):
        slug_topic, topic = TOPICS[number % len(TOPICS)]
        articles.append(
            NewsArticlePage(
                title=f"{topic} : brève n° {number}",
                slug=f"{SLUG_PREFIX}-actualite-{number:04d}",
                date=datetime.date(2010 + number % 16, 1 + number % 12, 1 + number % 28),
                kind="actualite",
                summary=f"Brève n° {number} : une nouvelle étape pour {topic.lower()}, et ce qu'elle change pour le {slug_topic}.",
                listing_summary=f"Brève n° {number} sur {topic.lower()}.",
                listing_image_id=images(number),
                body=[("paragraph", RichText(f"<p>Brève n° {number} : {topic}.</p>"))],
            )
        )
    bulk_add_children(news, articles)
    index_for_search(articles)
    return len(articles)


def scale_up(publications: int, webinar_years: int, news: int) -> dict[str, int]:
    """Create what is missing in one transaction, then give the content a new version."""
    with transaction.atomic():
        created = {
            "publications": add_publications(publications),
            "sessions": add_webinar_years(webinar_years),
            "news": add_news(news),
        }
        version.bump()  # bulk inserts send no signal: caches must not keep the smaller site
        search_lexicon.refresh()  # nor the search's lexicon its words
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # what autovacuum does after a bulk load: the planner's statistics
    return created


def counts() -> dict[str, int]:
    live = {
        "centres": ResourceCentrePage,
        "publications": PublicationPage,
        "sessions": WebinarPage,
        "news": NewsArticlePage,
    }
    return {name: model.objects.live().count() for name, model in live.items()}
