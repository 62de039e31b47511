"""The map block: places marked on France, each linked to its milestone or page, and the same
places as a numbered list for keyboards and screen readers; the map's source is credited."""

from __future__ import annotations

import html5lib
import pytest

from datavis import france
from pages.blocks import FranceMapBlock
from tests.factories.pages import HistoryMilestoneFactory, HistoryPageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def history():
    return HistoryPageFactory(
        milestones=[
            HistoryMilestoneFactory.build(year=2008, title="Alsace Active, premier terrain"),
            HistoryMilestoneFactory.build(year=2009, title="Première étude territoriale à Lille"),
        ]
    )


def map_page(places: list[dict]):
    value = {
        "title": "Là où nous avons travaillé",
        "summary": "Des territoires et une étude nationale.",
        "places": places,
    }
    return StandardPageFactory(body=[("france_map", value)])


def test_places_link_to_their_milestone_or_page_and_are_listed_in_the_same_order(client, history):
    alsace, lille = history.milestones.order_by("sort_order")
    programme = StandardPageFactory(title="Programme PHARE")
    page = map_page(
        [
            {
                "name": "Alsace",
                "area": "ancienne-alsace",
                "text": "2008 : premier terrain.",
                "milestone": str(alsace.pk),
            },
            {
                "name": "Lille Métropole",
                "area": "departement-59",
                "text": "2009 : première étude.",
                "milestone": str(lille.pk),
                "page": programme,
            },  # fmt: skip
            {"name": "Les 13 régions", "area": "france", "text": "PHARE les étudie.", "page": programme},
            {"name": "Un lieu sans page", "area": "region-53", "text": "Rien à lire ailleurs."},
        ]
    )
    tree = html5lib.parse(client.get(page.url).content, namespaceHTMLElements=False)
    figure = next(element for element in tree.iter("figure") if element.get("class") == "map")
    items = figure.findall(".//ol[@class='map__places']/li")
    names = ["".join(item.find("p").itertext()).strip() for item in items]
    assert names == [
        "Alsace",
        "Lille Métropole (Nord)",
        "Les 13 régions (France métropolitaine)",
        "Un lieu sans page (Bretagne)",
    ]
    links = [item.find(".//a") for item in items]
    assert links[0].get("href") == f"{history.url}#{alsace.anchor}"
    assert links[1].get("href") == f"{history.url}#{lille.anchor}"  # the milestone wins over the page
    assert links[2].get("href") == programme.url
    assert links[3] is None
    svg = figure.find(f".//{SVG}svg")
    assert svg.get("aria-hidden") == "true"  # the list says it all; the picture is for pointers
    marks = list(svg.iter(f"{SVG}a"))
    assert marks and all(mark.get("tabindex") == "-1" for mark in marks)
    numbers = [text.text for text in svg.iter(f"{SVG}text")]
    assert numbers == ["1", "2", "3", "4"]
    assert [item.find("span").text for item in items] == numbers
    assert {mark.get("href") for mark in marks} == {links[0].get("href"), links[1].get("href"), programme.url}
    assert "Hachures\u00a0: Les 13 régions" in "".join(figure.find(".//p[@class='map__legend']").itertext())
    credit = "".join(figure.find(".//p[@class='map__credit']").itertext())
    assert "MapSVG" in credit and "CC BY 4.0" in credit


def test_the_milestone_a_place_links_to_is_an_anchor_of_the_history_page(client, history):
    alsace = history.milestones.order_by("sort_order").first()
    markup = client.get(history.url).content.decode()
    assert f'id="{alsace.anchor}"' in markup


def test_a_place_whose_page_is_unpublished_or_milestone_deleted_is_listed_without_a_link(client, history):
    milestone = history.milestones.first()
    draft = StandardPageFactory(title="Brouillon", live=False)
    page = map_page(
        [
            {"name": "Alsace", "area": "ancienne-alsace", "text": "Un texte.", "milestone": str(milestone.pk)},
            {"name": "Lille", "area": "departement-59", "text": "Un texte.", "page": draft},
        ]
    )
    history.milestones.filter(pk=milestone.pk).delete()
    markup = client.get(page.url).content.decode()
    assert "#etape-" not in markup and draft.url not in markup
    assert "Alsace" in markup and "Lille" in markup


def test_editors_choose_among_regions_former_regions_and_departments():
    groups = dict(france.area_choices())
    assert len(groups["Régions"]) == 13 and len(groups["Départements"]) == 96
    assert ("ancienne-poitou-charentes", "Poitou-Charentes") in groups["Régions d'avant 2016"]
    assert [name for _, name in groups["Régions"]][:4] == [
        "Auvergne-Rhône-Alpes", "Bourgogne-Franche-Comté", "Bretagne", "Centre-Val de Loire",
    ]  # fmt: skip
    every = [key for choices in groups.values() for key, _ in choices]
    assert all(france.area(key) for key in every) and france.area("region-99") is None
    alsace = france.area("ancienne-alsace")
    assert alsace.paths[0].startswith("M") and len(alsace.label) == 2


def test_milestones_are_offered_by_year_and_title(history):
    block = FranceMapBlock()
    field = block.child_blocks["places"].child_block.child_blocks["milestone"].field
    labels = [label for _, label in field.choices]
    assert "2008 – Alsace Active, premier terrain" in labels
