"""The sample export of demo/wordpress/, imported once per module into the test site (with the
themes and the publication type its mapping names), and helpers to run the command."""

from __future__ import annotations

import csv
import datetime
import io
from dataclasses import dataclass
from pathlib import Path

import pytest
import time_machine
from django.conf import settings
from django.core.management import call_command

from tests.factories.pages import ThemeFactory
from tests.factories.publications import PublicationTypeFactory
from tests.shared import shared_by_the_module

SAMPLE = Path(settings.BASE_DIR) / "demo" / "wordpress"
EXPORT = SAMPLE / "lerameau.wordpress.xml"
UPLOADS = SAMPLE / "uploads"
MAPPING = SAMPLE / "mapping.toml"
#: The day the tests import on: the sample's scheduled post (2031) is still to come.
IMPORT_DAY = datetime.datetime(2026, 3, 2, 10, 0, tzinfo=datetime.UTC)


def run_import(*args: str, export: Path = EXPORT, report: Path | None = None, mapping: Path | None = MAPPING):
    """`import_wordpress` as an operator runs it: (its output, the report's rows by WordPress id)."""
    out = io.StringIO()
    options = ["--uploads", str(UPLOADS), *args]
    if mapping is not None:
        options += ["--mapping", str(mapping)]
    if report is not None:
        options += ["--report", str(report)]
    with time_machine.travel(IMPORT_DAY, tick=True):
        call_command("import_wordpress", str(export), *options, stdout=out)
    rows = {}
    if report is not None:
        with report.open(encoding="utf-8-sig", newline="") as handle:
            rows = {f"{row['post_type']}:{row['wp_id']}": row for row in csv.DictReader(handle)}
    return out.getvalue(), rows


def site_taxonomies() -> None:
    """What the sample's mapping and tags point to on the new site."""
    PublicationTypeFactory(name="Cahier de recherche", name_plural="Cahiers de recherche", slug="cahier-de-recherche")
    ThemeFactory(name="Co-construction territoriale", slug="co-construction-territoriale")
    ThemeFactory(name="ODD 17 et impact", slug="odd-17")
    ThemeFactory(name="Fondations", slug="fondations")


@dataclass
class Imported:
    output: str
    rows: dict[str, dict[str, str]]  # "post_type:wp_id" -> the report's line
    report: Path
    uploads_before: list[str]
    uploads_after: list[str]


def uploads_listing() -> list[str]:
    return sorted(str(path.relative_to(UPLOADS)) for path in UPLOADS.rglob("*") if path.is_file())


@pytest.fixture(scope="module")
def imported(django_db_setup, django_db_blocker, tmp_path_factory) -> Imported:
    """The sample imported once for the module, with its report."""
    report = tmp_path_factory.mktemp("rapport") / "rapport.csv"

    def build() -> Imported:
        site_taxonomies()
        before = uploads_listing()
        output, rows = run_import(report=report)
        return Imported(output, rows, report, before, uploads_listing())

    yield from shared_by_the_module(django_db_blocker, build)
