"""The admin speaks French on the screens staff use, where Wagtail's own French is missing or
wrong: corrected in the project's locale (locale/fr, LOCALE_PATHS), a few labels Wagtail builds
from field names, and the tree's root. Each screen is rendered as staff see it."""

from __future__ import annotations

import ast
import json
import re
from gettext import GNUTranslations
from html import unescape
from pathlib import Path

import pytest
import wagtail
from django.conf import settings
from django.template.loader import get_template
from django.urls import reverse
from django.utils.html import strip_tags
from wagtail.models import Collection, Page, Site
from wagtail.test.utils.form_data import querydict_from_html
from wagtail.utils.version import get_main_version

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
    # French typography of the titles Wagtail joins in code (« Nouveau: Publication »), through
    # the public blocks « titletag » and « title » of templates that extend Wagtail's own.
    "wagtailadmin/generic/base.html",
    "wagtailadmin/shared/headers/slim_header.html",
    # No « Page » subtitle after « Choisir une page », no « None » in a hidden side-panel counter.
    "wagtailadmin/chooser/browse.html",
    "wagtailadmin/shared/side_panel_toggle.html",
    # No colon glued to the field names of a comparison of versions.
    "wagtailadmin/generic/revisions/compare.html",
)


@pytest.fixture
def admin_client(client):
    client.force_login(SuperuserFactory())
    return client


def text_of(response) -> str:
    """What a reader (and a screen reader) gets: the markup's text, spaces collapsed (scripts'
    data left out: menu names and addresses are not read). A modal's JSON answer: its HTML."""
    html = response if isinstance(response, str) else response.content.decode()
    if html.startswith("{"):
        html = json.loads(html).get("html", "")
    html = re.sub(r"<(script|template)\b.*?</\1>", " ", html, flags=re.S)
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


# --- Second pass (issue 26): each screen staff named, rendered as they see it --------------


def submit_for_review(page, editor) -> None:
    """The page enters the site's circuit, submitted by an editor, as « Soumettre » does."""
    page.get_workflow().start(page, editor)


def test_workflow_screens_speak_of_circuits_and_steps(admin_client):
    for url, present in (
        (reverse("wagtailadmin_workflows:index"), ["Circuits de validation", "Relecture par les modérateurs"]),
        (reverse("wagtailadmin_workflows:task_index"), ["Étapes de validation", "Validation par un modérateur"]),
    ):
        text = text_of(admin_client.get(url))
        assert_french(text, present, ["Workflow", "workflow"])


def test_a_page_in_review_reads_approve_and_publish_and_cancel_the_review(admin_client):
    from tests.factories.users import EditorFactory

    publication = PublicationPageFactory(title="Une étude relue")
    publication.save_revision()
    submit_for_review(publication, EditorFactory())
    text = text_of(admin_client.get(reverse("wagtailadmin_pages:edit", args=[publication.pk])))
    assert_french(
        text,
        [
            "Approuver et publier",
            "Demander des modifications",
            "Annuler la validation",
        ],
        ["Approuver et Publier", "Annuler le workflow", "workflow", "Ce(tte)"],
    )
    state = publication.current_workflow_state
    state.current_task_state.approve(user=SuperuserFactory())
    history = text_of(admin_client.get(reverse("wagtailadmin_pages:history", args=[publication.pk])))
    assert_french(
        history,
        ["Historique : Une étude relue", "Circuit « Relecture par les modérateurs » terminé"],
        ["Historique:", "Workflow", "terminé(e)"],
    )


def test_titles_put_a_space_before_their_colon(admin_client):
    """« Nouveau : Publication » in the tab's title and the screen readers' heading, never « Nouveau: »."""
    from pages.models import NavigationSettings
    from publications.models import PublicationIndexPage

    library = PublicationIndexPage.objects.get()
    site = Site.objects.get(is_default_site=True)
    NavigationSettings.for_site(site)
    for url, title in (
        (
            reverse("wagtailadmin_pages:add", args=["publications", "publicationpage", library.pk]),
            "Nouveau : Publication",
        ),
        (reverse("wagtailsettings:edit", args=["pages", "navigationsettings", site.pk]), "Modification : Navigation"),
        (reverse("wagtailadmin_explore", args=[library.pk]), "Exploration : Publications"),
    ):
        markup = admin_client.get(url).content.decode()
        tab = unescape(re.search(r"<title>(.*?)</title>", markup, re.S).group(1))
        heading = unescape(re.search(r'<h1 class="w-sr-only">(.*?)</h1>', markup, re.S).group(1))
        for shown in (tab, heading):
            shown = " ".join(shown.split())
            assert shown.startswith(title), shown
            assert ": " not in shown.replace(" : ", ""), shown


def test_form_data_and_their_origin(admin_client):
    from tests.factories.contact import ContactPageFactory

    contact = ContactPageFactory()
    forms = text_of(admin_client.get(reverse("wagtailforms:index")))
    # The page type as staff name it (our wagtailforms/content_type_column.html), no technical name.
    assert_french(forms, ["Page de contact"], ["Origine:", "(contact.contactpage)"])
    markup = admin_client.get(reverse("wagtailforms:list_submissions", args=[contact.pk])).content.decode()
    tab = " ".join(unescape(re.search(r"<title>(.*?)</title>", markup, re.S).group(1)).split())
    heading = " ".join(unescape(re.search(r'<h1 class="w-sr-only">(.*?)</h1>', markup, re.S).group(1)).split())
    assert tab.startswith("Réponses : Contact"), tab
    assert heading == "Données de formulaire : Contact", heading


def test_no_gender_placeholders_on_the_screens_staff_use(admin_client):
    from pages.models import ContentCheck, MissionPage
    from tests.factories.pages import PartnerFactory

    partner = PartnerFactory(name="ORSE")
    check = ContentCheck.objects.create(page=MissionPage.objects.get(), note="Une date à confirmer.")
    publication = PublicationPageFactory(title="Une page à supprimer")
    screens = {
        "partners": reverse(type(partner).snippet_viewset.get_url_name("list")),
        "partner usage": reverse(type(partner).snippet_viewset.get_url_name("usage"), args=[partner.pk]),
        "check delete": reverse(ContentCheck.snippet_viewset.get_url_name("delete"), args=[check.pk]),
        "page delete": reverse("wagtailadmin_pages:delete", args=[publication.pk]),
        "page unpublish": reverse("wagtailadmin_pages:unpublish", args=[publication.pk]),
        "images": reverse("wagtailimages:index"),
        "documents": reverse("wagtaildocs:index"),
    }
    for name, url in screens.items():
        text = text_of(admin_client.get(url))
        for placeholder in ("(e)", "(s)", "Ce(tte)", "ce(tte)", "le/la", "un(e)", "Aucun(e)", "sûr(e)"):
            assert placeholder not in text, (name, placeholder)
    assert "Voulez-vous vraiment supprimer cet élément (point à vérifier) ?" in text_of(
        admin_client.get(screens["check delete"])
    )
    assert "Voulez-vous vraiment supprimer cette page ?" in text_of(admin_client.get(screens["page delete"]))
    partner_form = text_of(
        admin_client.get(reverse(type(partner).snippet_viewset.get_url_name("edit"), args=[partner.pk]))
    )
    assert "Utilisation 0 utilisation" in partner_form
    page_form = text_of(admin_client.get(reverse("wagtailadmin_pages:edit", args=[publication.pk])))
    assert "0 référence" in page_form and "Référencé" not in page_form


def test_choosers_name_what_they_choose(admin_client):
    from tests.factories.resources import ResourceCentrePageFactory

    centre = ResourceCentrePageFactory()
    markup = unescape(admin_client.get(reverse("wagtailadmin_pages:edit", args=[centre.pk])).content.decode())
    assert "Choisir : partenaire" in markup.replace("\u00a0", " ")
    assert "Choisir partenaire" not in markup
    any_page = text_of(admin_client.get(reverse("wagtailadmin_choose_page")))
    assert_french(any_page, ["Choisir une page"], ["Choisissez une page", "Choisir une page Page"])
    publications = text_of(
        admin_client.get(reverse("wagtailadmin_choose_page"), {"page_type": "publications.publicationpage"})
    )
    assert_french(publications, ["Seules les pages de type « Publication » peuvent être choisies"], ['"Publication"'])
    assert "Choisir Publication" in publications  # a restricted choice still names its type


def test_explorer_and_accounts_print_no_python_none_nor_english_any(admin_client):
    from tests.factories.webinars import WebinarPageFactory

    session = WebinarPageFactory()
    explorer = text_of(admin_client.get(reverse("wagtailadmin_explore", args=[session.get_parent().pk])))
    assert_french(explorer, ["A des pages enfants Indifférent Oui Non"], ["Session de webinaire None", " Any "])
    account = text_of(admin_client.get(reverse("wagtailusers_users:edit", args=[SuperuserFactory().pk])))
    assert " None " not in account


def test_the_subscribers_screen_is_named_as_its_menu_entry(admin_client):
    listing = admin_client.get(reverse("abonnes:index"))
    assert_french(
        text_of(listing),
        ["Abonnés", "Rien à afficher pour l'instant (inscriptions)."],
        ["Inscriptions", "de inscriptions"],
    )


def test_accounts_read_as_french(admin_client):
    # The account is created without a password (an invitation follows, issue #26b): no password
    # field, hence no « Saisissez le même mot de passe » line, on the form.
    response = admin_client.get(reverse("wagtailusers_users:add"))
    assert 'name="password1"' not in response.content.decode()
    assert_french(text_of(response), ["Ajout : Utilisateur"], ["Nouvel(le)", "Entrer le même", "au dessus"])


def test_root_listing_history_and_reports(admin_client, moderator_client):
    root = text_of(moderator_client.get(reverse("wagtailadmin_explore", args=[Page.objects.get(depth=1).pk])))
    assert_french(root, ["n'auront aucune adresse sur le site"], ["ne seront pas accessible"])
    site_history = text_of(admin_client.get(reverse("wagtailadmin_reports:site_history")))
    assert_french(site_history, ["Historique du site"], ["Historique du Site"])
    redirects = text_of(admin_client.get(reverse("wagtailredirects:index")))
    assert_french(redirects, ["Redirections"], ["Règles de Redirection"])


def test_the_revert_line_of_the_history_names_the_version_and_its_date(admin_client, time_machine):
    import datetime
    from zoneinfo import ZoneInfo

    time_machine.move_to(datetime.datetime(2026, 12, 7, 11, 17, tzinfo=ZoneInfo("Europe/Paris")), tick=False)
    publication = PublicationPageFactory(title="Une étude")
    first = publication.save_revision(log_action=True)
    first.publish()
    url = reverse("wagtailadmin_pages:revisions_revert", args=[publication.pk, first.pk])
    from tests.page_forms import edit_form_data

    response = admin_client.post(url, {**edit_form_data(admin_client, url, first.as_object()), "action-publish": "1"})
    assert response.status_code == 302
    history = text_of(admin_client.get(reverse("wagtailadmin_pages:history", args=[publication.pk])))
    assert_french(
        history,
        [f"Retour à la version n° {first.pk}, du 7 décembre 2026 11:17"],
        ["Revenu à la version", "avec l'ID"],
    )


def test_the_help_menu_leads_to_the_team_guide(admin_client):
    """The « Aide » menu opens the team's guide; the dashboard's link to Wagtail's guide says it is in English."""
    markup = unescape(admin_client.get(reverse("wagtailadmin_home")).content.decode())
    help_menu = json.loads(re.search(r'id="wagtail-sidebar-props"[^>]*>(.*?)</script>', markup, re.S).group(1))
    help_menu = json.dumps(help_menu, ensure_ascii=False)
    assert reverse("rameau_guide") in help_menu and "Guide de l'équipe" in help_menu
    assert "guide.wagtail.org" not in help_menu and "Guide du redacteur" not in help_menu
    version = get_main_version(include_patch=False)
    assert f"Wagtail {version}" not in help_menu
    assert f"Guide de Wagtail {wagtail.__version__} (site en anglais)" in text_of(markup)


def test_the_account_page_offers_only_time_zones_browsers_know(admin_client):
    """« localtime » (a system alias) stopped the page's script: RangeError: Invalid time zone."""
    markup = admin_client.get(reverse("wagtailadmin_account")).content.decode()
    select = re.search(r'<select name="locale-current_time_zone".*?</select>', markup, re.S).group(0)
    zones = re.findall(r'<option value="([^"]*)"', select)
    assert "Europe/Paris" in zones and "UTC" in zones
    assert "localtime" not in zones and "posixrules" not in zones
    assert all("/" in zone or zone in ("", "UTC") for zone in zones), zones


def test_the_planning_screen_counts_sessions_in_french(admin_client):
    from tests.factories.webinars import WebinarCyclePageFactory

    cycle = WebinarCyclePageFactory(year=2031, slug="2031", title="Cycle 2031")
    response = admin_client.post(reverse("webinars_plan_cycle", args=[cycle.pk]), follow=True)
    assert_french(text_of(response), ["12 sessions créées en brouillon"], ["session(s)", "créée(s)"])


def test_comparing_versions_says_yes_or_no(admin_client):
    from resources.models import ResourceCentrePartner
    from tests.factories.pages import PartnerFactory
    from tests.factories.resources import ResourceCentrePageFactory

    centre = ResourceCentrePageFactory(helps_inform=False)
    first = centre.save_revision()
    centre.helps_inform = True
    centre.partner_links = [ResourceCentrePartner(partner=PartnerFactory(name="ORSE"), sort_order=0)]
    second = centre.save_revision()
    url = reverse("wagtailadmin_pages:revisions_compare", args=[centre.pk, first.pk, second.pk])
    text = text_of(admin_client.get(url))
    # Each row names its field without Wagtail's glued colon (« S'informer: »).
    assert_french(
        text, ["S'informer Non → Oui", "Partenaire ORSE", "Comparer : "], ["True", "False", "Comparer:", "S'informer:"]
    )


def test_spaced_colons_escapes_a_title_once():
    from django.template import Context, Template
    from django.utils.safestring import mark_safe

    template = Template("{% load admin_french %}{{ title|spaced_colons }}")
    assert template.render(Context({"title": "Modification: A & B"})) == "Modification\u00a0: A &amp; B"
    assert template.render(Context({"title": mark_safe("Modification: A &amp; B")})) == "Modification\u00a0: A &amp; B"
    assert template.render(Context({"title": "10:30 et https://x"})) == "10:30 et https://x"
