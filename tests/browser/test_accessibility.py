"""Each page type, as a visitor's browser shows it, passes axe-core's WCAG 2.1 A/AA rules."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import VIEWPORTS

PAGE_TYPES = {
    "home": "/",
    "mission": "/qui-sommes-nous/",
    "history": "/qui-sommes-nous/histoire/",
    "standard": "/contact/",
    "partners": "/partenaires/",
    "not-found": "/page-disparue/",
}
# The innermost elements that reach past the viewport's right edge, to name the culprit of a sideways scroll.
OVERFLOWING = """() => {
    const width = document.documentElement.clientWidth;
    const past = [...document.body.querySelectorAll("*")].filter((el) => el.getBoundingClientRect().right > width + 0.5);
    return past.filter((el) => !past.some((other) => other !== el && el.contains(other))).slice(0, 5)
        .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")} (${Math.round(el.getBoundingClientRect().right)}px)`);
}"""
WCAG_21_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("name", PAGE_TYPES)
def test_no_wcag_violation(page, site_url, name, viewport):
    page.set_viewport_size(VIEWPORTS[viewport])
    page.goto(site_url + PAGE_TYPES[name])
    assert page.locator("html").get_attribute("lang") == "fr"
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()


def test_no_horizontal_scroll_at_320px(page, site_url):
    page.set_viewport_size({"width": 320, "height": 700})
    for path in PAGE_TYPES.values():
        page.goto(site_url + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px: {page.evaluate(OVERFLOWING)}"


def test_axe_harness_reports_a_real_violation(page):
    """Guards the checks above: axe must see a missing alt text and an unlabelled field."""
    page.set_content('<html lang="fr"><body><main><img src="x.png"><input type="text"></main></body></html>')
    results = Axe().run(page, options=WCAG_21_AA)
    rules = {violation["id"] for violation in results.response["violations"]}
    assert {"image-alt", "label"} <= rules
