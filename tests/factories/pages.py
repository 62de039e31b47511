"""The institution's pages (home, mission, history, plain pages, site map) and the snippets every
section uses."""

from __future__ import annotations

import factory
from django.utils.text import slugify
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from pages.models import (
    Audience,
    HistoryMilestone,
    HistoryPage,
    HomePage,
    KeyFigure,
    MissionPage,
    NavigationSettings,
    Partner,
    PartnersPage,
    SiteMapPage,
    StandardPage,
    Theme,
)

from .base import PageFactory
from .images import LogoFactory

# --- snippets ---------------------------------------------------------------------------


class PartnerFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Partenaire d'essai {n}")
    logo = factory.SubFactory(LogoFactory, title=factory.LazyAttribute(lambda logo: f"Logo {logo.factory_parent.name}"))
    website = factory.Sequence(lambda n: f"https://partenaire-{n}.exemple.org/")
    description = "Un partenaire créé pour les tests."

    class Meta:
        model = Partner


class KeyFigureFactory(factory.django.DjangoModelFactory):
    value = factory.Sequence(lambda n: f"{100 + n}")
    label = factory.Sequence(lambda n: f"alliances d'essai recensées ({n})")
    year = 2024
    source = "Enquête d'essai"
    source_url = "https://etude.exemple.org/"

    class Meta:
        model = KeyFigure


class AudienceFactory(factory.django.DjangoModelFactory):
    """A visitor profile; found again by its slug."""

    name = factory.Sequence(lambda n: f"Public d'essai {n}")
    slug = factory.LazyAttribute(lambda audience: slugify(audience.name))
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = Audience
        django_get_or_create = ("slug",)


class ThemeFactory(factory.django.DjangoModelFactory):
    """A theme shared by publications and webinars; found again by its slug."""

    name = factory.Sequence(lambda n: f"Thème d'essai {n}")
    slug = factory.LazyAttribute(lambda theme: slugify(theme.name))
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = Theme
        django_get_or_create = ("slug",)


# --- pages --------------------------------------------------------------------------------

HOME_HEADLINE = "Faire alliance pour le bien commun"


class HomePageFactory(PageFactory):
    """The home page under Wagtail's root (one per site: `max_count = 1`)."""

    title = "Accueil"
    slug = "accueil"
    parent = factory.LazyFunction(Page.get_first_root_node)
    headline = HOME_HEADLINE
    intro = "Un laboratoire de recherche qui observe et outille les alliances entre acteurs d'un territoire."
    search_description = "Le RAMEAU étudie les alliances au service du bien commun."

    class Meta:
        model = HomePage


class MissionPageFactory(PageFactory):
    """« Qui sommes-nous ? » under the home page, with nothing but its intro unless asked."""

    title = "Qui sommes-nous ?"
    slug = "qui-sommes-nous"
    parent = factory.LazyFunction(lambda: HomePage.objects.get())
    intro = "Un laboratoire d'intérêt général qui étudie les alliances."
    search_description = "Ce qu'est Le RAMEAU, ses missions et ses chiffres clés."

    class Meta:
        model = MissionPage


class HistoryMilestoneFactory(factory.django.DjangoModelFactory):
    """A timeline entry; pass `page=` to save it, or `.build()` it into `HistoryPageFactory(milestones=[...])`."""

    year = factory.Sequence(lambda n: 2006 + n % 20)
    title = factory.Sequence(lambda n: f"Étape d'essai {n}")
    text = "<p>Ce qui s'est passé cette année-là.</p>"

    class Meta:
        model = HistoryMilestone


class HistoryPageFactory(PageFactory):
    title = "Notre histoire"
    slug = "histoire"
    parent = factory.LazyFunction(lambda: MissionPage.objects.get())
    intro = "Les grandes étapes du RAMEAU."
    search_description = "Les étapes du RAMEAU depuis sa fondation."

    class Meta:
        model = HistoryPage


class StandardPageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Page d'essai {n}")
    parent = factory.LazyFunction(lambda: HomePage.objects.get())
    intro = "Une page simple créée pour les tests."

    class Meta:
        model = StandardPage


# --- what a page or the site needs beyond its fields -----------------------------------------

MISSIONS = ("Témoigner", "Innover", "Transmettre")


def give_mission_content(mission: MissionPage, figures: int = 2) -> MissionPage:
    """« Qui sommes-nous ? » as the design has it: three missions, each with its « preuve en
    acte », four objectives, sourced key figures, a quote and a closing paragraph; published."""
    mission.positioning = "<p>Observatoire, centre d'expérimentation et laboratoire de prospective.</p>"
    mission.missions = [
        (
            "mission",
            {
                "title": title,
                "text": RichText(f"<p>Ce que veut dire « {title.lower()} » pour le laboratoire.</p>"),
                "proof_title": "La preuve en acte",
                "proof_text": RichText(f"<p>Une réalisation qui montre la mission « {title} ».</p>"),
            },
        )
        for title in MISSIONS
    ]
    mission.objectives_intro = "Quatre objectifs pour les alliances."
    mission.objectives = [
        ("objective", {"title": f"Objectif d'essai {number}", "text": "Une phrase d'explication."})
        for number in range(1, 5)
    ]
    mission.key_figures = [("figure", figure) for figure in KeyFigureFactory.create_batch(figures)]
    mission.quote_text = "Faire alliance, c'est répondre ensemble à ce qu'aucun ne peut seul."
    mission.quote_author = "Une présidente d'essai"
    mission.quote_role = "présidente du laboratoire"
    mission.body = [("paragraph", RichText("<p>Un dernier mot sur la méthode.</p>"))]
    mission.save_revision().publish()
    return mission


def add_to_menu(page: Page, menu: str = "primary_menu", label: str = "") -> None:
    """Adds the page at the end of the header menu (or of `menu="footer_menu"`), as staff do in Paramètres."""
    navigation = NavigationSettings.for_site(Site.objects.get(is_default_site=True))
    items = [(block.block_type, block.value) for block in getattr(navigation, menu)]
    setattr(navigation, menu, [*items, ("page", {"page": page, "label": label})])
    navigation.save()


class SiteMapPageFactory(PageFactory):
    title = "Plan du site"
    slug = "plan-du-site"
    parent = factory.LazyFunction(lambda: HomePage.objects.get())
    intro = "Toutes les pages du site."

    class Meta:
        model = SiteMapPage


class PartnersPageFactory(PageFactory):
    title = "Nos partenaires"
    slug = "partenaires"
    parent = factory.LazyFunction(lambda: HomePage.objects.get())
    intro = "Ceux avec qui Le RAMEAU construit."

    class Meta:
        model = PartnersPage
