"""Production settings behind a real gunicorn. HTTPS is believed only when the
proxy we trust says so; a client talking to gunicorn directly cannot claim it."""

from __future__ import annotations

import tempfile

import pytest

from .servers import PRODUCTION_HOST, gunicorn, production_environment, request

SPOOFED = {"X-Forwarded-Proto": "https"}


@pytest.fixture
def production_env(seeded_database, production_static_root):
    media = tempfile.mkdtemp(prefix="rameau-media-")
    return production_environment(seeded_database, production_static_root, media)


def test_spoofed_forwarded_proto_sent_straight_to_gunicorn_is_not_https(production_env):
    # The proxy lives elsewhere (10.0.0.2); this test connects from 127.0.0.1, like any
    # client that reached gunicorn without going through the proxy.
    with gunicorn(
        {**production_env, "FORWARDED_ALLOW_IPS": "10.0.0.2", "TRUSTED_PROXY_COUNT": "1"}, workers=1
    ) as server:
        answer = request(server.port, "/", headers=SPOOFED)
        assert answer.status == 301, answer.body[:300]
        assert answer.headers["location"] == f"https://{PRODUCTION_HOST}/"
        assert "strict-transport-security" not in answer.headers


def test_forwarded_proto_from_the_trusted_proxy_is_https(production_env):
    """The control: the same request from the trusted proxy's address is served over HTTPS,
    with HSTS - so the refusal above is gunicorn's trust decision, not a broken header."""
    with gunicorn(
        {**production_env, "FORWARDED_ALLOW_IPS": "127.0.0.1", "TRUSTED_PROXY_COUNT": "1"}, workers=1
    ) as server:
        answer = request(server.port, "/", headers=SPOOFED)
        assert answer.status == 200, answer.body[:300]
        assert answer.headers["strict-transport-security"] == "max-age=31536000; includeSubDomains; preload"
        session_cookie = request(server.port, "/admin/login/", headers=SPOOFED).headers.get("set-cookie", "")
        assert "csrftoken=" in session_cookie and "Secure" in session_cookie and "HttpOnly" in session_cookie
        assert "SameSite=Lax" in session_cookie
        plain = request(server.port, "/")
        assert plain.status == 301 and plain.headers["location"].startswith("https://")


def test_gunicorn_trusts_only_a_local_proxy_by_default(monkeypatch):
    import runpy

    monkeypatch.delenv("FORWARDED_ALLOW_IPS", raising=False)
    config = runpy.run_path("rameau_site/gunicorn.conf.py")
    assert config["forwarded_allow_ips"] == "127.0.0.1"
    assert config["secure_scheme_headers"] == {"X-FORWARDED-PROTO": "https"}
    monkeypatch.setenv("FORWARDED_ALLOW_IPS", "10.0.0.2")
    assert runpy.run_path("rameau_site/gunicorn.conf.py")["forwarded_allow_ips"] == "10.0.0.2"
