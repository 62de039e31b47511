"""Health endpoints for the load balancer and the orchestrator.

/-/liveness says the process answers (no database: a database outage must not get
healthy workers killed); /-/readiness says it can serve pages, so it checks the database,
and reports a shared cache that does not answer as « degraded »: pages are then served
uncached, slower but whole, so the server stays in rotation (200).
Neither is ever cached, by a browser, a proxy or the page cache. Both answer whatever the
Host header (HealthCheckMiddleware, before anything that reads it): probes address a container by its IP
or service name (Docker's HEALTHCHECK, the proxy's), which ALLOWED_HOSTS rightly refuses.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)


def _plain(text: str, status: int = 200) -> HttpResponse:
    response = HttpResponse(text + "\n", content_type="text/plain; charset=utf-8", status=status)
    response["Cache-Control"] = "no-store"
    return response


@never_cache
def liveness(request: HttpRequest) -> HttpResponse:
    return _plain("ok")


@never_cache
def readiness(request: HttpRequest) -> HttpResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        logger.warning("readiness: database unavailable (%s)", error.__class__.__name__)
        response = _plain("database unavailable", status=503)
        response["Retry-After"] = "5"
        return response
    cache = shared_cache_state()
    return _plain(f"ok\ndatabase: ok\ncache: {cache}")


def shared_cache_state() -> str:
    """« ok » or « degraded » for Redis (REDIS_URL), « local » for each process's own memory."""
    if not settings.REDIS_URL:
        return "local"
    import redis

    try:
        redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=0.5, socket_timeout=0.5).ping()
    except (redis.exceptions.RedisError, OSError) as error:
        logger.warning("readiness: cache unavailable (%s)", error.__class__.__name__)
        return "degraded"
    return "ok"


class HealthCheckMiddleware:
    """Answer the two health paths before anything reads the Host header."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.views = {"/-/liveness": liveness, "/-/readiness": readiness}

    def __call__(self, request: HttpRequest) -> HttpResponse:
        view = self.views.get(request.path_info)
        return view(request) if view is not None else self.get_response(request)
