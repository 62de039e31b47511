"""Charts, the map and the decade band as visitors meet them in Chromium: axe-clean at
phone and desktop widths, legible on a phone, the data table a click away, the map's places
reached by keyboard through its list."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from pages.models import HistoryPage
from programmes.models import ProgrammePage
from tests.factories.datavis import chart, figure_chart, table
from tests.factories.pages import StandardPageFactory

from .conftest import VIEWPORTS
from .test_accessibility import WCAG_21_AA

pytestmark = pytest.mark.browser


def every_kind_page() -> str:
    page = StandardPageFactory(
        title="Nos chiffres en images",
        body=[
            ("chart", figure_chart({"Français": "81 %", "Maires": ("plus_de", "90 %")})),
            (
                "chart",
                chart(
                    chart_type="grouped_bar",
                    title="Deux regards sur les alliances, par public interrogé",
                    table=table(
                        "Public",
                        ["« Jouer collectif » jugé nécessaire", "Alliances vues comme source d'innovation"],
                        [["Français", 81, 69], ["Dirigeants d'entreprise et responsables associatifs", 83, 81]],
                    ),
                ),
            ),
            (
                "chart",
                chart(
                    chart_type="line",
                    title="Deux séries sur cinq ans",
                    table=table("Année", ["Fonds", "Budget"], [["2017", 50, 1.5], ["2019", 70, 1], ["2021", 100, None]]),
                    unit="M€",
                ),
            ),
            (
                "chart",
                chart(
                    chart_type="part_of_whole",
                    title="La répartition des 100 M€",
                    table=table("Poste", ["M€"], [["Projets", 70], ["Ingénierie", 15], ["Recherche", 8], ["Capitalisation", 5], ["Investissements", 2]]),
                    unit="M€",
                ),
            ),
        ],
    )  # fmt: skip
    return page.url


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_every_kind_of_chart_is_axe_clean_legible_and_fits(page, site_url, viewport):
    page.set_viewport_size(VIEWPORTS[viewport])
    page.goto(site_url + every_kind_page())
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    plots = page.locator("svg.chart__plot")
    expect(plots).to_have_count(4)
    for index in range(4):
        plot = plots.nth(index)
        box, parent = plot.bounding_box(), plot.locator("xpath=..").bounding_box()
        assert box["width"] == pytest.approx(parent["width"], abs=1)  # fills the column, never scaled down
        for text in plot.locator("text").all():
            assert float(text.evaluate("t => getComputedStyle(t).fontSize")[:-2]) >= 12.5
            label = text.bounding_box()
            assert label["x"] >= -1 and label["x"] + label["width"] <= page.viewport_size["width"] + 1, (
                text.text_content()
            )
    data = page.locator("details.chart__data").nth(1)
    expect(data.locator("table")).to_be_hidden()
    data.locator("summary").focus()
    page.keyboard.press("Enter")
    expect(data.locator("table")).to_be_visible()
    expect(data.locator("tbody tr").first).to_contain_text("81")


def test_map_places_are_reached_through_the_list_and_lead_to_the_milestone(page, site_url):
    programme = ProgrammePage.objects.get(slug="co-construction-territoriale")
    for viewport in ("desktop", "phone"):
        page.set_viewport_size(VIEWPORTS[viewport])
        page.goto(site_url + programme.url)
        results = Axe().run(page, options=WCAG_21_AA)
        assert results.violations_count == 0, results.generate_report()
    map_figure = page.locator("figure.map")
    marks = map_figure.locator("svg a")
    assert marks.count() >= 6
    assert all(mark.get_attribute("tabindex") == "-1" for mark in marks.all())
    map_figure.locator("h3").evaluate("h => { h.tabIndex = -1; h.focus(); }")
    page.keyboard.press("Tab")  # the first stop after the map's title is the list, not the drawing
    focused = page.evaluate("document.activeElement.closest('.map__places') !== null")
    assert focused, page.evaluate("document.activeElement.outerHTML")
    alsace = map_figure.locator(".map__places a", has_text="Alsace")
    href = alsace.get_attribute("href")
    assert re.fullmatch(r"/qui-sommes-nous/histoire/#etape-\d+", href)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(href) + "$"))
    target = page.locator(":target")
    expect(target).to_contain_text("Alsace Active")
    expect(target).to_be_in_viewport()


def test_history_band_is_axe_clean_and_takes_a_visitor_to_a_year(page, site_url):
    history = HistoryPage.objects.get()
    for viewport in VIEWPORTS.values():
        page.set_viewport_size(viewport)
        page.goto(site_url + history.url)
        results = Axe().run(page, options=WCAG_21_AA)
        assert results.violations_count == 0, results.generate_report()
    page.locator(".decades__link", has_text="2012").click()
    expect(page).to_have_url(re.compile("#annee-2012$"))
    expect(page.locator("#annee-2012")).to_be_in_viewport()


HEADING_ORDER = {"runOnly": {"type": "rule", "values": ["heading-order"]}, "resultTypes": ["violations"]}


def test_demo_pages_with_charts_and_maps_keep_their_heading_order(page, site_url):
    """axe's heading-order (a best practice, outside the WCAG tags run above): no page with a
    chart, a map or the decade band skips a level; the home's chart opens a section (h2), the
    mission's charts and the programme's map sit under their section heading (h3)."""
    page.set_viewport_size(VIEWPORTS["desktop"])
    programme = ProgrammePage.objects.get(slug="co-construction-territoriale")
    titles = {}
    for path in ("/", "/qui-sommes-nous/", "/qui-sommes-nous/histoire/", programme.url):
        page.goto(site_url + path)
        results = Axe().run(page, options=HEADING_ORDER)
        assert results.violations_count == 0, results.generate_report()
        titles[path] = page.locator(".chart__title, .map__title").evaluate_all("(hs) => hs.map((h) => h.tagName)")
    assert titles["/"] == ["H2"]
    assert set(titles["/qui-sommes-nous/"]) == {"H3"} and len(titles["/qui-sommes-nous/"]) >= 4
    assert titles[programme.url] == ["H3"]
