"""Demo webinars: the 2019 cycle exactly as in the client's programme, the 2020 series
« L'ODD 17 en pratique », and next year's cycle planned as drafts for staff to fill.

Safe to rerun: pages are found by slug first and never overwritten.
"""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.db.models import Q
from django.utils.text import slugify

from pages.demo.seed import landscape, publish_child
from pages.models import HomePage, Theme

from . import clock
from .models import WebinarCyclePage, WebinarIndexPage, WebinarPage
from .planning import plan_year

PARIS = ZoneInfo("Europe/Paris")
REGISTRATION_2019 = "http://innovationterritoriale.plateformecapitalisation.org/programme-2019"

# (date, theme as in the client's table, a one-line summary in our own words, centre title hint)
CYCLE_2019 = [
    (
        date(2019, 1, 17),
        "Lancement du cycle de webinaires",
        "Le programme de l'année et la plateforme ouverte qui rassemble les résultats de la recherche sur l'innovation territoriale.",
        "L'innovation territoriale",
    ),
    (
        date(2019, 2, 21),
        "Qualifier l'innovation",
        "Reconnaître une innovation territoriale et dire ce qu'elle change : des repères pour en parler juste.",
        "L'innovation territoriale",
    ),
    (
        date(2019, 3, 21),
        "Connaître l'écosystème territorial",
        "Cartographier les acteurs d'un territoire, leurs ressources et leurs liens avant d'engager un projet commun.",
        "Co-construction",
    ),
    (
        date(2019, 4, 18),
        "Développer des partenariats stratégiques",
        "Passer du soutien ponctuel à l'alliance durable : les étapes et les pratiques qui ont fait leurs preuves.",
        "RSE",
    ),
    (
        date(2019, 5, 16),
        "Définir sa stratégie",
        "Relier projet, moyens et partenaires dans une stratégie que chacun peut s'approprier.",
        "Accompagnement",
    ),
    (
        date(2019, 6, 20),
        "Évaluer sa capacité de co-construction",
        "Faire le point sur ses atouts et ses fragilités avant de construire avec d'autres.",
        "Co-construction",
    ),
    (
        date(2019, 7, 18),
        "Mobiliser les compétences",
        "Trouver et partager les savoir-faire dont un projet a besoin, du mécénat de compétences au bénévolat.",
        "Engagement des salariés",
    ),
    (
        date(2019, 8, 22),
        "Favoriser l'engagement de l'entreprise",
        "Ce qui conduit une entreprise à s'engager sur son territoire, et comment l'y aider. Le 15 août étant férié, la session a lieu une semaine plus tard.",
        "RSE",
    ),
    (
        date(2019, 9, 19),
        "Hybrider son modèle socio-économique",
        "Diversifier ses ressources sans perdre son projet : les leviers d'un modèle économique hybride.",
        "Modèles socio",
    ),
    (
        date(2019, 10, 17),
        "Accroître l'impact d'une fondation",
        "Comment une fondation démultiplie son action en s'alliant à d'autres acteurs.",
        "Fondations",
    ),
    (
        date(2019, 11, 21),
        "Numériser l'innovation",
        "Les outils numériques qui aident à partager et à essaimer les innovations des territoires.",
        "L'innovation territoriale",
    ),
    (
        date(2019, 12, 19),
        "Co-construire le bien commun",
        "Clôture du cycle : ce que l'année a appris sur la fabrique collective du bien commun.",
        "Intérêt général",
    ),
]

# Public traces give the series, its five sessions and its last date (26 November 2020, 13 h – 14 h);
# the earlier dates (4th Thursdays) and the themes are our reconstruction, for staff to correct.
ODD17_2020 = [
    (
        date(2020, 6, 25),
        "Pourquoi faire alliance ? L'ODD 17 comme cadre commun",
        "L'objectif de développement durable n° 17 invite chacun à coopérer : ce qu'il recouvre et pourquoi il nous concerne.",
    ),
    (
        date(2020, 7, 23),
        "Faire alliance sur son territoire",
        "Des collectivités, des entreprises et des associations racontent comment elles ont appris à agir ensemble.",
    ),
    (
        date(2020, 9, 24),
        "Entreprises et associations : des alliances qui transforment",
        "Ce que chaque partenaire gagne à la relation, au-delà du financement.",
    ),
    (
        date(2020, 10, 22),
        "Évaluer ce que produisent les alliances",
        "Quels indicateurs pour rendre visibles les effets d'un partenariat, pour les personnes comme pour les organisations ?",
    ),
    (
        date(2020, 11, 26),
        "Et maintenant ? Accélérer le mouvement",
        "Dernière session de la série : les pistes pour changer d'échelle et le rôle de chacun.",
    ),
]


def theme(name: str, slug: str) -> Theme:
    """The shared theme with this name or slug (the publications seed may have made it)."""
    existing = Theme.objects.filter(Q(slug=slug) | Q(name=name)).first()
    return existing or Theme.objects.create(name=name, slug=slug)


def centre_for(hint: str):
    from resources.models import ResourceCentrePage

    return ResourceCentrePage.objects.filter(title__istartswith=hint).order_by("path").first() if hint else None


def paris(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=PARIS)


def seed_index(home: HomePage) -> WebinarIndexPage:
    existing = WebinarIndexPage.objects.first()
    if existing:
        return existing
    intro = (
        "Une fois par mois, à l'heure du déjeuner, Le RAMEAU met ses travaux en débat : une heure en ligne "
        "pour les confronter à l'expérience d'élus, d'agents territoriaux, de dirigeants d'entreprise et "
        "d'association, de chercheurs."
    )
    return publish_child(
        home,
        WebinarIndexPage(
            title="Webinaires",
            slug="webinaires",
            intro=intro,
            listing_summary="Chaque mois, une heure en ligne pour débattre des résultats de la recherche. Programme, inscriptions et replays.",
            listing_image=landscape("Illustration : webinaires"),
        ),
    )


def seed_session(
    cycle: WebinarCyclePage, day: date, title: str, summary: str, format_note: str, themes: list[Theme], centre=None
) -> None:
    slug = slugify(title)[:80]
    if WebinarPage.objects.child_of(cycle).filter(slug=slug).exists():
        return
    session = WebinarPage(
        title=title,
        slug=slug,
        start=paris(day, 13),
        end=paris(day, 14),
        listing_summary=summary,
        summary=f"<p>{summary}</p><p>{format_note}</p>",
    )
    session.themes = themes
    session.centres = [centre] if centre else []
    publish_child(cycle, session)


def seed_cycle_2019(index: WebinarIndexPage) -> None:
    cycle = publish_child(
        index,
        WebinarCyclePage(
            title="Cycle de webinaires 2019",
            slug="2019",
            year=2019,
            intro=(
                "Douze rendez-vous pour parcourir, mois après mois, ce dont les territoires et les organisations "
                "ont besoin pour innover ensemble, en s'appuyant sur la plateforme « L'innovation territoriale en actions ! »."
            ),
            registration_url=REGISTRATION_2019,
        ),
    )
    themes = [theme("Innovation territoriale", "innovation-territoriale")]
    note = (
        "Une heure en ligne : les repères issus des travaux du RAMEAU, le témoignage d'un territoire "
        "ou d'une organisation pionnière, puis un temps d'échange avec les participants."
    )
    for day, title, summary, hint in CYCLE_2019:
        seed_session(cycle, day, title, summary, note, themes, centre_for(hint))


def seed_odd17_series(index: WebinarIndexPage) -> None:
    cycle = publish_child(
        index,
        WebinarCyclePage(
            title="L'ODD 17 en pratique",
            slug="odd-17-en-pratique",
            intro=(
                "Une série de cinq webinaires, en 2020, pour passer de l'objectif de développement durable "
                "n° 17 — les partenariats — à des actions concrètes sur les territoires."
            ),
            rule_which=4,
        ),
    )
    themes = [theme("ODD 17", "odd-17")]
    note = (
        "Chaque session croise les résultats de l'Observatoire des partenariats et des exemples concrets d'alliances."
    )
    for day, title, summary in ODD17_2020:
        seed_session(cycle, day, title, summary, note, themes, centre_for("Observatoire"))


def seed() -> None:
    home = HomePage.objects.first()
    if home is None:
        return
    index = seed_index(home)
    seed_cycle_2019(index)
    seed_odd17_series(index)
    # Next year's cycle, as unpublished drafts: staff fill in the themes, then publish.
    plan_year(clock.now().year + 1, publish=False, index=index)
