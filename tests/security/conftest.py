"""Fixtures for the security tests: the production static files, a real gunicorn, and the
Site record at the public address (where links in staff e-mails must point)."""

from __future__ import annotations

import shutil
import tempfile

import pytest
from wagtail.models import Site

from tests import databases

from .servers import collect_static


@pytest.fixture(scope="session")
def production_static_root():
    root = tempfile.mkdtemp(prefix="rameau-static-")
    collect_static(root)
    yield root
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def seeded_database(demo_template, worker_id) -> str:
    """A copy of the seeded demo of the test's own, as a URL another process (gunicorn,
    pg_dump) can open; dropped afterwards."""
    name = databases.clone(demo_template, f"test_{databases.base_name()}_{worker_id}_server")
    yield databases.database_url(name)
    databases.drop(name)


@pytest.fixture
def public_site(db) -> Site:
    """The Site record at the public address, unlike WAGTAILADMIN_BASE_URL (http://testserver)."""
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "www.lerameau.fr", 443
    site.save()
    return site
