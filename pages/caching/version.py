"""Read and change the site-wide content version (one row, one token).

Everything cached for visitors — whole pages, menus, settings, the site lookup — is filed
under the current token, so changing the token makes all of it unreachable at once, in
every worker and on every server, the moment the change commits.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.apps import apps
from django.db.models.functions import Now
from django.http import HttpRequest

ROW_ID = 1
REQUEST_ATTRIBUTE = "rameau_content_token"
# The token of the request being served (set by the page cache middleware), so code without
# the request at hand (view restrictions, querysets) does not read it again. LAZY: read it on
# first use, then keep it (the admin, which may not need it at all).
LAZY = "lazy"
current: ContextVar[str | None] = ContextVar("rameau_content_token", default=None)


def read_token() -> str:
    """The current token, straight from the database (one primary-key query).

    Plain SQL: this runs on every request, cached pages included, and the ORM would spend
    longer building the query than the database answering it.
    """
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT token FROM pages_contentversion WHERE id = %s", [ROW_ID])
        row = cursor.fetchone()
    return row[0] if row else "none"


def token_for(request: HttpRequest | None = None) -> str:
    """The token for this request, read once per request.

    It is read before any content, so whatever a request renders and files under it is at
    least as new as the token: a page can never be filed under a newer version than its own.
    """
    token = current.get()
    if token == LAZY:
        token = read_token()
        current.set(token)
    if token is not None:
        return token
    if request is None:
        return read_token()
    token = getattr(request, REQUEST_ATTRIBUTE, None)
    if token is None:
        token = read_token()
        setattr(request, REQUEST_ATTRIBUTE, token)
    return token


_table_ready = False


def _table_exists() -> bool:
    """False only while `migrate` has not yet created the table (checked until it has)."""
    global _table_ready
    if not _table_ready:
        from django.db import connection

        _table_ready = "pages_contentversion" in connection.introspection.table_names()
    return _table_ready


@contextmanager
def pinned(request: HttpRequest | None = None, lazy: bool = False) -> Iterator[None]:
    """Read the token once for a unit of work (a request, a job) and use it throughout;
    `lazy` defers the read until something needs it."""
    reset = current.set(None)
    try:
        current.set(LAZY if lazy else token_for(request))
        yield
    finally:
        current.reset(reset)


def bump() -> str:
    """Give the content a new token, inside the caller's transaction when there is one."""
    ContentVersion = apps.get_model("pages", "ContentVersion")  # the model imports this module's callers
    token = secrets.token_hex(8)
    if not _table_exists():
        return token
    if not ContentVersion.objects.filter(pk=ROW_ID).update(token=token, changed_at=Now()):
        ContentVersion.objects.update_or_create(pk=ROW_ID, defaults={"token": token})
    if current.get() is not None:
        current.set(token)  # what this unit of work caches from now on reflects its own change
    return token
