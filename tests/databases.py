"""The suite's databases: templates built once per run, cloned wherever a test needs its own.

PostgreSQL copies a template database file by file, in a fraction of a second, where
migrating takes seconds and seeding the demo about half a minute. So a run migrates once
into `<name>_migrated`, which every xdist worker copies (then adds the site's frame with
factories, see tests/conftest.py). The seeded demo, `<name>_demo`, is built from it only when
a test first asks for it (the demo's own tests, the browser journeys, the gunicorn tests),
by whichever worker asks first, and copied from then on.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg

ROOT = Path(__file__).resolve().parent.parent
MEDIA_ROOT_VARIABLE = "RAMEAU_TEST_MEDIA_ROOT"


def media_root() -> str:
    """The run's throwaway media folder (tests/conftest.py makes it; workers inherit it)."""
    return os.environ[MEDIA_ROOT_VARIABLE]


def server_url() -> str:
    """DATABASE_URL as `make test` (or the developer) set it."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        raise RuntimeError("The tests run on PostgreSQL: set DATABASE_URL, or use `make test` which starts one.")
    return url


def database_url(name: str) -> str:
    """The same server, another database."""
    parts = urlsplit(server_url())
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, parts.fragment))


def base_name() -> str:
    return urlsplit(server_url()).path.lstrip("/") or "rameau"


def migrated_template() -> str:
    return f"test_{base_name()}_migrated"


def demo_template() -> str:
    return f"test_{base_name()}_demo"


def _connect():
    return psycopg.connect(database_url("postgres").replace("postgres://", "postgresql://", 1), autocommit=True)


def drop(name: str) -> None:
    with _connect() as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def clone(template: str, name: str) -> str:
    """A new database `name`, a copy of `template` (dropped first if a crashed run left it)."""
    with _connect() as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}" STRATEGY FILE_COPY')
    return name


def copy_demo_to(template: str, url: str) -> None:
    """The seeded demo template into an empty database of another server (pg_dump, then pg_restore)."""
    from scripts.database import bin_dir

    dump = subprocess.run(
        [str(bin_dir() / "pg_dump"), "--format=custom", "--no-owner", f"--dbname={database_url(template)}"],
        capture_output=True,
        check=True,
        timeout=120,
    )
    subprocess.run(
        [str(bin_dir() / "pg_restore"), "--no-owner", "--exit-on-error", f"--dbname={url}"],
        input=dump.stdout,
        capture_output=True,
        check=True,
        timeout=120,
    )


def environment(database: str, media_root: str, env: dict | None = None) -> dict[str, str]:
    """What a process of its own needs to run the site's code against `database`."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "rameau_site.settings.test",
        "DATABASE_URL": database_url(database),
        "MEDIA_ROOT": media_root,
        **(env or {}),
    }


def manage(
    database: str, *args: str, media_root: str, code: Path = ROOT, stdin: str | None = None, env: dict | None = None
) -> str:
    """Run a management command in a process of its own, against `database`, with the code in
    `code` (today's by default); its output."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=code,
        env=environment(database, media_root, env),
        input=stdin,
        capture_output=True,
        text=True,
        timeout=900,
    )
    if result.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed in {code}:\n{result.stdout}\n{result.stderr}")
    return result.stdout


@contextmanager
def served(database: str, *, media_root: str) -> Iterator[str]:
    """Today's code serving `database` in a process of its own (runserver, static files
    included), for a browser; its URL. Nothing of the test process's caches reaches it."""
    import tempfile
    import urllib.request

    from tests.servers import LoggedServer, free_port

    port = free_port()
    log_path = Path(tempfile.mkstemp(prefix="rameau-runserver-", suffix=".log")[1])
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", "--noreload", "--insecure", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=environment(database, media_root),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server = LoggedServer(port, process, log_path)
    url = f"http://127.0.0.1:{port}"
    try:
        server.wait_until(lambda: urllib.request.urlopen(f"{url}/-/liveness", timeout=2).status == 200, "runserver", 60)
        yield url
    finally:
        server.stop()
        log_path.unlink(missing_ok=True)


def create(name: str) -> None:
    """An empty database `name` (dropped first if a crashed run left it)."""
    with _connect() as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def forget_caches() -> None:
    """Every cache of this process: Django's, what caching keeps in memory, and the
    content types (a database built by other migrations numbers them differently)."""
    from django.contrib.contenttypes.models import ContentType
    from django.core.cache import caches

    from caching.data import forget_in_process

    for cache in caches.all():
        cache.clear()
    forget_in_process()
    ContentType.objects.clear_cache()


@contextmanager
def serving(name: str) -> Iterator[None]:
    """The default connection (and the live server of the browser tests) on database `name`
    for the block, with fresh caches both ways."""
    from django.conf import settings
    from django.db import connections

    original = settings.DATABASES["default"]["NAME"]
    connections.close_all()
    settings.DATABASES["default"]["NAME"] = name
    forget_caches()
    try:
        yield
    finally:
        connections.close_all()
        settings.DATABASES["default"]["NAME"] = original
        forget_caches()


def build_templates(media_root: str) -> None:
    """The migrated template, built from scratch for this run; the demo's is dropped, to be
    built again on first demand (`ready_demo_template`)."""
    migrated = migrated_template()
    for name in (demo_template(), f"{demo_template()}_building", migrated):
        drop(name)
    create(migrated)
    manage(migrated, "migrate", "--noinput", "-v", "0", media_root=media_root)


# Any number will do, as long as nothing else on the server locks it.
DEMO_LOCK = 20060701


def start_demo_build(media_root: str) -> subprocess.Popen:
    """`ready_demo_template` in a process of its own, so that the demo is built while other
    tests run; a test that needs it waits on the lock, then finds it ready (or, if this build
    failed, builds it again itself and shows why)."""
    return subprocess.Popen(
        [sys.executable, "-c", "import sys; from tests.databases import ready_demo_template as r; r(sys.argv[1])"]
        + [media_root],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # a process group of its own, ended as one if the run stops first
    )


def ready_demo_template(media_root: str) -> str:
    """The seeded demo template, built by the first process of the run that needs it while
    the others wait (a PostgreSQL advisory lock); built under another name and renamed at the
    end, so that a failed build never passes for a finished one."""
    name = demo_template()
    with _connect() as connection:
        connection.execute("SELECT pg_advisory_lock(%s)", [DEMO_LOCK])
        try:
            if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
                building = clone(migrated_template(), f"{name}_building")
                manage(building, "seed_demo", "-v", "0", media_root=media_root)
                manage(building, "shell", "--no-imports", "-c", RENDER_EVERY_PAGE, media_root=media_root)
                connection.execute(f'ALTER DATABASE "{building}" RENAME TO "{name}"')
        finally:
            connection.execute("SELECT pg_advisory_unlock(%s)", [DEMO_LOCK])
    return name


# Renditions (AVIF, WebP...) are made on a page's first view and cost most of it: made once
# here, they are in every copy of the template.
RENDER_EVERY_PAGE = """
from django.test import Client
from wagtail.models import Page
client = Client(SERVER_NAME="localhost")
for page in Page.objects.live().public().filter(depth__gt=1).specific():
    client.get(page.get_url())
"""
