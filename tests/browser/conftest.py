"""Real headless Chromium (Debian's, never a downloaded build) against a live server of
this worker, each test on a fresh copy of the seeded demo."""

from __future__ import annotations

import os
import threading

import pytest
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
from django.core.wsgi import get_wsgi_application

from tests import databases

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORTS = {"phone": {"width": 375, "height": 812}, "desktop": {"width": 1280, "height": 900}}


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"),
        "args": CHROMIUM_ARGS,
    }


class QuietRequestHandler(WSGIRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the signature is http.server's
        """The browser's requests are the test's business, not the console's."""


@pytest.fixture(scope="session")
def live_site() -> str:
    """The site served by a threaded WSGI server in this process, as `runserver` does;
    each request closes its database connection, so the next one follows the test's database."""
    server = ThreadedWSGIServer(("127.0.0.1", 0), QuietRequestHandler)
    server.set_app(StaticFilesHandler(get_wsgi_application()))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def site_url(live_site, browser, demo_template, django_db_blocker, worker_id) -> str:
    """The live server, on a fresh copy of the demo that the test (and its server) may change.
    The browser's pages are closed before the database is locked again, so that no late
    request (a lazy image, a favicon) reaches the server after the test."""
    from django.conf import settings
    from django.db import connections

    name = f"test_{databases.base_name()}_{worker_id}_browser"
    original = settings.DATABASES["default"]["NAME"]
    with django_db_blocker.unblock():
        connections.close_all()
        databases.clone(demo_template, name)
        settings.DATABASES["default"]["NAME"] = name
        try:
            yield live_site
        finally:
            for context in browser.contexts:
                context.close()
            connections.close_all()
            settings.DATABASES["default"]["NAME"] = original
