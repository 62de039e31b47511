"""The library and the news live where the design says, and their indexes stay one-off."""

import pytest
from wagtail.test.utils import WagtailPageTestCase

from pages.models import HomePage
from publications.models import NewsArticlePage, NewsIndexPage, PublicationIndexPage, PublicationPage


class PublicationTreeRulesTests(WagtailPageTestCase):
    def test_library_under_home_with_publications_only(self):
        self.assertAllowedParentPageTypes(PublicationIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(PublicationIndexPage, {PublicationPage})

    def test_publication_only_under_the_library_and_a_leaf(self):
        self.assertAllowedParentPageTypes(PublicationPage, {PublicationIndexPage})
        self.assertAllowedSubpageTypes(PublicationPage, set())

    def test_news_index_declares_home_as_its_only_parent(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsArticlePage})

    def test_articles_only_under_the_news_index_and_leaves(self):
        self.assertAllowedParentPageTypes(NewsArticlePage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsArticlePage, set())

    def test_indexes_are_one_off(self):
        home = HomePage.objects.get()
        assert PublicationIndexPage.max_count == 1 and NewsIndexPage.max_count == 1
        self.assertFalse(PublicationIndexPage.can_create_at(home))
        PublicationIndexPage.objects.all().delete()
        self.assertTrue(PublicationIndexPage.can_create_at(home))


@pytest.mark.django_db
def test_news_index_can_be_created_under_home_once_home_allows_it(db):
    home = HomePage.objects.get()
    assert not NewsIndexPage.can_create_at(home)  # the site has one
    NewsIndexPage.objects.all().delete()
    assert NewsIndexPage.can_create_at(home)
