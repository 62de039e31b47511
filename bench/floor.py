"""The framework floor: the home page of a bare `wagtail start` project, served uncached.

Generated at bench time from the installed Wagtail into a temporary folder, with the same
settings style as the site (its production settings: DEBUG off, hashed static files,
PostgreSQL through DATABASE_URL with persistent connections), its own database on the same
server, migrated; then bench/inprocess.py --floor measures its home page the way every page of the
site is measured, in turn with them. Every page type is reported as a ratio to its median.
"""

from __future__ import annotations

import secrets
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

PROJECT = "floorsite"
DATABASE = "rameau_floor"
LOCAL_SETTINGS = '''"""Added by bench/floor.py: the benchmark's host, secret and PostgreSQL database."""
import os

import dj_database_url

SECRET_KEY = os.environ["SECRET_KEY"]
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=60, conn_health_checks=True)}
'''


def sibling_database(url: str, name: str) -> str:
    """The same server as `url`, another database."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, parts.fragment))


def create_database(url: str, name: str) -> None:
    import psycopg

    with psycopg.connect(sibling_database(url, "postgres"), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


@dataclass
class Project:
    folder: Path
    env: dict


def prepare(python: str, base_env: dict, folder: Path) -> Project:
    """Generate the bare project into `folder`, give it its database, migrate it and collect
    its static files; bench/inprocess.py --floor then measures it from there."""
    project = folder / PROJECT
    project.mkdir()
    wagtail = Path(python).with_name("wagtail")
    subprocess.run([str(wagtail), "start", PROJECT, str(project)], check=True, capture_output=True)
    (project / PROJECT / "settings" / "local.py").write_text(LOCAL_SETTINGS)
    create_database(base_env["DATABASE_URL"], DATABASE)
    env = {
        **{k: v for k, v in base_env.items() if not k.startswith(("DJANGO_", "PAGE_CACHE"))},
        "DJANGO_SETTINGS_MODULE": f"{PROJECT}.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(40),
        "DATABASE_URL": sibling_database(base_env["DATABASE_URL"], DATABASE),
    }
    for command in (["migrate", "--noinput", "-v0"], ["collectstatic", "--noinput", "-v0"]):
        subprocess.run([python, "manage.py", *command], cwd=project, env=env, check=True)
    return Project(project, env)
