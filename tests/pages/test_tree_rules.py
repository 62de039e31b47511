"""Each page type lives where the design says, and one-off pages stay one-off."""

from wagtail.models import Page, get_page_models
from wagtail.test.utils import WagtailPageTestCase

from contact.models import ContactPage
from legal.models import AccessibilityPage, LegalNoticePage, PrivacyPage
from newsletters.models import NewsletterPage
from pages.models import HistoryPage, HomePage, MissionPage, PartnersPage, SiteMapPage, StandardPage
from people.models import TeamPage
from press.models import PressIndexPage
from programmes.models import ProgrammeIndexPage
from publications.models import NewsIndexPage, PublicationIndexPage
from resources.models import ResourceCentreIndexPage
from tests.factories.pages import HistoryPageFactory
from webinars.models import WebinarIndexPage


class TreeRulesTests(WagtailPageTestCase):
    def test_home_only_under_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_every_page_type_says_where_it_lives(self):
        """The home and mission pages name no section below them: each page type names its
        parents instead, so none can be added anywhere by default."""
        for model in get_page_models():
            if model is not Page:
                assert "parent_page_types" in vars(model) or any(
                    "parent_page_types" in vars(base) for base in model.__mro__[1:] if base is not Page
                ), model
        assert "subpage_types" not in vars(HomePage) and "subpage_types" not in vars(MissionPage)

    def test_home_children(self):
        """What staff are offered under the home page (Wagtail's abstract Page is never offered)."""
        assert not Page.is_creatable
        self.assertEqual(
            set(HomePage.creatable_subpage_models()),
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
                PartnersPage,
            },
        )

    def test_mission_under_home_only(self):
        self.assertAllowedParentPageTypes(MissionPage, {HomePage})
        self.assertEqual(set(MissionPage.creatable_subpage_models()), {HistoryPage, StandardPage, TeamPage})

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
