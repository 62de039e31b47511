"""Read and change the site-wide content version (one row, one token).

Everything cached for visitors — whole pages, menus, settings, the site lookup — is filed
under the current token, so changing the token makes all of it unreachable at once, in
every worker and on every server, the moment the change commits.

Reading the row on every request would cost a cache hit one database round trip. On
PostgreSQL each process keeps the token in memory instead (`Watcher`): a thread listens on
the channel a trigger notifies when the row changes (pages' migration 0008), and reads the
row again every half-second in case a notification was lost. The token in memory is trusted
for `CONTENT_VERSION_MAX_AGE` seconds (1 s) after it was last confirmed; past that, or while
the thread has no connection, requests read the row themselves as before.
"""

from __future__ import annotations

import logging
import os
import secrets
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models.functions import Now
from django.http import HttpRequest

logger = logging.getLogger(__name__)

ROW_ID = 1
REQUEST_ATTRIBUTE = "rameau_content_token"
#: The channel the row's trigger notifies, with the new token as payload.
CHANNEL = "rameau_content_version"
#: core.ContentVersion's table, read here without the ORM (on every request).
TABLE = "core_contentversion"
SELECT_TOKEN = f"SELECT token FROM {TABLE} WHERE id = %s"
# The token of the request being served (set by the page cache middleware), so code without
# the request at hand (view restrictions, querysets) does not read it again. LAZY: read it on
# first use, then keep it (the admin, which may not need it at all).
LAZY = "lazy"
current: ContextVar[str | None] = ContextVar("rameau_content_token", default=None)


def read_token() -> str:
    """The current token, straight from the database (one primary-key query).

    Plain SQL: the ORM would spend longer building the query than the database answering it.
    """
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(SELECT_TOKEN, [ROW_ID])
        row = cursor.fetchone()
    return row[0] if row else "none"


class Watcher:
    """This process's copy of the token, kept current by PostgreSQL notifications.

    One daemon thread per process holds its own connection: `LISTEN`, then wait for
    notifications half a second at a time, reading the row between waits. Any error drops the
    copy (requests then read the row) and the thread reconnects after a pause.
    """

    def __init__(self) -> None:
        self.state: tuple[str | None, float] = (None, 0.0)  # (token, when last confirmed), swapped whole
        self.pid: int | None = None
        self.lock = threading.Lock()
        self.stopping = threading.Event()

    @staticmethod
    def max_age() -> float:
        return float(getattr(settings, "CONTENT_VERSION_MAX_AGE", 1.0))

    @staticmethod
    def enabled() -> bool:
        return bool(getattr(settings, "CONTENT_VERSION_LISTEN", False)) and (
            settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
        )

    def token(self) -> str | None:
        """The token in memory while it is fresh enough to trust, else None."""
        token, confirmed = self.state
        if token is None or self.pid != os.getpid() or time.monotonic() - confirmed > self.max_age():
            return None
        return token

    def confirm(self, token: str) -> None:
        self.state = (token, time.monotonic())

    def forget(self) -> None:
        self.state = (None, 0.0)

    def start(self) -> bool:
        """Start this process's thread once (again after a fork); False when not enabled."""
        if not self.enabled():
            return False
        with self.lock:
            if self.pid != os.getpid():
                self.pid = os.getpid()
                self.forget()
                self.stopping = threading.Event()
                threading.Thread(
                    target=self.run, args=(self.stopping,), name="rameau-content-version", daemon=True
                ).start()
        return True

    def stop(self) -> None:
        """Stop the thread; requests read the row again (tests)."""
        with self.lock:
            self.stopping.set()
            self.pid = None
            self.forget()

    def run(self, stopping: threading.Event) -> None:
        pause = 0.5
        while not stopping.is_set():
            try:
                self.listen(stopping)
                pause = 0.5
            except Exception as error:  # noqa: BLE001 - the thread must outlive any failure
                self.forget()
                logger.warning("content version: notifications interrupted, reading the row per request: %s", error)
            stopping.wait(pause)
            pause = min(pause * 2, 10.0)

    def listen(self, stopping: threading.Event) -> None:
        import psycopg

        heartbeat = self.max_age() / 2
        with psycopg.connect(**connection_parameters(), autocommit=True) as connection:
            connection.execute(f"LISTEN {CHANNEL}")
            self.confirm(self.fetch(connection))
            while not stopping.is_set():
                for notification in connection.notifies(timeout=heartbeat):
                    if notification.channel == CHANNEL and notification.payload:
                        self.confirm(notification.payload)
                self.confirm(self.fetch(connection))

    @staticmethod
    def fetch(connection) -> str:
        row = connection.execute(SELECT_TOKEN, [ROW_ID]).fetchone()
        return row[0] if row else "none"


# Django options that are not libpq connection parameters.
_DJANGO_ONLY_OPTIONS = frozenset({"isolation_level", "server_side_binding", "pool", "assume_role", "cursor_factory"})


def connection_parameters(alias: str = "default") -> dict:
    """psycopg.connect() arguments for the database Django uses, from its settings."""
    database = settings.DATABASES[alias]
    parameters = {
        "dbname": database.get("NAME") or "postgres",
        "user": database.get("USER") or None,
        "password": database.get("PASSWORD") or None,
        "host": database.get("HOST") or None,
        "port": str(database["PORT"]) if database.get("PORT") else None,
        "application_name": "rameau-content-version",
    }
    options = {k: v for k, v in (database.get("OPTIONS") or {}).items() if k not in _DJANGO_ONLY_OPTIONS}
    return {k: v for k, v in {**parameters, **options}.items() if v is not None}


watcher = Watcher()


def latest_token() -> str:
    """The token from memory while the watcher vouches for it, else from the database."""
    token = watcher.token()
    return token if token is not None else read_token()


def token_for(request: HttpRequest | None = None) -> str:
    """The token for this request, read once per request.

    It is read before any content, so whatever a request renders and files under it is at
    least as new as the token: a page can never be filed under a newer version than its own.
    """
    token = current.get()
    if token == LAZY:
        token = latest_token()
        current.set(token)
    if token is not None:
        return token
    if request is None:
        return latest_token()
    token = getattr(request, REQUEST_ATTRIBUTE, None)
    if token is None:
        token = latest_token()
        setattr(request, REQUEST_ATTRIBUTE, token)
    return token


_table_ready = False


def _table_exists() -> bool:
    """False only while `migrate` has not yet created the table (checked until it has)."""
    global _table_ready
    if not _table_ready:
        from django.db import connection

        _table_ready = TABLE in connection.introspection.table_names()
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
    """Give the content a new token, inside the caller's transaction when there is one.

    Other processes learn it from the row's notification, sent when the transaction commits;
    this one takes it at the same moment, without waiting for its own thread.
    """
    ContentVersion = apps.get_model("core", "ContentVersion")  # the model imports this module's callers
    token = secrets.token_hex(8)
    if not _table_exists():
        return token
    if not ContentVersion.objects.filter(pk=ROW_ID).update(token=token, changed_at=Now()):
        ContentVersion.objects.update_or_create(pk=ROW_ID, defaults={"token": token})
    if current.get() is not None:
        current.set(token)  # what this unit of work caches from now on reflects its own change
    if watcher.token() is not None:
        transaction.on_commit(lambda: watcher.confirm(token))
    from . import frontend

    frontend.content_changed()
    return token
