"""The caching proxy is purged after a change commits, once per transaction whatever the
number of changes, and once more after CONTENT_VERSION_MAX_AGE; a change rolled back sends
nothing. Debian's varnishd (deploy/varnish/default.vcl) receives the purges and counts them."""

from __future__ import annotations

import subprocess
import time

import pytest
from django.db import transaction

from tests.factories.pages import PartnerFactory
from tests.servers import free_port, varnish_server

pytestmark = pytest.mark.django_db


@pytest.fixture
def proxy(settings):
    with varnish_server([free_port()]) as server:  # no app behind it: only purges are sent here
        settings.WAGTAILFRONTENDCACHE = {
            "proxy": {"BACKEND": "caching.frontend.ProxyBackend", "LOCATION": f"http://127.0.0.1:{server.port}"}
        }
        settings.CONTENT_VERSION_MAX_AGE = 0.3
        yield server


def purges(server) -> int:
    """Bans Varnish has taken since it started (it counts one of its own at start-up)."""
    work = server.log_path.parent / "work"
    output = subprocess.run(
        ["varnishstat", "-n", str(work), "-1", "-f", "MAIN.bans_added"], capture_output=True, text=True, check=True
    ).stdout
    return int(output.split()[1]) - 1


def settled(server, seconds: float = 3.0) -> int:
    """The purge count once it has stopped moving for a second (bounded by `seconds`)."""
    deadline = time.monotonic() + seconds
    count, since = purges(server), time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.1)
        now = purges(server)
        if now != count:
            count, since = now, time.monotonic()
        elif time.monotonic() - since >= 1.0:
            break
    return count


def test_one_transaction_purges_once_then_once_more(proxy, home, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        PartnerFactory()
        PartnerFactory()
        home.save_revision().publish()
        assert purges(proxy) == 0, "nothing before the commit"
    deadline = time.monotonic() + 2
    while purges(proxy) == 0 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert purges(proxy) == 1, "one purge for the three changes, right after the commit"
    assert settled(proxy) == 2, "and one more once every server has the new version"


def test_a_rolled_back_change_purges_nothing(proxy, home, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            PartnerFactory()
            raise RuntimeError("refused")
    assert settled(proxy, seconds=1.5) == 0
    with django_capture_on_commit_callbacks(execute=True):
        PartnerFactory()
    assert settled(proxy) == 2, "the next committed change still purges"
