"""Resource centres in a real browser: axe-clean at phone and desktop widths, filters work without JavaScript."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from .conftest import VIEWPORTS
from .test_accessibility import OVERFLOWING, WCAG_21_AA

pytestmark = pytest.mark.browser

PATHS = {
    "index": "/centres-de-ressources/",
    "index-filtered": "/centres-de-ressources/?public=associations&besoin=agir",
    "index-bad-filter": "/centres-de-ressources/?public=inconnu&page=abc",
    "centre": "/centres-de-ressources/innovation-territoriale-en-actions/",
}


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("name", PATHS)
def test_no_wcag_violation(page, site_url, name, viewport):
    page.set_viewport_size(VIEWPORTS[viewport])
    page.goto(site_url + PATHS[name])
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")  # load the lazy images too
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()


def test_no_horizontal_scroll_at_320px(page, site_url):
    page.set_viewport_size({"width": 320, "height": 700})
    for path in PATHS.values():
        page.goto(site_url + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px: {page.evaluate(OVERFLOWING)}"


def test_filters_are_plain_links_that_work_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False, viewport=VIEWPORTS["phone"])
    page = context.new_page()
    page.goto(site_url + "/centres-de-ressources/")
    cards = page.locator(".centre-card")
    expect(cards).to_have_count(12)

    page.get_by_role("link", name="Fondations", exact=True).click()
    expect(page).to_have_url(re.compile(r"\?public=fondations$"))
    expect(page.get_by_role("link", name="Fondations", exact=True)).to_have_attribute("aria-current", "true")
    with_foundations = cards.count()
    assert 0 < with_foundations < 12

    page.get_by_role("link", name="Se former", exact=True).click()
    expect(page).to_have_url(re.compile(r"\?public=fondations&besoin=se-former$"))
    assert 0 < cards.count() <= with_foundations
    expect(
        page.get_by_role("heading", level=2, name=re.compile("« Fondations » et le besoin « Se former »"))
    ).to_be_visible()

    page.get_by_role("link", name="Voir tous les centres de ressources").click()
    expect(cards).to_have_count(12)
    context.close()


def test_centre_page_keyboard_reaches_the_platform_link(page, site_url):
    page.set_viewport_size(VIEWPORTS["desktop"])
    page.goto(site_url + PATHS["centre"])
    link = page.get_by_role("link", name="Accéder à la plateforme (site externe)")
    expect(link).to_have_attribute("rel", "noopener")
    expect(link).to_have_accessible_description(re.compile("Vous quittez le site du RAMEAU"))
    for _ in range(40):
        page.keyboard.press("Tab")
        if link.evaluate("el => el === document.activeElement"):
            break
    expect(link).to_be_focused()
    outline = link.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline != "none", "the focused platform link must show a visible outline"
