"""check_centre_links against a real HTTP server started by the test on 127.0.0.1 (no mocks)."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Revision

from resources.linkcheck import check_url, check_urls
from resources.models import ResourceCentrePage
from tests.factories.resources import ResourceCentrePageFactory

TIMEOUT = 0.5
HANG_SECONDS = 3.0


class Handler(BaseHTTPRequestHandler):
    """Routes: a live page, a redirect to it, a 404, a server that hangs, one that refuses HEAD."""

    requests: list[tuple[str, str]] = []

    def do_HEAD(self):
        self.route()

    def do_GET(self):
        self.route()

    def route(self):
        Handler.requests.append((self.command, self.path))
        if self.path == "/hang":
            time.sleep(HANG_SECONDS)
        if self.path == "/old":
            self.answer(301, location="/new")
        elif self.path in ("/live", "/new", "/hang"):
            self.answer(200)
        elif self.path == "/no-head":
            self.answer(405 if self.command == "HEAD" else 200)
        else:
            self.answer(404)

    def answer(self, status: int, location: str = "") -> None:
        body = b"ok" if status < 400 else b"erreur"
        try:
            self.send_response(status)
            if location:
                self.send_header("Location", location)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the checker gave up on /hang
            pass

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    Handler.requests = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def centres(db, server) -> dict[str, ResourceCentrePage]:
    """Four centres point at the local server, two have no address (no real network)."""
    routes = {
        "RSE & Partenariats": "/live",
        "Fondations d'avenir": "/old",
        "Investissement sociétal": "/missing",
        "Co-construction territoriale": "/hang",
    }
    ResourceCentrePageFactory(title="Intérêt général", platform_url="")
    # An address removed since the last check: that check no longer says anything.
    ResourceCentrePageFactory(title="Engagement des salariés", platform_url="", link_ok=False, link_status=404)
    return {
        route: ResourceCentrePageFactory(title=title, platform_url=server + route) for title, route in routes.items()
    }


def run_command(*args: str) -> str:
    out = StringIO()
    call_command("check_centre_links", *args, stdout=out)
    return out.getvalue()


def test_command_records_status_and_prints_a_table(centres, server):
    revisions = Revision.objects.count()
    started = time.monotonic()
    output = run_command("--timeout", str(TIMEOUT), "--workers", "4")
    elapsed = time.monotonic() - started
    assert elapsed < HANG_SECONDS - 0.5, f"the hanging server held the check for {elapsed:.1f}s"

    results = {route: ResourceCentrePage.objects.get(pk=centre.pk) for route, centre in centres.items()}
    assert (results["/live"].link_status, results["/live"].link_ok) == (200, True)
    assert (results["/old"].link_status, results["/old"].link_ok) == (200, True)  # redirect followed
    assert (results["/missing"].link_status, results["/missing"].link_ok) == (404, False)
    assert (results["/hang"].link_status, results["/hang"].link_ok) == (None, False)
    checked = {centre.link_checked_at for centre in results.values()}
    assert len(checked) == 1 and None not in checked
    without_url = ResourceCentrePage.objects.filter(platform_url="")
    assert without_url.count() == 2 and not without_url.exclude(link_ok=None).exists()

    lines = output.splitlines()
    assert lines[0].split() == ["Centre", "État", "Code", "Durée", "Adresse"]
    assert set(lines[1]) <= {"-", " "}
    row = {
        title: next(line for line in lines if line.startswith(title)) for title in (c.title for c in results.values())
    }
    assert "en ligne" in row[results["/live"].title] and " 200 " in row[results["/live"].title]
    assert f"{server}/old -> {server}/new" in row[results["/old"].title]
    assert "INJOIGNABLE (erreur HTTP 404)" in row[results["/missing"].title]
    assert "INJOIGNABLE (délai dépassé)" in row[results["/hang"].title]
    assert "sans adresse" in next(line for line in lines if line.startswith("Intérêt général"))
    assert lines[-1] == "6 centres, 4 adresses vérifiées, 2 injoignable(s)."

    assert Revision.objects.count() == revisions, "checking links must not create revisions"
    assert ("HEAD", "/live") in Handler.requests and ("GET", "/live") not in Handler.requests
    assert ("HEAD", "/new") in Handler.requests and (
        "GET",
        "/new",
    ) not in Handler.requests  # HEAD kept across the redirect
    assert ("GET", "/missing") in Handler.requests  # HEAD failed, GET confirms
    assert ("GET", "/hang") not in Handler.requests  # a timeout is not retried


def test_second_run_updates_a_fixed_platform(centres, server):
    run_command("--timeout", str(TIMEOUT))
    missing = centres["/missing"]
    ResourceCentrePage.objects.filter(pk=missing.pk).update(platform_url=server + "/live")
    run_command("--timeout", str(TIMEOUT))
    missing.refresh_from_db()
    assert (missing.link_status, missing.link_ok) == (200, True)


def test_head_refused_falls_back_to_get(server):
    result = check_url(server + "/no-head", timeout=TIMEOUT)
    assert (result.status, result.ok, result.error) == (200, True, "")
    assert Handler.requests == [("HEAD", "/no-head"), ("GET", "/no-head")]


def test_unreachable_and_non_http_addresses(server):
    closed = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    port = closed.server_address[1]
    closed.server_close()  # nothing listens there any more
    refused = check_url(f"http://127.0.0.1:{port}/", timeout=TIMEOUT)
    assert (refused.status, refused.ok, refused.error) == (None, False, "connexion refusée")
    for url in ("file:///etc/passwd", "ftp://exemple.org/", "javascript:alert(1)"):
        result = check_url(url, timeout=TIMEOUT)
        assert (result.status, result.ok) == (None, False)
    assert Handler.requests == []


def test_same_url_is_requested_once(server):
    results = check_urls([server + "/live", server + "/live"], timeout=TIMEOUT, workers=2)
    assert list(results) == [server + "/live"]
    assert Handler.requests == [("HEAD", "/live")]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "args", [("--timeout", "0"), ("--timeout", "-1"), ("--timeout", "120"), ("--workers", "0"), ("--workers", "64")]
)
def test_out_of_range_options_are_refused(args):
    with pytest.raises(CommandError):
        run_command(*args)
