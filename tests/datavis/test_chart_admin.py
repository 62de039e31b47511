"""Editors make charts and maps in the real admin form of a page (Django test client posting
what the admin's browser posts): from key figures or a typed table; a chart that cannot be
drawn is refused with its reason, and nothing the editor typed is lost."""

from __future__ import annotations

import json
import re

from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, streamfield

from pages.models import HomePage, StandardPage
from tests.factories.pages import KeyFigureFactory
from tests.pages.test_admin_forms import PUBLISH, AdminFormTestCase, posted_typed_table

TITLE = "Les fonds mobilises de 2017 a 2021"  # ASCII: found as typed in the form's JSON too


def chart_form(table: dict | None = None, figures: list | None = None, **fields) -> dict:
    value = {
        "title": TITLE,
        "heading_level": "h2",
        "chart_type": "line",
        "summary": "De 50 M€ en 2017 à 100 M€ en 2021.",
        "figures": {
            "count": str(len(figures or [])),
            **{
                str(index): {"value": item, "order": str(index), "deleted": ""}
                for index, item in enumerate(figures or [])
            },
        },
        "table": table or posted_typed_table([], []),
        "unit": "M€",
        "source": "Le RAMEAU, bilans 2017, 2019 et 2021",
        "source_url": "",
        "year": "2017-2021",
        "category_title": "",
        "scale_max": "",
    }
    value.update(fields)
    return value


class ChartAdminTests(AdminFormTestCase):
    def setUp(self):
        super().setUp()
        self.home = HomePage.objects.get()
        self.add_url = reverse("wagtailadmin_pages:add", args=["pages", "standardpage", self.home.pk])

    def page_data(self, *blocks) -> dict:
        return nested_form_data(
            {"title": "Nos chiffres", "slug": "nos-chiffres", "intro": "", "body": streamfield(list(blocks))}
        )

    def assertRefusedWith(self, response, message: str) -> None:
        """Shown again, with the reason in the body's errors (the admin draws them from JSON)."""
        self.assertEqual(response.status_code, 200)
        errors = response.context["form"].errors["body"].as_data()[0].as_json_data()
        self.assertIn(message, json.dumps(errors, ensure_ascii=False))

    def test_editor_types_a_table_and_publishes_a_line_chart(self):
        table = posted_typed_table(
            [("category", "Année"), ("number", "Fonds mobilisés")], [["2017", "50"], ["2019", "70"], ["2021", "100"]]
        )
        response = self.client.post(self.add_url, self.page_data(("chart", chart_form(table))) | PUBLISH)
        self.assertSaved(response)
        page = StandardPage.objects.get(slug="nos-chiffres")
        chart = page.body[0].value
        self.assertEqual(
            [row["values"] for row in chart["table"].row_data], [["2017", 50], ["2019", 70], ["2021", 100]]
        )
        markup = self.client.get(page.url).content.decode()
        self.assertIn('class="chart chart--line"', markup)
        self.assertIn('<svg class="chart__plot"', markup)
        self.assertIn("Source : Le RAMEAU, bilans 2017, 2019 et 2021 (2017-2021)", " ".join(markup.split()))
        self.assertIn("<td>100\u00a0M€</td>", markup)

    def test_editor_charts_key_figures_and_their_sources_come_along(self):
        first = KeyFigureFactory(value="81 %", source="Observatoire des partenariats", year=2021)
        second = KeyFigureFactory(value="92 %", source="Observatoire des partenariats", year=2021)
        figures = [
            {"figure": first.pk, "label": "Français", "series": ""},
            {"figure": second.pk, "label": "Maires", "series": ""},
        ]
        value = chart_form(figures=figures, chart_type="bar", unit="", source="", year="")
        self.assertSaved(self.client.post(self.add_url, self.page_data(("chart", value)) | PUBLISH))
        markup = self.client.get(StandardPage.objects.get(slug="nos-chiffres").url).content.decode()
        text = " ".join(re.sub(r"<[^>]+>", "", markup).split())  # the source may be a link
        self.assertIn("Source : Observatoire des partenariats (2021)", text)
        self.assertIn('class="chart__value">92 %</text>', markup)

    def test_a_chart_that_cannot_be_drawn_is_refused_and_kept(self):
        table = posted_typed_table([("category", "Année"), ("number", "Fonds")], [["2021", "100"], ["2017", "50"]])
        response = self.client.post(self.add_url, self.page_data(("chart", chart_form(table))) | PUBLISH)
        self.assertRefusedWith(response, "Rangez les années d")
        self.assertContains(response, TITLE)  # in the form's data for the StreamField, as typed
        self.assertFalse(StandardPage.objects.filter(slug="nos-chiffres").exists())

    def test_a_table_without_source_or_year_is_refused(self):
        table = posted_typed_table([("category", "Public"), ("number", "Part")], [["Français", "81"]])
        value = chart_form(table, chart_type="bar", source="", year="")
        response = self.client.post(self.add_url, self.page_data(("chart", value)) | PUBLISH)
        self.assertRefusedWith(response, "D'où viennent ces chiffres ?")
        self.assertFalse(StandardPage.objects.filter(slug="nos-chiffres").exists())

    def test_a_subtitle_chart_needs_a_section_heading_before_it(self):
        """Ranked « Sous-titre (h3) » with no h2 before it in the body, a chart would follow the
        page's h1 and skip a level: refused, kept as typed; under a section heading, saved."""
        table = posted_typed_table([("category", "Année"), ("number", "Fonds")], [["2017", "50"], ["2021", "100"]])
        value = chart_form(table, heading_level="h3")
        response = self.client.post(self.add_url, self.page_data(("chart", value)) | PUBLISH)
        self.assertRefusedWith(response, "Aucun titre de section (h2) ne précède ce sous-titre")
        self.assertContains(response, TITLE)
        self.assertFalse(StandardPage.objects.filter(slug="nos-chiffres").exists())

        heading = ("heading", {"text": "Les moyens", "level": "h2"})
        self.assertSaved(self.client.post(self.add_url, self.page_data(heading, ("chart", value)) | PUBLISH))
        markup = self.client.get(StandardPage.objects.get(slug="nos-chiffres").url).content.decode()
        self.assertRegex(markup, r'<h3 class="chart__title" id="graphique-[0-9a-f]+-titre">')

    def test_editor_places_a_map_of_places(self):
        places = {
            "count": "1",
            "0": {
                "value": {
                    "name": "Alsace",
                    "area": "ancienne-alsace",
                    "text": "2008 : premier terrain.",
                    "milestone": "",
                    "page": "",
                },
                "order": "0",
                "deleted": "",
            },
        }
        value = {
            "title": "Nos territoires",
            "heading_level": "h2",
            "summary": "Un territoire d'expérimentation.",
            "places": places,
        }
        self.assertSaved(self.client.post(self.add_url, self.page_data(("france_map", value)) | PUBLISH))
        markup = self.client.get(StandardPage.objects.get(slug="nos-chiffres").url).content.decode()
        self.assertIn('<ol class="map__places">', markup)
        self.assertIn("2008\u00a0: premier terrain.", markup)  # French typography holds the colon
