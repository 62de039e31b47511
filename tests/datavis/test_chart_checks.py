"""What an editor is told when a chart cannot be drawn as asked, and the French numbers the
charts read from key figures and write back."""

from __future__ import annotations

import pytest
from wagtail.blocks import StructBlockValidationError

from datavis.numbers import format_number, nice_ceiling, parse_figure, ticks, with_unit
from pages.blocks import ChartBlock
from tests.factories.datavis import chart, figure_chart, table

BLOCK = ChartBlock()
BLOCK.set_name("chart")


def refusal(value: dict) -> str:
    with pytest.raises(StructBlockValidationError) as refused:
        BLOCK.clean(BLOCK.normalize(value))
    error = refused.value
    messages = [str(message) for message in error.non_block_errors]
    messages += [f"{name}: {message}" for name, item in error.block_errors.items() for message in item.messages]
    return " | ".join(messages)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("81 %", (81, "%")),
        ("1 000", (1000, "")),
        ("1\u202f000 exemples", (1000, "exemples")),
        ("1,5 M€", (1.5, "M€")),
        ("100 M€", (100, "M€")),
        ("15 ans", (15, "ans")),
        ("plus de 500", None),
        ("", None),
    ],
)
def test_reads_the_number_a_key_figure_starts_with(text, expected):
    assert parse_figure(text) == expected


def test_writes_numbers_the_french_way():
    assert format_number(1000) == "1\u202f000"
    assert format_number(1.5) == "1,5" and format_number(2.25) == "2,25" and format_number(70.0) == "70"
    assert with_unit(81, "%") == "81\u202f%" and with_unit(100, "M€") == "100\u00a0M€"
    assert nice_ceiling(87) == 100 and nice_ceiling(130) == 200 and nice_ceiling(2.2) == 2.5
    assert ticks(100) == [0, 25, 50, 75, 100]


@pytest.mark.django_db
def test_a_sound_chart_passes():
    assert BLOCK.clean(BLOCK.normalize(chart()))["title"]
    assert BLOCK.clean(BLOCK.normalize(figure_chart({"Français": "81 %", "Maires": "92 %"})))["title"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "fields,message",
    [
        ({"table": None}, "Ajoutez des chiffres clés ou remplissez le tableau de données."),
        ({"source": ""}, "source: D'où viennent ces chiffres ?"),
        ({"year": ""}, "year: À quelle année se rapportent-ils ?"),
        ({"chart_type": "grouped_bar"}, "Des barres groupées demandent au moins deux séries"),
        ({"chart_type": "line"}, "chaque libellé doit être une année"),
        (
            {"chart_type": "line", "table": table("Année", ["x"], [["2019", 1], ["2017", 2]])},
            "Rangez les années d'une courbe de la plus ancienne à la plus récente",
        ),
        ({"table": table("Public", ["a", "b"], [["x", 1, 2]])}, "Ces données ont 2 séries"),
        ({"chart_type": "part_of_whole", "table": table("P", ["a"], [["x", 1], ["y", 0]])}, "valeur positive"),
        ({"table": table("Public", ["a"], [["x", -3]])}, "Les valeurs négatives ne peuvent pas être dessinées"),
        ({"table": table("Public", ["a"], [["x", None]])}, "aucune valeur à dessiner"),
    ],
)
def test_an_impossible_chart_is_refused_with_the_reason(fields, message):
    assert message in refusal(chart(**fields))


@pytest.mark.django_db
def test_key_figures_and_a_table_together_are_refused():
    both = figure_chart({"Français": "81 %"})
    both["table"] = chart()["table"]
    assert "pas les deux" in refusal(both)


@pytest.mark.django_db
def test_key_figures_of_different_units_or_without_a_number_are_refused():
    assert "pas la même unité (%, M€)" in refusal(figure_chart({"Français": "81 %", "Fonds": "100 M€"}))
    assert "« la plupart » (" in refusal(figure_chart({"Français": "81 %", "Maires": "la plupart"}))
