"""The response headers of public pages, of the admin and of the health checks."""

from __future__ import annotations

import html5lib
import pytest

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = ["/", "/publications/", "/centres-de-ressources/", "/webinaires/", "/qui-sommes-nous/", "/actualites/"]


def csp(response) -> dict[str, list[str]]:
    """The policy as {directive: [sources]}, whatever order django-csp wrote it in."""
    policy = {}
    for part in response["Content-Security-Policy"].split(";"):
        words = part.split()
        if words:
            policy[words[0]] = words[1:]
    return policy


@pytest.mark.parametrize("path", [*PUBLIC_PAGES, "/page-qui-n-existe-pas/"])
def test_public_pages_send_a_strict_policy_and_the_other_headers(client, path):
    response = client.get(path)
    assert response.status_code in (200, 404)
    policy = csp(response)
    assert policy["default-src"] == ["'none'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["img-src"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert set(policy["frame-src"]) >= {"https://www.youtube-nocookie.com", "https://player.vimeo.com"}
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    permissions = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in permissions


def test_policy_has_no_per_request_part(client):
    """A page kept by the page cache must carry the same policy as a fresh one: no nonce."""
    first, second = client.get("/"), client.get("/")
    assert csp(first) == csp(second)
    assert "nonce-" not in first["Content-Security-Policy"]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_html_has_no_inline_script_or_style(client, path):
    """What the strict policy would block: inline scripts, <style> blocks, style attributes,
    event-handler attributes, javascript: links. JSON-LD is data, never executed."""
    document = html5lib.parse(client.get(path).content.decode(), namespaceHTMLElements=False)
    for script in document.iter("script"):
        assert script.get("src") or script.get("type") == "application/ld+json", path
    assert not list(document.iter("style")), path
    for element in document.iter():
        if not isinstance(element.tag, str):
            continue
        attributes = {name.lower(): value for name, value in element.attrib.items()}
        assert "style" not in attributes, (path, element.tag, attributes)
        assert not [name for name in attributes if name.startswith("on")], (path, element.tag)
        assert not attributes.get("href", "").lower().startswith("javascript:"), path


def test_admin_has_its_own_looser_policy(client):
    response = client.get("/admin/login/")
    policy = csp(response)
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert response["X-Content-Type-Options"] == "nosniff"
    # ...and the looser policy never leaks onto a public page.
    assert "'unsafe-inline'" not in client.get("/")["Content-Security-Policy"]


def test_liveness_needs_no_database_and_readiness_checks_it(client, django_assert_num_queries, settings):
    settings.PAGE_CACHE_SECONDS = 60  # as in production: the page cache must let /-/ through untouched
    with django_assert_num_queries(0):
        live = client.get("/-/liveness")
    assert live.status_code == 200 and live.content == b"ok\n"
    with django_assert_num_queries(1):
        ready = client.get("/-/readiness")
    assert ready.status_code == 200 and ready.text == "ok\ndatabase: ok\ncache: local\n"
    for response in (live, ready):
        assert "no-store" in response["Cache-Control"]
