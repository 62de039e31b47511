"""Read and change the site-wide content version (one row, one token).

Everything cached for visitors — whole pages, menus, settings, the site lookup — is filed
under the current token, so changing the token makes all of it unreachable at once, in
every worker and on every server, the moment the change commits.

Reading the row on every request would cost a cache hit one database round trip. On
PostgreSQL each process keeps the token in memory instead (`Watcher`): a thread listens on
the channel a trigger notifies when the row changes (pages' migration 0008, core's 0003),
and reads the row again every half-second in case a notification was lost. The token in
memory is trusted for `CONTENT_VERSION_MAX_AGE` seconds (1 s) after it was last confirmed;
past that, or while the thread has no connection, requests read the row themselves.

A new version is not handed to visitors the moment it is heard: the process first prepares
it (rameau_site/warming.py: the library's catalogue brought up to date, the changed page,
its listing and the home page rendered), so that no visitor pays for rebuilding what a
publication made stale. Visitors get it once it is ready, and in any case
`CONTENT_VERSION_WARM_SECONDS` (0.6 s) after it was committed: other servers still show a
change within the same second, with 0.4 s left to serve it on a busy machine (at 0.8 s, a
suite loading both cores once saw a listing fresh after 1.06 s through the proxy). Staff
(any session) and the admin get the newest version at once: an editor always sees what
they just published.

The row also tells what its last transaction changed (`Change`), so that data such as the
catalogue can be updated from the previous version instead of rebuilt.

A long unit of work that changes thousands of rows in one transaction (the WordPress import)
counts as one change with `deferred()`: the row is written once, at the end, instead of at
every save.
"""

from __future__ import annotations

import logging
import os
import secrets
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.db import DatabaseError, connections, transaction
from django.db.models import F
from django.db.models.functions import Now
from django.http import HttpRequest
from django.utils import timezone

from . import scopes

logger = logging.getLogger(__name__)

ROW_ID = 1
REQUEST_ATTRIBUTE = "rameau_content_token"
#: A WSGI environ key (never a header: those are HTTP_…) pinning a request to a version not yet
#: served to visitors, for the pages this process prepares (rameau_site/warming.py).
PINNED_ENVIRON = "rameau.content_token"
#: The channel the row's trigger notifies, with « serial since token changes » as payload.
CHANNEL = "rameau_content_version"
#: core.ContentVersion's table, read here without the ORM (on every request).
TABLE = "core_contentversion"
SELECT_TOKEN = f"SELECT token FROM {TABLE} WHERE id = %s"
SELECT_CHANGE = (
    f"SELECT token, serial, since, changes, extract(epoch FROM clock_timestamp() - changed_at)"
    f" FROM {TABLE} WHERE id = %s"
)
#: What a change item says when anything may have changed (and what a bare bump() records).
EVERYTHING = "*"
#: Longest list of changes the row keeps for one transaction; past it, anything may have changed.
MAX_CHANGES = 4000
#: core.ContentChange's table: what each of the last transactions changed.
JOURNAL = "core_contentchange"
#: Transactions kept in the journal.
JOURNAL_LENGTH = 1000
# One statement, under the row's lock (transactions that change content take turns here, so
# the serials of committed transactions follow each other). The first change of a transaction
# starts its list, the next ones add to it; a savepoint rolled back takes its part with it.
# The journal keeps the transaction's entry (keyed by the serial before it) in step.
BUMP = f"""
WITH bumped AS (
    UPDATE {TABLE} SET
        token = %(token)s,
        changed_at = clock_timestamp(),
        changes = CASE
            WHEN xid <> txid_current() THEN
                CASE WHEN length(%(items)s) >= %(max)s THEN '*' ELSE %(items)s END
            WHEN changes = '*' OR %(items)s = '*' THEN '*'
            WHEN position(' ' || %(items)s || ' ' IN ' ' || changes || ' ') > 0 THEN changes
            WHEN length(changes) + length(%(items)s) >= %(max)s THEN '*'
            ELSE changes || ' ' || %(items)s
        END,
        since = CASE WHEN xid = txid_current() THEN since ELSE serial END,
        serial = serial + 1,
        xid = txid_current()
    WHERE id = %(id)s
    RETURNING serial, since, changes, changed_at
), pruned AS (
    DELETE FROM {JOURNAL} WHERE since < (SELECT serial FROM bumped) - %(length)s
)
INSERT INTO {JOURNAL} (since, serial, token, items, at)
    SELECT since, serial, %(token)s, changes, changed_at FROM bumped
ON CONFLICT (since) DO UPDATE SET
    serial = EXCLUDED.serial, token = EXCLUDED.token, items = EXCLUDED.items, at = EXCLUDED.at
RETURNING serial, since, items
"""
# The token of the request being served (set by the page cache middleware), so code without
# the request at hand (view restrictions, querysets) does not read it again. LAZY: read it on
# first use, then keep it (the admin, which may not need it at all).
LAZY = "lazy"
LAZY_NEWEST = "lazy-newest"
current: ContextVar[str | None] = ContextVar("rameau_content_token", default=None)


@dataclass
class Held:
    """The changes a `deferred()` block has made so far, written as one when it ends."""

    token: str  # the token the block's single bump will write
    items: set[str]
    count: int = 0  # bumps held so far

    def provisional(self) -> str:
        """The token this block reads meanwhile: new at each change (what it caches stays
        fresh for itself) and never the one of a committed version (nothing it caches from
        its uncommitted rows can reach another process)."""
        return f"{self.token}.{self.count}"


held: ContextVar[Held | None] = ContextVar("rameau_content_held", default=None)


@dataclass(frozen=True)
class Change:
    """A committed content version: its token, its serial, the serial before its transaction
    (`since`) and what that transaction touched (`items`: « p12 » for page 12, model labels,
    « * » for anything). Serial -1: unknown (a row or payload from before core's 0003)."""

    token: str
    serial: int = -1
    since: int = -1
    items: frozenset[str] = frozenset({EVERYTHING})

    @classmethod
    def parse(cls, payload: str) -> Change:
        """From a notification: « serial since token changes… », or a bare token."""
        parts = payload.split()
        if len(parts) >= 3 and all(part.lstrip("-").isdigit() for part in parts[:2]):
            return cls(parts[2], int(parts[0]), int(parts[1]), frozenset(parts[3:]) or frozenset({EVERYTHING}))
        return cls(payload.strip())

    @classmethod
    def of_row(cls, token: str, serial: int, since: int, changes: str) -> Change:
        return cls(token, int(serial), int(since), frozenset(changes.split()) or frozenset({EVERYTHING}))

    @property
    def everything(self) -> bool:
        return self.serial < 0 or EVERYTHING in self.items

    def page_ids(self) -> set[int]:
        """The pages this change touched (a page's own change or one of its rows)."""
        return {int(item[1:]) for item in self.items if item[:1] == "p" and item[1:].isdigit()}

    def labels(self) -> set[str]:
        """The models (other than pages) whose rows changed, as « app.model »."""
        return {item for item in self.items if "." in item}

    def after(self, earlier: Change) -> Change:
        """This change and `earlier` as one, from before `earlier` to this one: exact when this
        one follows it (or continues its transaction), « anything » when some were missed."""
        if earlier.serial < 0 or self.serial < 0:
            return Change(self.token)
        if self.since == earlier.since and self.serial >= earlier.serial:  # the same transaction, further on
            return self
        if self.since == earlier.serial:
            return Change(self.token, self.serial, earlier.since, earlier.items | self.items)
        return Change(self.token, self.serial, earlier.since, frozenset({EVERYTHING}))


def read_token() -> str:
    """The current token, straight from the database (one primary-key query).

    Plain SQL: the ORM would spend longer building the query than the database answering it.
    """
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(SELECT_TOKEN, [ROW_ID])
        row = cursor.fetchone()
    return row[0] if row else "none"


def read_change() -> Change:
    """The current version and what its transaction changed, from the database."""
    ContentVersion = apps.get_model("core", "ContentVersion")
    row = ContentVersion.objects.filter(pk=ROW_ID).values_list("token", "serial", "since", "changes").first()
    return Change.of_row(*row) if row else Change("none")


def changes_since(serial: int) -> Change | None:
    """Every change committed after `serial`, as one (up to the newest), from the journal; None
    when the journal no longer reaches back that far (or never knew it)."""
    ContentChange = apps.get_model("core", "ContentChange")
    if serial < 0:
        return None
    rows = ContentChange.objects.filter(since__gte=serial).order_by("since")
    merged: Change | None = None
    expected = serial
    for since, later, token, items in rows.values_list("since", "serial", "token", "items"):
        if since != expected:
            return None
        change = Change.of_row(token, later, since, items)
        merged = change if merged is None else change.after(merged)
        expected = later
    return merged


def warm_seconds() -> float:
    """How long visitors may keep the previous version while a new one is prepared."""
    return float(getattr(settings, "CONTENT_VERSION_WARM_SECONDS", 0.6))


class Watcher:
    """This process's copy of the token, kept current by PostgreSQL notifications.

    One daemon thread per process holds its own connection: `LISTEN`, then wait for
    notifications half a second at a time, reading the row between waits. Any error drops the
    copy (requests then read the row) and the thread reconnects after a pause. Each new
    version is told to `listeners` (the preparer of rameau_site/warming.py), which call
    `prepared()` when visitors may have it.
    """

    def __init__(self) -> None:
        self.newest: Change | None = None  # the newest committed version heard of
        self.confirmed = 0.0  # when the thread last confirmed it (monotonic)
        self.serving: str | None = None  # the token visitors get
        self.deadline = 0.0  # when visitors get `newest`, prepared or not
        self.pid: int | None = None
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.listeners: list[Callable[[Change], None]] = []

    @staticmethod
    def max_age() -> float:
        return float(getattr(settings, "CONTENT_VERSION_MAX_AGE", 1.0))

    @staticmethod
    def enabled() -> bool:
        return bool(getattr(settings, "CONTENT_VERSION_LISTEN", False)) and (
            settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
        )

    def fresh(self) -> bool:
        return (
            self.newest is not None and self.pid == os.getpid() and time.monotonic() - self.confirmed <= self.max_age()
        )

    def running(self) -> bool:
        return self.newest is not None and self.pid == os.getpid()

    def token(self) -> str | None:
        """The token for visitors while the copy is fresh enough to trust, else None: the
        newest once prepared or past its deadline, the one before meanwhile."""
        newest, serving = self.newest, self.serving
        if not self.fresh() or newest is None:
            return None
        if serving != newest.token and time.monotonic() >= self.deadline:
            self.serving = serving = newest.token
        return serving

    def newest_token(self) -> str | None:
        """The newest token while the copy is fresh (staff, the admin), else None."""
        newest = self.newest
        return newest.token if newest is not None and self.fresh() else None

    def heard(self, change: Change, age: float = 0.0) -> None:
        """A version committed `age` seconds ago (by the database's clock): trusted from now
        on, served to visitors once prepared, and at the latest `warm_seconds()` after it
        was committed."""
        with self.lock:
            now = time.monotonic()
            previous = self.newest
            self.confirmed = now
            if previous is not None and previous.token == change.token:
                return
            scopes.heard(change)
            self.newest = change
            self.deadline = now + max(0.0, warm_seconds() - age)
            if previous is None or not self.listeners or self.deadline <= now:
                self.serving = change.token
                return
        for listener in self.listeners:
            listener(change)

    def prepared(self, token: str) -> None:
        """Visitors may have this version now (it is ready), if it is still the newest."""
        newest = self.newest
        if newest is not None and newest.token == token:
            self.serving = token

    def confirm(self, token: str) -> None:
        """This token is current, whatever changed (tests; a payload without a change)."""
        self.heard(Change(token))

    def forget(self) -> None:
        with self.lock:
            self.newest, self.serving, self.confirmed = None, None, 0.0

    def start(self) -> bool:
        """Start this process's thread once (again after a fork); False when not enabled."""
        if not self.enabled():
            return False
        with self.lock:
            if self.pid != os.getpid():
                self.pid = os.getpid()
                self.newest, self.serving, self.confirmed = None, None, 0.0
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
            self.heard(*self.fetch(connection))
            while not stopping.is_set():
                for notification in connection.notifies(timeout=heartbeat):
                    if notification.channel == CHANNEL and notification.payload:
                        self.heard(Change.parse(notification.payload))
                self.heard(*self.fetch(connection))

    @staticmethod
    def fetch(connection) -> tuple[Change, float]:
        """The row as it is now, and how long ago it changed (seconds, database clock)."""
        row = connection.execute(SELECT_CHANGE, [ROW_ID]).fetchone()
        if not row:
            return Change("none"), 0.0
        token, serial, since, changes, age = row
        return Change.of_row(token, serial, since, changes), float(age or 0.0)


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


def latest_token(newest: bool = False) -> str:
    """The token from memory while the watcher vouches for it, else from the database:
    the one visitors get, or with `newest` the newest committed (staff)."""
    deferring = held.get()
    if deferring is not None:
        return deferring.provisional()
    token = watcher.newest_token() if newest else watcher.token()
    return token if token is not None else read_token()


def token_for(request: HttpRequest | None = None) -> str:
    """The token for this request, read once per request.

    It is read before any content, so whatever a request renders and files under it is at
    least as new as the token: a page can never be filed under a newer version than its own.
    """
    token = current.get()
    if token in (LAZY, LAZY_NEWEST):
        token = latest_token(newest=token == LAZY_NEWEST)
        current.set(token)
    if token is not None:
        return token
    if request is None:
        return latest_token()
    token = getattr(request, REQUEST_ATTRIBUTE, None)
    if token is None:
        token = request.META.get(PINNED_ENVIRON) or latest_token()
        setattr(request, REQUEST_ATTRIBUTE, token)
    return token


_table_ready = False
_journal_ready = False


def _table_exists() -> bool:
    """False only while `migrate` has not yet created the table (checked until it has)."""
    global _table_ready
    if not _table_ready:
        from django.db import connection

        _table_ready = TABLE in connection.introspection.table_names()
    return _table_ready


def _journal_exists() -> bool:
    """False only while `migrate` has not yet given the row its list of changes (core's 0003)."""
    global _journal_ready
    if not _journal_ready:
        from django.db import connection

        with connection.cursor() as cursor:
            columns = {column.name for column in connection.introspection.get_table_description(cursor, TABLE)}
        _journal_ready = "serial" in columns
    return _journal_ready


@contextmanager
def pinned(request: HttpRequest | None = None, lazy: bool = False, newest: bool = False) -> Iterator[None]:
    """Read the token once for a unit of work (a request, a job) and use it throughout;
    `lazy` defers the read until something needs it; `newest` takes the newest version even
    while it is being prepared for visitors (staff)."""
    reset = current.set(None)
    try:
        if lazy:
            current.set(LAZY_NEWEST if newest else LAZY)
        elif request is not None and request.META.get(PINNED_ENVIRON):
            current.set(request.META[PINNED_ENVIRON])
        elif newest:
            current.set(latest_token(newest=True))
        else:
            current.set(token_for(request))
        yield
    finally:
        current.reset(reset)


@contextmanager
def pinned_to(token: str) -> Iterator[None]:
    """Work under this token, whatever visitors get now (preparing it: warming.py)."""
    reset = current.set(token)
    try:
        yield
    finally:
        current.reset(reset)


@contextmanager
def deferred() -> Iterator[None]:
    """Count every content change inside as one: `bump()` only notes what changed, and the
    row is written once when the block ends, in the caller's transaction (its trigger then
    notifies other processes once, at the commit). Meant for a long transaction that saves
    thousands of rows (an import): the row, rewritten at each save, is the transaction's
    busiest and grows slower with every rewrite.

    Inside, this process reads a provisional token that changes with every change, so what
    it caches stays fresh for itself and is never filed under a committed version. A block
    left by an exception still writes its changes if it can (without a transaction, they
    are already committed); a nested block adds to the outer one. The list may name a
    change a savepoint rolled back since: it says what may have changed, and more is safe.
    """
    if held.get() is not None:
        yield
        return
    block = Held(secrets.token_hex(8), set())
    reset = held.set(block)
    try:
        yield
    except BaseException:
        held.reset(reset)
        if block.count:
            _write_after_failure(block)
        raise
    held.reset(reset)
    if block.count:
        _write(block.token, block.items)


def _write_after_failure(block: Held) -> None:
    """The held changes of a block left by an exception, in a savepoint of its own: a
    transaction already broken will be rolled back, changes and all."""
    try:
        with transaction.atomic():
            _write(block.token, block.items)
    except DatabaseError as error:
        logger.warning("content version: held changes not written (%s)", error)


def bump(*items: str) -> str:
    """Give the content a new token, inside the caller's transaction when there is one;
    `items` say what changed (« p12 », « app.model »), nothing meaning anything may have.

    Other processes learn it from the row's notification, sent when the transaction commits;
    this one hears it at the same moment, without waiting for its own thread. Inside
    `deferred()` it only notes the change and returns the token the block will write.
    """
    block = held.get()
    if block is not None:
        block.items.update(items or (EVERYTHING,))
        block.count += 1
        if current.get() is not None:
            current.set(block.provisional())
        return block.token
    return _write(secrets.token_hex(8), set(items))


def _write(token: str, items: set[str]) -> str:
    """One bump of the row to `token`, with what changed (empty or « * »: anything)."""
    ContentVersion = apps.get_model("core", "ContentVersion")  # the model imports this module's callers
    if not _table_exists():
        return token
    listed = EVERYTHING if not items or EVERYTHING in items else " ".join(sorted(items))
    if len(listed) >= MAX_CHANGES:
        listed = EVERYTHING
    connection = connections["default"]
    row = None
    if not _journal_exists():  # during `migrate`, before core's 0003
        ContentVersion.objects.filter(pk=ROW_ID).update(token=token)
        return token
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            parameters = {"token": token, "items": listed, "max": MAX_CHANGES, "id": ROW_ID, "length": JOURNAL_LENGTH}
            cursor.execute(BUMP, parameters)
            row = cursor.fetchone()
    elif ContentVersion.objects.filter(pk=ROW_ID).update(
        token=token, changed_at=Now(), since=F("serial"), serial=F("serial") + 1, changes=listed
    ):  # SQLite: each change on its own in the journal
        row = ContentVersion.objects.filter(pk=ROW_ID).values_list("serial", "since", "changes").get()
        apps.get_model("core", "ContentChange").objects.update_or_create(
            since=row[1], defaults={"serial": row[0], "token": token, "items": row[2], "at": timezone.now()}
        )
    if row is None:
        ContentVersion.objects.update_or_create(pk=ROW_ID, defaults={"token": token, "changes": EVERYTHING})
        change = Change(token)
    else:
        change = Change.of_row(token, *row)
    if current.get() is not None:
        current.set(token)  # what this unit of work caches from now on reflects its own change
    if watcher.running():
        transaction.on_commit(lambda: watcher.heard(change))
    from . import frontend

    frontend.content_changed()
    return change.token
