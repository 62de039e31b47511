"""The core's pages as the tests need them, built by factories on top of the site's frame
(live pages saved without a revision: what is rendered is their rows)."""

from __future__ import annotations

import pytest
from wagtail.rich_text import RichText

from pages.models import HistoryPage, MissionPage, StandardPage
from tests.factories.pages import (
    HistoryMilestoneFactory,
    HistoryPageFactory,
    StandardPageFactory,
    add_to_menu,
    give_mission_content,
)

# (year, title) in the editor's order: two in 2008, to check they share one year on the timeline.
MILESTONES = [
    (2006, "Création du RAMEAU"),
    (2008, "Premier observatoire des partenariats"),
    (2008, "Premier programme de recherche"),
    (2014, "Un centre de ressources ouvert à tous"),
    (2022, "Première étude nationale d'impact"),
]


@pytest.fixture
def mission(db) -> MissionPage:
    """« Qui sommes-nous ? » with its missions, objectives, two sourced figures and a quote."""
    return give_mission_content(MissionPage.objects.get())


@pytest.fixture
def history(mission) -> HistoryPage:
    """The timeline under « Qui sommes-nous ? », in the header menu after it."""
    page = HistoryPageFactory(
        parent=mission,
        milestones=[HistoryMilestoneFactory.build(year=year, title=title) for year, title in MILESTONES],
        publish=False,
    )
    add_to_menu(page, label="Notre histoire")
    return page


@pytest.fixture
def legal_notice(db) -> StandardPage:
    page = StandardPageFactory(
        title="Mentions légales",
        slug="mentions-legales",
        body=[
            ("heading", {"text": "Éditeur du site", "level": "h2"}),
            ("paragraph", RichText("<p>Le site est édité par une association d'intérêt général.</p>")),
        ],
        publish=False,
    )
    add_to_menu(page, menu="footer_menu")
    return page


@pytest.fixture
def contact(db) -> StandardPage:
    """The contact page, whose block shows the address, phone and email of the site settings."""
    page = StandardPageFactory(title="Contact", slug="contact", body=[("contact_details", None)], publish=False)
    add_to_menu(page, menu="footer_menu")
    return page
