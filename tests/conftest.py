"""Shared fixtures. Each run builds its databases once (tests/databases.py): every xdist
worker then works on its own copy of the seeded demo, each test's changes rolled back."""

from __future__ import annotations

import os
import shutil
import tempfile

import pytest

from tests import databases
from tests.clients import StaffClient

MEDIA_ROOT_VARIABLE = "RAMEAU_TEST_MEDIA_ROOT"


def pytest_configure(config):
    """In the controlling process only: the media folder and the template databases, built
    before any worker starts (workers inherit the environment)."""
    if hasattr(config, "workerinput") or os.environ.get(MEDIA_ROOT_VARIABLE):
        return
    media_root = tempfile.mkdtemp(prefix="rameau-test-media-")
    os.environ[MEDIA_ROOT_VARIABLE] = media_root
    config.rameau_media_root = media_root
    databases.build_templates(media_root)


def pytest_unconfigure(config):
    media_root = getattr(config, "rameau_media_root", None)
    if media_root:
        for name in (databases.demo_template(), databases.migrated_template()):
            databases.drop(name)
        shutil.rmtree(media_root, ignore_errors=True)
        os.environ.pop(MEDIA_ROOT_VARIABLE, None)


@pytest.fixture(autouse=True, scope="session")
def _media_root():
    """Uploaded and generated files go to the run's throwaway folder, where the demo's are."""
    from django.conf import settings

    settings.MEDIA_ROOT = os.environ[MEDIA_ROOT_VARIABLE]


@pytest.fixture(scope="session")
def django_db_setup(django_db_blocker, worker_id):
    """This worker's database: a copy of the seeded demo, dropped at the end."""
    from django.conf import settings
    from django.db import connections

    name = databases.clone(databases.demo_template(), f"test_{databases.base_name()}_{worker_id}")
    settings.DATABASES["default"]["NAME"] = name
    yield
    with django_db_blocker.unblock():
        connections.close_all()
    databases.drop(name)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Wagtail caches site root paths and renditions, the site its menus and pages: a
    rolled-back test must not leak them (a rollback also brings back the old content version)."""
    from django.core.cache import caches

    from pages.caching.data import forget_in_process

    for cache in caches.all():
        cache.clear()
    forget_in_process()
    yield
    for cache in caches.all():
        cache.clear()
    forget_in_process()


@pytest.fixture
def client():
    """Django's test client, whose logins pass the second factor as staff do."""
    return StaffClient()


@pytest.fixture
def home(db):
    from pages.models import HomePage

    return HomePage.objects.get()


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editrice", "editrice@example.org", "motdepasse-solide-2026")
    client.force_login(user)
    return client
