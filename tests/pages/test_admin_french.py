"""The admin speaks French on the screens staff use, where Wagtail's own French is missing or
wrong: corrected in the project's locale (locale/fr, LOCALE_PATHS), a few labels Wagtail builds
from field names, and the tree's root. Each screen is rendered as staff see it."""

from __future__ import annotations

import ast
import re
from gettext import GNUTranslations
from html import unescape
from pathlib import Path

import pytest
from django.conf import settings
from django.template.loader import get_template
from django.urls import reverse
from django.utils.html import strip_tags
from wagtail.models import Collection, Page, Site
from wagtail.test.utils.form_data import querydict_from_html

from publications.models import PublicationPage
from tests.factories.publications import PublicationPageFactory, authors
from tests.factories.users import PASSWORD, SuperuserFactory

pytestmark = pytest.mark.django_db

# Wagtail's templates the project overrides, to pass a label through translation, to say
# « Oui »/« Non » where Wagtail prints Python's True/False, and « système » for no one.
OVERRIDDEN = (
    "wagtailadmin/tables/column_header.html",
    "wagtailadmin/tables/boolean_cell.html",
    "wagtailadmin/shared/user_avatar.html",
)


@pytest.fixture
def admin_client(client):
    client.force_login(SuperuserFactory())
    return client


def text_of(response) -> str:
    """What a reader (and a screen reader) gets: the markup's text, spaces collapsed."""
    html = response if isinstance(response, str) else response.content.decode()
    return re.sub(r"\s+", " ", unescape(strip_tags(html)))


def assert_french(text: str, present: list[str], absent: list[str]) -> None:
    for words in present:
        assert words in text, words
    for words in absent:
        assert words not in text, words


def po_entries(path: Path) -> list[dict[str, str]]:
    """The entries of a .po file (msgid, msgid_plural, msgstr, msgstr[n]), read without gettext tools."""
    entries: list[dict[str, str]] = []
    current: dict[str, str] = {}
    key = ""
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        line = line.strip()
        if (not line or line.startswith("msgid ")) and key.startswith("msgstr"):
            entries.append(current)
            current, key = {}, ""
        if not line or line.startswith("#"):
            continue
        if line.startswith('"'):
            current[key] += ast.literal_eval(line)
        else:
            key, _, literal = line.partition(" ")
            current[key] = ast.literal_eval(literal)
    return [entry for entry in entries if entry["msgid"]]


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_compiled_catalogue_matches_its_source(domain):
    """The .mo is committed (a fresh clone needs no msgfmt): it must say what the .po says."""
    folder = Path(settings.BASE_DIR) / "locale" / "fr" / "LC_MESSAGES"
    with (folder / f"{domain}.mo").open("rb") as compiled:
        catalogue = GNUTranslations(compiled)
    entries = po_entries(folder / f"{domain}.po")
    assert entries
    for entry in entries:
        if "msgid_plural" in entry:
            assert catalogue.ngettext(entry["msgid"], entry["msgid_plural"], 1) == entry["msgstr[0]"]
            assert catalogue.ngettext(entry["msgid"], entry["msgid_plural"], 2) == entry["msgstr[1]"]
        else:
            assert catalogue.gettext(entry["msgid"]) == entry["msgstr"], entry["msgid"]


@pytest.mark.parametrize("name", OVERRIDDEN)
def test_project_templates_win_over_wagtails(name):
    assert Path(get_template(name).origin.name) == Path(settings.BASE_DIR) / "templates" / name


def test_login_page_labels_the_password_in_french(client):
    text = text_of(client.get(reverse("wagtailadmin_login")))
    assert_french(text, ["Mot de passe"], ["Password"])


def test_dashboard_counts_pages_in_french(admin_client):
    text = text_of(admin_client.get(reverse("wagtailadmin_home")))
    assert_french(text, ["pages créées dans Le RAMEAU"], ["crées dans", "Pages créées"])


def test_menu_badge_of_new_items_is_plural(admin_client):
    """« (2 nouveaux éléments dans ce menu) »: the sidebar's script text comes from the JS catalogue."""
    catalogue = admin_client.get(reverse("wagtailadmin_javascript_catalog")).content.decode()
    assert "(%(number)s nouveaux \\u00e9l\\u00e9ments dans ce menu)" in catalogue
    assert "(%(number)s  nouvel" not in catalogue


def test_page_search_header_and_status_text(admin_client):
    PublicationPageFactory(title="Alliances locales")
    text = text_of(admin_client.get(reverse("wagtailadmin_pages:search"), {"q": "Alliances"}))
    assert_french(text, ["1 à 1 sur 1"], ["None", "Status :", "True"])


def test_sites_listing_names_its_columns_in_french(admin_client):
    text = text_of(admin_client.get(reverse("wagtailsites:index")))
    assert_french(text, ["Nom du site", "Page racine"], ["Site name", "Root page", "Root"])


def test_tree_root_and_root_collection_are_french(admin_client):
    assert Page.objects.get(depth=1).title == "Racine"
    assert Collection.objects.get(depth=1).name == "Racine"
    text = text_of(admin_client.get(reverse("wagtailadmin_explore_root")))
    assert_french(text, ["Racine"], ["Root"])


def test_users_listing_reads_yes_not_true_and_just_now(admin_client, client):
    """A login a moment ago reads « À l'instant »; the active column says « Oui » to screen readers."""
    staff = SuperuserFactory()
    client.login(username=staff.username, password=PASSWORD)
    html = admin_client.get(reverse("wagtailusers_users:index")).content.decode()
    text = text_of(html[html.rindex("<table") :])
    assert_french(text, ["Oui", "À l'instant"], ["True", "False", "0 minute"])


def test_publication_form_slug_help_and_inline_button(admin_client):
    publication = PublicationPageFactory(authors=authors(("Anne", "Dupont")))
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[publication.pk]))
    text = text_of(response)
    assert_french(
        text,
        [
            "par exemple https://www.lerameau.fr/publications/",
            "Ajouter : Auteur",
            "Statut : ",
            "Sans verrou",
            "Tout le monde peut modifier cet élément",
        ],
        ["e.g http", "un(e)", "Status :", "Déverrouillé(e)", "Ce(tte)", "le/la"],
    )
    assert PublicationPage.objects.get(pk=publication.pk).authors.get().last_name == "Dupont"


def test_settings_saved_message_is_french(admin_client):
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=["pages", "sitesettings", site.pk])
    form = querydict_from_html(admin_client.get(url).content.decode(), form_id="w-editor-form").dict()
    text = text_of(admin_client.post(url, form, follow=True))
    assert_french(text, ["Paramètres du site : modifications enregistrées."], ["mis à jour"])


def test_aging_report_names_no_one_as_the_system(admin_client):
    PublicationPageFactory(title="Publiée par un script")
    html = admin_client.get(reverse("wagtailadmin_reports:aging_pages")).content.decode()
    text = text_of(html[html.rindex("<table") :])
    assert_french(text, ["Publiée par un script", "système"], ["None"])
