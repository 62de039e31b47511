"""Site search as a visitor uses it: from the header box of any page, on a phone and a desktop."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import VIEWPORTS
from .test_accessibility import WCAG_21_AA

pytestmark = pytest.mark.browser


def test_search_from_the_header_then_narrow_by_kind(page, site_url):
    """One seeded site for the whole journey: the live server re-seeds for every test."""
    for viewport in VIEWPORTS.values():
        page.set_viewport_size(viewport)
        page.goto(site_url + "/qui-sommes-nous/")
        box = page.get_by_role("combobox", name="Rechercher sur le site")  # a search box with suggestions
        box.fill("Cooperation")
        box.press("Enter")
        page.wait_for_url("**/recherche/?q=Cooperation")
        assert page.locator(".result").count() > 0
        assert "résultat" in page.locator("#resultats").inner_text()
        results = Axe().run(page, options=WCAG_21_AA)
        assert results.violations_count == 0, results.generate_report()

    page.get_by_role("link", name="Publications (").click()
    page.wait_for_url("**type=publications")
    kinds = page.locator(".result__kind").all_inner_texts()
    assert kinds and set(kinds) == {"PUBLICATION"}

    page.goto(site_url + "/recherche/?q=%3Cscript%3E%00" + "x" * 3000)
    assert page.locator(".pub-notice").is_visible()
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()

    page.set_viewport_size({"width": 320, "height": 700})
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0


def test_suggestions_while_typing_by_keyboard_and_a_correction_for_a_typo(page, site_url):
    """The header box offers searches and pages as the visitor types: an ARIA combobox they
    browse with the arrows, choose with Enter, close with Escape; axe finds nothing with the
    list open. A search with a typo offers the corrected one as a link."""
    for viewport in VIEWPORTS.values():
        page.set_viewport_size(viewport)
        page.goto(site_url + "/qui-sommes-nous/")
        box = page.get_by_role("combobox", name="Rechercher sur le site")
        box.press_sequentially("parten", delay=40)
        listbox = page.get_by_role("listbox", name="Suggestions de recherche")
        listbox.wait_for()
        assert box.get_attribute("aria-expanded") == "true"
        options = listbox.get_by_role("option")
        assert options.count() >= 2
        assert listbox.get_by_role("group", name="Pages").get_by_role("option").count() >= 1
        results = Axe().run(page, options=WCAG_21_AA)
        assert results.violations_count == 0, results.generate_report()
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0

        box.press("ArrowDown")
        first = options.first
        assert first.get_attribute("aria-selected") == "true"
        assert box.get_attribute("aria-activedescendant") == first.get_attribute("id")
        box.press("ArrowUp")  # back to the field
        assert box.get_attribute("aria-activedescendant") is None
        box.press("Escape")
        assert listbox.is_hidden() and box.get_attribute("aria-expanded") == "false"

    box.press("ArrowDown")  # opens again on the first suggestion, a search
    chosen = options.first.inner_text()
    box.press("Enter")
    page.wait_for_url("**/recherche/?q=*")
    heading = page.locator("#resultats").inner_text()
    assert re.match(r"(Plus de )?\d+ résultats? pour", heading) and chosen in heading

    page.goto(site_url + "/recherche/?q=partenarait")
    assert "Aucun résultat" in page.locator("#resultats").inner_text()
    page.get_by_role("link", name="partenariat", exact=True).click()
    page.wait_for_url("**/recherche/?q=partenariat")
    assert page.locator(".result").count() > 0


def test_the_search_box_works_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "/")
    box = page.get_by_role("searchbox", name="Rechercher sur le site")
    box.fill("coconstruction")
    box.press("Enter")
    page.wait_for_url("**/recherche/?q=coconstruction")
    assert "Co-construction territoriale" in page.locator(".result-list").inner_text()
    context.close()
