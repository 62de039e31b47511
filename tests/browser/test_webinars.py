"""Webinar pages in real Chromium: axe-core finds no WCAG 2.1 A/AA violation, nothing scrolls sideways."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import VIEWPORTS
from .test_accessibility import WCAG_21_AA

pytestmark = pytest.mark.browser

PAGES = {
    "index": "/webinaires/",
    "cycle": "/webinaires/2019/",
    "session": "/webinaires/2019/numeriser-l-innovation/",
    "series": "/webinaires/odd-17-en-pratique/",
}


@pytest.fixture(params=["all past", "one upcoming"])
def clock(request, time_machine):
    """Both faces of the pages: everything past (the demo today) and a session still to come.
    The live server runs in this process: the time it reads moves with the test's."""
    time_machine.move_to(
        datetime(2030, 1, 1, tzinfo=UTC) if request.param == "all past" else datetime(2019, 11, 1, tzinfo=UTC)
    )
    return request.param


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_webinar_pages_pass_axe(page, site_url, clock, viewport):
    page.set_viewport_size(VIEWPORTS[viewport])
    for name, path in PAGES.items():
        page.goto(site_url + path)
        assert page.locator("h1").count() == 1, name
        results = Axe().run(page, options=WCAG_21_AA)
        assert results.violations_count == 0, f"{name} ({clock}): {results.generate_report()}"
    if clock == "one upcoming":
        page.goto(site_url + PAGES["session"])
        assert page.get_by_role("link", name="Google Agenda").count() == 1


def test_no_horizontal_scroll_at_320px(page, site_url, time_machine):
    time_machine.move_to(datetime(2019, 11, 1, tzinfo=UTC))
    page.set_viewport_size({"width": 320, "height": 700})
    for path in PAGES.values():
        page.goto(site_url + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px"
