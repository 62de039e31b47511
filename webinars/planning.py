"""Plan a year of sessions from a cycle's rule: the command and the admin action share this.

Rerunning creates nothing twice: a month is covered when a session carries that month's planner
slug (« mars ») even if an editor moved it, or, for sessions named otherwise, starts in it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q
from django.utils.text import slugify
from wagtail.log_actions import LogContext

from core.french_dates import MONTHS

from .models import WebinarCyclePage, WebinarIndexPage, WebinarPage
from .models.session import PLACEHOLDER_THEME
from .schedule import Occurrence

MONTH_SLUGS = [slugify(name) for name in MONTHS]


class PlanningError(Exception):
    """Planning is impossible as asked (no index, no year…): the message is for staff, in French."""


@dataclass
class PlanResult:
    cycle: WebinarCyclePage
    cycle_created: bool = False
    created: list[WebinarPage] = field(default_factory=list)


def placeholder_title(occurrence: Occurrence) -> str:
    """« Janvier 2027 : thème à venir », the colon held to its word by a no-break space."""
    return f"{MONTHS[occurrence.month - 1].capitalize()} {occurrence.rule_date.year}\u00a0: {PLACEHOLDER_THEME}"


def find_cycle(index: WebinarIndexPage, year: int) -> WebinarCyclePage | None:
    return WebinarCyclePage.objects.child_of(index).filter(Q(year=year) | Q(slug=str(year))).order_by("path").first()


def missing_occurrences(cycle: WebinarCyclePage, year: int | None = None) -> list[Occurrence]:
    """The rule's dates for the cycle's year whose month has no session yet (drafts count)."""
    year = year or cycle.year
    if not year:
        raise PlanningError("Ce cycle n'a pas d'année : indiquez-la dans le cycle pour planifier ses sessions.")
    zone = cycle.rule.zone
    covered: set[int] = set()
    for slug, start in WebinarPage.objects.child_of(cycle).values_list("slug", "start"):
        if slug in MONTH_SLUGS:
            covered.add(MONTH_SLUGS.index(slug) + 1)
        else:
            local = start.astimezone(zone)
            if local.year == year:
                covered.add(local.month)
    return [occurrence for occurrence in cycle.rule.occurrences(year) if occurrence.month not in covered]


def _add(parent, page, publish: bool, user) -> None:
    page.live = False
    page.has_unpublished_changes = True
    page.owner = user
    # Each page's log entries in a context of their own: the history view keeps one entry per
    # context and action across all pages, so twelve sessions planned in one request would
    # otherwise show their creation in the last one's history only.
    with LogContext(user=user):
        parent.add_child(instance=page)  # logs the creation, by its owner
        # Logged as an edit, as the admin's create view does: the history offers this first
        # version for review, comparison and restoring.
        revision = page.save_revision(user=user, log_action=True)
        if publish:
            revision.publish(user=user)


def create_cycle(index: WebinarIndexPage, year: int, publish: bool = False, user=None) -> WebinarCyclePage:
    cycle = WebinarCyclePage(
        title=f"Cycle de webinaires {year}",
        slug=str(year),
        year=year,
        intro="Chaque mois, une heure pour débattre des résultats de la recherche avec celles et ceux qui font alliance.",
    )
    _add(index, cycle, publish, user)
    return cycle


@transaction.atomic
def plan_sessions(cycle: WebinarCyclePage, publish: bool = False, user=None) -> list[WebinarPage]:
    """Create the cycle's missing sessions with placeholder themes; drafts unless `publish`."""
    created = []
    for occurrence in missing_occurrences(cycle):
        session = WebinarPage(
            title=placeholder_title(occurrence),
            slug=MONTH_SLUGS[occurrence.month - 1],
            start=occurrence.start,
            end=occurrence.end,
        )
        _add(cycle, session, publish, user)
        created.append(session)
    return created


@transaction.atomic
def plan_year(year: int, publish: bool = False, user=None, index: WebinarIndexPage | None = None) -> PlanResult:
    """The cycle for `year` (created if missing) and its missing sessions."""
    index = index or WebinarIndexPage.objects.order_by("path").first()
    if index is None:
        raise PlanningError("Aucune page « Webinaires » : créez-la d'abord sous la page d'accueil.")
    cycle = find_cycle(index, year)
    result = (
        PlanResult(cycle=cycle)
        if cycle
        else PlanResult(cycle=create_cycle(index, year, publish, user), cycle_created=True)
    )
    if result.cycle.year is None:
        result.cycle.year = year
    result.created = plan_sessions(result.cycle, publish=publish, user=user)
    return result
