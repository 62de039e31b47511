"""fetch_centre_feeds against a fake platform on 127.0.0.1 started by the test (no mocks): each
way a platform can answer, and what the centre keeps afterwards."""

from __future__ import annotations

import datetime
import time
from io import StringIO

import pytest
import time_machine
from django.core.management import CommandError, call_command
from wagtail.models import Revision

from resources.feeds.agent import USER_AGENT
from resources.feeds.refresh import refresh_centre
from resources.models import CentreFeed, CentreFeedItem
from tests.factories.resources import ResourceCentrePageFactory
from tests.servers import free_port

from .platform import ETAG, LAST_MODIFIED, platform_server

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2026, 3, 6, 3, 0, tzinfo=datetime.UTC)
WORDPRESS_TITLES = [
    "Guide pratique : co-construire avec les entreprises",
    "Retour sur la rencontre du 26 février",
    "Webinaire : mesurer l'impact",
    "Étude 2025 sur les alliances",
    "Nouvelle fiche outil",
]


@pytest.fixture
def platform(settings):
    """The fake platform, reachable although on loopback (its port only: see resources.outbound)."""
    with platform_server() as server:
        settings.OUTBOUND_LOOPBACK_PORTS = frozenset({server.port})
        yield server


@pytest.fixture(autouse=True)
def _clock():
    with time_machine.travel(NOW, tick=True):
        yield


def centre_at(platform, feed: str = "", home: str = "/", **kwargs):
    return ResourceCentrePageFactory(
        platform_url=platform.origin + home, feed_url=platform.origin + feed if feed else "", **kwargs
    )


def titles(centre) -> list[str]:
    return list(CentreFeedItem.objects.filter(feed__centre=centre).order_by("position").values_list("title", flat=True))


def state(centre) -> CentreFeed:
    return CentreFeed.objects.get(centre=centre)


def run(*args: str) -> str:
    out = StringIO()
    call_command("fetch_centre_feeds", *args, stdout=out)
    return out.getvalue()


def test_wordpress_feed_found_on_the_home_page_read_politely_and_kept_as_plain_text(platform):
    centre = centre_at(platform)
    revisions = Revision.objects.count()

    output = run()

    # robots.txt, the home page (which names /feed/ first, before the comments' feed), the feed.
    assert platform.paths() == ["/robots.txt", "/", "/feed/"]
    assert all(seen.headers["user-agent"] == USER_AGENT for seen in platform.requests)
    assert "lerameau.fr" in USER_AGENT
    assert "if-none-match" not in platform.last("/feed/").headers  # nothing to compare with yet
    feed = state(centre)
    assert (feed.url, feed.discovered, feed.etag, feed.last_modified) == (
        platform.origin + "/feed/",
        True,
        ETAG,
        LAST_MODIFIED,
    )
    assert feed.fetched_at == NOW.replace(microsecond=0) or abs(feed.fetched_at - NOW) < datetime.timedelta(seconds=5)
    assert feed.error == ""
    # The five newest usable posts: the javascript: link and the post on another site are gone.
    assert titles(centre) == WORDPRESS_TITLES
    items = {item.title: item for item in CentreFeedItem.objects.filter(feed=feed)}
    guide = items[WORDPRESS_TITLES[0]]
    assert guide.link == platform.origin + "/2026/03/04/guide-pratique/"
    assert guide.published == datetime.datetime(2026, 3, 4, 9, 30, tzinfo=datetime.UTC)
    assert guide.summary.startswith("Un guide pour démarrer un partenariat : étapes, outils et exemples. La suite")
    assert len(guide.summary) <= 280 and guide.summary.endswith("…") and "[" not in guide.summary
    # A relative link is read against the feed's address; scripts and their text are gone.
    meeting = items["Retour sur la rencontre du 26 février"]
    assert meeting.link == platform.origin + "/2026/02/27/retour-rencontre/"
    assert meeting.summary == "Compte rendu. Les échanges ont porté sur l'évaluation."
    for item in items.values():
        for text in (item.title, item.summary):
            assert "<" not in text and "alert" not in text and "pirate" not in text
    assert Revision.objects.count() == revisions, "reading a feed must not create page revisions"
    assert f"{centre.title} : relevé, 5 élément(s) relevé(s)" in output
    assert output.splitlines()[-1] == "1 centre(s) relevé(s), 0 en échec."


def test_second_night_asks_conditionally_and_a_304_keeps_everything(platform):
    centre = centre_at(platform)
    run()
    first = state(centre).fetched_at
    platform.requests.clear()

    with time_machine.travel(NOW + datetime.timedelta(days=1), tick=True):
        output = run()

    # The feed's address is remembered: no second look at the home page; one conditional GET.
    assert platform.paths() == ["/robots.txt", "/feed/"]
    headers = platform.last("/feed/").headers
    assert (headers["if-none-match"], headers["if-modified-since"]) == (ETAG, LAST_MODIFIED)
    feed = state(centre)
    assert feed.fetched_at > first
    assert titles(centre) == WORDPRESS_TITLES
    assert "inchangé depuis le relevé précédent" in output


def test_atom_feed_typed_by_staff(platform):
    centre = centre_at(platform, feed="/atom.xml")
    outcome = refresh_centre(centre)
    assert outcome.ok, outcome.message
    assert platform.paths() == ["/robots.txt", "/atom.xml"]  # no discovery when the feed is given
    items = list(CentreFeedItem.objects.filter(feed__centre=centre).order_by("position"))
    assert [item.title for item in items] == ["Cahier no 12 & annexes", "Kit d'animation territoriale"]
    assert items[0].link == platform.origin + "/publications/cahier-12/"  # xml:base
    assert items[0].summary == "Le douzième cahier de recherche."
    assert items[1].summary == "Un kit pour agir."
    assert items[1].published == datetime.datetime(2025, 11, 3, 8, 0, tzinfo=datetime.UTC)
    assert not state(centre).discovered


def test_latin1_feed_with_html_entities(platform):
    centre = centre_at(platform, feed="/latin1.xml")
    assert refresh_centre(centre).ok
    item = CentreFeedItem.objects.get(feed__centre=centre)
    assert item.title == "Économie sociale & solidaire : l'été des fondations"
    assert item.summary == "Café-débat « mécénat » à Vincennes."
    assert item.published == datetime.datetime(2026, 2, 2, 9, 0, tzinfo=datetime.UTC)


def test_gzip_is_accepted_and_inflated(platform):
    centre = centre_at(platform, feed="/gzip.xml")
    assert refresh_centre(centre).ok
    assert platform.last("/gzip.xml").headers["accept-encoding"] == "gzip"
    assert titles(centre) == WORDPRESS_TITLES


def test_entities_are_never_expanded_nor_local_files_read(platform):
    centre = centre_at(platform, feed="/entities.xml")
    started = time.monotonic()
    refresh_centre(centre)
    assert time.monotonic() - started < 5
    for item in CentreFeedItem.objects.filter(feed__centre=centre):
        assert "lollol" not in item.title and "root:" not in item.summary


def good_centre(platform):
    """A centre read once successfully: what a failure must leave in place."""
    centre = centre_at(platform)
    assert refresh_centre(centre).ok
    platform.requests.clear()
    return centre


FAILURES = {
    # path: (what is recorded for staff, how long the reading may take at most)
    "/huge.xml": ("réponse trop volumineuse (plus de 2 Mo)", 5),
    "/huge-chunked.xml": ("réponse trop volumineuse (plus de 2 Mo)", 5),
    "/gzip-bomb.xml": ("réponse trop volumineuse (plus de 2 Mo)", 5),
    "/stall.xml": ("délai dépassé (1 s)", 3),
    "/drip.xml": ("délai dépassé (1 s)", 3),
    "/loop-a": ("boucle de redirections", 3),
    "/hop-1": ("trop de redirections (plus de 3)", 3),
    "/missing": ("erreur HTTP 404", 3),
    "/malformed.xml": ("aucun élément exploitable", 3),
    "/html-page/": ("ce n'est pas un flux RSS ou Atom", 3),
    "robots.txt": ("refusé par le fichier robots.txt de la plateforme", 3),
    "/to-metadata": ("adresse refusée : 169.254.169.254 mène à une adresse lien-local (169.254.169.254)", 3),
}


@pytest.mark.parametrize("failure", FAILURES)
def test_a_failing_feed_keeps_the_last_good_items_and_records_why(platform, failure):
    """The platform's /feed/ turns into a 5 MB feed (declared or chunked, or gzip that
    inflates past 2 MB), a 20 s stall or a byte-by-byte drip (abandoned at the time limit,
    here 1 s), a redirect loop or chain, a 404, a malformed or HTML answer, a path robots.txt
    forbids, a redirect to the cloud metadata address: the items of the last success stay,
    the reason is kept."""
    centre = good_centre(platform)
    if failure == "robots.txt":
        platform.robots = b"User-agent: *\nDisallow: /feed/\n"
    else:
        platform.feed_serves = failure
    expected, at_most = FAILURES[failure]

    started = time.monotonic()
    outcome = refresh_centre(centre, timeout=1.0)
    elapsed = time.monotonic() - started

    assert not outcome.ok
    assert expected in outcome.message
    assert elapsed < at_most, f"{failure} held the reading for {elapsed:.1f} s"
    feed = state(centre)
    assert expected in feed.error and feed.error_at is not None and feed.failing
    assert titles(centre) == WORDPRESS_TITLES, "the last good items must stay"
    if failure == "robots.txt":
        assert platform.paths() == ["/robots.txt"]


def test_redirect_to_another_loopback_service_is_refused_and_never_reached(platform):
    with platform_server() as private_service:  # not in OUTBOUND_LOOPBACK_PORTS
        centre = centre_at(platform, feed=f"/to-loopback/{private_service.port}")
        outcome = refresh_centre(centre)
        assert not outcome.ok
        assert outcome.message.startswith("adresse refusée : 127.0.0.1 mène à une adresse locale (loopback)")
        assert private_service.requests == []


def test_in_production_mode_the_loopback_platform_itself_is_refused(platform, settings):
    centre = centre_at(platform, feed="/feed/")
    settings.OUTBOUND_LOOPBACK_PORTS = frozenset()  # as production sets it
    outcome = refresh_centre(centre)
    assert not outcome.ok and "adresse locale (loopback)" in outcome.message
    assert platform.requests == []
    assert titles(centre) == []


def test_tls_error_is_recorded(platform):
    centre = ResourceCentrePageFactory(platform_url=f"https://127.0.0.1:{platform.port}/")
    outcome = refresh_centre(centre)
    assert not outcome.ok and "TLS" in outcome.message
    assert state(centre).error == outcome.message


def test_connection_refused_and_robots_txt_down(platform, settings):
    port = free_port()
    settings.OUTBOUND_LOOPBACK_PORTS = frozenset({platform.port, port})
    closed = ResourceCentrePageFactory(platform_url=f"http://127.0.0.1:{port}/")
    assert refresh_centre(closed).message == "robots.txt illisible (connexion refusée) : relevé reporté"

    platform.robots_status = 503
    centre = centre_at(platform)
    outcome = refresh_centre(centre)
    assert outcome.message == "robots.txt indisponible (erreur HTTP 503) : relevé reporté"
    assert platform.paths() == ["/robots.txt"]  # nothing else asked of a site that cannot say


def test_robots_txt_missing_means_everything_is_allowed(platform):
    platform.robots_status = 404
    assert refresh_centre(centre_at(platform)).ok


def test_one_redirect_is_followed(platform):
    centre = centre_at(platform, feed="/moved")
    assert refresh_centre(centre).ok
    assert titles(centre) == WORDPRESS_TITLES


def test_platform_without_announced_feed_is_tried_at_feed_then_rediscovered_after_a_404(platform):
    centre = centre_at(platform, home="/sans-flux/")
    assert refresh_centre(centre).ok
    assert platform.paths() == ["/robots.txt", "/sans-flux/", "/feed/"]
    assert state(centre).url == platform.origin + "/feed/"

    platform.feed_serves = "/missing"
    outcome = refresh_centre(centre)
    assert not outcome.ok and "erreur HTTP 404" in outcome.message
    assert (state(centre).url, state(centre).discovered) == ("", False)  # looked for again next time
    assert titles(centre) == WORDPRESS_TITLES


def test_one_platform_down_does_not_affect_the_others(platform):
    working = centre_at(platform, title="Qui répond")
    broken = centre_at(platform, feed="/missing", title="Qui ne répond pas")
    without = ResourceCentrePageFactory(title="Sans plateforme", platform_url="")

    output = run()

    assert titles(working) == WORDPRESS_TITLES
    assert titles(broken) == [] and "erreur HTTP 404" in state(broken).error
    assert not CentreFeed.objects.filter(centre=without).exists()
    assert platform.paths().count("/robots.txt") == 1  # once per host and run
    assert "Qui ne répond pas : ÉCHEC, erreur HTTP 404" in output
    assert output.splitlines()[-1] == "2 centre(s) relevé(s), 1 en échec."


def test_changing_the_address_drops_the_old_platforms_items(platform):
    centre = good_centre(platform)
    centre.feed_url = platform.origin + "/latin1.xml"
    centre.save_revision().publish()
    centre.refresh_from_db()
    assert refresh_centre(centre).ok
    assert titles(centre) == ["Économie sociale & solidaire : l'été des fondations"]
    assert state(centre).source == platform.origin + "/latin1.xml"


def test_only_the_named_centres_and_sane_options(platform):
    first = centre_at(platform, slug="premier")
    second = centre_at(platform, slug="second")
    run("premier")
    assert titles(first) == WORDPRESS_TITLES and titles(second) == []
    with pytest.raises(CommandError, match="inconnu"):
        run("absent")
    for timeout in ("0", "-1", "120"):
        with pytest.raises(CommandError):
            run("--timeout", timeout)
