"""The chart block editors place in a body: bars, grouped bars, a line over years or the
parts of a whole, fed by key figures or by a small table, drawn on the server as inline SVG.

Modelled on the chart blocks of ONS's dis-wagtail (cms/datavis/blocks: a title, an
accessible description, a source, a data table, per-chart options), without Highcharts: no
script, nothing from a third party, crisp in print, readable with images and styles off.
Every chart shows its title, a summary, its source and year, and its data as a real table
one click away (<details>).

The app knows no snippet: `ChartBlock.figures` is a placeholder that the app which owns the
key figures fills with `figures_block("app.Model")` in its own subclass.
"""

from __future__ import annotations

import hashlib

from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from wagtail import blocks
from wagtail.blocks.struct_block import BlockGroup
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from .drawing import draw
from .series import BAR, KINDS, LINE, ChartData, Source, from_figures, from_table, shape_problems


class FigureItemBlock(blocks.StructBlock):
    """One key figure in a chart, with the short words the chart writes beside it."""

    label = blocks.CharBlock(
        label="Libellé court",
        required=False,
        max_length=60,
        help_text="Ce que le graphique écrit devant la valeur : « Maires », « 2019 ». Par défaut : "
        "l'année pour une courbe, sinon le libellé du chiffre clé.",
    )
    series = blocks.CharBlock(
        label="Série",
        required=False,
        max_length=80,
        help_text="Pour des barres groupées ou plusieurs courbes : le nom de la série de ce chiffre. "
        "Les chiffres de même série sont reliés ; les mêmes libellés courts sont regroupés.",
    )

    def __init__(self, figure_model: str, **kwargs):
        figure = SnippetChooserBlock(figure_model, label="Chiffre clé")
        super().__init__([("figure", figure)], **kwargs)

    class Meta:
        icon = "table"
        label = "Chiffre"
        form_layout = ["figure", "label", "series"]


#: The levels a chart's or a map's title may take, and the one used when none is stored.
HEADING_LEVELS = [("h2", "Titre de section (h2)"), ("h3", "Sous-titre (h3)")]
DEFAULT_HEADING_LEVEL = "h2"


def heading_level_block(what: str) -> blocks.ChoiceBlock:
    """The « Niveau du titre » choice of a chart or a map: its title takes its place in the
    page's outline like a heading block's (h2 by default, never a skipped level after the h1)."""
    return blocks.ChoiceBlock(
        label="Niveau du titre",
        choices=HEADING_LEVELS,
        default=DEFAULT_HEADING_LEVEL,
        help_text=f"Titre de section (h2) : {what} ouvre une partie de la page, le bon choix juste après le "
        f"titre de la page. Sous-titre (h3) : {what} se range sous le titre de section (h2) qui le précède "
        "dans le contenu.",
    )


def heading_tag(value) -> str:
    """The tag of a chart's or a map's title: its stored level if it is one we offer, else h2."""
    level = value.get("heading_level")
    return level if level in dict(HEADING_LEVELS) else DEFAULT_HEADING_LEVEL


def figures_block(figure_model: str) -> blocks.ListBlock:
    """The list of key figures a chart may draw, for the app that owns the snippet."""
    return blocks.ListBlock(
        FigureItemBlock(figure_model),
        label="Chiffres clés",
        default=[],
        help_text="Choisissez des chiffres clés de même unité : leur valeur, leur précision (« plus de ») "
        "et leur source viennent du chiffre clé.",
    )


class ChartBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Titre", max_length=160)
    heading_level = heading_level_block("le graphique")
    chart_type = blocks.ChoiceBlock(label="Type de graphique", choices=KINDS, default=BAR, widget=forms.RadioSelect)
    summary = blocks.TextBlock(
        label="Ce que montre le graphique",
        max_length=600,
        help_text="Une ou deux phrases, lues avant le graphique et par les lecteurs d'écran : ce qu'il faut "
        "en retenir, chiffres compris.",
    )
    figures = blocks.StaticBlock()  # replaced by figures_block(...) in the owner's subclass
    table = TypedTableBlock(
        [
            ("category", blocks.CharBlock(label="Catégorie ou année", max_length=60)),
            ("number", blocks.FloatBlock(label="Nombre", required=False)),
        ],
        label="Tableau de données",
        required=False,
        help_text="Une première colonne « Catégorie ou année », puis une colonne « Nombre » par série, "
        "titrée du nom de la série. Une case vide s'affiche « n. d. ». La légende du tableau n'est pas "
        "utilisée : le titre du graphique en tient lieu.",
    )
    unit = blocks.CharBlock(
        label="Unité des nombres du tableau",
        required=False,
        max_length=12,
        help_text="%, M€, ans… Les chiffres clés apportent la leur.",
    )
    source = blocks.CharBlock(
        label="Source",
        required=False,
        max_length=255,
        help_text="Obligatoire avec un tableau. Avec des chiffres clés, laissez vide pour afficher leurs sources.",
    )
    source_url = blocks.URLBlock(label="Lien vers la source", required=False)
    year = blocks.CharBlock(
        label="Année ou période",
        required=False,
        max_length=20,
        help_text="« 2021 », « 2015-2017 ». Obligatoire avec un tableau ; avec des chiffres clés, leur année.",
    )
    category_title = blocks.CharBlock(
        label="Intitulé des libellés",
        required=False,
        max_length=60,
        help_text="L'en-tête de la première colonne du tableau de données, par exemple « Public interrogé ». "
        "Par défaut : celui du tableau, sinon « Année » ou « Catégorie ».",
    )
    scale_max = blocks.FloatBlock(
        label="Fin de l'échelle",
        required=False,
        min_value=0,
        help_text="Facultatif. Par défaut : 100 pour des pourcentages, sinon la plus grande valeur.",
    )

    class Meta:
        icon = "table"
        label = "Graphique"
        template = "datavis/chart.html"
        description = (
            "Un graphique en barres, en barres groupées, en courbe ou en répartition, dessiné à partir de "
            "chiffres clés ou d'un petit tableau, avec son résumé, sa source et ses données."
        )
        form_layout = BlockGroup(
            [
                "title",
                "chart_type",
                "summary",
                BlockGroup(["figures"], heading="Données : des chiffres clés…", icon="table"),
                BlockGroup(["table", "unit"], heading="… ou un tableau", icon="table", classname="collapsed"),
                BlockGroup(["source", "source_url", "year"], heading="Source", icon="link"),
            ],
            settings=["heading_level", "category_title", "scale_max"],
        )
        preview_value = {
            "title": "Les fonds mobilisés, de 2017 à 2021",
            "heading_level": DEFAULT_HEADING_LEVEL,
            "chart_type": LINE,
            "summary": "De 50 M€ en 2017 à 100 M€ en 2021.",
            "table": {
                "columns": [{"type": "category", "heading": "Année"}, {"type": "number", "heading": "Fonds mobilisés"}],
                "rows": [{"values": ["2017", 50]}, {"values": ["2019", 70]}, {"values": ["2021", 100]}],
                "caption": "",
            },
            "unit": "M€",
            "source": "Le RAMEAU",
            "year": "2017-2021",
        }

    def data(self, value) -> ChartData:
        """The chart's data, from its key figures if it has any, else from its table."""
        kind = value.get("chart_type") or BAR
        figures = [item for item in value.get("figures") or [] if item.get("figure")]
        table = value.get("table")
        if figures:
            data = from_figures(figures, kind)
        elif table is not None and table.row_data:
            data = from_table(table, (value.get("unit") or "").strip(), kind)
        else:
            data = ChartData([], [])
        if value.get("category_title"):
            data.category_heading = value["category_title"]
        if value.get("source"):
            data.sources = [Source(value["source"], value.get("year") or "", value.get("source_url") or "")]
        return data

    def clean(self, value):
        value = super().clean(value)
        has_figures = any(item.get("figure") for item in value.get("figures") or [])
        table = value.get("table")
        has_table = table is not None and bool(table.row_data)
        errors: dict[str, ValidationError] = {}
        if has_figures and has_table:
            raise _refused("Choisissez des chiffres clés ou un tableau, pas les deux.")
        if not has_figures and not has_table:
            raise _refused("Ajoutez des chiffres clés ou remplissez le tableau de données.")
        if has_table:
            for name, message in (
                ("source", "D'où viennent ces chiffres ?"),
                ("year", "À quelle année se rapportent-ils ?"),
            ):
                if not value.get(name):
                    errors[name] = ValidationError(message)
        problems = shape_problems(self.data(value), value.get("chart_type"))
        if problems or errors:
            raise blocks.StructBlockValidationError(
                block_errors=errors, non_block_errors=ErrorList([ValidationError(p) for p in problems])
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        data = self.data(value)
        kind = value.get("chart_type") or BAR
        context["data"] = data
        context["heading"] = heading_tag(value)
        context["uid"] = unique_id("graphique", value.get("title", ""), parent_context)
        # Bad data already saved (a key figure edited since) leaves the table, never a wrong drawing.
        context["plot"] = None if shape_problems(data, kind) else draw(data, kind, value.get("scale_max"))
        context["years"] = _years(data.sources, value.get("year"))
        return context


def _refused(message: str) -> blocks.StructBlockValidationError:
    return blocks.StructBlockValidationError(non_block_errors=ErrorList([ValidationError(message)]))


def _years(sources: list[Source], year: str | None) -> str:
    if year:
        return year
    found = sorted({source.year for source in sources if source.year})
    return f"{found[0]}-{found[-1]}" if len(found) > 1 else "".join(found)


def unique_id(prefix: str, seed: str, parent_context) -> str:
    """A stable id for a drawing's parts (the same chart keeps it between renders, so cached
    fragments stay valid), made unique within one page should the same chart come twice."""
    base = f"{prefix}-{hashlib.sha1(seed.encode()).hexdigest()[:8]}"
    request = (parent_context or {}).get("request")
    if request is None:
        return base
    taken = getattr(request, "datavis_ids", None)
    if taken is None:
        taken = request.datavis_ids = set()
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    taken.add(candidate)
    return candidate
