"""The home page leads with the newest real item (« À la une »); a planned session whose theme
is not announced yet is one small line, never the headline, with no registration."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

import html5lib
import pytest

from pages.models import HomePage
from tests.factories.publications import NewsArticlePageFactory, PublicationPageFactory
from tests.factories.webinars import WebinarCyclePageFactory, WebinarPageFactory
from webinars.planning import plan_year

PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def home(db) -> HomePage:
    """The home as the demo orders it: « À la une », then the next webinar."""
    home = HomePage.objects.get()
    home.body = [("section", {"section": "featured"}), ("section", {"section": "next_webinar"})]
    home.save_revision().publish()
    return home


def sections(client) -> list:
    response = client.get("/")
    assert response.status_code == 200
    tree = html5lib.parse(response.content.decode(), namespaceHTMLElements=False)
    return tree.findall(".//div[@class='page-body page-body--home']/div/section")


@pytest.mark.django_db
def test_the_newest_real_item_leads_and_a_session_without_theme_is_one_line(client, home, time_machine):
    time_machine.move_to(datetime.datetime(2026, 12, 7, 10, tzinfo=PARIS), tick=False)
    PublicationPageFactory(title="Cahier de 2023", publication_date=datetime.date(2023, 12, 1), date_precision="day")
    NewsArticlePageFactory(title="Parution du cahier", date=datetime.date(2023, 12, 21))
    PublicationPageFactory(title="Annoncé pour 2027", publication_date=datetime.date(2027, 3, 1))  # not yet
    plan_year(2026, publish=True)  # « Décembre 2026 : thème à venir », on the 17th

    first, second = sections(client)[:2]
    assert first.find(".//h2").text == "À la une"
    assert "".join(first.find(".//h3").itertext()) == "Parution du cahier"
    assert "Actualité · 21 décembre 2023" in "".join(first.itertext())
    assert second.find(".//h2").text == "Le prochain webinaire"
    assert second.find(".//article") is None and second.find(".//h3") is None  # no headline card
    line = " ".join("".join(second.find(".//p[@class='webinar-next']").itertext()).split())
    assert line.startswith("Prochaine session le jeudi 17 décembre 2026, 13 h – 14 h, thème annoncé prochainement.")
    assert "S'inscrire" not in "".join(second.itertext())
    assert "thème à venir" not in client.get("/").content.decode()


@pytest.mark.django_db
def test_an_announced_session_keeps_its_card_and_a_newer_publication_leads(client, home, time_machine):
    time_machine.move_to(datetime.datetime(2030, 1, 2, 10, tzinfo=PARIS), tick=False)
    NewsArticlePageFactory(title="Une brève plus ancienne", date=datetime.date(2029, 6, 1))
    PublicationPageFactory(title="Le guide de décembre", publication_date=datetime.date(2029, 12, 1))
    cycle = WebinarCyclePageFactory(year=2030, slug="2030")
    WebinarPageFactory(parent=cycle, title="Qualifier l'innovation", day=datetime.date(2030, 1, 17))

    first, second = sections(client)[:2]
    assert "".join(first.find(".//h3").itertext()) == "Le guide de décembre"
    card = second.find(".//article[@class='webinar-highlight']")
    assert "".join(card.find(".//h3").itertext()) == "Qualifier l'innovation"
    assert "S'inscrire" in "".join(card.itertext())


@pytest.mark.django_db
def test_the_featured_item_changes_with_the_day(client, home, time_machine):
    """An article dated tomorrow takes the lead tomorrow, though no content changed in between."""
    time_machine.move_to(datetime.datetime(2030, 3, 9, 10, tzinfo=PARIS), tick=False)
    NewsArticlePageFactory(title="Brève d'hier", date=datetime.date(2030, 3, 8))
    NewsArticlePageFactory(title="Brève de demain", date=datetime.date(2030, 3, 10))
    assert "".join(sections(client)[0].find(".//h3").itertext()) == "Brève d'hier"
    time_machine.move_to(datetime.datetime(2030, 3, 10, 10, tzinfo=PARIS), tick=False)
    assert "".join(sections(client)[0].find(".//h3").itertext()) == "Brève de demain"
