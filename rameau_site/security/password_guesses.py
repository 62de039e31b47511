"""Shared passwords of private pages and documents (Wagtail's « accessible avec un mot de
passe partagé ») cannot be guessed freely: like the login, five wrong passwords from one
address within the hour, and that address waits (a French 429), whichever page it tries.

A middleware around Wagtail's own views (wagtailcore_authenticate_with_password and its
documents twin), counted in the database (core/counters.py): every server and worker shares
the count, whatever the cache does.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from core import counters
from core.antispam import client_address, too_many_requests

PASSWORD_VIEWS = {"wagtailcore_authenticate_with_password", "wagtaildocs_authenticate_with_password"}
SCOPE = "shared-password"


class SharedPasswordGuessesMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs) -> HttpResponse | None:
        match = getattr(request, "resolver_match", None)
        if request.method != "POST" or match is None or match.view_name not in PASSWORD_VIEWS:
            return None
        address = client_address(request)
        if counters.current(SCOPE, address) >= settings.AXES_FAILURE_LIMIT:
            return too_many_requests(request)
        response = view_func(request, *view_args, **view_kwargs)
        if response.status_code != 302:  # the form again: a wrong password
            counters.hit(SCOPE, address, settings.AXES_COOLOFF_TIME * 60 * 60)
        return response
