"""Demo webinars: the cycles of demo/content/webinars.yaml, and the current year's cycle
computed from the rule, so the demo always shows a next session whatever day it runs.

Safe to rerun: pages are found by slug first and never overwritten.
"""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.db.models import Q
from django.utils.text import slugify
from wagtail.contrib.redirects.models import Redirect

from demo.content import load
from demo.images import landscape
from pages.models import HomePage, Theme
from pages.slugs import french_slugify
from resources.models import ResourceCentrePage
from webinars import clock
from webinars.models import WebinarCyclePage, WebinarIndexPage, WebinarPage
from webinars.planning import plan_year

from .common import flag, publish_child

PARIS = ZoneInfo("Europe/Paris")
CONTENT = load("webinars")
# The cycle fields a cycle of the YAML may set; the rest of the page keeps its defaults.
CYCLE_FIELDS = ("title", "slug", "year", "intro", "registration_url", "rule_which", "show_rule")


def theme(name: str, slug: str) -> Theme:
    """The shared theme with this name or slug (the publications seeder may have made it)."""
    existing = Theme.objects.filter(Q(slug=slug) | Q(name=name)).first()
    return existing or Theme.objects.create(name=name, slug=slug)


def centre_for(hint: str) -> ResourceCentrePage | None:
    """The centre whose title starts with `hint`, if any."""
    return ResourceCentrePage.objects.filter(title__istartswith=hint).order_by("path").first() if hint else None


def paris(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=PARIS)


def seed_index(home: HomePage) -> WebinarIndexPage:
    existing = WebinarIndexPage.objects.first()
    if existing:
        return existing
    data = CONTENT["index"]
    return publish_child(
        home,
        WebinarIndexPage(
            title=data["title"],
            slug=data["slug"],
            intro=data["intro"],
            listing_summary=data["listing_summary"],
            listing_image=landscape("Illustration : webinaires"),
        ),
    )


def seed_session(
    cycle: WebinarCyclePage,
    day: date,
    title: str,
    summary: str,
    themes: list[Theme],
    centre=None,
    time_known: bool = True,
) -> None:
    slug = french_slugify(title)[:80]
    legacy = slugify(title)[:80]  # what earlier demos made: `qualifier-linnovation`
    existing = WebinarPage.objects.child_of(cycle).filter(slug__in={slug, legacy}).first()
    if existing is not None:
        if existing.slug != slug and not existing.has_unpublished_changes:
            existing.slug = slug  # Wagtail leaves a permanent redirect from the old address
            existing.save_revision(log_action=True).publish()
        elif existing.slug == slug:
            keep_old_address(existing, legacy)
        return
    session = WebinarPage(
        title=title,
        slug=slug,
        start=paris(day, 13),
        end=paris(day, 14),
        time_known=time_known,
        listing_summary=summary,
        summary=f"<p>{summary}</p>",
    )
    session.themes = themes
    session.centres = [centre] if centre else []
    keep_old_address(publish_child(cycle, session), legacy)


def keep_old_address(session: WebinarPage, legacy: str) -> None:
    """The address earlier demos gave the session (the elision glued: `qualifier-linnovation`)
    leads to it with a permanent redirect."""
    if legacy == session.slug:
        return
    page_path = session.get_url_parts()[2]  # « /webinaires/2019/qualifier-l-innovation/ »
    old_path = Redirect.normalise_path(page_path.removesuffix(f"{session.slug}/") + f"{legacy}/")
    if not Redirect.objects.filter(old_path=old_path).exists():
        Redirect.add_redirect(old_path, redirect_to=session, is_permanent=True)


def seed_cycle(index: WebinarIndexPage, data: dict) -> None:
    existed = WebinarCyclePage.objects.child_of(index).filter(slug=data["slug"]).exists()
    cycle = publish_child(index, WebinarCyclePage(**{field: data[field] for field in CYCLE_FIELDS if field in data}))
    if data.get("to_verify") and not existed:
        flag(cycle, data["to_verify"])
    themes = [theme(data["theme"]["name"], data["theme"]["slug"])]
    for session in data["sessions"]:
        seed_session(
            cycle,
            session["date"],
            session["title"],
            session["summary"],
            themes,
            centre_for(session.get("centre", "")),
            time_known=session.get("time_known", True),
        )


def publish_upcoming(year: int, index: WebinarIndexPage, now: datetime) -> bool:
    """The year's cycle, planned from its rule, published with the sessions still to come (the
    months already gone stay drafts: nothing is known of them). True if one is still to come."""
    planned = plan_year(year, publish=False, index=index)
    cycle = planned.cycle
    upcoming = [session for session in WebinarPage.objects.child_of(cycle).filter(end__gt=now) if not session.live]
    if upcoming and not cycle.live:
        cycle.save_revision(log_action=True).publish()
    for session in upcoming:
        session.save_revision(log_action=True).publish()
    if planned.cycle_created:  # flagged once: a point staff have handled or deleted stays so
        flag(
            cycle,
            "Cycle de démonstration calculé d'après la règle du 3e jeudi : thèmes, intervenants et "
            "adresse d'inscription à renseigner avant toute annonce.",
        )
    return WebinarPage.objects.child_of(cycle).live().filter(end__gt=now).exists()


def seed() -> None:
    home = HomePage.objects.first()
    if home is None:
        return
    index = seed_index(home)
    for cycle in CONTENT["cycles"]:
        seed_cycle(index, cycle)
    now = clock.now()
    if not publish_upcoming(now.year, index, now):  # late December: the next session is next year's
        publish_upcoming(now.year + 1, index, now)
    else:  # next year's cycle, as drafts: staff fill in the themes, then publish
        plan_year(now.year + 1, publish=False, index=index)
