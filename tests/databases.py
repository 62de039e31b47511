"""The suite's databases: templates built once per run, cloned wherever a test needs its own.

PostgreSQL copies a template database file by file, in a fraction of a second, where
migrating and seeding the demo takes about half a minute. So a run migrates once into
`<name>_migrated`, seeds the demo once into `<name>_demo`, and every xdist worker, browser
test or gunicorn test starts from a copy.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg

ROOT = Path(__file__).resolve().parent.parent


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


def copy_demo_to(url: str) -> None:
    """The seeded demo into an empty database of another server (pg_dump, then pg_restore)."""
    from scripts.database import bin_dir

    dump = subprocess.run(
        [str(bin_dir() / "pg_dump"), "--format=custom", "--no-owner", f"--dbname={database_url(demo_template())}"],
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


def manage(database: str, *args: str, media_root: str) -> None:
    """Run a management command in a process of its own, against `database`."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "rameau_site.settings.test",
        "DATABASE_URL": database_url(database),
        "MEDIA_ROOT": media_root,
    }
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )
    if result.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")


def build_templates(media_root: str) -> None:
    """The migrated and the demo templates, built from scratch for this run."""
    migrated, demo = migrated_template(), demo_template()
    for name in (demo, migrated):
        drop(name)
    with _connect() as connection:
        connection.execute(f'CREATE DATABASE "{migrated}"')
    manage(migrated, "migrate", "--noinput", "-v", "0", media_root=media_root)
    clone(migrated, demo)
    manage(demo, "seed_demo", "-v", "0", media_root=media_root)
    manage(demo, "shell", "--no-imports", "-c", RENDER_EVERY_PAGE, media_root=media_root)


# Renditions (AVIF, WebP...) are made on a page's first view and cost most of it: made once
# here, they are in every copy of the template.
RENDER_EVERY_PAGE = """
from django.test import Client
from wagtail.models import Page
client = Client(SERVER_NAME="localhost")
for page in Page.objects.live().public().filter(depth__gt=1).specific():
    client.get(page.get_url())
"""
