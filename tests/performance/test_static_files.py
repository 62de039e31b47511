"""Static files as production serves them: hashed names, compressed, cached for a year.

The production storage (CompressedManifestStaticFilesStorage) collects the site's own files
into a throwaway folder, then WhiteNoise serves them through the real middleware stack.
"""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command
from django.templatetags.static import static
from django.test import Client

from rameau_site.settings import base

pytestmark = pytest.mark.django_db

ONE_YEAR = 365 * 24 * 3600


def test_production_uses_hashed_compressed_static_files():
    assert base.STORAGES["staticfiles"]["BACKEND"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert "whitenoise.middleware.WhiteNoiseMiddleware" in base.MIDDLEWARE


@pytest.fixture
def collected(settings, tmp_path):
    """The site's static files collected as in the Docker build (hashed, gzipped)."""
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": base.STORAGES["staticfiles"]["BACKEND"]}}
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]  # ours only: fast
    call_command("collectstatic", interactive=False, verbosity=0)
    return settings


def max_age(response) -> int:
    return int(re.search(r"max-age=(\d+)", response["Cache-Control"]).group(1))


def test_hashed_files_are_cached_for_a_year_and_served_compressed(collected):
    stylesheet = static("css/site.css")
    assert re.fullmatch(r"/static/css/site\.[0-9a-f]{12}\.css", stylesheet)
    client = Client()  # a new handler: WhiteNoise indexes the freshly collected files
    response = client.get(stylesheet, HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    assert max_age(response) >= ONE_YEAR and "immutable" in response["Cache-Control"]
    assert response["Content-Encoding"] == "gzip"


def test_pages_link_the_hashed_names(collected):
    markup = Client().get("/").content.decode()
    for name in ("css/site.css", "js/site.js"):
        assert static(name) in markup
    assert re.search(r'<script src="/static/js/site\.[0-9a-f]{12}\.js" defer>', markup)


def test_unhashed_names_are_not_cached_long(collected):
    response = Client().get("/static/css/site.css")
    assert response.status_code == 200
    assert max_age(response) < ONE_YEAR
