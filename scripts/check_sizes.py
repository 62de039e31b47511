"""`make lint`: the house stays in rooms of a readable size (DESIGN.md « Layout »).

No app above 3,000 lines of Python (migrations aside), and no models module above 300 lines
(it becomes a `models/` package split by role).
"""

from __future__ import annotations

import sys
from pathlib import Path

from check_dead import APPS, ROOT

APP_LIMIT = 3_000
MODELS_LIMIT = 300


def python_files(app: str) -> list[Path]:
    return [path for path in (ROOT / app).rglob("*.py") if "migrations" not in path.parts]


def main() -> int:
    problems = []
    for app in APPS:
        lines = sum(len(path.read_text().splitlines()) for path in python_files(app))
        if lines > APP_LIMIT:
            problems.append(f"{app}/ holds {lines} lines of Python (at most {APP_LIMIT}): split it by subject")
        for path in python_files(app):
            if path.name == "models.py" and len(path.read_text().splitlines()) > MODELS_LIMIT:
                problems.append(f"{path.relative_to(ROOT)} passes {MODELS_LIMIT} lines: make it a models/ package")
    if problems:
        print("\n".join(problems))
        return 1
    print("check_sizes: every app and models module within its size.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
