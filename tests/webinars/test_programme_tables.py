"""Cycle tables and session pages say only what exists: dates with their year, the rule once
(or not at all when it is not known), no column of empty replays, past cycles folded, no
« ajouter à mon agenda » once a cycle is over, the description before any replay."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest

from tests.factories.webinars import WebinarCyclePageFactory, WebinarPageFactory

from .test_pages import html, text

pytestmark = pytest.mark.django_db
LATER = datetime(2031, 6, 1, tzinfo=UTC)
RULE = "le 3e jeudi du mois, 13 h – 14 h"


@pytest.fixture
def past_cycle(index):
    cycle = WebinarCyclePageFactory(parent=index, slug="2030", title="Cycle 2030", year=2030)
    WebinarPageFactory(parent=cycle, day=date(2030, 1, 17), title="Ouverture")
    WebinarPageFactory(parent=cycle, day=date(2030, 8, 22), title="Après l'Assomption")
    return cycle


def headings(markup: str, table_id: str) -> list[str]:
    table = re.search(rf'<table class="webinar-table" id="{table_id}">(.*?)</thead>', markup, re.S).group(1)
    return re.findall(r'<th scope="col">([^<]+)</th>', table)


def test_past_cycles_are_folded_with_no_column_of_missing_replays(client, time_machine, past_cycle):
    time_machine.move_to(LATER, tick=False)
    markup = html(client.get("/webinaires/"))
    fold = re.search(r'<details class="webinar-fold">(.*?)</details>', markup, re.S)
    assert fold and "Cycle 2030" in fold.group(1) and '<details class="webinar-fold" open' not in markup
    assert headings(markup, "programme-2030") == ["Mois", "Date", "Thème"]
    assert "Pas de replay en ligne" not in markup


def test_a_replay_brings_its_column_back(client, time_machine, past_cycle):
    time_machine.move_to(LATER, tick=False)
    session = past_cycle.get_children().first().specific
    session.replay_url = "https://www.youtube.com/watch?v=abcdefghijk"
    session.save_revision().publish()
    markup = html(client.get("/webinaires/2030/"))
    assert headings(markup, "programme-table") == ["Mois", "Date", "Thème", "Replay et supports"]
    assert "Voir le replay" in markup


def test_table_dates_carry_the_year_and_the_rule_is_stated_once(client, time_machine, past_cycle):
    time_machine.move_to(datetime(2030, 1, 1, tzinfo=UTC), tick=False)
    page_text = text(html(client.get("/webinaires/2030/")))
    assert "jeudi 17 janvier 2030" in page_text and "jeudi 22 août 2030" in page_text
    assert page_text.count(RULE) == 1
    assert headings(html(client.get("/webinaires/2030/")), "programme-table")[-1] == "Inscription"


def test_a_finished_cycle_offers_no_calendar_to_add(client, time_machine, past_cycle):
    time_machine.move_to(LATER, tick=False)
    markup = html(client.get("/webinaires/2030/"))
    assert "Dans votre agenda" not in markup and "webcal://" not in markup and "S'abonner" not in markup
    assert "Toutes les sessions de ce cycle ont eu lieu" in text(markup)
    session = html(client.get("/webinaires/2030/ouverture/"))
    assert "Ajouter à mon agenda" not in session and "Google Agenda" not in session


def test_a_series_whose_rule_is_unknown_shows_times_not_a_rule(client, time_machine, index):
    time_machine.move_to(LATER, tick=False)
    series = WebinarCyclePageFactory(parent=index, slug="serie", title="Une série", show_rule=False)
    WebinarPageFactory(parent=series, day=date(2020, 11, 26), title="Dernière session")
    page_text = text(html(client.get("/webinaires/serie/")))
    assert "Rendez-vous" not in page_text and RULE not in page_text
    assert "jeudi 26 novembre 2020, 13 h – 14 h" in page_text


def test_a_past_session_shows_its_description_and_no_empty_replay_block(client, time_machine, past_cycle):
    time_machine.move_to(LATER, tick=False)
    page_text = text(html(client.get("/webinaires/2030/apres-lassomption/")))
    assert "Présentation" in page_text and "Replay et supports" not in page_text
    assert "ne sont pas en ligne" not in page_text
    assert "décalé, 15 août férié (Assomption)" in page_text and "((" not in page_text and "))" not in page_text


def test_a_session_whose_hour_is_unknown_shows_its_date_only(client, time_machine, index):
    """No hour is invented: pages, search, JSON-LD and calendars carry the day alone."""
    time_machine.move_to(LATER, tick=False)
    series = WebinarCyclePageFactory(parent=index, slug="serie", title="Une série", show_rule=False)
    WebinarPageFactory(parent=series, day=date(2021, 3, 30), title="Première session", time_known=False)
    for url in ("/webinaires/serie/", "/webinaires/serie/premiere-session/"):
        markup = html(client.get(url))
        assert '<time datetime="2021-03-30">mardi 30 mars 2021</time>' in markup
        assert "13 h" not in text(markup) and "14 h" not in text(markup)
    json_ld = re.search(r'"startDate": "([^"]+)"', html(client.get("/webinaires/serie/premiere-session/")))
    assert json_ld.group(1) == "2021-03-30"
    calendar = client.get("/webinaires/serie/calendrier.ics").content.decode()
    assert "DTSTART;VALUE=DATE:20210330" in calendar and "DTEND;VALUE=DATE:20210331" in calendar
    assert "T110000Z" not in calendar and "T120000Z" not in calendar
