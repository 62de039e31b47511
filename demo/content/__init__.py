"""The demo's French texts, kept as YAML beside this module: data to read, not code.

Rich text stays HTML inside the YAML strings. Each file says at its top what it holds.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

FOLDER = Path(__file__).resolve().parent


@cache
def load(name: str) -> dict[str, Any]:
    """The content of `<name>.yaml` (pages, centres, publications, news, webinars), read once."""
    with (FOLDER / f"{name}.yaml").open(encoding="utf-8") as file:
        return yaml.safe_load(file)
