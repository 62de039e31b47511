"""A running copy from before pages/ was split into one app per subject, with what staff did
in it, carried forward by today's `migrate`, then `seed_demo` (what `make run` does on an
existing .pgdata/): every page answers as before, nothing staff made is lost, and the admin
lists and edits each moved type, in Chromium as staff use it.

The old copy is built by the code of the commit before the split (`git archive`), with its
own migrations and demo; tests/upgrade/ holds the scripts both codes run.
"""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests import databases
from tests.browser.staff import log_in
from tests.factories.users import PASSWORD
from tests.upgrade.moved import MOVED_PAGE_TYPES

#: The last commit before the split (issue #24).
BEFORE_THE_SPLIT = "a5070cc086d767f852427af6fd3ab31df7eb3580"
SCRIPTS = Path(__file__).resolve().parent.parent / "upgrade"
STAFF = "avant-la-migration"


@dataclass
class Upgrade:
    database: str
    media_root: str
    before: dict
    after: dict


def snapshot(database: str, media_root: str, code: Path, folder: Path) -> dict:
    path = folder / f"snapshot-{code.name}.json"
    databases.manage(
        database,
        "shell",
        media_root=media_root,
        code=code,
        stdin=(SCRIPTS / "snapshot.py").read_text(),
        env={"UPGRADE_SNAPSHOT": str(path)},
    )
    return json.loads(path.read_text())


@pytest.fixture(scope="module")
def upgrade(tmp_path_factory) -> Upgrade:
    folder = tmp_path_factory.mktemp("upgrade")
    old_code = folder / "before-the-split"
    old_code.mkdir()
    archive = subprocess.run(
        ["git", "archive", "--format=tar", BEFORE_THE_SPLIT], cwd=databases.ROOT, capture_output=True, check=True
    )
    subprocess.run(["tar", "-x", "-C", str(old_code)], input=archive.stdout, check=True)
    media_root = str(folder / "media")
    database = f"test_{databases.base_name()}_upgrade_{os.getpid()}"
    databases.create(database)
    try:
        for args in (("migrate", "--noinput", "-v", "0"), ("seed_demo", "-v", "0")):
            databases.manage(database, *args, media_root=media_root, code=old_code)
        databases.manage(
            database,
            "shell",
            media_root=media_root,
            code=old_code,
            stdin=(SCRIPTS / "staff_edits.py").read_text(),
            env={"UPGRADE_PASSWORD": PASSWORD},
        )
        before = snapshot(database, media_root, old_code, folder)
        databases.manage(database, "migrate", "--noinput", "-v", "0", media_root=media_root)
        after = snapshot(database, media_root, databases.ROOT, folder)
        # Then what `make run` does next: today's demo brought up to date.
        databases.manage(database, "seed_demo", "-v", "0", media_root=media_root)
        yield Upgrade(database, media_root, before, after)
    finally:
        databases.drop(database)


@pytest.fixture
def upgraded(upgrade, django_db_blocker, settings):
    """The default connection (and the live server) on the upgraded copy, its media in place."""
    settings.MEDIA_ROOT = upgrade.media_root
    with django_db_blocker.unblock(), databases.serving(upgrade.database):
        yield upgrade


def test_every_page_answers_as_before(upgrade):
    """Every address answers with the same status, page type and title. The text itself is not
    compared: this round changes how pages read on purpose (French no-break spaces, « à
    vérifier » markers, menus), which the tests of those features cover."""
    before, after = upgrade.before["pages"], upgrade.after["pages"]
    assert len(before) > 60

    def identity(page: dict | None) -> tuple | None:
        return page and (page["status"], page["type"], " ".join(page["title"].split()), bool(page["text"]))

    changed = {
        url: (before[url], after.get(url)) for url in before if identity(after.get(url)) != identity(before[url])
    }
    assert not changed, changed
    assert after.keys() == before.keys()
    moved = {name for names in MOVED_PAGE_TYPES.values() for name in names}
    assert moved <= {page["type"] for page in after.values()}


def test_staff_edits_history_messages_and_subscribers_are_kept(upgrade):
    before, after = upgrade.before, upgrade.after
    for key in ("types", "revisions", "drafts", "log_entries", "messages", "subscriptions", "authors", "workflows"):
        assert after[key] == before[key], key
    assert before["drafts"] == [[before["drafts"][0][0], "Résumé en brouillon, saisi avant la migration."]]
    assert any(message[:2] == ["camille@example.org", "Presse"] for message in before["messages"])
    assert any(item[0] == "abonnee@example.org" and item[2] == "confirmed" for item in before["subscriptions"])
    assert len(before["authors"]) >= 1 and len(before["workflows"]) == 1
    # Rights follow their models: the groups hold the same permissions, by model and codename.
    assert after["groups"] == before["groups"]
    assert "subscriber.manage_personal_data" in after["groups"]["Modérateurs"]


def test_the_admin_lists_and_opens_each_moved_type_and_approves_the_waiting_change(upgrade):
    output = databases.manage(
        upgrade.database,
        "shell",
        media_root=upgrade.media_root,
        stdin=(SCRIPTS / "admin_checks.py").read_text(),
        env={"UPGRADE_STAFF": STAFF},
    )
    assert output.strip().endswith("checked"), output


def test_staff_edit_and_publish_each_moved_type_in_the_browser(upgraded, page):
    from django.contrib.auth import get_user_model

    with databases.served(upgraded.database, media_root=upgraded.media_root) as live_site:
        edit_and_publish_each_moved_type(page, live_site, get_user_model().objects.get(username=STAFF))


def edit_and_publish_each_moved_type(page, live_site: str, staff) -> None:
    from django.apps import apps

    log_in(page, live_site, staff)
    for app_label, names in MOVED_PAGE_TYPES.items():
        for name in names:
            model = apps.get_model(app_label, name)
            # A page with nothing waiting: the draft and the change in moderation are the
            # other tests' to find, whichever order pytest runs them in.
            edited = model.objects.live().filter(has_unpublished_changes=False).order_by("path").first()
            title = f"{edited.title} (revu après la migration)"
            page.goto(f"{live_site}/admin/pages/{edited.pk}/edit/")
            page.fill("#id_title", title)
            page.locator("footer [data-w-dropdown-target='toggle']").first.click()
            page.get_by_role("button", name="Publier").click()
            expect(page.locator(".messages .success")).to_be_visible()
            edited.refresh_from_db()
            assert edited.title == title and edited.live, name
            page.goto(live_site + edited.url)
            expect(page.locator("h1")).to_contain_text(title)
