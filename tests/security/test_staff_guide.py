"""« Guide de l'équipe »: in the admin menu of every member of staff, in French, covering the
everyday tasks, the groups, the site's address, the nightly link check and autosave. Every word a
task's section quotes between « » is on the screens of that task, as the suite renders them."""

from __future__ import annotations

import csv
import functools
import io
import json
import re
from html import unescape
from urllib.parse import urlsplit

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils.html import strip_tags
from wagtail.models import Site

from rameau_site.security.staff import EDITORS, MODERATORS
from tests.factories.users import EditorFactory, ModeratorFactory, SuperuserFactory

pytestmark = pytest.mark.django_db

SECTIONS = [
    "Se connecter",
    "Qui peut faire quoi",
    "Ajouter une publication",
    "La frise historique",
    "Les webinaires",
    "Les centres de ressources et leurs partenaires",
    "Les nouveautés des plateformes des centres",
    "Menus et coordonnées",
    "Une actualité, de la rédaction à la publication",
    "Prévisualiser et vérifier une page",
    "Programmer une publication",
    "Revenir à une version antérieure",
    "L'adresse du site",
    "La vérification nocturne des liens",
    "L'enregistrement automatique",
    "Comportements de Wagtail à connaître",
]


def guide_text(client) -> str:
    response = client.get(reverse("rameau_guide"))
    assert response.status_code == 200
    return re.sub(r"\s+", " ", unescape(strip_tags(response.content.decode())))


@pytest.mark.parametrize("staff", [EditorFactory, ModeratorFactory])
def test_every_member_of_staff_finds_the_guide_in_the_menu(client, staff):
    client.force_login(staff())
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("rameau_guide") in dashboard
    text = guide_text(client)
    assert "Guide de l'équipe" in text
    for heading in SECTIONS:
        assert heading in text, heading
    assert f"« {EDITORS} »" in text and f"« {MODERATORS} »" in text


def test_guide_is_for_staff_only(client):
    response = client.get(reverse("rameau_guide"))
    assert response.status_code == 302 and reverse("wagtailadmin_login") in response["Location"]


def test_guide_shows_the_declared_address_and_warns_when_it_is_local(client):
    client.force_login(SuperuserFactory())
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "localhost", 80
    site.save()
    text = guide_text(client)
    assert "Adresse actuellement déclarée : http://localhost" in text
    assert "Cette adresse est celle d'un poste de travail" in text
    assert "Modifier l'adresse du site" in text

    site.hostname, site.port = "www.lerameau.fr", 443
    site.save()
    text = guide_text(client)
    assert "Adresse actuellement déclarée : https://www.lerameau.fr" in text
    assert "Cette adresse est celle d'un poste de travail" not in text


def test_guide_describes_autosave_as_configured(client):
    client.force_login(EditorFactory())
    with override_settings(WAGTAIL_AUTOSAVE_INTERVAL=2000):
        assert "environ 2 secondes après votre dernière frappe" in guide_text(client)
    with override_settings(WAGTAIL_AUTOSAVE_INTERVAL=0):
        text = guide_text(client)
        assert "L'enregistrement automatique est désactivé sur ce site" in text
        assert "ne laisse donc aucun brouillon" in text


def screen_text(client, url: str) -> str:
    """The screen's markup, attributes kept: an icon button's label is its aria-label or title."""
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    if html.startswith("{"):  # a chooser answers with its HTML inside JSON
        html = json.loads(html)["html"]
    return re.sub(r"\s+", " ", unescape(html))


def test_the_buttons_the_guide_quotes_are_on_their_screens(client):
    """Each label the guide quotes for these tasks, between « », is on the admin screen of the task
    (the guide once named « Se connecter », an « Envoyer » tab, « Approuver » and « Demander des
    changements », which no screen shows)."""
    from pages.models import ContentCheck, MissionPage
    from tests.factories.publications import PublicationPageFactory

    anonymous = screen_text(client, reverse("wagtailadmin_login"))
    moderator = ModeratorFactory()
    client.force_login(moderator)
    news = PublicationPageFactory(title="Une étude relue")
    first = news.save_revision(log_action=True)
    news.title = "Une étude relue et corrigée"
    news.save_revision(log_action=True)
    news.get_workflow().start(news, EditorFactory())
    check = ContentCheck.objects.create(page=MissionPage.objects.get(), note="Une date à confirmer.")
    screens = {
        anonymous: ["S'identifier"],
        screen_text(client, reverse("wagtailimages_chooser:choose")): ["Transférer"],
        screen_text(client, reverse("wagtailadmin_pages:edit", args=[news.pk])): [
            "Approuver et publier",
            "Demander des modifications",
            "Afficher/masquer la prévisualisation",
            "Vérifications",
            "Statut",
            "Programmer",
            "Enregistrer la programmation",
            "Historique",
        ],
        screen_text(client, reverse("wagtailadmin_pages:history", args=[news.pk])): [
            "Comparer avec la version actuelle",
            "Passer en revue cette version",
        ],
        screen_text(client, reverse("wagtailadmin_pages:revisions_revert", args=[news.pk, first.pk])): [
            "Remplacer le brouillon actuel"
        ],
        screen_text(client, reverse("pages_content_checks")): ["Contenus à vérifier", "Marquer comme vérifié", "État"],
        screen_text(client, reverse("pages_content_check_mark", args=[check.pk])): [
            "Ce qui a été vérifié",
            "Marquer comme vérifié",
            "Marquer comme corrigé",
        ],
    }
    guide = guide_text(client)
    for screen, labels in screens.items():
        for label in labels:
            assert f"« {label} »" in guide, label
            assert label in screen, label
    for wrong in ("« Se connecter »", "« Envoyer »", "« Approuver »", "« Demander des changements »", "icône d'œil"):
        assert wrong not in guide, wrong


# Quoted words of these sections that are examples or names of the guide's own, not labels of a screen.
EXAMPLES = {
    "equipe": {"Charles-Benoît Heidsieck"},
    "programmes": {"ARPEA"},
    "chiffres": {"plus de 1 000 exemples inspirants recensés", "1 000", "81 %", "à vérifier"},
    "arrivees": {"⋯"},  # the picture on the row's menu button, named « Plus d’options pour … » for screen readers
}


SPACES = str.maketrans({"\u00a0": " ", "\u202f": " "})


def guide_section(client, section: str) -> list[str]:
    """The words a section quotes between « », in the order it quotes them."""
    html = client.get(reverse("rameau_guide")).content.decode()
    found = re.search(rf'<section aria-labelledby="{section}">(.*?)</section>', html, re.DOTALL)
    assert found, section
    return re.findall(r"« (.+?) »", re.sub(r"\s+", " ", unescape(strip_tags(found.group(1)))))


def with_menus(html: str) -> str:
    """The screen with what its scripts draw (the sidebar's menus, a StreamField's choosers): their
    labels travel as JSON, accents escaped (« cl\\u00e9 »)."""
    return re.sub(r"\\+u([0-9a-fA-F]{4})", lambda escape: chr(int(escape.group(1), 16)), html)


def assert_quoted_labels_on_screens(client, section: str, screens: list[str]) -> None:
    """Every word the section quotes, but its examples, is on one of the screens of its task; a
    label the guide shortens with « … » is found by its beginning. A no-break space (before « : »)
    counts as a space."""
    screens = [screen.translate(SPACES) for screen in screens]
    quotes = [quote.translate(SPACES) for quote in guide_section(client, section)]
    assert quotes, section
    for quote in quotes:
        if quote in EXAMPLES.get(section, set()):
            continue
        label = quote.removesuffix("…").strip()
        assert any(label in screen for screen in screens), f"{section}: « {quote} »"


@pytest.fixture
def staff_tasks(db):
    """What the screens of the staff's tasks show: a message, a subscriber, a person, a press
    release, a programme, a key figure."""
    from pages.models import MissionPage
    from tests.factories.contact import ContactPageFactory
    from tests.factories.newsletters import SubscriptionFactory
    from tests.factories.pages import KeyFigureFactory
    from tests.factories.people import PersonPageFactory, team_page
    from tests.factories.press import PressReleasePageFactory, press_index
    from tests.factories.programmes import ProgrammePageFactory

    contact = ContactPageFactory()
    contact.get_submission_class().objects.create(
        page=contact, form_data={"courriel": "lea@example.org"}, email="lea@example.org", subject="Presse"
    )
    return {
        "contact": contact,
        "subscription": SubscriptionFactory(status="confirmed"),
        "figure": KeyFigureFactory(),
        "person": PersonPageFactory(),
        "team": team_page(),
        "press": press_index(),
        "release": PressReleasePageFactory(),
        "programme": ProgrammePageFactory(),
        "mission": MissionPage.objects.get(),
    }


def test_the_labels_of_the_office_tasks_are_on_their_screens(client, staff_tasks):
    """Contact messages, newsletters, personal data, legal settings, team, press, programmes and
    key figures: each quoted label of their sections is on the screens of the task, as an
    administrator sees them (exports included: staff read their columns in Excel)."""
    client.force_login(SuperuserFactory())
    site = Site.objects.get(is_default_site=True)
    pages = staff_tasks
    screen = functools.partial(admin_screen, client)
    subscribers = reverse("abonnes:index")
    export = client.get(subscribers + "?export=csv")
    assert export.status_code == 200
    sheet = b"".join(export.streaming_content).decode("utf-8-sig")
    [row] = csv.DictReader(io.StringIO(sheet), delimiter=";")
    stop_everything = urlsplit(row["Lien « tout arrêter »"]).path
    email = pages["subscription"].subscriber.email
    sections = {
        "messages": [
            screen(reverse("wagtailforms:index")),
            screen(reverse("wagtailforms:list_submissions", args=[pages["contact"].pk])),
        ],
        "lettres": [
            screen(reverse("wagtailsnippets_newsletters_newsletterlist:list")),
            screen(subscribers),
            sheet,
            screen_text(client, stop_everything),
        ],
        "donnees": [screen(reverse("personal_data") + "?courriel=" + email)],
        "mentions": [screen(reverse("wagtailsettings:edit", args=["pages", "sitesettings", site.pk]))],
        "equipe": [
            screen(reverse("wagtailadmin_explore", args=[pages["team"].pk])),
            screen(reverse("wagtailadmin_pages:add", args=["people", "personpage", pages["team"].pk])),
            screen(reverse("wagtailadmin_pages:edit", args=[pages["person"].pk])),
            screen(reverse("wagtailadmin_pages:edit", args=[pages["team"].pk])),
        ],
        "presse": [
            screen(reverse("wagtailadmin_explore", args=[pages["press"].pk])),
            screen(reverse("wagtailadmin_pages:edit", args=[pages["release"].pk])),
            screen(reverse("wagtailadmin_pages:edit", args=[pages["press"].pk])),
            screen(reverse("wagtailsettings:edit", args=["pages", "sitesettings", site.pk])),
        ],
        "programmes": [
            screen(reverse("wagtailadmin_explore", args=[pages["programme"].get_parent().pk])),
            screen(reverse("wagtailadmin_pages:edit", args=[pages["programme"].pk])),
        ],
        "chiffres": [
            screen(reverse("wagtailsnippets_pages_keyfigure:list")),
            screen(reverse("wagtailsnippets_pages_keyfigure:add")),
            screen(reverse("wagtailadmin_pages:edit", args=[pages["mission"].pk])),
        ],
    }
    for section, screens in sections.items():
        assert_quoted_labels_on_screens(client, section, screens)


def admin_screen(client, url: str) -> str:
    return with_menus(screen_text(client, url))


def test_the_labels_of_arrivals_and_departures_are_on_their_screens(client, public_site):
    """« Arrivées et départs », screen by screen as the administrator and the newcomer go through
    them: the account made without a password, the invitation, the enrolment and its recovery
    codes, a login with one of them, the resend and reset screens, « Compte »."""
    from django.contrib.auth.models import Group
    from django.core import mail
    from django.test import Client

    from demo.totp import code_for_key
    from tests.clients import StaffClient

    admin = StaffClient()
    admin.force_login(SuperuserFactory())
    screen = functools.partial(admin_screen, admin)
    colleague = EditorFactory()
    screens = [
        screen_text(Client(), reverse("wagtailadmin_login")),
        screen(reverse("wagtailusers_users:add")),
        screen(reverse("wagtailusers_users:edit", args=[colleague.pk])),
        screen(reverse("rameau_reset_second_factor", args=[colleague.pk])),
        screen(reverse("wagtailadmin_account")),
        screen(reverse("two_factor_recovery_codes")),
    ]
    created = admin.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "camille",
            "email": "camille@example.org",
            "first_name": "Camille",
            "last_name": "Martin",
            "groups": [Group.objects.get(name=EDITORS).pk],
        },
        follow=True,
    )
    newcomer = colleague.__class__.objects.get(username="camille")
    [invitation] = mail.outbox
    screens += [
        with_menus(unescape(created.content.decode())),
        invitation.subject,
        screen(reverse("wagtailusers_users:index")),
        screen(reverse("rameau_resend_invitation", args=[newcomer.pk])),
    ]

    browser = Client()
    link = re.search(r"(/admin/invitation/\S+/)", invitation.body).group(1)
    password_page = browser.get(link, follow=True)
    screens.append(unescape(password_page.content.decode()))
    password = "une-phrase-de-passe-2026"
    setup = browser.post(
        password_page.redirect_chain[-1][0], {"new_password1": password, "new_password2": password}, follow=True
    )
    setup_html = unescape(setup.content.decode())
    assert "two-factor-key" in setup_html, (setup.redirect_chain, setup_html[-3000:])
    key = re.search(r'<code class="two-factor-key"[^>]*>([A-Z2-7 ]+)</code>', setup_html).group(1)
    enrolled = browser.post(reverse("two_factor_setup"), {"otp_token": code_for_key(key), "next": "/admin/"})
    screens += [setup_html, unescape(enrolled.content.decode())]

    another_day = Client()
    verify = another_day.post(reverse("wagtailadmin_login"), {"username": "camille", "password": password}, follow=True)
    screens += [unescape(verify.content.decode()), screen_text(another_day, reverse("two_factor_recovery"))]
    assert_quoted_labels_on_screens(admin, "arrivees", screens)


def test_every_picture_of_the_guide_is_taken_by_a_journey_through_its_screen():
    """The guide's pictures follow the admin: each one it shows is in its static folder, with a
    description for those who do not see it, and a browser journey marked `guide_pictures` takes
    it again (`make guide-pictures`); no picture is left over that the guide no longer shows."""
    import ast
    from pathlib import Path

    from django.conf import settings

    from tests.browser.guide_pictures import FOLDER

    root = Path(settings.BASE_DIR)
    templates = (root / "rameau_site" / "guide" / "templates" / "guide").glob("*.html")
    includes = re.findall(r'{% include "guide/picture.html" with (.+?) %}', "".join(t.read_text() for t in templates))
    shown = {}
    for include in includes:
        attributes = dict(re.findall(r'(\w+)="([^"]*)"', include))
        assert len(attributes["alt"]) > 40 and attributes["caption"], attributes
        shown[attributes["name"]] = attributes
    assert len(shown) >= 8

    taken = {}
    for module in (root / "tests" / "browser").glob("test_*.py"):
        for function in ast.walk(ast.parse(module.read_text())):
            if not isinstance(function, ast.FunctionDef):
                continue
            marked = any("guide_pictures" in ast.unparse(decorator) for decorator in function.decorator_list)
            for call in ast.walk(function):
                if isinstance(call, ast.Call) and getattr(call.func, "id", "") == "guide_picture":
                    assert marked, f"{function.name} takes a guide picture without the guide_pictures mark"
                    taken[call.args[1].value] = function.name

    assert set(shown) <= set(taken), set(shown) - set(taken)
    assert {path.stem for path in FOLDER.glob("*.png")} == set(shown)
