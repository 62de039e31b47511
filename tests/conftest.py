"""Shared fixtures: the demo content, seeded once into the PostgreSQL test database."""
from __future__ import annotations

import shutil
import tempfile

import pytest
from django.core.management import call_command

_MEDIA_ROOT = tempfile.mkdtemp(prefix="rameau-test-media-")


@pytest.fixture(autouse=True, scope="session")
def _media_root():
    """Uploaded and generated files go to a throwaway folder, removed after the run."""
    from django.conf import settings

    settings.MEDIA_ROOT = _MEDIA_ROOT
    yield
    shutil.rmtree(_MEDIA_ROOT, ignore_errors=True)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, _media_root):
    """Every database test starts from the demo site; each test's changes are rolled back."""
    with django_db_blocker.unblock():
        call_command("seed_demo", verbosity=0)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Wagtail caches site root paths and renditions; a rolled-back test must not leak them."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home(db):
    from pages.models import HomePage

    return HomePage.objects.get()


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editrice", "editrice@example.org", "motdepasse-solide-2026")
    client.force_login(user)
    return client
