"""Site search as a visitor uses it: from the header box of any page, on a phone and a desktop."""

from __future__ import annotations

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
        box = page.get_by_role("searchbox", name="Rechercher sur le site")
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
