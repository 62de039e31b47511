"""The demo's webinars (on a copy of the seeded demo): its 2019 cycle is the client's table."""

from __future__ import annotations

from datetime import date

from webinars.models import WebinarCyclePage, WebinarPage

from .conftest import CLIENT_2019, CLIENT_THEMES_2019, paris


def test_demo_sessions_are_as_in_the_client_table(demo_database):
    cycle = WebinarCyclePage.objects.get(slug="2019")
    sessions = WebinarPage.objects.child_of(cycle).live().order_by("start")
    assert [s.title for s in sessions] == CLIENT_THEMES_2019
    assert [s.start for s in sessions] == [paris(day) for day in CLIENT_2019]
    assert [s.end for s in sessions] == [paris(day, 14) for day in CLIENT_2019]


def test_demo_always_has_a_next_session_in_a_published_cycle(demo_database, client):
    """Whatever day the demo was seeded, its next session is to come, in the cycle of this year
    (or next year's in late December), with a theme « à venir » rather than an invented one."""
    from django.utils import timezone

    upcoming = WebinarPage.objects.live().filter(end__gt=timezone.now()).order_by("start").first()
    assert upcoming is not None and upcoming.get_parent().live
    assert upcoming.start.year in (timezone.now().year, timezone.now().year + 1)
    assert "à venir" in upcoming.title
    home = client.get("/").content.decode()
    # A theme not announced yet is one line on the home page, never the placeholder title as a headline.
    assert not upcoming.theme_announced and upcoming.title not in home
    assert f">{upcoming.when_label}</time>, thème annoncé prochainement." in home and "replays" not in home


def test_the_later_series_show_only_their_known_dates(demo_database):
    odd = WebinarCyclePage.objects.get(slug="odd-17-en-pratique")
    assert not odd.show_rule
    assert [s.start for s in WebinarPage.objects.child_of(odd).live()] == [paris(date(2020, 11, 26))]
    catalysts = WebinarCyclePage.objects.get(slug="catalyseurs-territoriaux-en-pratique")
    assert [(s.start.date(), s.time_known) for s in WebinarPage.objects.child_of(catalysts).live()] == [
        (date(2021, 3, 30), False)
    ]
    assert WebinarPage.objects.child_of(odd).get().time_known  # 13 h – 14 h is in the documents
