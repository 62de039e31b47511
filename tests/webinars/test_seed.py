"""The demo's webinars (on a copy of the seeded demo): its 2019 cycle is the client's table."""

from __future__ import annotations

from webinars.models import WebinarCyclePage, WebinarPage

from .conftest import CLIENT_2019, CLIENT_THEMES_2019, paris


def test_demo_sessions_are_as_in_the_client_table(demo_database):
    cycle = WebinarCyclePage.objects.get(slug="2019")
    sessions = WebinarPage.objects.child_of(cycle).live().order_by("start")
    assert [s.title for s in sessions] == CLIENT_THEMES_2019
    assert [s.start for s in sessions] == [paris(day) for day in CLIENT_2019]
    assert [s.end for s in sessions] == [paris(day, 14) for day in CLIENT_2019]
