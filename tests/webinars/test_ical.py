"""Calendar feeds: RFC 5545 text, the cycle feed and one file per session, and the
« add to Google / Outlook » links."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import resolve
from django.utils import timezone

from tests.factories.webinars import WebinarPageFactory
from tests.shared import shared_by_the_module
from webinars.ical import Event, calendar, plain_text
from webinars.links import google_calendar_url, outlook_calendar_url
from webinars.models import WebinarCyclePage, WebinarPage

from . import ics
from .conftest import REGISTRATION_2019, build_cycle_2019, paris


@pytest.fixture(scope="module")
def shared_cycle_2019(django_db_setup, django_db_blocker):
    """The client's 2019 cycle, built once for the module (see tests/shared.py)."""
    yield from shared_by_the_module(django_db_blocker, build_cycle_2019)


@pytest.fixture
def cycle_2019(shared_cycle_2019, db):
    """The module's 2019 cycle, read afresh: a test may change it, the next one finds it as built."""
    return WebinarCyclePage.objects.get(pk=shared_cycle_2019.pk)


def test_long_lines_are_folded_without_cutting_characters():
    start = datetime(2019, 1, 17, 12, tzinfo=UTC)
    event = Event(uid="u@lerameau.fr", start=start, end=start, summary="é" * 100, stamp=start)
    text = calendar("Cycle", [event])
    ics.check_framing(text)  # every line within 75 octets, no UTF-8 character cut in two
    (parsed,) = ics.read_calendar(text)[1]
    assert parsed["summary"] == "é" * 100


def test_plain_text_keeps_paragraphs_as_line_breaks():
    html = "<p>Un, deux.</p>\n<p>Trois &amp;   quatre<br/>cinq.</p><ul><li>six</li><li>sept</li></ul>"
    assert plain_text(html) == "Un, deux.\n\nTrois & quatre\ncinq.\n\nsix\n\nsept"
    assert plain_text("") == ""


def test_calendar_text_round_trips():
    start = datetime(2019, 1, 17, 13, tzinfo=paris(date(2019, 1, 17)).tzinfo)
    event = Event(
        uid="webinaire-1@lerameau.fr",
        start=start,
        end=start.replace(hour=14),
        summary="Qualifier l'innovation, pourquoi ; comment",
        description="Ligne 1\nLigne 2 avec une virgule, et un \\ " + "long texte " * 20,
        url="https://www.lerameau.fr/webinaires/2019/a/",
        stamp=datetime(2019, 1, 1, tzinfo=UTC),
    )
    text = calendar("Cycle 2019", [event])
    props, events = ics.read_calendar(text)
    assert props["version"] == "2.0" and props["calscale"] == "GREGORIAN" and props["method"] == "PUBLISH"
    assert props["prodid"].startswith("-//Le RAMEAU//")
    assert props["x-wr-timezone"] == "Europe/Paris"
    (parsed,) = events
    assert parsed["summary"] == event.summary
    assert parsed["description"] == event.description
    assert parsed["dtstart"] == datetime(2019, 1, 17, 12, tzinfo=UTC)
    assert parsed["location"] == "En ligne"
    assert "DTSTART:20190117T120000Z\r\n" in text
    assert "DTSTAMP:20190101T000000Z\r\n" in text
    # Apple's and Google's X-WR properties are escaped as TEXT, like the standard ones.
    assert "X-WR-CALNAME:Cycle 2019\\, édition\\; test\r\n" in calendar("Cycle 2019, édition; test", [event])


def test_naive_datetimes_are_refused():
    with pytest.raises(ValueError):
        calendar(
            "x",
            [Event(uid="u", start=datetime(2019, 1, 1), end=datetime(2019, 1, 1), summary="s", stamp=timezone.now())],
        )


@pytest.mark.django_db
def test_cycle_feed_is_a_valid_calendar_with_twelve_sessions(client, cycle_2019):
    response = client.get("/webinaires/2019/calendrier.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert 'filename="webinaires-2019.ics"' in response["Content-Disposition"]
    props, events = ics.read_calendar(response.content.decode())
    assert props["x-wr-calname"] == "Cycle de webinaires 2019"
    assert len(events) == 12
    starts = [event["dtstart"] for event in events]
    # January: winter time, 13:00 Paris = 12:00 UTC; June: summer time, 11:00 UTC.
    assert starts[0] == datetime(2019, 1, 17, 12, tzinfo=UTC)
    assert starts[5] == datetime(2019, 6, 20, 11, tzinfo=UTC)
    assert starts[7] == datetime(2019, 8, 22, 11, tzinfo=UTC)
    assert all(event["dtend"] - event["dtstart"] == timedelta(hours=1) for event in events)
    sessions = {s.full_url: s for s in WebinarPage.objects.child_of(cycle_2019)}
    for event in events:
        session = sessions[event["url"]]
        assert event["uid"] == f"webinaire-{session.translation_key}@lerameau.fr"
        assert event["summary"] == f"Webinaire du RAMEAU : {session.title}"
        assert f"Inscription : {REGISTRATION_2019}" in event["description"]
        assert event["location"] == "En ligne"
    assert len({event["uid"] for event in events}) == 12


@pytest.mark.django_db
def test_feed_is_stable_and_uid_survives_a_date_change(client, cycle_2019):
    first = client.get("/webinaires/2019/calendrier.ics").content
    assert client.get("/webinaires/2019/calendrier.ics").content == first  # DTSTAMP does not move between fetches
    session = WebinarPage.objects.child_of(cycle_2019).get(slug="numeriser-linnovation")
    uid = f"webinaire-{session.translation_key}@lerameau.fr"
    session.start, session.end = paris(date(2019, 11, 28)), paris(date(2019, 11, 28), 14)
    session.save_revision().publish()
    _, events = ics.read_calendar(client.get("/webinaires/2019/calendrier.ics").content.decode())
    moved = next(event for event in events if event["uid"] == uid)
    assert moved["dtstart"] == datetime(2019, 11, 28, 12, tzinfo=UTC)


@pytest.mark.django_db
def test_feed_leaves_out_drafts(client, cycle_2019):
    WebinarPageFactory(parent=cycle_2019, day=date(2019, 12, 26), title="Brouillon de décembre", live=False)
    _, events = ics.read_calendar(client.get("/webinaires/2019/calendrier.ics").content.decode())
    assert len(events) == 12


@pytest.mark.django_db
def test_session_ics_file(client, cycle_2019):
    response = client.get("/webinaires/2019/numeriser-linnovation/calendrier.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="webinaire-numeriser-linnovation.ics"'
    _, events = ics.read_calendar(response.content.decode())
    (event,) = events
    assert event["dtstart"] == datetime(2019, 11, 21, 12, tzinfo=UTC)
    assert event["dtend"] == datetime(2019, 11, 21, 13, tzinfo=UTC)
    assert event["summary"] == "Webinaire du RAMEAU : Numériser l'innovation"


@pytest.mark.django_db
def test_ics_routes_respect_publication(client, cycle_2019):
    session = WebinarPage.objects.child_of(cycle_2019).get(slug="numeriser-linnovation")
    session.unpublish()
    assert client.get("/webinaires/2019/numeriser-linnovation/calendrier.ics").status_code == 404
    assert client.get("/webinaires/2019/inconnue/calendrier.ics").status_code == 404
    assert client.get("/webinaires/2019/autre.ics").status_code == 404
    cycle_2019.unpublish()
    assert client.get("/webinaires/2019/calendrier.ics").status_code == 404


def test_site_urlconf_routes_ics_names():
    """Wagtail's own pattern wants a trailing slash; the site routes file-like names to its serve view."""
    assert resolve("/webinaires/2019/calendrier.ics").url_name == "wagtail_serve_file"


def test_google_and_outlook_links_are_encoded():
    start = datetime(2019, 6, 20, 13, tzinfo=paris(date(2019, 6, 20)).tzinfo)
    end = start.replace(hour=14)
    title, details = "Webinaire : Évaluer & co-construire", "Deux lignes\n\nInscription : https://exemple.org/?a=1&b=2"
    google = urlsplit(google_calendar_url(title, start, end, details))
    assert (google.scheme, google.netloc, google.path) == ("https", "calendar.google.com", "/calendar/render")
    assert " " not in google.query and "&b=2" not in google.query
    query = parse_qs(google.query)
    assert query == {
        "action": ["TEMPLATE"],
        "text": [title],
        "dates": ["20190620T110000Z/20190620T120000Z"],
        "details": [details],
        "location": ["En ligne"],
    }
    outlook = urlsplit(outlook_calendar_url(title, start, end, details))
    assert (outlook.netloc, outlook.path) == ("outlook.live.com", "/calendar/0/action/compose")
    query = parse_qs(outlook.query)
    assert query["subject"] == [title] and query["body"] == [details] and query["location"] == ["En ligne"]
    assert query["startdt"] == ["2019-06-20T11:00:00Z"] and query["enddt"] == ["2019-06-20T12:00:00Z"]


@pytest.mark.django_db
def test_paragraphs_stay_apart_in_the_ics_and_the_calendar_links(client, cycle_2019):
    session = WebinarPageFactory(
        parent=cycle_2019,
        day=date(2019, 12, 19),
        title="Paragraphes",
        summary="<p>Premier paragraphe.</p><p>Second &amp; dernier,<br>à la ligne.</p>",
    )
    expected = (
        "Premier paragraphe.\n\nSecond & dernier,\nà la ligne.\n\n"
        f"Inscription : {REGISTRATION_2019}\n\n"
        f"Présentation : {session.full_url}"
    )
    response = client.get(f"{session.url}calendrier.ics")
    (event,) = ics.read_calendar(response.content.decode())[1]
    assert event["description"] == expected
    links = session.calendar_links()
    assert parse_qs(urlsplit(links["google"]).query)["details"] == [expected]
    assert parse_qs(urlsplit(links["outlook"]).query)["body"] == [expected]
    assert "%0A%0ASecond" in links["google"]
    assert session.plain_summary() == "Premier paragraphe. Second & dernier, à la ligne."
