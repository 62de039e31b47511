"""Demo press page at /presse/: its introduction and a press kit with the demo's logo.

Safe to rerun: the page is found by type first and left as staff edited it.
"""

from __future__ import annotations

from demo.content import load
from demo.images import draw_logo, get_or_create_image
from pages.models import HomePage
from press.models import PressIndexPage

from .common import publish_child

CONTENT = load("press")


def seed() -> None:
    home = HomePage.objects.first()
    if home is None or PressIndexPage.objects.exists():
        return
    data = CONTENT["index"]
    name = CONTENT["logo"]["name"]
    logo = get_or_create_image(name, draw_logo("Le RAMEAU", (960, 480)), "logo-le-rameau.png")
    publish_child(
        home,
        PressIndexPage(
            title=data["title"],
            slug=data["slug"],
            intro=data["intro"],
            listing_summary=data["intro"],
            search_description=data["seo_description"],
            press_kit=[("logo", {"name": name, "image": logo, "files": []})],
        ),
    )
