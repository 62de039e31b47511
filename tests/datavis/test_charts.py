"""The chart block as visitors get it: inline SVG drawn on the server (no script), a title, a
summary, the source and year, the data as a real table, series told apart by more than colour."""

from __future__ import annotations

import re

import html5lib
import pytest

from pages.models import KeyFigure
from tests.factories.datavis import chart, figure_chart, table
from tests.factories.pages import StandardPageFactory

pytestmark = pytest.mark.django_db
SVG = "{http://www.w3.org/2000/svg}"


def page_with(*charts: dict):
    page = StandardPageFactory(body=[("chart", value) for value in charts])
    return page


def fetch(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    markup = response.content.decode()
    tree = html5lib.parse(markup, namespaceHTMLElements=False)
    return markup, tree


def figures(tree) -> list:
    return [element for element in tree.iter("figure") if "chart" in element.get("class", "").split()]


def percent(value: str) -> float:
    assert value.endswith("%"), value
    return float(value[:-1])


def test_bar_chart_of_key_figures_has_title_summary_source_year_and_table(client):
    page = page_with(figure_chart({"Français": "81 %", "Maires": "92 %", "Fondations": ("plus_de", "90 %")}))
    markup, tree = fetch(client, page)
    (figure,) = figures(tree)
    title = figure.find(".//h2")  # first in the body, right after the page's h1
    summary = figure.find(".//p[@class='chart__summary']")
    # French typography: no-break spaces inside « » and before ? (pages/typography.py).
    assert title.text == "Qui juge nécessaire de «\u00a0jouer collectif\u00a0»\u00a0?"
    svg = figure.find(f"{SVG}svg")
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == title.get("id") and svg.get("aria-describedby") == summary.get("id")
    bars = [rect for rect in svg.iter(f"{SVG}rect") if "chart__mark" in rect.get("class", "")]
    widths = [percent(bar.get("width")) for bar in bars]
    assert len(bars) == 3 and widths[0] < widths[1]  # 81 before 92, on one scale from zero
    assert widths[1] / widths[0] == pytest.approx(92 / 81, rel=1e-3)
    values = [text.text for text in svg.iter(f"{SVG}text") if text.get("class") == "chart__value"]
    assert values == ["81 %", "92 %", "plus de 90 %"]  # the figure as its source states it
    source = figure.find(".//p[@class='chart__source']")
    assert "Source : Observatoire des partenariats (2021)" in " ".join("".join(source.itertext()).split())
    rows = [[cell.text for cell in row] for row in figure.iterfind(".//details/div/table/tbody/tr")]
    assert rows == [["Français", "81 %"], ["Maires", "92 %"], ["Fondations", "plus de 90 %"]]
    assert figure.find(".//details/summary").text == "Voir les données du graphique"
    assert "<script" not in markup.split('id="contenu"')[1].split("</main>")[0]


def test_grouped_bars_differ_by_pattern_and_legend_and_say_what_is_missing(client):
    grouped = chart(
        chart_type="grouped_bar",
        table=table(
            "Public",
            ["« Jouer collectif »", "Innovation"],
            [["Français", 81, 69], ["Maires", 92, 87], ["Fondations", 98, None]],
        ),
    )
    markup, tree = fetch(client, page_with(grouped))
    (figure,) = figures(tree)
    svg = figure.find(f"{SVG}svg")
    patterns = {pattern.get("id") for pattern in svg.iter(f"{SVG}pattern")}
    assert len(patterns) == 1
    (pattern_id,) = patterns
    bars = [rect for rect in svg.iter(f"{SVG}rect") if "chart__mark" in rect.get("class", "")]
    fills = [bar.get("fill") for bar in bars]
    assert fills == [None, f"url(#{pattern_id})"] * 3  # the second series is striped, not only ochre
    legend = figure.find(".//ul[@class='chart__legend']")
    held = "«\u00a0Jouer collectif\u00a0»"  # the editor's « Jouer collectif », in French typography
    assert ["".join(item.itertext()).strip() for item in legend] == [held, "Innovation"]
    assert legend.find(f".//{SVG}rect").get("fill") is None
    assert list(legend)[1].find(f".//{SVG}rect").get("fill") == f"url(#{pattern_id})"
    values = [text.text for text in svg.iter(f"{SVG}text") if text.get("class") == "chart__value"]
    assert values == ["81\u202f%", "69\u202f%", "92\u202f%", "87\u202f%", "98\u202f%", "n. d."]
    headings = [cell.text for cell in figure.iterfind(".//thead/tr/th")]
    assert headings == ["Public", held, "Innovation"]
    last_row = list(figure.iterfind(".//tbody/tr"))[-1]
    assert [cell.text for cell in last_row] == ["Fondations", "98\u202f%", "n. d."]


def test_line_over_years_places_points_in_time_with_gridlines_and_values(client):
    line = chart(
        chart_type="line",
        title="Les fonds mobilisés",
        table=table("Année", ["Fonds"], [["2017", 50], ["2019", 70], ["2021", 100]]),
        unit="M€",
        year="2017-2021",
    )
    markup, tree = fetch(client, page_with(line))
    (figure,) = figures(tree)
    svg = figure.find(f"{SVG}svg")
    markers = [element for element in svg if element.tag == f"{SVG}svg"]
    xs = [percent(marker.get("x")) for marker in markers]
    ys = [float(marker.get("y")) for marker in markers]
    assert xs == sorted(xs) and xs[1] - xs[0] == pytest.approx(xs[2] - xs[1], abs=0.01)  # two years apart each
    assert ys[0] > ys[1] > ys[2]  # higher values drawn higher
    segments = [line for line in svg.iter(f"{SVG}line") if "chart__line" in line.get("class", "")]
    assert len(segments) == 2
    ticks = [text.text for text in svg.iter(f"{SVG}text") if text.get("class") == "chart__tick"]
    assert ticks[0] == "0\u00a0M€" and ticks[-1] == "100\u00a0M€"
    years = [text.text for text in svg.iter(f"{SVG}text") if text.get("class") == "chart__year"]
    assert years == ["2017", "2019", "2021"]
    labels = [text.text for marker in markers for text in marker.iter(f"{SVG}text")]
    assert labels == ["50\u00a0M€", "70\u00a0M€", "100\u00a0M€"]
    assert "(2017-2021)" in "".join(figure.find(".//caption").itertext())


def test_part_of_whole_splits_one_bar_and_names_every_part(client):
    parts = chart(
        chart_type="part_of_whole",
        title="La répartition des 100 M€",
        table=table("Poste", ["Montant"], [["Projets", 70], ["Ingénierie", 15], ["Recherche", 8], ["Autres", 7]]),
        unit="M€",
    )
    markup, tree = fetch(client, page_with(parts))
    (figure,) = figures(tree)
    svg = figure.find(f"{SVG}svg")
    segments = [rect for rect in svg.iter(f"{SVG}rect") if "chart__mark" in rect.get("class", "")]
    assert sum(percent(segment.get("width")) for segment in segments) == pytest.approx(100)
    assert len({segment.get("fill") for segment in segments}) == 4  # each part its own pattern
    shares = [text.text for text in svg.iter(f"{SVG}text") if text.get("class") == "chart__value"]
    assert shares == ["70\u202f%", "15\u202f%"]  # small parts are named in the key, not squeezed in
    key = ["".join(item.itertext()).strip() for item in figure.find(".//ul[@class='chart__key']")]
    assert key == ["Projets 70\u00a0M€ (70\u202f%)", "Ingénierie 15\u00a0M€ (15\u202f%)",
                   "Recherche 8\u00a0M€ (8\u202f%)", "Autres 7\u00a0M€ (7\u202f%)"]  # fmt: skip
    assert figure.find(".//p[@class='chart__total']").text == "Total\u00a0: 100\u00a0M€"


def test_numbers_in_the_drawing_are_never_written_the_french_way(client):
    """« 34,5 » in an SVG coordinate would be read as two numbers: the drawing stays unlocalised."""
    parts = chart(chart_type="part_of_whole", table=table("Poste", ["Montant"], [["A", 1.5], ["B", 1.5], ["C", 3]]))
    markup, tree = fetch(
        client, page_with(parts, chart(chart_type="line", table=table("Année", ["x"], [["2017", 1.5], ["2019", 2.25]])))
    )
    for svg in tree.iter(f"{SVG}svg"):
        for element in svg.iter():
            for name in ("x", "y", "width", "height", "x1", "x2", "y1", "y2", "cx", "cy"):
                assert "," not in (element.get(name) or ""), (element.tag, name, element.get(name))
    assert "1,5\u00a0%" not in markup and "1,5\u202f%" in markup  # while the words keep the decimal comma


def test_the_same_chart_twice_on_a_page_keeps_every_id_unique(client):
    markup, tree = fetch(client, page_with(chart(chart_type="grouped_bar", table=table("P", ["a", "b"], [["x", 1, 2]])),
                                             chart(chart_type="grouped_bar", table=table("P", ["a", "b"], [["x", 1, 2]]))))  # fmt: skip
    ids = re.findall(r'\sid="([^"]+)"', markup)
    assert len(ids) == len(set(ids))
    for reference in re.findall(r'(?:aria-labelledby|aria-describedby)="([^"]+)"|url\(#([^)]+)\)', markup):
        assert next(filter(None, reference)) in ids


def test_a_key_figure_edited_into_words_leaves_the_table_not_a_wrong_drawing(client):
    page = page_with(figure_chart({"Français": "81 %", "Maires": "92 %"}))
    KeyFigure.objects.filter(value="92 %").update(value="la plupart")
    markup, tree = fetch(client, page)
    (figure,) = figures(tree)
    # One bar gone would misstate the series: nothing is drawn, the title and the table stay.
    assert figure.find(f"{SVG}svg") is None and figure.find(".//h2").text
    assert ["".join(cell.itertext()) for cell in figure.iter("td")] == ["81 %"]  # what can be read


def test_charts_add_no_query_per_figure(client, django_assert_max_num_queries):
    page = page_with(figure_chart({f"Public {n}": f"{50 + n} %" for n in range(8)}))
    client.get(page.url)
    with django_assert_max_num_queries(40) as few:
        client.get(page.url)
    single = len(few.captured_queries)
    page.body = [("chart", figure_chart({f"Public {n}": f"{50 + n} %" for n in range(2)}))]
    page.save_revision().publish()
    client.get(page.url)
    with django_assert_max_num_queries(40) as fewer:
        client.get(page.url)
    assert single == len(fewer.captured_queries)  # eight figures cost what two do
