"""Two cycles' feeds (the client's 2019 programme and a themed series, built by the
fixtures of conftest.py), property by property, against expected_feeds.json: what calendar
clients received when the feeds were recorded. Values that change with every run (UIDs
carry the page's translation key, DTSTAMP its publication time) are replaced by the name
of what they must equal.

After a deliberate change (to these fixtures or to what a feed says), record the file again
with RAMEAU_RECORD_FEEDS=1 and read its diff before committing it."""

from __future__ import annotations

import json
import os
from datetime import UTC
from pathlib import Path

import pytest

from webinars.models import WebinarCyclePage, WebinarPage

from . import ics

EXPECTED = Path(__file__).with_name("expected_feeds.json")
UID = "webinaire-{translation_key}@lerameau.fr"
PUBLISHED = "{last_published_at}"


def per_run_values(session: WebinarPage) -> dict[str, str]:
    published = session.last_published_at.astimezone(UTC).replace(microsecond=0).isoformat()
    return {UID.format(translation_key=session.translation_key): UID, published: PUBLISHED}


def events(calendar, sessions: dict[str, WebinarPage]) -> list[dict]:
    found = []
    for event in calendar.walk("VEVENT"):
        properties = ics.properties(event)
        replace = per_run_values(sessions[properties["URL"]["value"]])
        for prop in properties.values():
            prop["value"] = replace.get(prop["value"], prop["value"])
        found.append(properties)
    return found


def feeds(client) -> dict:
    """Every live cycle's feed and every session file, as a calendar client reads them."""
    result = {}
    for cycle in WebinarCyclePage.objects.live().order_by("path"):
        sessions = {session.full_url: session for session in WebinarPage.objects.child_of(cycle).live()}
        response = client.get(f"{cycle.url}calendrier.ics")
        calendar = ics.parse(response.content.decode())
        cycle_events = events(calendar, sessions)
        files = {}
        for url, session in sorted(sessions.items()):
            session_response = client.get(f"{session.url}calendrier.ics")
            session_calendar = ics.parse(session_response.content.decode())
            (event,) = events(session_calendar, sessions)
            assert event in cycle_events, f"{url}: the session file and the feed disagree"
            files[session.url] = {
                "headers": {name: session_response[name] for name in ("Content-Type", "Content-Disposition")},
                "calendar": ics.properties(session_calendar),
            }
        result[cycle.slug] = {
            "headers": {name: response[name] for name in ("Content-Type", "Content-Disposition")},
            "calendar": ics.properties(calendar),
            "events": cycle_events,
            "session_files": files,
        }
    return result


def test_feeds_match_the_recorded_events(client, cycle_2019, series):
    found = feeds(client)
    if os.environ.get("RAMEAU_RECORD_FEEDS"):
        EXPECTED.write_text(json.dumps(found, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        pytest.skip(f"recorded {EXPECTED.name}: read its diff")
    assert found == json.loads(EXPECTED.read_text(encoding="utf-8"))
