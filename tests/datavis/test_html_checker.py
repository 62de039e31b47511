"""Pages with charts, maps and the decade band pass the Nu HTML checker (vnu.jar, the W3C's
validator), run here on this machine: `make install` fetches it (scripts/ensure-system-packages)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.factories.datavis import chart, figure_chart, table
from tests.factories.pages import HistoryMilestoneFactory, HistoryPageFactory, StandardPageFactory

ROOT = Path(__file__).resolve().parents[2]
VNU = ROOT / ".venv" / "vnu" / "vnu.jar"


def vnu_errors(documents: dict[str, bytes], folder: Path) -> list[str]:
    """The checker's errors for each document, as « name: line: message »."""
    assert VNU.is_file(), f"{VNU} is missing: run `make install` (scripts/ensure-system-packages fetches it)"
    assert shutil.which("java"), "Java is missing: run `make install`"
    paths = []
    for name, content in documents.items():
        path = folder / f"{name}.html"
        path.write_bytes(content)
        paths.append(str(path))
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *paths],
        capture_output=True,
        text=True,
        timeout=120,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    return [f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m['message']}" for m in messages]


def test_the_checker_reports_real_errors(tmp_path):
    """Guards the checks below: a duplicate id and a stray attribute must be reported."""
    broken = b'<!doctype html><html lang="fr"><title>t</title><p id="a">x</p><p id="a" flou="1">y</p>'
    errors = vnu_errors({"broken": broken}, tmp_path)
    assert any("Duplicate ID" in error for error in errors) and any("flou" in error for error in errors)


@pytest.mark.django_db
def test_every_kind_of_chart_the_map_and_the_decade_band_are_valid_html(client, tmp_path):
    history = HistoryPageFactory(
        milestones=[
            HistoryMilestoneFactory.build(year=year, title=f"Étape {year}") for year in (2006, 2008, 2014, 2022)
        ]
    )
    milestone = history.milestones.first()
    body = [
        ("heading", {"text": "Nos chiffres", "level": "h2"}),
        ("chart", figure_chart({"Français": "81 %", "Maires": ("plus_de", "90 %")}, heading_level="h3")),
        ("chart", chart(chart_type="grouped_bar", table=table("Public", ["A", "B"], [["Français", 81, 69], ["Maires", 92, None]]))),
        ("chart", chart(chart_type="line", table=table("Année", ["A", "B"], [["2017", 50, 40], ["2019", 70, None], ["2021", 100, 90]]))),
        ("chart", chart(chart_type="part_of_whole", table=table("Poste", ["M€"], [["A", 70], ["B", 15], ["C", 8], ["D", 5], ["E", 2]]))),
        ("chart", chart(chart_type="part_of_whole", table=table("Poste", ["M€"], [["A", 70], ["B", 15], ["C", 8], ["D", 5], ["E", 2]]))),
        (
            "france_map",
            {
                "title": "Nos territoires",
                "summary": "Deux lieux et toute la France.",
                "places": [
                    {"name": "Alsace", "area": "ancienne-alsace", "text": "2008.", "milestone": str(milestone.pk)},
                    {"name": "Val-de-Marne", "area": "departement-94", "text": "2012."},
                    {"name": "PHARE", "area": "france", "text": "Les 13 régions.", "page": history},
                ],
            },
        ),
    ]  # fmt: skip
    page = StandardPageFactory(body=body)
    documents = {name: client.get(url).content for name, url in (("charts", page.url), ("history", history.url))}
    assert b'<nav class="decades"' in documents["history"] and documents["charts"].count(b'<figure class="chart') == 5
    assert vnu_errors(documents, tmp_path) == []


def test_the_demo_pages_with_charts_the_map_and_the_band_are_valid_html(demo_database, client, tmp_path):
    pages = {
        "home": "/",
        "mission": "/qui-sommes-nous/",
        "history": "/qui-sommes-nous/histoire/",
        "programme": "/programmes/co-construction-territoriale/",
    }
    documents = {name: client.get(path).content for name, path in pages.items()}
    assert b'class="chart__plot"' in documents["mission"] and b'class="map__svg"' in documents["programme"]
    assert vnu_errors(documents, tmp_path) == []
