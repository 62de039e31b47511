"""A dry run says what would happen and leaves nothing behind; without a mapping file, the
defaults put posts in the news and pages under the home page."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from caching import version
from imports.models import ImportedItem
from pages.models import StandardPage
from publications.models import NewsArticlePage

from .conftest import run_import

pytestmark = pytest.mark.django_db


def media_files() -> set[str]:
    root = settings.MEDIA_ROOT
    found = set()
    for folder in ("original_images", "documents"):
        path = Path(root) / folder
        found |= {str(child) for child in path.rglob("*")} if path.is_dir() else set()
    return found


def test_a_dry_run_reports_and_writes_nothing(tmp_path, settings):
    # A media folder of its own: other tests running beside this one add files to the run's.
    settings.MEDIA_ROOT = str(tmp_path / "media")
    pages, files = Page.objects.count(), media_files()
    images, documents = get_image_model().objects.count(), get_document_model().objects.count()
    before = version.read_change()
    output, rows = run_import("--dry-run", report=tmp_path / "simulation.csv")
    assert version.read_change() == before  # its one content change went with the rest
    assert output.startswith("Simulation (--dry-run) : rien n'a été enregistré.")
    assert rows["post:20"]["status"] == "created"
    assert rows["post:20"]["new_url"].startswith("/actualites/")
    assert rows["attachment:58"]["status"] == "error"
    assert Page.objects.count() == pages
    assert (get_image_model().objects.count(), get_document_model().objects.count()) == (images, documents)
    assert not ImportedItem.objects.exists() and not Redirect.objects.exists()
    assert media_files() == files  # the files the upload forms stored were taken back


def test_without_a_mapping_posts_are_news_and_pages_standard_pages(tmp_path, client):
    before = version.read_change()
    _, rows = run_import(report=tmp_path / "rapport.csv", mapping=None)
    assert version.read_change().serial == before.serial + 1  # the whole import is one content change
    publication_post = ImportedItem.objects.get(wp_id=25).page.specific
    assert isinstance(publication_post, NewsArticlePage)  # no mapping: a post is news
    centres = ImportedItem.objects.get(wp_id=5).page.specific
    assert isinstance(centres, StandardPage) and centres.url == "/les-centres-de-ressources/"
    assert rows["page:6"]["status"] == "created"
    assert "code court [contact-form-7] retiré" in rows["page:6"]["message"]
    response = client.get("/?cat=3")
    assert (response.status_code, response["Location"]) == (301, "/actualites/")
