"""schema.org JSON-LD: the organisation on the home page, events on sessions, valid JSON everywhere."""

from __future__ import annotations

import json
import re
from datetime import datetime

import pytest
from wagtail.models import Page

from pages.models import SiteSettings
from tests.factories.publications import PublicationPageFactory, PublicationTypeFactory
from tests.factories.webinars import WebinarPageFactory, WebinarSpeakerFactory

pytestmark = pytest.mark.django_db


def json_ld_blocks(markup: str) -> list[dict]:
    return [
        json.loads(block) for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', markup, re.S)
    ]


def test_every_live_page_has_only_valid_json_ld(client, every_page_type):
    seen_types = set()
    for page in Page.objects.live().public().filter(depth__gt=1):
        for block in json_ld_blocks(client.get(page.url).content.decode()):
            assert block["@context"] == "https://schema.org", page.url
            seen_types.add(block["@type"])
    assert {"ResearchOrganization", "Event", "Book", "NewsArticle"} <= seen_types


def test_home_describes_the_organisation(client):
    settings = SiteSettings.objects.get()
    [data] = json_ld_blocks(client.get("/").content.decode())
    assert data["@type"] == "ResearchOrganization"
    assert data["name"] == settings.organisation_name == "Le RAMEAU"
    assert data["url"] == "http://localhost/"
    assert data["foundingDate"] == "2006"
    assert data["address"]["addressLocality"] == "Vincennes" and data["address"]["addressCountry"] == "FR"
    assert data["logo"].startswith("http://localhost/static/")
    if settings.email:
        assert data["email"] == settings.email
    assert data.get("sameAs", []) == [url for _, url in settings.social_links]
    settings.linkedin_url = "https://www.linkedin.com/company/le-rameau"
    settings.save()
    [data] = json_ld_blocks(client.get("/").content.decode())
    assert data["sameAs"] == ["https://www.linkedin.com/company/le-rameau"]


def test_a_session_is_an_online_event_with_paris_times(client):
    session = WebinarPageFactory(
        speakers=[WebinarSpeakerFactory.build(name="Anne Robin"), WebinarSpeakerFactory.build(name="Jean Dupont")]
    )
    [data] = json_ld_blocks(client.get(session.url).content.decode())
    assert data["@type"] == "Event"
    assert data["name"] == session.title
    assert datetime.fromisoformat(data["startDate"]) == session.start
    assert datetime.fromisoformat(data["endDate"]) == session.end
    assert datetime.fromisoformat(data["startDate"]).utcoffset() is not None
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"]["@type"] == "VirtualLocation"
    assert data["location"]["url"] == (session.get_registration_url() or data["url"])
    assert data["isAccessibleForFree"] is True and data["offers"]["price"] == "0"
    assert data["url"].endswith(session.url)
    speakers = [speaker.name for speaker in session.speakers.all()]
    assert [performer["name"] for performer in data.get("performer", [])] == speakers


def test_editor_text_cannot_break_out_of_the_json_ld(client):
    session = WebinarPageFactory()
    session.title = 'Fin </script><script>alert("x")</script> & suite'
    session.search_description = "</script><b>gras</b>"
    session.save_revision().publish()
    markup = client.get(session.url).content.decode()
    assert '<script>alert("x")' not in markup
    [data] = json_ld_blocks(markup)
    assert data["name"] == 'Fin </script><script>alert("x")</script> & suite'
    assert data["description"] == "</script><b>gras</b>"


@pytest.mark.parametrize("nature", ["book", "report", "article", "proceedings"])
def test_a_publication_has_its_json_ld(client, nature):
    kind = PublicationTypeFactory(slug=f"type-{nature}", nature=nature)
    publication = PublicationPageFactory(publication_type=kind)
    [data] = json_ld_blocks(client.get(publication.url).content.decode())
    assert data["@type"] == publication.publication_type.schema_type
    assert data["name"] == publication.title
