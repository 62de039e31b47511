"""Each page type lives where the design says, and one-off pages stay one-off."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from pages.models import (
    AccessibilityPage,
    ContactPage,
    HistoryPage,
    HomePage,
    LegalNoticePage,
    MissionPage,
    NewsletterPage,
    PrivacyPage,
    ProgrammeIndexPage,
    SiteMapPage,
    StandardPage,
    TeamPage,
)
from publications.models import NewsIndexPage, PressIndexPage, PublicationIndexPage
from resources.models import ResourceCentreIndexPage
from tests.factories.pages import HistoryPageFactory
from webinars.models import WebinarIndexPage


class TreeRulesTests(WagtailPageTestCase):
    def test_home_only_under_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_home_children(self):
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                MissionPage,
                StandardPage,
                ResourceCentreIndexPage,
                PublicationIndexPage,
                NewsIndexPage,
                WebinarIndexPage,
                ProgrammeIndexPage,
                PressIndexPage,
                ContactPage,
                NewsletterPage,
                LegalNoticePage,
                PrivacyPage,
                AccessibilityPage,
                SiteMapPage,
            },
        )

    def test_mission_under_home_only(self):
        self.assertAllowedParentPageTypes(MissionPage, {HomePage})
        self.assertAllowedSubpageTypes(MissionPage, {HistoryPage, StandardPage, TeamPage})

    def test_history_under_mission_and_leaf(self):
        self.assertAllowedParentPageTypes(HistoryPage, {MissionPage})
        self.assertAllowedSubpageTypes(HistoryPage, set())

    def test_standard_page_placement(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, MissionPage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})

    def test_one_off_pages_cannot_be_added_twice(self):
        home = HomePage.objects.get()
        mission = MissionPage.objects.get()
        HistoryPageFactory(parent=mission)
        self.assertFalse(HomePage.can_create_at(Page.get_first_root_node()))
        self.assertFalse(MissionPage.can_create_at(home))
        self.assertFalse(HistoryPage.can_create_at(mission))
        self.assertTrue(StandardPage.can_create_at(home))

    def test_one_off_pages_can_be_created_when_missing(self):
        mission = MissionPage.objects.get()
        HistoryPageFactory(parent=mission)
        self.assertFalse(HistoryPage.can_create_at(mission))
        HistoryPage.objects.all().delete()
        self.assertTrue(HistoryPage.can_create_at(mission))
