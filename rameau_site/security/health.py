"""Health endpoints for the load balancer and the orchestrator.

/-/liveness says the process answers (no database: a database outage must not get
healthy workers killed); /-/readiness says it can serve pages, so it checks the database.
Neither is ever cached, by a browser, a proxy or the page cache.
"""

from __future__ import annotations

import logging

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
    return _plain("ok")
