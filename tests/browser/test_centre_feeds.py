"""A centre's platform feed in Chromium: a moderator reads it now from the admin, then a visitor
sees its items on the centre's page, the home page and a page carrying the block « Dernières
ressources des centres », without the browser ever contacting the platform. The platform is the fake one of tests/resources/platform.py, on 127.0.0.1."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.factories.users import ModeratorFactory
from tests.resources.platform import platform_server

from .conftest import VIEWPORTS
from .staff import log_in
from .test_editor_journeys import SETTLED, WCAG_21_AA, Watch, shot

pytestmark = pytest.mark.browser


def test_moderator_reads_a_feed_now_and_visitors_see_it_without_contacting_the_platform(
    watched_page, site_url, browser, settings
):
    """3 steps after logging in: open the centre, « Voir le flux et relever maintenant »,
    « Relever maintenant »; then the centre's page and the home page, at phone width."""
    from pages.models import MissionPage
    from resources.models import CentreFeedItem, ResourceCentrePage

    with platform_server() as platform:
        settings.OUTBOUND_LOOPBACK_PORTS = frozenset({platform.port})
        centre = ResourceCentrePage.objects.get(slug="rse-et-partenariats")
        centre.platform_url = platform.origin + "/"
        centre.save_revision().publish()
        admin = watched_page
        log_in(admin, site_url, ModeratorFactory())

        admin.goto(f"{site_url}/admin/pages/{centre.pk}/edit/")
        panel = admin.locator("[data-feed-state-panel]")
        expect(panel).to_contain_text("Le flux n'a pas encore été relevé")
        panel.get_by_role("link", name="Voir le flux et relever maintenant").click()
        expect(admin.locator("main h1").first).to_contain_text("Flux de la plateforme")
        expect(admin.locator("[data-feed-state]")).to_contain_text("jamais")
        admin.get_by_role("button", name="Relever maintenant").click()
        expect(admin.locator(".messages .success")).to_contain_text("5 élément(s) relevé(s)")
        expect(admin.locator("main table.listing tbody tr").last).to_be_visible()
        expect(admin.locator("[data-feed-state]")).to_contain_text("(trouvé sur la plateforme)")
        admin.wait_for_load_state("load")
        admin.evaluate(SETTLED)
        shot(admin, "centre-feed-admin")
        results = Axe().run(admin, context="main", options=WCAG_21_AA)
        assert results.violations_count == 0, results.generate_report()
        admin.watch.assert_clean()
        assert CentreFeedItem.objects.filter(feed__centre=centre).count() == 5

        read = len(platform.requests)
        visitor = browser.new_context(viewport=VIEWPORTS["phone"]).new_page()
        visitor.watch = Watch(visitor)
        contacted: list[str] = []
        visitor.on("request", lambda request: contacted.append(request.url))
        visitor.goto(site_url + centre.url)
        news = visitor.locator("section.platform-news")
        expect(news.get_by_role("heading", name="Du nouveau sur la plateforme")).to_be_visible()
        links = news.locator("a.platform-news__link")
        expect(links).to_have_count(5)
        expect(links.first).to_have_accessible_name(
            "Guide pratique : co-construire avec les entreprises (site externe)"
        )
        expect(links.first).to_have_attribute("href", f"{platform.origin}/2026/03/04/guide-pratique/")
        expect(news).to_contain_text("4 mars 2026")
        expect(news).not_to_contain_text("alert")
        visitor.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        results = Axe().run(visitor, options=WCAG_21_AA)
        assert results.violations_count == 0, results.generate_report()
        shot(visitor, "centre-feed-public-375")

        visitor.goto(site_url + "/")
        block = visitor.locator("section.centre-news")
        expect(block.get_by_role("heading", name="Dernières ressources des centres")).to_be_visible()
        expect(block.locator("a.platform-news__link", has_text="Guide pratique")).to_be_visible()
        # Two items per centre at most, each naming its centre.
        centre_links = block.get_by_role("link", name=centre.title, exact=True)
        expect(centre_links).to_have_count(2)
        expect(centre_links.first).to_have_attribute("href", centre.url)
        visitor.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        shot(visitor, "home-centre-news-375")

        mission = MissionPage.objects.get()
        mission.body = [
            *mission.body.raw_data,
            {"type": "centre_news", "value": {"title": "Du côté des centres", "count": 3}},
        ]
        mission.save_revision().publish()
        visitor.goto(site_url + mission.url)
        block = visitor.locator("section.centre-news")
        expect(block.get_by_role("heading", name="Du côté des centres")).to_be_visible()
        expect(block.locator("a.platform-news__link")).to_have_count(3)
        block.scroll_into_view_if_needed()
        results = Axe().run(visitor, options=WCAG_21_AA)
        assert results.violations_count == 0, results.generate_report()
        shot(visitor, "mission-centre-news-375")
        visitor.watch.assert_clean()

        assert not [url for url in contacted if url.startswith(platform.origin)], "the browser contacted the platform"
        assert len(platform.requests) == read, "a page waited on the platform"


@pytest.fixture
def watched_page(page):
    page.set_viewport_size(VIEWPORTS["desktop"])
    page.watch = Watch(page)
    return page
