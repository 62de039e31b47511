"""The demo tree of the pages app: home, mission, history, legal notice, contact, menus.

Every step looks for what exists first, so running it again creates nothing twice and never
overwrites what staff have edited.
"""

from __future__ import annotations

from django.apps import apps
from django.conf import settings
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, Locale, Page, Site

from demo.content import load
from demo.images import landscape, untouched
from pages.models import (
    HistoryMilestone,
    HistoryPage,
    HomePage,
    KeyFigure,
    MissionPage,
    NavigationSettings,
    Partner,
    PartnersPage,
    SiteSettings,
)

from .common import publish_child, republish

CONTENT = load("pages")


def ensure_root() -> Page:
    """The roots and default locale that Wagtail's migrations create (and a database flush removes)."""
    Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Racine")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Racine", slug="root"))
    return root


def seed_home() -> HomePage:
    """The home page becomes the root of the default site; Wagtail's welcome page goes."""
    root = ensure_root()
    home = HomePage.objects.first()
    if home is None:
        home = publish_child(
            root,
            HomePage(
                title=CONTENT["home"]["title"],
                slug="accueil",
                seo_title="",
                search_description=CONTENT["home"]["seo_description"],
                headline=CONTENT["home"]["headline"],
                intro=CONTENT["home"]["intro"],
                hero_image=landscape("Illustration : un rameau", "Motif graphique d'un rameau sur fond vert"),
            ),
        )
    site = Site.objects.filter(is_default_site=True).first() or Site(
        hostname="localhost", port=80, is_default_site=True
    )
    if site.root_page_id != home.id or site.site_name != CONTENT["site_name"]:
        site.root_page = home
        site.site_name = CONTENT["site_name"]
        site.save()
    welcome = Page.objects.child_of(root).filter(slug="home", content_type__model="page").first()
    if welcome:
        welcome.delete()
    return home


def seed_key_figures() -> dict[str, KeyFigure]:
    figures = {}
    for item in CONTENT["key_figures"]:
        figure, _ = KeyFigure.objects.get_or_create(
            value=item["value"],
            label=item["label"],
            year=item["year"],  # the same « 500 organisations bénéficiaires » in 2017 and 2019
            defaults={
                "qualifier": item.get("qualifier", ""),
                "source": item["source"],
                "source_url": item["source_url"],
            },
        )
        figures[item["key"]] = figure
    return figures


def seed_partners() -> dict[str, Partner]:
    """The partners, without a logo: the demo has none of theirs, and the site sets a
    partner's name in type until staff upload the real one."""
    drop_drawn_logos()
    partners = {}
    for item in CONTENT["partners"]:
        partner = Partner.objects.filter(name=item["name"]).first()
        if partner is None:
            partner = Partner.objects.create(
                name=item["name"], website=item["website"], description=item["description"]
            )
        partners[item["key"]] = partner
    return partners


def drop_drawn_logos() -> None:
    """Earlier demos drew a monogram for each partner (« Logo <name> »): an invented mark. Those
    nobody has touched since are taken off their partner and deleted."""
    for partner in Partner.objects.filter(logo__isnull=False).select_related("logo"):
        logo = partner.logo
        if logo.title == f"Logo {partner.name}" and untouched(logo):
            partner.logo = None
            partner.save()
            logo.delete()


def seed_mission(home: HomePage, figures: dict[str, KeyFigure]) -> MissionPage:
    data = CONTENT["mission"]
    return publish_child(
        home,
        MissionPage(
            title=data["title"],
            slug=data["slug"],
            search_description=data["seo_description"],
            listing_summary=data["intro"],
            listing_image=landscape("Illustration : qui sommes-nous"),
            intro=data["intro"],
            positioning=data["positioning"],
            missions=[("mission", mission) for mission in data["missions"]],
            objectives_intro=data["objectives_intro"],
            objectives=[("objective", objective) for objective in data["objectives"]],
            key_figures=[("figure", figures[key]) for key in CONTENT["mission_figure_keys"]],
            quote_text=data["quote"]["text"],
            quote_author=data["quote"]["author"],
            quote_role=data["quote"]["role"],
            quote_source=data["quote"]["source"],
            body=[mission_block(item, figures) for item in CONTENT["mission_body"]],
        ),
    )


def mission_block(item: dict, figures: dict[str, KeyFigure]) -> tuple[str, object]:
    """A block of the mission page's body from its YAML: a heading, a chart, or a row of figures."""
    if item["type"] == "heading":
        return ("heading", {"text": item["text"], "level": "h2"})
    if item["type"] == "key_figures":
        return ("key_figures", {"heading": item["heading"], "figures": [figures[key] for key in item["keys"]]})
    chart = {
        key: item.get(key, "") for key in ("title", "chart_type", "summary", "category_title", "unit", "source", "year")
    }
    chart["heading_level"] = "h3"  # under the body's section heading that comes before it
    chart["figures"] = [
        {"figure": figures[entry["key"]], "label": entry.get("label", ""), "series": entry.get("series", "")}
        for entry in item.get("figures", [])
    ]
    if "table" in item:
        table = item["table"]
        chart["table"] = {
            "columns": [
                {"type": "category", "heading": table["heading"]},
                {"type": "number", "heading": table["series"]},
            ],
            "rows": [{"values": row} for row in table["rows"]],
            "caption": "",
        }
    return ("chart", chart)


def seed_history(mission: MissionPage) -> HistoryPage:
    data = CONTENT["history"]
    milestones = [
        HistoryMilestone(
            sort_order=index, year=item["year"], month=item["month"], title=item["title"], text=item["text"]
        )
        for index, item in enumerate(CONTENT["milestones"])
    ]
    return publish_child(
        mission,
        HistoryPage(
            title=data["title"],
            slug=data["slug"],
            search_description=data["seo_description"],
            listing_summary=data["intro"],
            listing_image=landscape("Illustration : notre histoire"),
            intro=data["intro"],
            milestones=milestones,
        ),
    )


def seed_partners_page(home: HomePage) -> PartnersPage:
    """/partenaires/: the page lists every partner and what was built with each by itself."""
    data = CONTENT["partners_page"]
    return publish_child(
        home,
        PartnersPage(
            title=data["title"],
            slug=data["slug"],
            intro=data["intro"],
            listing_summary=data["intro"],
            search_description=data["seo_description"],
        ),
    )


def home_chart(figures: dict[str, KeyFigure]) -> tuple[str, dict]:
    """The mission page's chart marked `home`, a section of its own on the home page (h2)."""
    block_type, chart = next(mission_block(item, figures) for item in CONTENT["mission_body"] if item.get("home"))
    return block_type, {**chart, "heading_level": "h2"}


def fill_home_body(home: HomePage, mission: MissionPage, figures, partners) -> None:
    """Give the home page its figures, call to action and partners the first time only."""
    if home.body:
        return
    home.primary_link = mission
    home.primary_link_label = "Découvrir Le RAMEAU"
    home.body = [
        ("section", {"section": "featured"}),  # the newest real item leads, never a session without its theme
        ("section", {"section": "next_webinar"}),
        (
            "key_figures",
            {"heading": "Le RAMEAU en chiffres", "figures": [figures[k] for k in CONTENT["home_figure_keys"]]},
        ),
        home_chart(figures),
        ("section", {"section": "resource_centres"}),
        ("centre_news", {"title": "Dernières ressources des centres", "count": 6}),
        ("section", {"section": "latest_publications"}),
        (
            "call_to_action",
            {
                "title": "Depuis 2006, une recherche racontée pas à pas",
                "text": "De l'hypothèse fondatrice de 2006 à la première étude nationale d'impact du « faire alliance », en 2022.",
                "page": mission.get_children().type(HistoryPage).first(),
                "url": "",
                "label": "Parcourir notre histoire",
            },
        ),
        (
            "partners",
            {"heading": "Ils construisent avec nous", "partners": [partners[k] for k in CONTENT["home_partner_keys"]]},
        ),
    ]
    home.save_revision(log_action=True).publish()


def seed_settings(site: Site) -> None:
    site_settings = SiteSettings.for_site(site)
    if not site_settings.address:
        for field in ("organisation_name", "tagline", "address", "phone", "email", "footer_text"):
            setattr(site_settings, field, CONTENT["site_settings"][field])
        site_settings.default_social_image = landscape("Image de partage du RAMEAU")
        site_settings.save()


# The header menu, in order: (page type, label or "" for the page title).
PRIMARY_MENU = [
    ("pages.MissionPage", "Qui sommes-nous"),
    ("pages.HistoryPage", "Notre histoire"),
    ("resources.ResourceCentreIndexPage", "Centres de ressources"),
    ("publications.PublicationIndexPage", "Publications"),
    ("webinars.WebinarIndexPage", "Webinaires"),
    ("publications.NewsIndexPage", "Actualités"),
    ("contact.ContactPage", "Contact"),
]
# The legal notice, privacy page, accessibility statement and site map are linked by every
# footer on their own (templates/includes/legal_links.html): the menu carries the others.
FOOTER_SLUGS = ["programmes", "partenaires", "presse", "contact", "newsletters"]


def seed_navigation() -> None:
    """Menus link whatever demo pages exist; menus staff have already filled are left alone."""
    home = HomePage.objects.get()
    site = Site.objects.get(root_page=home)
    navigation = NavigationSettings.for_site(site)
    if not navigation.primary_menu:
        items = []
        for model_path, label in PRIMARY_MENU:
            model = apps.get_model(model_path)
            page = model.objects.descendant_of(home).live().first()
            if page:
                items.append(("page", {"page": page, "label": label}))
        navigation.primary_menu = items
    if not navigation.footer_menu:
        pages = {page.slug: page for page in Page.objects.child_of(home).live().filter(slug__in=FOOTER_SLUGS)}
        navigation.footer_menu = [
            ("page", {"page": pages[slug], "label": ""}) for slug in FOOTER_SLUGS if slug in pages
        ]
    navigation.save()


def link_milestones() -> None:
    """Point each milestone at the publication, centre or cycle it mentions (its slug, or the
    end of its path); those pages exist only once every section is seeded. A link staff have
    set is kept."""
    history = HistoryPage.objects.first()
    if history is None:
        return
    wanted = {(item["year"], item["title"]): item["link"] for item in CONTENT["milestones"] if item.get("link")}
    slugs = {link.rsplit("/", 1)[-1] for link in wanted.values()}
    candidates = list(Page.objects.filter(slug__in=slugs).live().order_by("path"))

    def page_for(link: str) -> Page | None:
        """A slug, or the end of a path when a slug alone is ambiguous (« centres-de-ressources/… »)."""
        return next((page for page in candidates if page.url_path.rstrip("/").endswith(f"/{link}")), None)

    milestones = list(history.milestones.all())
    changed = False
    for milestone in milestones:
        link = wanted.get((milestone.year, milestone.title), "")
        target = page_for(link) if link else None
        if target and milestone.link_page_id is None:
            milestone.link_page = target
            changed = True
    if changed:
        history.milestones = milestones
        republish(history)


def seed() -> HomePage:
    home = seed_home()
    figures = seed_key_figures()
    partners = seed_partners()
    mission = seed_mission(home, figures)
    seed_history(mission)
    seed_partners_page(home)
    fill_home_body(home, mission, figures, partners)
    seed_settings(Site.objects.get(root_page=home))
    return home
