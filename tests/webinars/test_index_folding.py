"""The webinars index stays the same size however many years of cycles the site keeps: the
current cycle and the upcoming ones first, the two most recent past cycles folded behind a
disclosure that opens without JavaScript, the older ones as links to their own pages."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest

from tests.factories.webinars import WebinarCyclePageFactory, WebinarPageFactory
from tests.performance.conftest import count_queries

pytestmark = pytest.mark.django_db


def yearly_cycle(year: int):
    cycle = WebinarCyclePageFactory(title=f"Cycle de webinaires {year}", slug=str(year), year=year)
    for month in (3, 9):
        WebinarPageFactory(parent=cycle, title=f"Session de {month}/{year}", day=date(year, month, 15))
    return cycle


def test_past_cycles_are_folded_and_the_oldest_become_links(client, time_machine):
    time_machine.move_to(datetime(2031, 1, 10, tzinfo=UTC))
    for year in range(2024, 2031):
        yearly_cycle(year)
    markup = client.get("/webinaires/").content.decode()
    folded = re.findall(r'<details class="webinar-fold">\s*<summary>\s*<h3>([^<]+)</h3>', markup)
    assert folded == ["Cycle de webinaires 2030", "Cycle de webinaires 2029", "Cycles plus anciens"]
    assert "Session de 9/2030" in markup and "Session de 9/2029" in markup  # the folded programmes
    assert "Session de 9/2028" not in markup  # an older programme is on its cycle's page only
    for year in range(2024, 2029):
        assert f'<a href="/webinaires/{year}/">Cycle de webinaires {year}</a> · 2 sessions' in markup


def test_the_current_cycle_comes_first_unfolded(client, time_machine):
    time_machine.move_to(datetime(2030, 6, 1, tzinfo=UTC))
    for year in (2028, 2029, 2030):
        yearly_cycle(year)
    markup = client.get("/webinaires/").content.decode()
    folded = markup.index('<details class="webinar-fold">')
    assert markup.index("Le cycle en cours") < markup.index("Session de 3/2030") < folded  # its past session too
    assert markup.index("Session de 9/2029") > folded


def test_the_index_costs_the_same_with_twice_as_many_years(client, time_machine, django_assert_max_num_queries):
    time_machine.move_to(datetime(2031, 1, 10, tzinfo=UTC))
    for year in range(2027, 2031):
        yearly_cycle(year)
    few = count_queries(client, "/webinaires/")
    size = len(client.get("/webinaires/").content)
    for year in range(2019, 2027):
        yearly_cycle(year)
    assert count_queries(client, "/webinaires/") == few
    assert len(client.get("/webinaires/").content) < size * 1.3  # eight more years: eight more links
