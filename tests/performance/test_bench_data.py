"""`bench_data` scales the demo up with real pages, safely, and never in production (on a
copy of the seeded demo: the demo's own tests)."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page

from demo.bench import counts
from demo.bulk import path_step, step_number
from publications.models import NewsArticlePage, NewsIndexPage, PublicationIndexPage, PublicationPage
from webinars.models import WebinarCyclePage, WebinarPage


def test_refused_when_demo_content_is_not_allowed(demo_database, settings):
    settings.DEMO_CONTENT_ALLOWED = False
    with pytest.raises(CommandError, match="refused"):
        call_command("bench_data", publications=30, verbosity=0)


def test_creates_the_requested_totals_as_valid_live_pages_once(demo_database, client):
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
    # Three consecutive yearly cycles of 12 sessions. The demo's current-year cycle keeps the
    # months already past as drafts (nothing invented is shown), and bench_data only adds what is missing.
    years = sorted(cycle.year for cycle in cycles if WebinarPage.objects.child_of(cycle).count() == 12)
    assert len(years) >= 3 and years[-1] - years[-3] == 2
    created = WebinarPage.objects.filter(title__regex=r"\(\w+ \d{4}\)$")
    assert created.exists() and not created.not_live().exists()  # every session bench_data adds is published
    assert "cahier n° 1" in client.get("/publications/?q=cahier").content.decode()  # in the search index


def test_the_tree_stays_valid_and_editable_after_bench_data(demo_database):
    """Bulk-written pages sit where `add_child` would put them: treebeard finds no problem,
    every index counts its children, and a page staff add afterwards comes after them."""
    call_command("bench_data", publications=40, webinar_years=2, news=10, verbosity=0)
    assert all(not problems for problems in Page.find_problems())
    for parent in (PublicationIndexPage.objects.get(), NewsIndexPage.objects.get()):
        children = list(parent.get_children().order_by("path"))
        assert parent.numchild == len(children)
        assert [child.path for child in children] == [parent.path + path_step(n) for n in range(1, len(children) + 1)]
        assert all(child.url_path == f"{parent.url_path}{child.slug}/" for child in children)

    news = NewsIndexPage.objects.get()
    later = news.add_child(
        instance=NewsArticlePage(
            title="Ajoutée ensuite", slug="ajoutee-ensuite", date=date.today(), summary="Une brève."
        )
    )
    assert later.path == news.path + path_step(news.get_children().count())
    assert all(not problems for problems in Page.find_problems())


@pytest.mark.parametrize("number", [1, 35, 36, 20_000, 36**4 - 1])
def test_path_steps_read_back(number):
    assert len(path_step(number)) == Page.steplen
    assert step_number(path_step(number)) == number
