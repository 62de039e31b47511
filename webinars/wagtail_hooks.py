"""Admin wiring: the « Planifier les sessions » action on cycles and the off-rule warning;
the next webinar's section of the home page and the webinars' kind of search result; the cycles
of a programme and the sessions of a speaker."""

from __future__ import annotations

from django.contrib import messages
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.widgets import Button, ListingButton

from core.backlinks import PERSON_SECTIONS_HOOK, PROGRAMME_SECTIONS_HOOK, LinkedSection
from core.plugins import HOME_SECTIONS_HOOK, PUBLISH_CHECKS_HOOK, SEARCH_KINDS_HOOK, HomeSection, SearchKind
from resources.plugins import CENTRE_SECTIONS_HOOK, CentreSection

from . import admin_views
from .backlinks import person_sessions, programme_cycles
from .forms import DRAFT_CYCLE_APPROVAL_ERROR
from .home import next_webinar_key, next_webinar_section
from .models import WebinarCyclePage, WebinarPage
from .queries import webinars_for_centre

PLAN_LABEL = "Planifier les sessions"


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("webinaires/cycles/<int:page_id>/planifier/", admin_views.plan_cycle, name="webinars_plan_cycle")]


def _plan_button(page, user, priority: int):
    if page.specific_class is not WebinarCyclePage or not page.permissions_for_user(user).can_add_subpage():
        return
    if not page.specific_deferred.year:  # themed series: no year, nothing to plan from
        return
    yield Button(PLAN_LABEL, reverse("webinars_plan_cycle", args=[page.id]), icon_name="date", priority=priority)


@hooks.register("register_page_header_buttons")
def plan_header_button(page, user, view_name=None, next_url=None):
    yield from _plan_button(page, user, priority=17)


@hooks.register("register_page_listing_buttons")
def plan_listing_button(page, user, next_url=None):
    """On the cycle's row of the listing, as a visible button (not in the « … » menu)."""
    for button in _plan_button(page, user, priority=9):
        yield ListingButton(button.label, button.url, icon_name="date", priority=9)


def warn_off_rule(request, page) -> None:
    """After a save: a warning (not a refusal) when the session strays from the cycle's rule."""
    if not isinstance(page, WebinarPage) or not request.accepts("text/html"):
        return
    reason = page.off_rule_reason()
    if reason:
        messages.warning(request, reason)


hooks.register("after_edit_page", warn_off_rule)
hooks.register("after_create_page", warn_off_rule)


@hooks.register(PUBLISH_CHECKS_HOOK)
def draft_cycle_refusal(page) -> str | None:
    """The moderation task's check: approving a session of a draft cycle would put it live
    where no listing shows it (the edit form refuses the same, see forms.py)."""
    if not isinstance(page, WebinarPage):
        return None
    cycle = page.get_parent()
    if cycle is None or cycle.live:
        return None
    return DRAFT_CYCLE_APPROVAL_ERROR.format(title=cycle.title)


@hooks.register(HOME_SECTIONS_HOOK)
def next_webinar_home_section() -> HomeSection:
    return HomeSection(
        key="next_webinar",
        label="Prochain webinaire",
        description="La prochaine session du cycle de webinaires, avec son bouton d'inscription.",
        template="webinars/includes/home_section.html",
        context=next_webinar_section,
        clock_key=next_webinar_key,
    )


@hooks.register(SEARCH_KINDS_HOOK)
def webinar_results() -> SearchKind:
    return SearchKind("webinaires", "Webinaires", ("webinars.WebinarPage", "webinars.WebinarCyclePage"), order=30)


@hooks.register(CENTRE_SECTIONS_HOOK)
def centre_webinars() -> CentreSection:
    return CentreSection(
        "webinars/includes/centre_webinars.html",
        lambda centre: {"centre_webinars": webinars_for_centre(centre)},
        order=10,
    )


@hooks.register(PROGRAMME_SECTIONS_HOOK)
def programme_cycles_section() -> LinkedSection:
    return LinkedSection("webinars/includes/programme_cycles.html", programme_cycles, order=30)


@hooks.register(PERSON_SECTIONS_HOOK)
def person_sessions_section() -> LinkedSection:
    return LinkedSection("webinars/includes/person_sessions.html", person_sessions, order=20)
