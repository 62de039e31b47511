"""The admin traps, in Chromium, as the role that meets them (password + TOTP code): the
timeline folded under « année – titre », menu blocks named by their page, an editor's
menu and libraries, and a session refused publication in a draft cycle. No console error,
no CSP violation."""

from __future__ import annotations

import os

import pytest
from playwright.sync_api import expect

from pages.models import HistoryPage
from tests.factories.users import EditorFactory, ModeratorFactory
from tests.factories.webinars import WebinarCyclePageFactory
from webinars.models import WebinarIndexPage

from .staff import log_in

pytestmark = pytest.mark.browser

SHOTS = os.environ.get("ADMIN_SCREENSHOTS", "")


def is_problem(response) -> bool:
    """A failed request, except a rendition of the demo's images: the copy of the demo database
    lists renditions whose files the test's media folder does not hold."""
    return response.status >= 400 and "/media/images/" not in response.url


@pytest.fixture
def watched(page):
    """The page, with console errors (CSP violations are console errors) and failed requests collected."""
    problems: list[str] = []
    page.on(
        "console",
        lambda message: (
            problems.append(message.text)
            if message.type == "error" and not message.text.startswith("Failed to load resource")
            else None
        ),
    )
    page.on(
        "response",
        lambda response: problems.append(f"{response.status} {response.url}") if is_problem(response) else None,
    )
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.problems = problems
    return page


def shot(page, name: str) -> None:
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=False)


def test_moderator_sees_the_timeline_folded_by_year_and_title(watched, site_url):
    log_in(watched, site_url, ModeratorFactory())
    history = HistoryPage.objects.get()
    first = history.milestones.order_by("sort_order").first()
    watched.goto(f"{site_url}/admin/pages/{history.pk}/edit/")
    headings = watched.locator("#id_milestones-FORMS [data-panel-heading-text]")
    expect(headings.first).to_contain_text(f"{first.year} – {first.title}")
    assert headings.count() == history.milestones.count()
    toggles = watched.locator("#id_milestones-FORMS [data-panel-toggle]")
    assert all(
        value == "false" for value in toggles.evaluate_all("(els) => els.map((e) => e.getAttribute('aria-expanded'))")
    )
    watched.locator("#id_milestones-FORMS").scroll_into_view_if_needed()
    shot(watched, "history-milestones-folded")
    assert not watched.problems, watched.problems


def test_moderator_sees_menu_blocks_named_by_their_page(watched, site_url):
    log_in(watched, site_url, ModeratorFactory())
    watched.goto(f"{site_url}/admin/settings/pages/navigationsettings/")
    summaries = [
        " ".join(text.split())
        for text in watched.locator("[data-streamfield-child] .w-panel__header").all_inner_texts()
    ]
    assert "Page du site Notre histoire" in summaries and "Page du site Publications" in summaries, summaries
    shot(watched, "navigation-blocks-labelled")
    assert not watched.problems, watched.problems


def test_editor_menu_and_libraries(watched, site_url):
    log_in(watched, site_url, EditorFactory())
    expect(watched.locator("#wagtail-sidebar")).to_contain_text("Images")
    expect(watched.locator("#wagtail-sidebar")).not_to_contain_text("Centres de ressources")
    shot(watched, "editor-dashboard")
    watched.goto(f"{site_url}/admin/images/")
    expect(watched.locator("main")).not_to_contain_text("Vous n'avez encore")
    assert watched.locator("main img").count() > 0
    shot(watched, "editor-images")
    watched.goto(f"{site_url}/admin/documents/")
    assert watched.locator("main table tbody tr").count() > 0
    assert not watched.problems, watched.problems


def test_session_in_a_draft_cycle_is_refused_with_the_reason(watched, site_url):
    cycle = WebinarCyclePageFactory(parent=WebinarIndexPage.objects.get(), slug="2033", year=2033, live=False)
    log_in(watched, site_url, ModeratorFactory())
    watched.goto(f"{site_url}/admin/pages/add/webinars/webinarpage/{cycle.pk}/")
    expect(watched.locator("[data-webinar-draft-cycle]")).to_be_visible()
    watched.fill("#id_title", "Session de janvier")
    watched.fill("#id_start", "2033-01-20 13:00")
    watched.fill("#id_end", "2033-01-20 14:00")
    watched.keyboard.press("Escape")
    watched.locator("#id_title").click()  # closes the date picker
    watched.locator("footer [data-w-dropdown-target='toggle']").first.click()
    watched.get_by_role("button", name="Publier").click()
    expect(watched.locator("main")).to_contain_text("n'est pas publié : publiée seule")
    expect(watched.locator("#id_title")).to_have_value("Session de janvier")
    shot(watched, "session-draft-cycle-refused")
    assert not watched.problems, watched.problems
