"""The test suite: PostgreSQL like production (DATABASE_URL is required), fast hashing."""

import os
import warnings

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
    raise ImproperlyConfigured("The tests run on PostgreSQL: set DATABASE_URL, or use `make test` which starts one.")

# Deprecations from Wagtail and Django are errors, also those raised while Django sets up
# (before pytest's own filterwarnings apply): an upgrade shows what to change.
for category in (DeprecationWarning, PendingDeprecationWarning):
    warnings.filterwarnings("error", category=category, module=r"(wagtail|django)(\.|$)")

DEBUG = False
SECRET_KEY = "test-only-not-secret"
ALLOWED_HOSTS = ["*"]
# The demo app (seed_demo, bench_data, demo_otp_code): never installed in production.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405
DEMO_CONTENT_ALLOWED = True
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
# Whole-page cache off: many tests move the clock or edit rows directly and then read the
# page again. tests/performance turns it on to prove it right; the data caches stay on.
PAGE_CACHE_SECONDS = 0
# Tests roll their transactions back, so no notification ever leaves them: each request reads
# the version row (tests/performance/test_version_push.py turns the listener on).
CONTENT_VERSION_LISTEN = False
# Tests read a page's images in its first answer; the per-request bound on new renditions is
# proved by tests/core/media/test_rendition_budget.py, which sets it low.
RENDITIONS_PER_REQUEST = 10_000
