"""Chart and map block values as an editor would fill them: key figures or a typed table."""

from __future__ import annotations

from collections.abc import Iterable

from .pages import KeyFigureFactory


def table(heading: str, series: Iterable[str], rows: Iterable[Iterable]) -> dict:
    """A typed table (first column the categories, then one column of numbers per series)."""
    return {
        "columns": [
            {"type": "category", "heading": heading},
            *({"type": "number", "heading": name} for name in series),
        ],
        "rows": [{"values": list(row)} for row in rows],
        "caption": "",
    }


def chart(**fields) -> dict:
    """A chart block's value: a bar chart of two percentages from a table unless told otherwise."""
    value = {
        "title": "Qui juge nécessaire de « jouer collectif » ?",
        "heading_level": "h2",
        "chart_type": "bar",
        "summary": "Huit Français sur dix, neuf maires sur dix.",
        "figures": [],
        "table": table("Public", ["Part"], [["Français", 81], ["Maires", 92]]),
        "unit": "%",
        "source": "Observatoire d'essai",
        "source_url": "",
        "year": "2021",
        "category_title": "",
        "scale_max": None,
    }
    value.update(fields)
    return value


def figure_chart(values: dict[str, str | tuple[str, str]], **fields) -> dict:
    """A chart fed by new key figures: {short label: value, or (qualifier, value)}."""
    figures = []
    for label, value in values.items():
        qualifier, value = value if isinstance(value, tuple) else ("", value)
        figure = KeyFigureFactory(qualifier=qualifier, value=value, source="Observatoire des partenariats", year=2021)
        figures.append({"figure": figure, "label": label})
    return chart(
        figures=[{"series": "", **item} for item in figures], table=None, unit="", source="", year="", **fields
    )
