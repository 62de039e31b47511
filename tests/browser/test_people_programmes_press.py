"""The team, person, programme and press pages as a visitor's browser shows them: no WCAG 2.1
A/AA violation (axe-core) on a phone and a desktop, no sideways scroll."""

from __future__ import annotations

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import VIEWPORTS
from .test_accessibility import WCAG_21_AA

pytestmark = pytest.mark.browser

PAGES = {
    "team": "/qui-sommes-nous/equipe/",
    "person": "/qui-sommes-nous/equipe/anne-robin/",
    "programmes": "/programmes/",
    "programme": "/programmes/phare/",
    "press": "/presse/",
    "release": "/presse/premier-diner-de-presse/",
}


@pytest.fixture
def press_content(site_url, django_db_blocker) -> str:
    """The demo names no release nor article about Le RAMEAU: the test adds one of each."""
    from press.models import PressIndexPage
    from tests.factories.documents import DocumentFactory
    from tests.factories.press import PressReleasePageFactory, mention

    with django_db_blocker.unblock():
        press = PressIndexPage.objects.get()
        press.mentions = [mention("Journal d'essai", "https://journal.exemple.org/alliances")]
        press.save_revision().publish()
        PressReleasePageFactory(
            parent=press,
            title="Premier dîner de presse",
            slug="premier-diner-de-presse",
            date=datetime.date(2022, 3, 28),
            document=DocumentFactory(title="Communiqué"),
        )
    return site_url


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("name", PAGES)
def test_no_wcag_violation(page, press_content, name, viewport):
    page.set_viewport_size(VIEWPORTS[viewport])
    response = page.goto(press_content + PAGES[name])
    assert response.status == 200
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{PAGES[name]} scrolls sideways by {overflow}px"
