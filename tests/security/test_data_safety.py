"""Nothing is lost - every edit is a revision, a deleted page keeps its audit trail,
scheduled publishing happens, and make backup / make restore round-trip a real database."""

from __future__ import annotations

import datetime
import os
import shutil
import stat
import subprocess
import tarfile
import uuid
from pathlib import Path

import psycopg
import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry, Revision

from publications.models import NewsArticlePage, NewsIndexPage
from scripts.database import bin_dir
from tests.factories.publications import NewsArticlePageFactory

from .forms import article_form_data
from .servers import ROOT

COUNTED_TABLES = [
    "wagtailcore_page",
    "wagtailcore_revision",
    "wagtailcore_pagelogentry",
    "wagtailcore_modellogentry",
    "wagtailimages_image",
    "wagtaildocs_document",
]


def article_data(article: NewsArticlePage, title: str) -> dict:
    return article_form_data(article, title, f"<p>{title}</p>")


@pytest.mark.django_db
def test_every_admin_edit_is_a_revision_with_its_author(admin_client):
    article = NewsArticlePageFactory()
    edit = reverse("wagtailadmin_pages:edit", args=[article.pk])
    before = Revision.page_revisions.filter(object_id=str(article.pk)).count()
    admin_client.post(edit, article_data(article, "Première reprise"))
    admin_client.post(edit, article_data(article, "Deuxième reprise"))
    admin_client.post(edit, {**article_data(article, "Version publiée"), "action-publish": "action-publish"})
    revisions = Revision.page_revisions.filter(object_id=str(article.pk)).order_by("pk")
    assert revisions.count() == before + 3
    assert [r.content["title"] for r in revisions[before:]] == [
        "Première reprise",
        "Deuxième reprise",
        "Version publiée",
    ]
    assert {r.user.username for r in revisions[before:]} == {"editrice"}
    assert PageLogEntry.objects.filter(page_id=article.pk, action="wagtail.publish").exists()


@pytest.mark.django_db
def test_deleting_a_page_keeps_its_audit_log(admin_client):
    news = NewsIndexPage.objects.get()
    page = NewsArticlePage(title="Article voué à disparaître", slug="article-a-supprimer", summary="Bientôt supprimé.")
    news.add_child(instance=page)
    page.save_revision().publish()
    page_id = page.pk
    response = admin_client.post(reverse("wagtailadmin_pages:delete", args=[page_id]))
    assert response.status_code == 302
    assert not NewsArticlePage.objects.filter(pk=page_id).exists()
    deleted = PageLogEntry.objects.get(page_id=page_id, action="wagtail.delete")
    assert deleted.label == "Article voué à disparaître" and deleted.user.username == "editrice"
    assert PageLogEntry.objects.filter(page_id=page_id, action__in=["wagtail.create", "wagtail.publish"]).count() >= 2


@pytest.mark.django_db
def test_scheduled_publishing_goes_live_when_the_command_runs():
    news = NewsIndexPage.objects.get()
    page = NewsArticlePage(
        title="Annonce programmée", slug="annonce-programmee", summary="Paraîtra à l'heure dite.", live=False
    )
    news.add_child(instance=page)
    revision = page.save_revision()
    revision.approved_go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    revision.save()
    page.refresh_from_db()
    assert not page.live
    call_command("publish_scheduled", verbosity=0)
    page.refresh_from_db()
    assert page.live and page.title == "Annonce programmée"


def row_counts(url: str) -> dict[str, int]:
    with psycopg.connect(url) as connection:
        return {table: connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] for table in COUNTED_TABLES}


def test_backup_and_restore_round_trip_a_database(seeded_database, tmp_path, settings):
    # A copy of the run's media: other workers keep adding renditions to the shared folder.
    media_root = Path(shutil.copytree(settings.MEDIA_ROOT, tmp_path / "media"))
    media_files = sorted(p.relative_to(media_root).as_posix() for p in media_root.rglob("*") if p.is_file())
    assert media_files, "the demo content has images and documents"
    env = {**os.environ, "DATABASE_URL": seeded_database, "MEDIA_ROOT": str(media_root), "PG_BIN": str(bin_dir())}
    backup = subprocess.run(
        ["scripts/backup", str(tmp_path / "sauvegardes")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    folder = Path(backup.stdout.strip().splitlines()[-1])
    assert (folder / "database.dump").stat().st_size > 0
    # Password hashes, TOTP keys, messages: readable by the backup's owner only.
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert {stat.S_IMODE(path.stat().st_mode) for path in folder.iterdir()} == {0o600}
    with tarfile.open(folder / "media.tar.gz") as archive:
        assert sorted(m.name.removeprefix("./") for m in archive.getmembers() if m.isfile()) == media_files

    base, _, _ = seeded_database.rpartition("/")
    target_name = f"rameau_restore_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{target_name}"')
    try:
        target = f"{base}/{target_name}"
        restored_media = tmp_path / "media-restauree"
        subprocess.run(
            ["scripts/restore", str(folder)],
            cwd=ROOT,
            env={**env, "DATABASE_URL": target, "MEDIA_ROOT": str(restored_media)},
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
        original, restored = row_counts(seeded_database), row_counts(target)
        print(f"\nbackup round trip: {original}")
        assert restored == original
        assert all(
            original[table] > 0
            for table in ("wagtailcore_page", "wagtailcore_revision", "wagtailimages_image", "wagtaildocs_document")
        )
        assert (
            sorted(p.relative_to(restored_media).as_posix() for p in restored_media.rglob("*") if p.is_file())
            == media_files
        )
        # A second restore over the first one replaces, and does not duplicate, the rows.
        subprocess.run(
            ["scripts/restore", str(folder)],
            cwd=ROOT,
            env={**env, "DATABASE_URL": target, "MEDIA_ROOT": str(restored_media)},
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
        assert row_counts(target) == original
    finally:
        with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{target_name}" WITH (FORCE)')


def test_restore_refuses_a_folder_that_is_not_a_backup(tmp_path):
    result = subprocess.run(
        ["scripts/restore", str(tmp_path)],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": "postgres://nobody@127.0.0.1:1/none"},
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode != 0 and "not a backup folder" in result.stderr
