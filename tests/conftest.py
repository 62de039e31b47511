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
        if getattr(self, "otp_verified_on_login", True) and (user.is_staff or user.has_perm("wagtailadmin.access_admin")):
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
