"""plan_webinar_cycle: a year's cycle and its 12 sessions on the rule's dates, never twice."""

from __future__ import annotations

from datetime import UTC, date, datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.factories.webinars import WebinarCyclePageFactory, WebinarPageFactory
from webinars.models import WebinarCyclePage, WebinarIndexPage, WebinarPage
from webinars.planning import MONTH_SLUGS

from .conftest import CLIENT_2019, paris
from .test_rule import EXPECTED_2027

pytestmark = pytest.mark.django_db


def plan(*args) -> str:
    out = StringIO()
    call_command("plan_webinar_cycle", *args, stdout=out)
    return out.getvalue()


def sessions_of(cycle) -> list[WebinarPage]:
    return list(WebinarPage.objects.child_of(cycle).order_by("start"))


def test_plan_2027_creates_the_cycle_and_twelve_draft_sessions(index):
    output = plan("2027")
    cycle = WebinarCyclePage.objects.get(slug="2027")
    assert (cycle.year, cycle.title, cycle.live) == (2027, "Cycle de webinaires 2027", False)
    sessions = sessions_of(cycle)
    assert [s.start.astimezone(cycle.rule.zone).date() for s in sessions] == EXPECTED_2027
    assert all(s.start.weekday() == 3 for s in sessions)
    assert [s.slug for s in sessions] == MONTH_SLUGS
    assert sessions[0].title == "Janvier 2027\u00a0: thème à venir"  # never a colon alone at a line start
    assert not any(s.live for s in sessions) and all(s.latest_revision_id for s in sessions)
    # Daylight saving: January at 12:00 UTC, June at 11:00 UTC, always one hour long.
    assert sessions[0].start == datetime(2027, 1, 21, 12, tzinfo=UTC)
    assert sessions[5].start == datetime(2027, 6, 17, 11, tzinfo=UTC)
    assert all((s.end - s.start).seconds == 3600 for s in sessions)
    assert "Cycle créé (brouillon)" in output and "12 sessions créées" in output
    assert "jeudi 21 janvier 2027" in output


def test_running_again_creates_nothing(index):
    plan("2027")
    before = WebinarPage.objects.count()
    output = plan("2027")
    assert WebinarPage.objects.count() == before
    assert WebinarCyclePage.objects.filter(slug="2027").count() == 1
    assert "Rien à créer" in output


def test_publish_option_publishes_cycle_and_sessions(index, client):
    plan("2027", "--publish")
    cycle = WebinarCyclePage.objects.get(slug="2027")
    assert cycle.live and all(s.live for s in sessions_of(cycle))
    assert client.get("/webinaires/2027/mars/").status_code == 200


def test_holiday_moves_the_session_to_the_next_thursday(index):
    assert not WebinarCyclePage.objects.filter(slug="2019").exists()
    plan("2019")
    cycle = WebinarCyclePage.objects.get(slug="2019")
    assert [s.start.astimezone(cycle.rule.zone).date() for s in sessions_of(cycle)] == CLIENT_2019


def test_existing_sessions_are_kept_and_moved_ones_not_duplicated(index):
    cycle = WebinarCyclePageFactory(parent=index, slug="2027", title="Cycle 2027", year=2027)
    WebinarPageFactory(parent=cycle, day=date(2027, 2, 18), title="Thème de février déjà choisi")
    plan("2027")
    moved = WebinarPage.objects.child_of(cycle).get(slug="mars")
    moved.start, moved.end = paris(date(2027, 4, 1)), paris(date(2027, 4, 1), 14)  # an editor moves March to 1 April
    moved.save_revision().publish()
    assert plan("2027").count("+") == 0
    sessions = sessions_of(cycle)
    assert len(sessions) == 12
    assert [s.title for s in sessions if s.start.month == 2] == ["Thème de février déjà choisi"]


def test_the_client_2019_cycle_is_complete(cycle_2019):
    assert "Rien à créer" in plan("2019")


def test_bad_years_are_refused(index):
    with pytest.raises(CommandError, match="n'est pas une année"):
        plan("deux-mille")
    with pytest.raises(CommandError, match="entre 2000 et 2100"):
        plan("1999")


def test_without_a_webinar_index_the_command_explains(index):
    WebinarIndexPage.objects.all().delete()
    with pytest.raises(CommandError, match="Aucune page « Webinaires »"):
        plan("2027")
