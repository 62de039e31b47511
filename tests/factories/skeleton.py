"""The site's frame, built by factories once per xdist worker and committed in its database.

What nearly every test needs and none asserts on for its own sake: the home page as the
default site's root (localhost:80, as in production a single site), its sections (the next
webinar, the centres, their platforms' latest items, the latest publications), « Qui sommes-nous ? », the four section
indexes, the site settings and the header menu. Tests add, with factories, exactly the pages
they look at. Its texts are the factories' own, never the demo's.
"""

from __future__ import annotations

from django.apps import apps
from django.test import Client
from wagtail.models import Page, Site

from pages.models import NavigationSettings, SiteSettings
from rameau_site.security.staff import ensure_staff_groups

from .images import ImageFactory
from .pages import HomePageFactory, MissionPageFactory
from .publications import NewsIndexPageFactory, PublicationIndexPageFactory
from .resources import ResourceCentreIndexPageFactory
from .webinars import WebinarIndexPageFactory

SITE_NAME = "Le RAMEAU"
ADDRESS = "12 rue d'essai\n94300 Vincennes"
PHONE = "01 00 00 00 00"
EMAIL = "contact@exemple.org"
HOME_SECTIONS = ("next_webinar", "resource_centres", "centre_news", "latest_publications")
#: The home's blocks of their own among its sections (the others are « Section automatique »).
HOME_BLOCKS = {"centre_news": {"title": "Dernières ressources des centres", "count": 6}}


def build_skeleton() -> None:
    root = Page.get_first_root_node()
    home = HomePageFactory(
        parent=root,
        hero_image=ImageFactory(title="Illustration de l'accueil"),
        body=[
            (key, HOME_BLOCKS[key]) if key in HOME_BLOCKS else ("section", {"section": key}) for key in HOME_SECTIONS
        ],
    )
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": SITE_NAME}
    )
    Page.objects.child_of(root).exclude(pk=home.pk).delete()  # Wagtail's welcome page
    mission = MissionPageFactory(parent=home)
    sections = [
        ResourceCentreIndexPageFactory(parent=home),
        PublicationIndexPageFactory(parent=home),
        WebinarIndexPageFactory(parent=home),
        NewsIndexPageFactory(parent=home),
    ]
    site = Site.objects.get(is_default_site=True)
    settings = SiteSettings.for_site(site)
    settings.tagline = "Laboratoire de recherche sur les alliances"
    settings.address = ADDRESS
    settings.phone = PHONE
    settings.email = EMAIL
    settings.footer_text = "Un laboratoire de recherche d'intérêt général, créé pour les tests."
    settings.default_social_image = ImageFactory(title="Image de partage par défaut")
    settings.save()
    navigation = NavigationSettings.for_site(site)
    navigation.primary_menu = [("page", {"page": page, "label": ""}) for page in (mission, *sections)]
    navigation.save()
    ensure_staff_groups(apps)  # editors' rights on the editorial sections, as seed_demo grants them
    render_every_page()


def render_every_page() -> None:
    """Renditions (AVIF, WebP…) are made on a page's first view: made here, once, they are
    committed with the frame and each test finds them."""
    client = Client(SERVER_NAME="localhost")
    for page in Page.objects.live().public().filter(depth__gt=1).specific():
        response = client.get(page.get_url())
        assert response.status_code == 200, (page.url_path, response.status_code)
