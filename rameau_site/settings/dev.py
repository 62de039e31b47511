"""Local development and the `make run` demo: SQLite by default, debug on."""

import os

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-not-secret-0f4c1d7e9b2a")
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
# The demo app (seed_demo, bench_data, demo_otp_code): never installed in production.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405
DEMO_CONTENT_ALLOWED = True
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Template edits show at once while developing; PAGE_CACHE_SECONDS=60 tries the page cache.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "0"))
