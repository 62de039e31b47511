"""The demo restored without its media, behind gunicorn with the production settings: every
public page still answers 200 without the images, documents answer the French 404, each
broken file is logged once per worker; and `scripts/restore` names what did not come back."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import uuid
from collections import Counter
from pathlib import Path
from urllib.parse import quote, urlsplit

import psycopg

from scripts.database import bin_dir
from tests import databases
from tests.core.media.files import json_ld, media_references, meta_images, png_with_wrong_header, truncated_jpeg

from .servers import ROOT, gunicorn, production_environment, request

WORKERS = 2


def files_of(url: str, table: str) -> list[tuple[int, str]]:
    with psycopg.connect(url) as connection:
        return connection.execute(f'SELECT id, file FROM "{table}" ORDER BY id').fetchall()


def spoil(media: Path, images: list[tuple[int, str]]) -> None:
    """A third of the originals missing, a third truncated, a third with a wrong header;
    no rendition and no document at all."""
    for index, (_, name) in enumerate(images):
        path = media / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if index % 3 == 1:
            path.write_bytes(truncated_jpeg())
        elif index % 3 == 2:
            path.write_bytes(png_with_wrong_header())


def public_paths(port: int) -> list[str]:
    sitemap = request(port, "/sitemap.xml")
    assert sitemap.status == 200
    return [urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap.body.decode())]


def test_the_demo_without_its_media_answers_200_everywhere(seeded_database, production_static_root, tmp_path):
    media = tmp_path / "media"
    media.mkdir()
    images = files_of(seeded_database, "wagtailimages_image")
    documents = files_of(seeded_database, "wagtaildocs_document")
    assert images and documents
    spoil(media, images)
    env = production_environment(seeded_database, production_static_root, str(media), SECURE_SSL_REDIRECT="false")

    with gunicorn(env, workers=WORKERS) as server:
        paths = public_paths(server.port)
        assert len(paths) > 20, "the demo's pages, every type among them"
        feeds: set[str] = set()
        for path in paths + ["/recherche/?q=rameau", "/recherche/?q=alliances"]:
            for _ in range(2):
                answer = request(server.port, path)
                assert answer.status == 200, (path, answer.status)
            markup = answer.body.decode()
            references = media_references(markup)
            assert references.empty_srcsets == 0, path
            assert "not-found" not in markup, path
            assert not [url for url in references.urls if url.startswith("/media/")], (
                f"{path}: an image that is not there"
            )
            assert meta_images(markup) == [], f"{path}: a share tag points to nothing"
            assert all("image" not in data for data in json_ld(markup)), (
                f"{path}: JSON-LD names an image that is not there"
            )
            feeds.update(re.findall(r'type="application/atom\+xml"[^>]*href="([^"]+)"', markup))
        assert feeds, "the library's and the news' feeds"
        for feed in feeds:
            assert request(server.port, feed).status == 200, feed

        document_id, name = documents[0]
        answer = request(server.port, f"/documents/{document_id}/{quote(Path(name).name)}")
        assert answer.status == 404
        assert "Cette page est introuvable" in answer.body.decode()
        log = server.log()

    records = [json.loads(line) for line in log.splitlines() if line.startswith("{")]
    warnings = Counter(
        re.search(r"(original_images/\S+|images/\S+|documents/\S+)", record["message"]).group(1)
        for record in records
        if record["logger"] == "core.media"
    )
    assert warnings, "each broken file is logged"
    assert max(warnings.values()) <= WORKERS, "at most once per file and worker, not once per request"
    assert not [record for record in records if record["level"] == "ERROR"], "not one error"


def test_restore_names_the_files_that_did_not_come_back(seeded_database, tmp_path):
    media = Path(shutil.copytree(databases.media_root(), tmp_path / "media"))
    images = files_of(seeded_database, "wagtailimages_image")
    documents = files_of(seeded_database, "wagtaildocs_document")
    lost_image, lost_document = images[0][1], documents[0][1]
    (media / lost_image).unlink()
    (media / lost_document).unlink()
    env = {**os.environ, "DATABASE_URL": seeded_database, "MEDIA_ROOT": str(media), "PG_BIN": str(bin_dir())}
    backup = subprocess.run(
        ["scripts/backup", str(tmp_path / "sauvegardes")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    folder = backup.stdout.strip().splitlines()[-1]

    base, _, _ = seeded_database.rpartition("/")
    target_name = f"rameau_restore_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{target_name}"')
    try:
        restored = subprocess.run(
            ["scripts/restore", folder],
            cwd=ROOT,
            env={**env, "DATABASE_URL": f"{base}/{target_name}", "MEDIA_ROOT": str(tmp_path / "media-restauree")},
            capture_output=True,
            text=True,
            timeout=180,
        )
    finally:
        with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{target_name}" WITH (FORCE)')
    assert restored.returncode == 1, restored.stderr
    assert f"{lost_image} — fichier absent" in restored.stdout
    assert f"{lost_document} — fichier absent" in restored.stdout
    assert "fichier(s) manquant(s) ou illisible(s)" in restored.stderr
    assert "files are missing or unreadable" in restored.stderr
