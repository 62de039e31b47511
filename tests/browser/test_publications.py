"""The library and the news, as a visitor's browser shows them: axe-clean, no sideways scroll, filters without JS."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from .conftest import VIEWPORTS
from .test_accessibility import WCAG_21_AA

pytestmark = pytest.mark.browser

PAGES = {
    "library": "/publications/",
    "library-filtered": "/publications/?type=note&annee=2016&theme=interet-general",
    "library-search-and-bad-input": "/publications/?q=territoire&annee=20xx&page=abc",
    "library-page-2": "/publications/?page=2",
    "publication-with-pdf": "/publications/rapport-interet-general-nouvelles-alliances/",
    "book": "/publications/bien-commun-vers-la-fin-des-arrogances/",
    "news": "/actualites/",
    "article": "/actualites/apprenons-a-valoriser-le-faire-alliance/",
}


def test_no_wcag_violation(page, site_url):
    """Every page at both widths in one test: the live server reseeds the demo for each test."""
    failures = []
    for viewport, size in VIEWPORTS.items():
        page.set_viewport_size(size)
        for name, path in PAGES.items():
            page.goto(site_url + path)
            results = Axe().run(page, options=WCAG_21_AA)
            if results.violations_count:
                failures.append(f"--- {name} ({viewport}) {path}\n{results.generate_report()}")
    assert not failures, "\n".join(failures)


def test_no_horizontal_scroll_at_320px(page, site_url):
    page.set_viewport_size({"width": 320, "height": 700})
    for path in PAGES.values():
        page.goto(site_url + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px"


def test_filters_work_with_javascript_off(browser, site_url):
    """Plain GET forms: choose a type and a year, submit, then search within the result."""
    context = browser.new_context(java_script_enabled=False, viewport=VIEWPORTS["desktop"])
    page = context.new_page()
    page.goto(site_url + "/publications/")
    page.get_by_label("Type", exact=True).select_option("note")
    page.get_by_label("Année", exact=True).select_option("2016")
    page.get_by_role("button", name="Afficher").click()
    expect(page).to_have_url(re.compile(r"type=note"))
    expect(page.get_by_role("heading", level=2, name=re.compile(r"^1 publication"))).to_be_visible()
    expect(page.locator(".pub-card__title")).to_have_text(["Note de synthèse des séminaires avec les think tanks"])
    page.get_by_label("Rechercher dans les publications").fill("think tanks")
    page.locator(".library-search").get_by_role("button", name="Rechercher").click()
    expect(page).to_have_url(re.compile(r"q=think\+tanks.*type=note|type=note.*q=think\+tanks"))
    expect(page.locator(".pub-card__title")).to_have_count(1)
    page.get_by_role("link", name=re.compile("Type : Note")).click()
    expect(page.get_by_label("Type", exact=True)).to_have_value("")
    context.close()
