"""Fixtures for the security tests: the production static files and a real gunicorn."""
from __future__ import annotations

import shutil
import tempfile
from urllib.parse import quote

import pytest
from django.core.management import call_command

from .servers import collect_static


@pytest.fixture(scope="session")
def production_static_root():
    root = tempfile.mkdtemp(prefix="rameau-static-")
    collect_static(root)
    yield root
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def test_database_url(transactional_db) -> str:
    """The suite's own test database, as a URL another process (gunicorn) can open; the
    test runs outside a transaction so that what it writes is visible there."""
    from django.db import connection

    conf = connection.settings_dict
    user = quote(conf["USER"] or "")
    password = f":{quote(conf['PASSWORD'])}" if conf.get("PASSWORD") else ""
    return f"postgres://{user}{password}@{conf['HOST'] or '127.0.0.1'}:{conf['PORT'] or 5432}/{conf['NAME']}"


@pytest.fixture
def seeded_database(test_database_url, django_db_blocker) -> str:
    """The demo content, committed (live-server tests elsewhere may have emptied the tables)."""
    with django_db_blocker.unblock():
        call_command("seed_demo", verbosity=0)
    return test_database_url
