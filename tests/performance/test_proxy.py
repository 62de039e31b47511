"""The Varnish proxy of compose.yaml (deploy/varnish/default.vcl, Debian's varnishd on a free
loopback port) in front of two gunicorn servers with the production settings: it serves
public pages from its cache, forgets them the moment a change commits, never hands one
visitor's cookie or CSRF token to another, and takes purges only from the app servers.
"""

from __future__ import annotations

import http.client
import re
import time

import pytest

from tests import databases
from tests.security.servers import PRODUCTION_HOST, gunicorn, production_environment
from tests.servers import free_port, varnish_server

from .test_two_servers import CYCLE, Visitor, database, log_in, page_id_of, publish_new_title, static_root  # noqa: F401

pytestmark = pytest.mark.django_db
PUBLIC_PATHS = ["/", "/publications/", "/centres-de-ressources/", "/webinaires/", "/recherche/?q=partenariat"]
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def purge(port: int, source: str) -> int:
    """A PURGE sent to the proxy from this loopback address."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10, source_address=(source, 0))
    try:
        connection.request("PURGE", "/", headers={"Host": PRODUCTION_HOST})
        return connection.getresponse().status
    finally:
        connection.close()


def served_twice(visitor: Visitor, port: int, path: str) -> dict:
    """Ask twice; the headers of the second answer (a hit when the proxy may keep it)."""
    visitor.request(port, path)
    return visitor.request(port, path)[1]


def test_proxy_caches_public_pages_is_purged_on_publish_and_keeps_personal_answers_apart(database, static_root):  # noqa: F811 (fixtures)
    url, device_key = database
    proxy_port = free_port()
    env = production_environment(
        url,
        static_root,
        databases.media_root(),
        SECURE_SSL_REDIRECT="false",
        FORWARDED_ALLOW_IPS="127.0.0.1",
        TRUSTED_PROXY_COUNT="1",
        FRONTEND_CACHE_URL=f"http://127.0.0.1:{proxy_port}",
    )
    with (
        gunicorn(env, workers=2) as first,
        gunicorn(env, workers=2) as second,
        varnish_server([first.port, second.port], port=proxy_port) as proxy,
    ):
        reader = Visitor()
        # A hit is Varnish's: two transaction ids in X-Varnish, an Age, the site's public lifetime.
        for path in PUBLIC_PATHS:
            headers = served_twice(reader, proxy.port, path)
            assert headers["x-cache"] == "hit", (path, headers)
            assert len(headers["x-varnish"].split()) == 2 and int(headers["age"]) >= 0
            assert headers["cache-control"] == "public, max-age=0, s-maxage=60"
            assert "set-cookie" not in headers

        # A cycle of webinars and the index that lists it: both held by the proxy. (A page
        # whose form has a StreamField cannot be edited without the admin's JavaScript.)
        path, listing = CYCLE, "/webinaires/"
        assert served_twice(reader, proxy.port, path)["x-cache"] == "hit"

        editor = Visitor()
        log_in(editor, first.port, device_key)
        title = "Cycle de webinaires renommé sur le premier serveur, vu à travers le proxy"
        publish_new_title(editor, first.port, page_id_of(url, path), title)
        published = time.monotonic()
        fresh: dict[str, float] = {}
        while len(fresh) < 2 and time.monotonic() - published < 5:
            for target in {path, listing} - set(fresh):
                if title in reader.request(proxy.port, target)[2]:
                    fresh[target] = time.monotonic() - published
        print(f"\nproxy: page fresh after {fresh.get(path, -1):.3f} s, listing after {fresh.get(listing, -1):.3f} s")
        assert set(fresh) == {path, listing} and max(fresh.values()) < 1.0, fresh
        assert served_twice(reader, proxy.port, path)["x-cache"] == "hit", "cached again once fresh"

        # The contact form's token and cookie stay with the visitor who was given them.
        tokens = set()
        visitors = [Visitor(), Visitor(), Visitor()]
        for visitor in visitors:
            for _ in range(2):
                status, headers, html = visitor.request(proxy.port, "/contact/")
                assert status == 200 and headers["x-cache"] == "pass", headers
                assert headers["cache-control"] == "private, no-store"
                tokens.add(TOKEN.search(html).group(1))
            assert "csrftoken" in visitor.cookies
        assert len(tokens) == 6, "every answer carries a token of its own"
        assert len({visitor.cookies["csrftoken"] for visitor in visitors}) == 3, (
            "and every visitor a cookie of their own"
        )

        # Staff are never served from the cache, and never cached.
        for target in ("/", path):
            status, headers, _html = editor.request(proxy.port, target)
            assert status == 200 and headers["x-cache"] == "pass" and headers["cache-control"] == "private, no-store"

        # Nothing served from the cache ever carried a cookie or a token.
        for target in [*PUBLIC_PATHS, path, "/contact/"]:
            status, headers, html = Visitor().request(proxy.port, target)
            if headers["x-cache"] == "hit":
                assert "set-cookie" not in headers and "csrfmiddlewaretoken" not in html, target

        # Purges: refused from another address (the page stays cached), taken from the app's.
        assert purge(proxy.port, "127.0.0.2") == 405
        assert reader.request(proxy.port, path)[1]["x-cache"] == "hit"
        assert purge(proxy.port, "127.0.0.1") == 200
        assert reader.request(proxy.port, path)[1]["x-cache"] == "miss"
