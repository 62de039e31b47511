"""What a chart shows, whatever fed it: categories, one or more series of numbers, the words
written beside each number, the unit and the sources.

A chart is fed either by key figures (snippets that carry their own source and year) or by a
small table typed in the admin; both end here, so drawing and the data table never care which.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

from .numbers import parse_figure, with_unit

BAR, GROUPED_BAR, LINE, PART_OF_WHOLE = "bar", "grouped_bar", "line", "part_of_whole"
KINDS = [
    (BAR, "Barres : une valeur par catégorie"),
    (GROUPED_BAR, "Barres groupées : plusieurs séries par catégorie"),
    (LINE, "Courbe : une évolution d'année en année"),
    (PART_OF_WHOLE, "Répartition : les parts d'un total, sur une barre"),
]
MISSING = "n. d."  # « non disponible », for a cell left empty


class Figure(Protocol):
    """What a chart reads from a key figure (pages.KeyFigure, passed in by the pages app)."""

    value: str
    label: str
    year: int | None
    source: str
    source_url: str
    display_value: str


@dataclass
class Series:
    name: str
    values: list[float | None]
    labels: list[str]  # what is written beside each value: « 81 % », « plus de 500 »


@dataclass
class Source:
    text: str
    year: str = ""
    url: str = ""


@dataclass
class ChartData:
    categories: list[str]
    series: list[Series]
    unit: str = ""
    category_heading: str = "Catégorie"
    sources: list[Source] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # what the editor must fix

    @property
    def values(self) -> list[float]:
        return [value for series in self.series for value in series.values if value is not None]

    def table_rows(self) -> list[tuple[str, list[str]]]:
        """Each category and the words for its values, as the data table shows them."""
        return [
            (category, [series.labels[index] or MISSING for series in self.series])
            for index, category in enumerate(self.categories)
        ]

    @property
    def series_headings(self) -> list[str]:
        """The data table's column headings: each series' name, or « Valeur (unité) » for one unnamed."""
        unnamed = f"Valeur ({self.unit})" if self.unit else "Valeur"
        return [series.name or unnamed for series in self.series]


def _grid(entries: Iterable[tuple[str, str, float | None, str]]) -> tuple[list[str], list[Series]]:
    """(category, series name, value, label) entries laid out as categories × series."""
    categories: list[str] = []
    names: list[str] = []
    cells: dict[tuple[str, str], tuple[float | None, str]] = {}
    for category, name, value, label in entries:
        if category not in categories:
            categories.append(category)
        if name not in names:
            names.append(name)
        cells[(category, name)] = (value, label)
    series = [
        Series(
            name=name,
            values=[cells.get((category, name), (None, ""))[0] for category in categories],
            labels=[cells.get((category, name), (None, ""))[1] for category in categories],
        )
        for name in names
    ]
    return categories, series


def from_figures(items: Iterable[dict], kind: str) -> ChartData:
    """Key figures, each with the short label and series name the editor gave it in the chart.

    A line chart places a figure at its year unless the editor labelled it otherwise.
    """
    entries, units, sources, problems = [], [], [], []
    for item in items:
        figure: Figure | None = item.get("figure")
        if figure is None:  # deleted since the chart was made
            continue
        parsed = parse_figure(figure.value)
        if parsed is None:
            problems.append(f"« {figure.value} » ({figure.label}) ne commence pas par un nombre.")
            continue
        number, unit = parsed
        units.append(unit)
        if kind == LINE and not item.get("label") and figure.year:
            category = str(figure.year)
        else:
            category = item.get("label") or figure.label
        entries.append((category, item.get("series") or "", number, figure.display_value))
        source = Source(figure.source, str(figure.year or ""), figure.source_url)
        if figure.source and source not in sources:
            sources.append(source)
    if len(set(units)) > 1:
        problems.append("Ces chiffres n'ont pas la même unité (" + ", ".join(sorted(set(units))) + ").")
    categories, series = _grid(entries)
    heading = "Année" if kind == LINE else "Catégorie"
    return ChartData(categories, series, units[0] if units else "", heading, sources, problems)


def from_table(table, unit: str, kind: str) -> ChartData:
    """A typed table (wagtail.contrib.typed_table_block): a first column of categories (or
    years), then one column of numbers per series, headed by the series' name."""
    columns = list(table.columns)
    problems = []
    if not columns or columns[0]["block"].name != "category":
        problems.append("La première colonne du tableau doit être une colonne « Catégorie ou année ».")
    number_columns = [index for index, column in enumerate(columns) if column["block"].name == "number"]
    if len(number_columns) != len(columns) - 1:
        problems.append("Après la première, chaque colonne du tableau doit être une colonne « Nombre ».")
    entries = []
    for row in table.row_data:
        values = row["values"]
        category = str(values[0] or "").strip() if values else ""
        if not category:
            continue
        for index in number_columns:
            value = values[index]
            value = float(value) if value is not None else None
            label = with_unit(value, unit) if value is not None else ""
            entries.append((category, columns[index]["heading"].strip(), value, label))
    categories, series = _grid(entries)
    heading = (columns[0]["heading"].strip() if columns else "") or ("Année" if kind == LINE else "Catégorie")
    return ChartData(categories, series, unit, heading, [], problems)


def shape_problems(data: ChartData, kind: str) -> list[str]:
    """What keeps these data from being drawn as this kind of chart, in the editor's words."""
    problems = list(data.problems)
    if not data.values:
        return [*problems, "Le graphique n'a aucune valeur à dessiner."]
    if any(value < 0 for value in data.values):
        problems.append("Les valeurs négatives ne peuvent pas être dessinées : saisissez des nombres positifs.")
    count = len(data.series)
    if kind in (BAR, PART_OF_WHOLE) and count > 1:
        problems.append(f"Ces données ont {count} séries : choisissez « Barres groupées » ou « Courbe ».")
    if kind == GROUPED_BAR and count < 2:
        problems.append("Des barres groupées demandent au moins deux séries (le nom de série de chaque valeur).")
    if kind == PART_OF_WHOLE:
        if len(data.categories) < 2:
            problems.append("Une répartition demande au moins deux parts.")
        if any(value is None or value <= 0 for value in data.series[0].values):
            problems.append("Chaque part d'une répartition doit avoir une valeur positive.")
    if kind == LINE:
        years = [_year(category) for category in data.categories]
        if None in years:
            problems.append("Une courbe se dessine d'année en année : chaque libellé doit être une année (2019).")
        elif years != sorted(set(years)):
            problems.append("Rangez les années d'une courbe de la plus ancienne à la plus récente, sans doublon.")
        if len(data.categories) < 2:
            problems.append("Une courbe demande au moins deux années.")
    return problems


def _year(text: str) -> int | None:
    return int(text) if text.isdigit() and 1900 <= int(text) <= 2100 else None
