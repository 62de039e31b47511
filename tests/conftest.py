"""Shared fixtures. Each run builds its databases once (tests/databases.py): every xdist
worker then works on its own copy of the seeded demo, each test's changes rolled back."""

from __future__ import annotations

import os
import shutil
import tempfile

import pytest

from tests import databases

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


@pytest.fixture(autouse=True, scope="session")
def _test_client_logs_in_like_verified_staff():
    """The test client's `login()` and `force_login()` stand for a staff member who has
    passed both factors: the session carries a confirmed TOTP device, as after the real
    2FA form. `login()` also hands django-axes the request it needs, as the login view does.
    A client with `otp_verified_on_login = False` gets a password-only session, to test the
    enforcement itself. Production code is untouched: this only shapes test sessions."""
    from django.http import HttpRequest
    from django.test.client import ClientMixin

    original_login, original_force = ClientMixin.login, ClientMixin._login

    def login(self, **credentials):
        if "request" not in credentials:
            request = HttpRequest()
            request.META["REMOTE_ADDR"] = "127.0.0.1"
            credentials["request"] = request
        return original_login(self, **credentials)

    def _login(self, user, backend=None):
        original_force(self, user, backend)
        if getattr(self, "otp_verified_on_login", True) and (
            user.is_staff or user.has_perm("wagtailadmin.access_admin")
        ):
            from django_otp import DEVICE_ID_SESSION_KEY
            from django_otp.plugins.otp_totp.models import TOTPDevice

            device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
            device = device or TOTPDevice.objects.create(user=user, name="test", confirmed=True)
            session = self.session
            session[DEVICE_ID_SESSION_KEY] = device.persistent_id
            session.save()

    ClientMixin.login, ClientMixin._login = login, _login
    yield
    ClientMixin.login, ClientMixin._login = original_login, original_force


@pytest.fixture
def home(db):
    from pages.models import HomePage

    return HomePage.objects.get()


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editrice", "editrice@example.org", "motdepasse-solide-2026")
    client.force_login(user)
    return client
