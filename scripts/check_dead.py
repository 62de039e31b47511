"""`make lint`: nothing dead in the tree — every module is imported, every template and
static file is used, every test fixture is requested.

Dead code misleads the next reader more than it costs the machine; this check keeps the
tree honest. It reads the sources (and Django's page models, for their default
templates); it runs nothing else.
"""

from __future__ import annotations

import ast
import os
import re
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APPS = (
    "rameau_site",
    "core",
    "caching",
    "datavis",
    "pages",
    "people",
    "programmes",
    "contact",
    "newsletters",
    "legal",
    "search",
    "resources",
    "publications",
    "press",
    "webinars",
    "imports",
    "demo",
)
CODE_DIRS = (*APPS, "tests", "bench", "scripts")
TEMPLATE_DIRS = ("templates", *(f"{app}/templates" for app in APPS), "rameau_site/security/templates")
# Modules that Django, Wagtail or pytest load by convention, not by import.
CONVENTIONAL = re.compile(
    r"(^|/)(__init__|apps|wagtail_hooks|conftest|urls|wsgi|gunicorn\.conf|manage)\.py$"
    r"|/migrations/|/management/commands/|/templatetags/|(^|/)test_[^/]*\.py$|^(scripts|bench)/[^/]+\.py$"
    r"|/settings/"
)
TEXT = {".html", ".css", ".js", ".txt", ".xml", ".json", ".webmanifest"}
# Templates Django finds by name: error pages, the CSRF failure page.
CONVENTIONAL_TEMPLATES = {"400.html", "403.html", "403_csrf.html", "404.html", "500.html"}
# Fixtures a plugin asks for by name (overridden here): pytest-django, pytest-playwright.
PLUGIN_FIXTURES = {"django_db_setup", "browser_type_launch_args", "browser_context_args"}


def files(folders: Iterable[str], suffix: str) -> list[Path]:
    found: list[Path] = []
    for folder in folders:
        if (ROOT / folder).is_dir():
            found += sorted(
                p for p in (ROOT / folder).rglob(f"*{suffix}") if p.is_file() and "__pycache__" not in p.parts
            )
    return found


def corpus() -> str:
    """Everything that can name a module, template or static file."""
    texts = [p.read_text(errors="replace") for p in files(CODE_DIRS, ".py")]
    texts += [p.read_text(errors="replace") for p in files((*TEMPLATE_DIRS, "static"), "") if p.suffix in TEXT]
    texts += [
        (ROOT / name).read_text() for name in ("Makefile", "pyproject.toml", "Dockerfile") if (ROOT / name).exists()
    ]
    return "\n".join(texts)


def dead_modules(text: str) -> list[str]:
    dead = []
    for path in files(APPS, ".py"):
        relative = path.relative_to(ROOT).as_posix()
        if CONVENTIONAL.search(relative):
            continue
        dotted = relative.removesuffix(".py").replace("/", ".")
        package, _, name = dotted.rpartition(".")
        imported = (
            re.search(rf"\b{re.escape(dotted)}\b", text)
            or re.search(rf"from\s+{re.escape(package)}\s+import\s+[^\n]*\b{name}\b", text)
            or re.search(rf"from\s+\.+\s+import\s+[^\n]*\b{name}\b", text)
            or re.search(rf"from\s+\.+(?:[\w.]*\.)?{package.rpartition('.')[2]}\s+import\s+[^\n]*\b{name}\b", text)
            or re.search(rf"from\s+\.+{re.escape(name)}\s+import", text)
        )
        if not imported:
            dead.append(relative)
    return dead


def page_templates() -> set[str]:
    """Each page model's default template (`app/model_name.html`), which Wagtail renders unnamed."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rameau_site.settings.dev")
    os.environ.setdefault("DATABASE_URL", "sqlite://")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from wagtail.models import get_page_models

    return {model.template for model in get_page_models()}


def dead_templates(text: str) -> list[str]:
    used = page_templates() | CONVENTIONAL_TEMPLATES
    dead = []
    for folder in TEMPLATE_DIRS:
        for path in files((folder,), ".html"):
            name = path.relative_to(ROOT / folder).as_posix()
            if name not in used and name not in text:
                dead.append(f"{folder}/{name}")
    return dead


def dead_static(text: str) -> list[str]:
    dead = []
    for path in files(("static",), ""):
        if path.name in {"LICENSE", "OFL.txt", "README.md"}:
            continue
        name = path.relative_to(ROOT / "static").as_posix()
        if name not in text and path.name not in text:
            dead.append(f"static/{name}")
    return dead


def fixture_names(tree: ast.AST) -> Iterable[tuple[str, bool]]:
    """(name, autouse) of every function decorated as a pytest fixture."""
    for node in ast.walk(tree):
        if not isinstance(node, ast.FunctionDef):
            continue
        for decorator in node.decorator_list:
            source = ast.unparse(decorator)
            if "fixture" in source:
                yield node.name, "autouse=True" in source


def dead_fixtures() -> list[str]:
    defined: dict[str, str] = {}
    requested: set[str] = set()
    for path in files(("tests",), ".py"):
        source = path.read_text()
        tree = ast.parse(source)
        for name, autouse in fixture_names(tree):
            if not autouse and name not in PLUGIN_FIXTURES:
                defined[name] = path.relative_to(ROOT).as_posix()
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef):
                requested.update(arg.arg for arg in node.args.args)
        requested.update(re.findall(r"""(?:usefixtures|getfixturevalue)\(\s*["'](\w+)""", source))
    return sorted(f"{where}: {name}" for name, where in defined.items() if name not in requested)


def main() -> int:
    text = corpus()
    findings = {
        "modules nobody imports": dead_modules(text),
        "templates nothing renders": dead_templates(text),
        "static files nothing links": dead_static(text),
        "fixtures no test requests": dead_fixtures(),
    }
    dead = {kind: items for kind, items in findings.items() if items}
    for kind, items in dead.items():
        print(f"{kind}:")
        for item in items:
            print(f"  {item}")
    if dead:
        return 1
    print("check_dead: nothing dead (modules, templates, static files, fixtures).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
