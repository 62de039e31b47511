"""Demo press page at /presse/: its introduction and a press kit whose logo is a stand-in
(the name set in type, « Visuel provisoire »): the site offers the real one on request.

Safe to rerun: the page is found by type first and left as staff edited it.
"""

from __future__ import annotations

from demo.content import load
from demo.images import draw_wordmark, get_or_create_image
from pages.models import HomePage
from press.models import PressIndexPage

from .common import publish_child

CONTENT = load("press")


def seed() -> None:
    home = HomePage.objects.first()
    if home is None:
        return
    name = CONTENT["logo"]["name"]
    # Made (or kept as the demo draws it now) even when the page exists: see get_or_create_image.
    logo = get_or_create_image(name, draw_wordmark("Le RAMEAU"), "logo-le-rameau.png")
    if PressIndexPage.objects.exists():
        return
    data = CONTENT["index"]
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
