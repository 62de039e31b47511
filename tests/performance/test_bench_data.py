"""`bench_data` scales the demo up with real pages, safely, and never in production."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page

from pages.demo.bench import counts
from publications.models import NewsArticlePage, PublicationPage
from webinars.models import WebinarCyclePage, WebinarPage

pytestmark = pytest.mark.django_db


def test_refused_when_demo_content_is_not_allowed(settings):
    settings.DEMO_CONTENT_ALLOWED = False
    with pytest.raises(CommandError, match="refused"):
        call_command("bench_data", publications=30, verbosity=0)


def test_creates_the_requested_totals_as_valid_live_pages_once(client):
    before = counts()
    call_command("bench_data", publications=60, webinar_years=3, news=25, verbosity=0)
    after = counts()
    assert (after["publications"], after["news"]) == (60, 25)
    assert after["centres"] == before["centres"] == 12
    assert all(not problems for problems in Page.find_problems())  # a sound treebeard tree
    call_command("bench_data", publications=60, webinar_years=3, news=25, verbosity=0)
    assert counts() == after  # rerun: nothing twice

    publication = PublicationPage.objects.get(slug="banc-publication-0001")
    assert publication.live and publication.url_path.endswith("/publications/banc-publication-0001/")
    assert publication.authors.exists() and publication.themes.exists() and publication.cover_image_id
    for page in (
        publication,
        NewsArticlePage.objects.filter(slug__startswith="banc-").first(),
        WebinarPage.objects.live().filter(slug="mars").order_by("-start").first(),
    ):
        assert client.get(page.url).status_code == 200, page.url

    cycles = WebinarCyclePage.objects.filter(year__isnull=False).live()
    years = sorted(cycle.year for cycle in cycles if WebinarPage.objects.child_of(cycle).live().count() == 12)
    assert len(years) >= 3 and years[-1] - years[-3] == 2  # three consecutive yearly cycles of 12 sessions
    assert "cahier n° 1" in client.get("/publications/?q=cahier").content.decode()  # in the search index
