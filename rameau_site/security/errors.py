"""The server-error handler: a database outage is a 503 with Retry-After, not a 500.

Django calls handler500 inside its `except` block, from any layer (view or middleware),
so the exception being handled is still at hand. When it is a lost or refused database
connection, visitors get templates/503.html: static, rendered without a request context so
that nothing in it touches the database.
"""

from __future__ import annotations

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token
from django.views.defaults import server_error as django_server_error

RETRY_AFTER_SECONDS = 30
DATABASE_DOWN = (OperationalError, InterfaceError)


def database_is_down(error: BaseException | None) -> bool:
    """True for the database errors that mean 'no connection', wherever they were wrapped."""
    while error is not None:
        if isinstance(error, DATABASE_DOWN):
            return True
        error = error.__cause__ or error.__context__
    return False


def service_unavailable() -> HttpResponse:
    body = loader.get_template("503.html").render()
    response = HttpResponse(body, status=503, content_type="text/html; charset=utf-8")
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


@requires_csrf_token
def server_error(request: HttpRequest, template_name: str = "500.html") -> HttpResponse:
    if database_is_down(sys.exc_info()[1]):
        return service_unavailable()
    try:
        return django_server_error(request, template_name=template_name)
    except Exception:  # the 500 page itself failed: still answer something
        return HttpResponseServerError("<h1>Erreur du serveur</h1>", content_type="text/html; charset=utf-8")
