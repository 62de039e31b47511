"""Chart and map titles take their place in the page's outline: an h2 by default (right after
the page's h1), an h3 when the editor ranks them under a section heading; never a skipped
level (WCAG 1.3.1, axe's heading-order)."""

from __future__ import annotations

import html5lib
import pytest

from tests.factories.datavis import chart
from tests.factories.pages import StandardPageFactory

pytestmark = pytest.mark.django_db

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
PLACE = {"name": "Alsace", "area": "ancienne-alsace", "text": "2008 : premier terrain."}


def outline(client, page) -> list[tuple[str, str]]:
    """The headings of the page's main content, in order, as (tag, text)."""
    response = client.get(page.url)
    assert response.status_code == 200
    tree = html5lib.parse(response.content.decode(), namespaceHTMLElements=False)
    main = tree.find(".//main")
    return [
        (element.tag, " ".join("".join(element.itertext()).split()))
        for element in main.iter()
        if element.tag in HEADINGS
    ]


def map_value(**fields) -> dict:
    return {"title": "Nos territoires", "summary": "Un lieu.", "places": [PLACE], **fields}


def test_a_chart_right_after_the_h1_is_an_h2_and_one_under_a_section_an_h3(client):
    first = chart(title="Premier graphique")
    del first["heading_level"]  # as stored before the level existed: h2
    page = StandardPageFactory(
        title="Nos chiffres",
        body=[
            ("chart", first),
            ("heading", {"text": "Nos territoires", "level": "h2"}),
            ("chart", chart(title="Un graphique de la section", heading_level="h3")),
            ("france_map", map_value(heading_level="h3")),
            ("france_map", map_value(title="Une carte en section", heading_level="h2")),
        ],
    )
    headings = outline(client, page)
    assert headings[:6] == [
        ("h1", "Nos chiffres"),
        ("h2", "Premier graphique"),
        ("h2", "Nos territoires"),
        ("h3", "Un graphique de la section"),
        ("h3", "Nos territoires"),
        ("h2", "Une carte en section"),
    ]
    levels = [int(tag[1]) for tag, _ in headings]
    assert all(level <= previous + 1 for previous, level in zip(levels, levels[1:], strict=False)), headings


def test_a_stored_level_that_is_not_offered_gives_an_h2(client):
    page = StandardPageFactory(body=[("chart", chart(title="Graphique", heading_level="h6 onclick=x"))])
    assert ("h2", "Graphique") in outline(client, page)
