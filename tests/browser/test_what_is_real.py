"""A visitor's walk through the seeded demo at phone and desktop width: the home page leads with
a real item, the phone menu reaches « Contact », stand-ins wear « Visuel provisoire » and are
never downloaded as the work, partners without a logo are their name set in type; axe-clean."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from .conftest import VIEWPORTS
from .test_accessibility import WCAG_21_AA

pytestmark = pytest.mark.browser


def axe_clean(page) -> None:
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_a_visitor_sees_what_is_real_and_what_stands_in(page, site_url, viewport):
    page.set_viewport_size(VIEWPORTS[viewport])
    page.goto(site_url + "/")
    sections = page.locator(".page-body--home > div > section")
    expect(sections.nth(0).locator("h2")).to_have_text("À la une")
    webinar = sections.nth(1)
    expect(webinar.locator("h2")).to_have_text("Le prochain webinaire")
    expect(webinar.locator(".webinar-next")).to_contain_text("thème annoncé prochainement")
    expect(webinar.get_by_role("link", name="S'inscrire")).to_have_count(0)
    box = webinar.bounding_box()
    assert box["height"] < 200, f"the unannounced session is one short line, not a card ({box['height']} px)"

    if viewport == "phone":
        page.locator("summary", has_text="Menu").click()
    contact = page.get_by_role("navigation", name="Menu principal").get_by_role("link", name="Contact")
    expect(contact).to_be_visible()

    partner_tiles = page.locator(".section--partners .partners__item")
    expect(partner_tiles.first.locator(".partners__wordmark")).to_be_visible()
    expect(page.locator(".section--partners img")).to_have_count(0)  # no invented mark
    axe_clean(page)

    page.goto(site_url + "/publications/l-alchimie-du-bien-commun/")
    cover = page.locator(".publication__cover")
    expect(cover.locator(".stand-in__label")).to_have_text("Visuel provisoire")
    expect(cover.locator("img")).to_have_attribute(
        "alt", "Visuel provisoire\u00a0: couverture de « L'Alchimie du bien commun »"
    )
    expect(page.locator(".publication__access")).to_contain_text("disponible sur demande")
    expect(page.locator(".publication__download")).to_have_count(0)
    axe_clean(page)

    page.goto(site_url + "/partenaires/")
    entry = page.locator("#caisse-des-depots")
    expect(entry.locator("h2")).to_have_text("Caisse des Dépôts")
    expect(entry.get_by_role("link", name="Investissement sociétal")).to_be_visible()
    axe_clean(page)
