"""What visitors see: the index (next session first, then the cycles), a cycle, a session, the
home and resource-centre sections; all in French, valid HTML, a fixed number of queries."""

from __future__ import annotations

from datetime import UTC, date, datetime
from html import unescape

import html5lib
import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils.html import strip_tags

from caching import version
from tests.factories.documents import DocumentFactory
from tests.factories.resources import ResourceCentrePageFactory
from tests.factories.webinars import WebinarCyclePageFactory, WebinarPageFactory
from tests.shared import shared_by_the_module
from webinars.home import next_webinar_section
from webinars.models import WebinarCyclePage, WebinarPage
from webinars.queries import webinars_for_centre

from .conftest import CLIENT_2019, CLIENT_THEMES_2019, REGISTRATION_2019, build_cycle_2019, paris

# Most tests read the client's 2019 cycle: built once for the module, present in every test.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("shared_cycle_2019")]


@pytest.fixture(scope="module")
def shared_cycle_2019(django_db_setup, django_db_blocker):
    """The client's 2019 cycle, built once for the module (see tests/shared.py)."""
    yield from shared_by_the_module(django_db_blocker, build_cycle_2019)


@pytest.fixture
def cycle_2019(shared_cycle_2019, db):
    """The module's 2019 cycle, read afresh: a test may change it, the next one finds it as built."""
    return WebinarCyclePage.objects.get(pk=shared_cycle_2019.pk)


AFTER_EVERYTHING = datetime(2026, 6, 1, tzinfo=UTC)


def html(response) -> str:
    assert response.status_code == 200
    markup = response.content.decode()
    html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(markup)
    assert '<html lang="fr">' in markup
    return markup


def text(markup: str) -> str:
    """Visible text with entities decoded, tags dropped, spaces collapsed."""
    return " ".join(unescape(strip_tags(markup)).split())


def count_queries(client, path: str) -> int:
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


# --- the index --------------------------------------------------------------------------


def test_index_shows_the_2019_cycle_exactly_as_the_client_table(client, time_machine, cycle_2019, series):
    time_machine.move_to(AFTER_EVERYTHING, tick=False)
    markup = html(client.get("/webinaires/"))
    assert "Cycle de webinaires 2019" in markup
    for day in CLIENT_2019:
        assert f'<time datetime="{paris(day).isoformat()}">' in markup
    page_text = text(markup)
    for theme in CLIENT_THEMES_2019:
        assert theme in page_text
    assert "décalé : 15 août férié (Assomption)" in page_text
    assert page_text.index("Prochaine session") < page_text.index("Cycles passés")
    assert "le prochain programme sera bientôt publié" in page_text
    assert "L'ODD 17 en pratique" in page_text


def test_index_shows_the_next_session_first_with_its_registration(client, time_machine, cycle_2019, series):
    time_machine.move_to(datetime(2019, 11, 1, tzinfo=UTC), tick=False)
    markup = html(client.get("/webinaires/"))
    page_text = text(markup)
    assert "jeudi 21 novembre 2019, 13 h – 14 h" in page_text
    first = page_text.index("Prochaine session")
    assert first < page_text.index("Numériser l'innovation") < page_text.index("Le cycle en cours")
    assert f'href="{REGISTRATION_2019}" rel="noopener"' in markup
    assert "Le cycle en cours : Cycle de webinaires 2019" in page_text


def test_in_progress_session_is_still_the_next_one(client, time_machine, cycle_2019):
    time_machine.move_to(paris(date(2019, 11, 21), 13, 30), tick=False)
    assert "jeudi 21 novembre 2019, 13 h – 14 h" in text(html(client.get("/webinaires/")).split("Le cycle en cours")[0])
    time_machine.move_to(paris(date(2019, 11, 21), 14, 0), tick=False)
    assert "jeudi 19 décembre 2019, 13 h – 14 h" in text(html(client.get("/webinaires/")).split("Le cycle en cours")[0])


def test_draft_cycles_and_sessions_stay_hidden(client, time_machine, index, cycle_2019):
    time_machine.move_to(AFTER_EVERYTHING, tick=False)
    draft = WebinarCyclePageFactory(parent=index, slug="2030", title="Cycle brouillon 2030", live=False, year=2030)
    WebinarPageFactory(parent=draft, day=date(2030, 1, 17), title="Session publiée sous un brouillon")
    live = WebinarCyclePageFactory(parent=index, slug="2031", title="Cycle 2031", year=2031)
    WebinarPageFactory(parent=live, day=date(2031, 1, 16), title="Session en brouillon", live=False)
    page_text = text(html(client.get("/webinaires/")))
    assert "Session publiée sous un brouillon" not in page_text and "Session en brouillon" not in page_text
    assert "Cycle 2031" not in page_text  # a cycle with no visible session is not listed
    assert "bientôt publié" in page_text


def test_future_cycle_is_featured_when_its_session_is_next(client, time_machine, index, cycle_2019):
    time_machine.move_to(AFTER_EVERYTHING, tick=False)
    cycle = WebinarCyclePageFactory(
        parent=index,
        slug="2026",
        title="Cycle de webinaires 2026",
        year=2026,
        registration_url="https://exemple.org/2026",
    )
    WebinarPageFactory(parent=cycle, day=date(2026, 6, 18), title="Une session de juin")
    WebinarPageFactory(parent=cycle, day=date(2026, 7, 16), title="Une session de juillet")
    page_text = text(html(client.get("/webinaires/")))
    assert "jeudi 18 juin 2026, 13 h – 14 h" in page_text
    assert page_text.index("Une session de juin") < page_text.index("Le cycle en cours : Cycle de webinaires 2026")
    assert (
        page_text.index("Le cycle en cours")
        < page_text.index("Cycles passés")
        < page_text.index("Cycle de webinaires 2019")
    )


def test_index_query_count_does_not_grow_with_sessions(client, time_machine, index, cycle_2019):
    time_machine.move_to(AFTER_EVERYTHING, tick=False)
    cycle = WebinarCyclePageFactory(parent=index, slug="2025", title="Cycle 2025", year=2025)
    WebinarPageFactory(parent=cycle, day=date(2025, 1, 16), title="Première")
    WebinarPageFactory(parent=cycle, day=date(2025, 2, 20), title="Deuxième")
    with_two = count_queries(client, "/webinaires/")
    with_two_cycle = count_queries(client, "/webinaires/2025/")
    for month in range(3, 12):
        WebinarPageFactory(parent=cycle, day=date(2025, month, 10), title=f"Session {month}")
    WebinarCyclePageFactory(parent=index, slug="2024", title="Cycle 2024", year=2024)
    assert count_queries(client, "/webinaires/") == with_two
    assert count_queries(client, "/webinaires/2025/") == with_two_cycle
    assert with_two <= 10


def test_unknown_parameters_and_paths_never_fail(client, cycle_2019):
    assert client.get("/webinaires/?page=abc&annee=-1&cycle=%00").status_code == 200
    assert client.get("/webinaires/1999/").status_code == 404
    assert client.get("/webinaires/2019/session-inconnue/").status_code == 404
    assert client.get("/webinaires/2019/calendrier.ics/").status_code == 404


# --- a cycle and a session ----------------------------------------------------------------


def test_cycle_page(client, time_machine, cycle_2019):
    time_machine.move_to(datetime(2019, 11, 1, tzinfo=UTC), tick=False)
    markup = html(client.get("/webinaires/2019/"))
    page_text = text(markup)
    assert "Rendez-vous le 3e jeudi du mois, 13 h – 14 h (heure de Paris), en ligne." in page_text
    assert markup.count('<tr class="is-past">') == 10 and markup.count('<tr class="is-upcoming">') == 2
    assert 'href="/webinaires/2019/calendrier.ics"' in markup
    assert 'href="webcal://localhost/webinaires/2019/calendrier.ics"' in markup
    assert 'rel="alternate" type="text/calendar"' in markup


def test_past_cycle_page_offers_no_subscription(client, time_machine, cycle_2019):
    time_machine.move_to(AFTER_EVERYTHING, tick=False)
    markup = html(client.get("/webinaires/2019/"))
    assert "webcal://" not in markup and "Toutes les sessions de ce cycle ont eu lieu" in markup


def test_upcoming_session_shows_registration_and_calendar_links(client, time_machine, cycle_2019):
    time_machine.move_to(datetime(2019, 11, 1, tzinfo=UTC), tick=False)
    markup = html(client.get("/webinaires/2019/numeriser-linnovation/"))
    page_text = text(markup)
    assert "jeudi 21 novembre 2019, 13 h – 14 h" in page_text and "À venir" in page_text
    assert "S'inscrire à la session « Numériser l'innovation » (site externe)" in page_text
    assert 'href="/webinaires/2019/numeriser-linnovation/calendrier.ics"' in markup
    assert "https://calendar.google.com/calendar/render?action=TEMPLATE&amp;text=Webinaire%20du%20RAMEAU" in markup
    assert "dates=20191121T120000Z/20191121T130000Z" in markup
    assert "https://outlook.live.com/calendar/0/action/compose?subject=" in markup
    assert "startdt=2019-11-21T12%3A00%3A00Z" in markup
    assert "Replay et supports" not in page_text


def test_past_session_shows_replay_and_slides(client, time_machine, cycle_2019):
    time_machine.move_to(AFTER_EVERYTHING, tick=False)
    session = WebinarPage.objects.child_of(cycle_2019).get(slug="qualifier-linnovation")
    slides = DocumentFactory(
        title="Supports : qualifier l'innovation", file__filename="qualifier.pdf", file__data=b"%PDF-1.4 demo"
    )
    session.replay_url = "https://video.exemple.org/qualifier"
    session.slides = slides
    session.save_revision().publish()
    markup = html(client.get("/webinaires/2019/qualifier-linnovation/"))
    page_text = text(markup)
    assert "Session passée" in page_text and "S'inscrire" not in page_text
    assert 'href="https://video.exemple.org/qualifier" rel="noopener"' in markup
    assert f'href="{slides.url}"' in markup and "(PDF, 13" in page_text
    assert "calendar.google.com" not in markup
    table = html(client.get("/webinaires/2019/"))
    assert "https://video.exemple.org/qualifier" in table and slides.url in table


def test_session_in_another_time_zone_is_shown_in_its_own_time(client, time_machine, index):
    time_machine.move_to(AFTER_EVERYTHING, tick=False)
    cycle = WebinarCyclePageFactory(
        parent=index, slug="reunion", title="Série réunionnaise", time_zone="Indian/Reunion"
    )
    WebinarPageFactory(
        parent=cycle,
        title="Alliances ultramarines",
        start=datetime(2025, 3, 20, 9, tzinfo=UTC),
        end=datetime(2025, 3, 20, 10, tzinfo=UTC),
        slug="ultramarines",
    )
    assert "jeudi 20 mars 2025, 13 h – 14 h" in text(html(client.get("/webinaires/reunion/ultramarines/")))


# --- home page and resource centres --------------------------------------------------------


def render_home_section(request) -> str:
    return render_to_string("webinars/includes/home_section.html", next_webinar_section(request), request=request)


def test_home_section_shows_the_next_session(rf: RequestFactory, time_machine, cycle_2019):
    time_machine.move_to(datetime(2019, 11, 1, tzinfo=UTC), tick=False)
    request = rf.get("/")
    context = next_webinar_section(request)
    assert context["next_session"].slug == "numeriser-linnovation"
    assert context["cycle"].slug == "2019" and context["webinars_index"].slug == "webinaires"
    page_text = text(render_home_section(request))
    assert "Le prochain webinaire" in page_text
    assert "jeudi 21 novembre 2019, 13 h – 14 h" in page_text and "Numériser l'innovation" in page_text
    assert "S'inscrire" in page_text


def test_home_section_without_upcoming_session_links_the_past_cycles(rf, time_machine, cycle_2019):
    time_machine.move_to(AFTER_EVERYTHING, tick=False)
    request = rf.get("/")
    assert next_webinar_section(request)["next_session"] is None
    markup = render_home_section(request)
    assert 'href="/webinaires/#cycles-passes"' in markup and "Parcourir les cycles passés" in text(markup)


def test_home_section_is_empty_without_a_webinar_index(rf, index):
    index.unpublish()
    assert next_webinar_section(rf.get("/")) == {"webinars_index": None, "next_session": None, "cycle": None}
    assert render_home_section(rf.get("/")).strip() == ""


def test_webinars_for_centre(time_machine, cycle_2019, django_assert_max_num_queries):
    centre = ResourceCentrePageFactory()
    sessions = list(WebinarPage.objects.child_of(cycle_2019).order_by("start"))
    for session in sessions:
        session.centres = [centre]
        session.save_revision().publish()
    now = datetime(2019, 11, 1, tzinfo=UTC)
    with version.pinned():  # as within one request, after a first one (cycles, private sections cached)
        webinars_for_centre(centre, now=now)
        with django_assert_max_num_queries(2):  # the next session, the past ones (cycles: cached)
            result = webinars_for_centre(centre, now=now)
            labels = [s.when_label for s in result["past"]] + [result["next"].when_label]
    assert result["next"].slug == "numeriser-linnovation"
    assert [s.slug for s in result["past"]] == [sessions[9].slug, sessions[8].slug, sessions[7].slug]
    assert labels[-1] == "jeudi 21 novembre 2019, 13\u00a0h\u00a0– 14\u00a0h"
    assert webinars_for_centre(centre, now=AFTER_EVERYTHING)["next"] is None

    time_machine.move_to(now, tick=False)
    markup = render_to_string(
        "webinars/includes/centre_webinars.html",
        {"centre_webinars": webinars_for_centre(centre)},
        request=RequestFactory().get("/"),
    )
    page_text = text(markup)
    assert (
        "Webinaires" in page_text
        and "Sessions passées" in page_text
        and "Accroître l'impact d'une fondation" in page_text
    )
    assert "jeudi 21 novembre 2019, 13 h – 14 h" in page_text


def test_centre_section_is_empty_without_linked_sessions(cycle_2019):
    centre = ResourceCentrePageFactory()
    session = WebinarPage.objects.child_of(cycle_2019).first()
    session.centres = [centre]
    session.save_revision().publish()
    assert centre.webinars.exists()
    WebinarPage.centres.through.objects.filter(resourcecentrepage=centre).delete()
    markup = render_to_string(
        "webinars/includes/centre_webinars.html", {"centre_webinars": webinars_for_centre(centre)}
    )
    assert markup.strip() == ""


def test_session_page_lists_live_centres(client, time_machine, cycle_2019):
    time_machine.move_to(AFTER_EVERYTHING, tick=False)
    centre = ResourceCentrePageFactory()
    session = WebinarPage.objects.child_of(cycle_2019).get(slug="qualifier-linnovation")
    session.centres = [centre]
    session.save_revision().publish()
    assert f'href="{centre.url}"' in html(client.get(session.url))
    centre.unpublish()
    assert f'href="{centre.url}"' not in html(client.get(session.url))
