"""One live page of every page type, on top of the site's frame: for the checks that must
hold on each of them (SEO tags, structured data, query budgets, the sitemap). Saved without
revisions (`publish=False`): what these checks read is the pages' rows."""

from __future__ import annotations

import datetime

from wagtail.models import Page, get_page_models
from wagtail.rich_text import RichText

from pages.models import HomePage, MissionPage
from publications.models import NewsIndexPage, NewsRelatedPublication, PublicationAuthor, PublicationIndexPage
from resources.models import ResourceCentreIndexPage
from webinars.models import WebinarIndexPage, WebinarSpeaker

from .contact import ContactPageFactory
from .documents import DocumentFactory
from .images import CoverFactory, ImageFactory
from .legal import AccessibilityPageFactory, LegalNoticePageFactory, PrivacyPageFactory
from .newsletters import NewsletterListFactory, NewsletterPageFactory
from .pages import (
    AudienceFactory,
    HistoryMilestoneFactory,
    HistoryPageFactory,
    PartnerFactory,
    PartnersPageFactory,
    SiteMapPageFactory,
    StandardPageFactory,
    ThemeFactory,
    add_to_menu,
    give_mission_content,
)
from .people import PersonPageFactory, TeamPageFactory
from .press import PressIndexPageFactory, PressReleasePageFactory, mention
from .programmes import ProgrammePageFactory
from .publications import NewsArticlePageFactory, PublicationPageFactory, PublicationTypeFactory
from .resources import ResourceCentrePageFactory, give_news
from .webinars import WebinarCyclePageFactory, WebinarPageFactory


def page_types() -> set[type[Page]]:
    """Every page type of the site (Wagtail's own base class aside)."""
    return set(get_page_models()) - {Page}


def build_every_page_type() -> dict[str, Page]:
    """{name: page}, one per page type, linked as editors link them: a centre with its partner,
    audience and its platform's latest items, a book by two authors with its cover, PDF, theme and centre, a yearly cycle
    and its session with a speaker, a news article pointing to the book."""
    home = HomePage.objects.get()
    mission = give_mission_content(MissionPage.objects.get())
    history = HistoryPageFactory(
        parent=mission,
        milestones=[
            HistoryMilestoneFactory.build(year=2006, title="Création du laboratoire"),
            HistoryMilestoneFactory.build(year=2008, title="Premier observatoire", month=6),
        ],
        publish=False,
    )
    add_to_menu(history, label="Notre histoire")
    contact = StandardPageFactory(
        parent=home, title="Contact", slug="contact", body=[("contact_details", None)], publish=False
    )
    add_to_menu(contact, menu="footer_menu")
    theme = ThemeFactory(name="Intérêt général", slug="interet-general")
    centre = ResourceCentrePageFactory(
        parent=ResourceCentreIndexPage.objects.get(),
        title="Partenariats en territoire",
        slug="partenariats-en-territoire",
        listing_image=ImageFactory(),
        audiences=[AudienceFactory(name="Associations", slug="associations")],
        partners=[PartnerFactory(name="Fondation d'essai")],
        helps_act=True,
        body=[("paragraph", RichText("<p>Des méthodes et des retours d'expérience.</p>"))],
        publish=False,
    )
    give_news(centre)  # what the nightly reading of its platform left
    book = PublicationPageFactory(
        parent=PublicationIndexPage.objects.get(),
        title="Bien commun et alliances",
        slug="bien-commun-et-alliances",
        publication_type=PublicationTypeFactory(name="Livre", name_plural="Livres", slug="livre", nature="book"),
        publication_date=datetime.date(2016, 12, 1),
        publisher="Éditions d'essai",
        isbn="978-2-247-16583-4",
        authors=[
            PublicationAuthor(first_name="Anne", last_name="Robin"),
            PublicationAuthor(first_name="", last_name="Le RAMEAU"),
        ],
        themes=[theme],
        centres=[centre],
        cover_image=CoverFactory(),
        document=DocumentFactory(),
        publish=False,
    )
    article = NewsArticlePageFactory(
        parent=NewsIndexPage.objects.get(),
        title="Parution de « Bien commun et alliances »",
        date=datetime.date(2017, 1, 10),
        related_links=[NewsRelatedPublication(publication=book)],
        body=[("paragraph", RichText("<p>Le livre est paru.</p>"))],
        publish=False,
    )
    cycle = WebinarCyclePageFactory(
        parent=WebinarIndexPage.objects.get(), title="Cycle de webinaires 2019", slug="2019", year=2019, publish=False
    )
    session = WebinarPageFactory(
        parent=cycle,
        title="Numériser l'innovation",
        day=datetime.date(2019, 11, 21),
        speakers=[WebinarSpeaker(name="Anne Robin", role="directrice de recherche")],
        themes=[theme],
        centres=[centre],
        publish=False,
    )
    NewsletterListFactory(name="La lettre d'essai", description="Chaque mois, les nouvelles du laboratoire.")
    front_door = {
        "contact": ContactPageFactory(slug="nous-ecrire", publish=False),
        "lettres": NewsletterPageFactory(publish=False),
        "mentions légales": LegalNoticePageFactory(publish=False),
        "confidentialité": PrivacyPageFactory(publish=False),
        "accessibilité": AccessibilityPageFactory(publish=False),
        "plan du site": SiteMapPageFactory(publish=False),
        "partenaires": PartnersPageFactory(publish=False),
    }
    team = TeamPageFactory(parent=mission, publish=False)
    person = PersonPageFactory(
        parent=team, title="Anne Robin", given_name="Anne", family_name="Robin", role="Directrice scientifique"
    )
    team.sections = [("section", {"heading": "L'équipe", "intro": "", "members": [person]})]
    team.save()
    programme = ProgrammePageFactory(title="PHARE", slug="phare", start_year=2014, publish=False)
    for linked in (book, centre, cycle):
        linked.programmes.add(programme)
        linked.save()
    book.authors.filter(last_name="Robin").update(person=person)
    press = PressIndexPageFactory(parent=home, mentions=[mention("Journal d'essai")], publish=False)
    release = PressReleasePageFactory(parent=press, title="Premier dîner de presse", document=DocumentFactory())
    pages = {
        **front_door,
        "accueil": home,
        "mission": mission,
        "histoire": history,
        "page simple": contact,
        "centres": centre.get_parent().specific,
        "centre": centre,
        "publications": book.get_parent().specific,
        "publication": book,
        "actualités": article.get_parent().specific,
        "actualité": article,
        "webinaires": cycle.get_parent().specific,
        "cycle": cycle,
        "session": session,
        "équipe": team,
        "personne": person,
        "programmes": programme.get_parent().specific,
        "programme": programme,
        "presse": press,
        "communiqué": release,
    }
    assert {type(page) for page in pages.values()} == page_types(), "a page type was added: build one here"
    return pages
