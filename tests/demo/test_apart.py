"""The demo stays apart: the site's apps never import it and hold no demo code of their own,
so production, which does not install it, loses nothing."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.databases import ROOT

PRODUCTION_APPS = ["pages", "resources", "publications", "webinars", "rameau_site"]


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("app", PRODUCTION_APPS)
def test_production_apps_never_import_the_demo(app):
    offenders = {
        str(path.relative_to(ROOT))
        for path in (ROOT / app).rglob("*.py")
        if any(name == "demo" or name.startswith("demo.") for name in imported_modules(path))
    }
    assert not offenders


@pytest.mark.parametrize("app", PRODUCTION_APPS)
def test_production_apps_hold_no_demo_module(app):
    assert not [str(path.relative_to(ROOT)) for path in (ROOT / app).rglob("*demo*") if "__pycache__" not in path.parts]
