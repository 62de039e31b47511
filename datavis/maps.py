"""The map block: places where an organisation worked, marked on a map of France drawn as
inline SVG, each mark a link, and the same places as a numbered list beside the map for
keyboards and screen readers (the drawing itself is hidden from them and takes no focus).

No tile server and no script: the map is a few kilobytes of paths from data/france.json.
The app that knows what a place may link to besides a page (the history's milestones) adds
it in its own subclass of PlaceBlock, overriding `links`.
"""

from __future__ import annotations

from wagtail import blocks
from wagtail.blocks.struct_block import BlockGroup

from . import france
from .blocks import DEFAULT_HEADING_LEVEL, heading_level_block, heading_tag, unique_id


class PlaceBlock(blocks.StructBlock):
    name = blocks.CharBlock(label="Lieu", max_length=80, help_text="Tel qu'on le dit : « Lille Métropole ».")
    area = blocks.ChoiceBlock(
        label="Zone marquée sur la carte",
        choices=france.area_choices,
        help_text="La région, l'ancienne région ou le département où se trouve le lieu ; « France "
        "métropolitaine » pour un travail mené dans toutes les régions.",
    )
    text = blocks.TextBlock(
        label="Ce qui s'y est fait",
        max_length=300,
        help_text="Une ou deux phrases, avec les années.",
    )
    page = blocks.PageChooserBlock(
        label="Page liée",
        required=False,
        help_text="Le programme, la publication ou le centre de ressources qui en parle.",
    )

    class Meta:
        icon = "site"
        label = "Lieu"
        label_format = "{name}"

    def links(self, places: list) -> list[str]:
        """Where each place's mark and list entry lead ("" for none), for all places at once."""
        return [place["page"].url if place.get("page") and place["page"].live else "" for place in places]


class FranceMapBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Titre", max_length=160)
    heading_level = heading_level_block("la carte")
    summary = blocks.TextBlock(
        label="Ce que montre la carte",
        max_length=600,
        help_text="Une ou deux phrases lues avant la carte : combien de lieux, où, sur quelle période.",
    )
    places = blocks.ListBlock(PlaceBlock(), label="Lieux", min_num=1)

    class Meta:
        icon = "site"
        label = "Carte de France"
        template = "datavis/france_map.html"
        description = "Une carte de France où sont marqués des lieux, chacun relié à sa page, avec leur liste à côté."
        form_layout = BlockGroup(["title", "summary", "places"], settings=["heading_level"])
        preview_value = {
            "title": "Là où nous avons travaillé",
            "heading_level": DEFAULT_HEADING_LEVEL,
            "summary": "Des expérimentations dans plusieurs régions.",
            "places": [
                {"name": "Alsace", "area": "ancienne-alsace", "text": "Premier terrain d'expérimentation (2008)."},
                {"name": "Lille Métropole", "area": "departement-59", "text": "Première étude territoriale (2009)."},
            ],
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        places = [place for place in value["places"] if france.area(place["area"])]
        links = self.child_blocks["places"].child_block.links(places)
        context["heading"] = heading_tag(value)
        context["uid"] = unique_id("carte", value["title"], parent_context)
        context["places"] = [
            {
                "number": number,
                "name": place["name"],
                "text": place["text"],
                "href": href,
                "area": france.area(place["area"]),
            }
            for number, (place, href) in enumerate(zip(places, links, strict=True), start=1)
        ]
        context["regions"] = france.regions()
        context["view_box"] = france.view_box()
        context["credit"] = france.credit()
        context["whole"] = next((place for place in context["places"] if place["area"].whole), None)
        return context
