"""Shared fixtures. Each run migrates once (tests/databases.py); every xdist worker works on
its own copy, where factories build the site's frame once (tests/factories/skeleton.py), each
test's changes rolled back. Tests of the demo itself ask for `demo_database`."""

from __future__ import annotations

import os
import shutil
import signal
import tempfile

import pytest

from tests import databases
from tests.clients import StaffClient


def pytest_configure(config):
    """In the controlling process only: the media folder and the migrated template, built
    before any worker starts (workers inherit the environment)."""
    if hasattr(config, "workerinput") or os.environ.get(databases.MEDIA_ROOT_VARIABLE):
        return
    media_root = tempfile.mkdtemp(prefix="rameau-test-media-")
    os.environ[databases.MEDIA_ROOT_VARIABLE] = media_root
    config.rameau_media_root = media_root
    databases.build_templates(media_root)


def pytest_collection_finish(session):
    """When a selected test needs the seeded demo, start building its template at once, in
    the background: the other tests run meanwhile instead of waiting for it. (Each xdist
    worker sees every test: the second build waits for the first and finds it done.)"""
    if session.config.option.collectonly:
        return
    if any("demo_template" in item.fixturenames for item in session.items):
        session.config.rameau_demo_build = databases.start_demo_build(databases.media_root())


def pytest_unconfigure(config):
    build = getattr(config, "rameau_demo_build", None)
    if build is not None and build.poll() is None:  # the run ended first (interrupted, or -x)
        os.killpg(build.pid, signal.SIGTERM)  # the build and the manage.py it runs
        build.wait(timeout=30)
    media_root = getattr(config, "rameau_media_root", None)
    if media_root:
        for name in (databases.demo_template(), f"{databases.demo_template()}_building", databases.migrated_template()):
            databases.drop(name)
        shutil.rmtree(media_root, ignore_errors=True)
        os.environ.pop(databases.MEDIA_ROOT_VARIABLE, None)


@pytest.fixture(autouse=True, scope="session")
def _media_root():
    """Uploaded and generated files go to the run's throwaway folder, where the demo's are."""
    from django.conf import settings

    settings.MEDIA_ROOT = databases.media_root()


@pytest.fixture(scope="session")
def django_db_setup(_media_root, django_db_blocker, worker_id):
    """This worker's database: a copy of the migrated template, where factories build the
    site's frame (home, sections, settings, menus), committed once; dropped at the end."""
    from django.conf import settings
    from django.db import connections

    from tests.factories.skeleton import build_skeleton

    name = databases.clone(databases.migrated_template(), f"test_{databases.base_name()}_{worker_id}")
    settings.DATABASES["default"]["NAME"] = name
    with django_db_blocker.unblock():
        build_skeleton()
        databases.forget_caches()
    yield
    with django_db_blocker.unblock():
        connections.close_all()
    databases.drop(name)


@pytest.fixture(scope="session")
def demo_template() -> str:
    """The seeded demo template's name, once built (its build starts with the run, see
    pytest_collection_finish). Every fixture that copies the demo asks for it."""
    return databases.ready_demo_template(databases.media_root())


@pytest.fixture
def demo_database(request, demo_template, django_db_blocker, worker_id, settings, tmp_path) -> str:
    """A fresh copy of the seeded demo for this test alone (the demo's own tests, gunicorn
    serving the demo), the default connection pointed at it: no transaction to roll back,
    the copy is dropped afterwards. Its URL is for other processes (gunicorn, pg_dump).

    Its media are a copy too: seeding again may draw a demo image anew, and Wagtail then
    deletes that image's renditions, files every other copy of the demo refers to."""
    if request.node.get_closest_marker("django_db"):
        pytest.fail("demo_database is a database of the test's own: drop the test's django_db mark")
    settings.MEDIA_ROOT = str(shutil.copytree(databases.media_root(), tmp_path / "media"))

    name = f"test_{databases.base_name()}_{worker_id}_demo"
    with django_db_blocker.unblock():
        from django.db import connections

        connections.close_all()
        databases.clone(demo_template, name)
        try:
            with databases.serving(name):
                yield databases.database_url(name)
        finally:
            databases.drop(name)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Wagtail caches site root paths and renditions, the site its menus and pages: a
    rolled-back test must not leak them (a rollback also brings back the old content version)."""
    databases.forget_caches()
    yield
    databases.forget_caches()


@pytest.fixture
def client():
    """Django's test client, whose logins pass the second factor as staff do."""
    return StaffClient()


@pytest.fixture
def home(db):
    from pages.models import HomePage

    return HomePage.objects.get()


@pytest.fixture
def every_page_type(db):
    """{name: page}: one live page of every page type (tests/factories/site.py)."""
    from tests.factories.site import build_every_page_type

    return build_every_page_type()


def logged_in(user) -> StaffClient:
    """A client of its own, logged in (second factor passed) as `user`."""
    staff = StaffClient()
    staff.force_login(user)
    return staff


@pytest.fixture
def editor_client(db) -> StaffClient:
    """Logged in as a member of « Éditeurs »."""
    from tests.factories.users import EditorFactory

    return logged_in(EditorFactory())


@pytest.fixture
def moderator_client(db) -> StaffClient:
    """Logged in as a member of « Modérateurs »."""
    from tests.factories.users import ModeratorFactory

    return logged_in(ModeratorFactory())


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editrice", "editrice@example.org", "motdepasse-solide-2026")
    client.force_login(user)
    return client


def pytest_terminal_summary(terminalreporter):
    """What tests measured for people to read (a test's `record_property("rapport", …)`), at
    the end of the run, whichever worker ran them: the judged search queries, for one."""
    lines = [
        value
        for report in terminalreporter.stats.get("passed", []) + terminalreporter.stats.get("failed", [])
        if report.when == "call"
        for name, value in report.user_properties
        if name == "rapport"
    ]
    if lines:
        terminalreporter.section("Mesures")
        for line in lines:
            terminalreporter.write_line(line)
