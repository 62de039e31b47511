"""A shared cache (Redis) that does not answer costs speed, never a page: every public page
is served uncached, the outage is logged once, and /-/readiness says « degraded »."""

from __future__ import annotations

import logging

import pytest

from tests.servers import free_port, redis_server

pytestmark = pytest.mark.django_db


def redis_caches(url: str, retry_after: float = 600) -> dict:
    """Both caches on Redis; the pause after a failure outlasts the test however slow the machine."""
    backend = "caching.backends.ResilientRedisCache"
    return {
        alias: {"BACKEND": backend, "LOCATION": url, "KEY_PREFIX": f"test-{alias}", "RETRY_AFTER": retry_after}
        for alias in ("default", "pages")
    }


@pytest.fixture
def unreachable_redis(settings):
    """REDIS_URL names a loopback port nothing listens on; the page cache is on, as in production."""
    url = f"redis://127.0.0.1:{free_port()}/0"
    settings.REDIS_URL = url
    settings.CACHES = redis_caches(url)
    settings.PAGE_CACHE_SECONDS = 60
    return url


def test_every_public_page_is_served_when_redis_is_unreachable(client, public_pages, unreachable_redis, caplog):
    with caplog.at_level(logging.WARNING, logger="caching.backends"):
        statuses = {name: client.get(path).status_code for name, path in public_pages.items()}
    assert set(statuses.values()) == {200}, statuses
    warnings = [record for record in caplog.records if "cache unavailable" in record.getMessage()]
    assert 1 <= len(warnings) <= 2, "one line per cache (pages, data), not one per request"


def test_readiness_reports_the_cache_degraded_but_keeps_serving(client, unreachable_redis):
    response = client.get("/-/readiness")
    assert response.status_code == 200
    assert "database: ok" in response.text and "cache: degraded" in response.text


def test_readiness_reports_a_local_cache_without_redis(client, settings):
    settings.REDIS_URL = ""
    assert "cache: local" in client.get("/-/readiness").text


def test_pages_are_cached_in_a_live_redis_and_served_after_it_stops(client, settings):
    """The control: with a real Redis, the second visit is a cache hit; once Redis stops,
    the same page is still served, uncached."""
    with redis_server() as redis:
        settings.REDIS_URL = redis.url
        settings.CACHES = redis_caches(redis.url)
        settings.PAGE_CACHE_SECONDS = 60
        assert client.get("/publications/").headers["X-Page-Cache"] == "miss"
        assert client.get("/publications/").headers["X-Page-Cache"] == "hit"
        assert "cache: ok" in client.get("/-/readiness").text
        redis.stop()
        response = client.get("/publications/")
        assert response.status_code == 200 and response.headers["X-Page-Cache"] != "hit"
        assert "cache: degraded" in client.get("/-/readiness").text


def test_every_cache_operation_answers_when_redis_is_unreachable(unreachable_redis):
    """Not only get and set: whatever the site calls answers « not cached », and a counter's
    incr answers as for a missing key (ValueError), which its callers already handle."""
    from django.core.cache import caches

    cache = caches["default"]
    assert cache.get("a") is None and cache.get("a", "défaut") == "défaut"
    assert cache.add("a", 1) is False
    cache.set("a", 1)
    assert cache.get_many(["a", "b"]) == {} and cache.set_many({"a": 1}) == ["a"]
    assert cache.get_or_set("a", 2) == 2
    assert cache.has_key("a") is False and cache.touch("a") is False and cache.delete("a") is False
    cache.delete_many(["a"])
    assert cache.clear() is False
    for operation in (cache.incr, cache.decr):
        with pytest.raises(ValueError):
            operation("a")


def test_messages_and_sign_ups_are_stored_and_limited_when_redis_is_unreachable(
    client, unreachable_redis, settings, time_machine
):
    """The form limits live in the database: with Redis away, every message and sign-up is
    stored, the sixth from one address is refused with a French 429, and nothing fails."""
    from contact.models import ContactSubmission
    from newsletters.models import Subscription
    from tests.factories.contact import ContactPageFactory
    from tests.factories.newsletters import NewsletterListFactory
    from tests.front_door import hidden_started

    ContactPageFactory()
    newsletter = NewsletterListFactory()
    time_machine.move_to("2026-03-02 09:00:00+00:00", tick=False)
    contact_token = hidden_started(client.get("/contact/").content.decode())
    sign_up_token = hidden_started(client.get("/newsletters/inscription/").content.decode())
    time_machine.shift(10)
    for number in range(settings.FORM_RATE_LIMIT + 1):
        message = {"nom": "Camille", "courriel": f"c{number}@example.org", "objet": "Presse", "message": "Bonjour."}
        sent = client.post("/contact/", {"formulaire_affiche": contact_token, **message})
        signed = client.post(
            "/newsletters/inscription/",
            {"formulaire_affiche": sign_up_token, "email": f"s{number}@example.org", "lists": [newsletter.pk]},
        )
        expected = (200, 302) if number < settings.FORM_RATE_LIMIT else (429, 429)
        assert (sent.status_code, signed.status_code) == expected, number
    assert ContactSubmission.objects.filter(spam_reason="").count() == settings.FORM_RATE_LIMIT
    assert Subscription.objects.count() == settings.FORM_RATE_LIMIT
