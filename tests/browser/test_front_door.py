"""The front door in real Chromium: contact, newsletters, legal pages and click-to-play videos.

axe-core (WCAG 2.1 A/AA) on every new page at 375 and 1280 px (those reached through a form
too: thank-you, confirmation, unsubscribe, expired link, 429), nothing sideways at 320 px,
every form sent with JavaScript off, and a replay that asks nothing of any other host until
the visitor clicks « Lire la vidéo ».
"""

from __future__ import annotations

import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
import time_machine
from axe_playwright_python.sync_playwright import Axe
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from contact.models import ContactSubmission
from newsletters.models import NewsletterList, Subscription
from newsletters.tokens import confirm_token, unsubscribe_token
from pages.models import StandardPage
from tests.factories.pages import StandardPageFactory
from webinars.models import WebinarPage

from .conftest import VIEWPORTS
from .test_accessibility import WCAG_21_AA

pytestmark = pytest.mark.browser

PAGES = {
    "contact": "/contact/",
    "lettres": "/newsletters/",
    "inscription envoyée": "/newsletters/inscription/envoyee/",
    "mentions légales": "/mentions-legales/",
    "données personnelles": "/confidentialite/",
    "accessibilité": "/accessibilite/",
    "plan du site": "/plan-du-site/",
    "lien invalide": "/newsletters/confirmer/abc/",
}
VIDEO = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', (event) => {
    window.__csp.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


def with_replay() -> str:
    """A past session of the demo given a replay, as staff add one after the session."""
    session = WebinarPage.objects.live().filter(end__lt=timezone.now()).order_by("start").first()
    session.replay_url = VIDEO
    session.save_revision().publish()
    return session.url


def assert_no_violation(page, name: str) -> None:
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, f"{name}: {results.generate_report()}"


@pytest.fixture
def quick_forms(settings):
    """The live server runs in this process: a second is enough between showing and sending."""
    settings.FORM_MIN_FILL_SECONDS = 1
    return settings


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_new_pages_pass_axe(page, site_url, viewport):
    page.set_viewport_size(VIEWPORTS[viewport])
    replay = with_replay()
    for name, path in {**PAGES, "replay": replay}.items():
        page.goto(site_url + path)
        assert page.locator("h1").count() == 1, name
        assert_no_violation(page, name)
    # The forms as they come back with errors.
    page.goto(site_url + "/contact/")
    page.get_by_role("button", name="Envoyer le message").click()
    expect(page.get_by_text("Le message n'est pas parti")).to_be_visible()
    assert_no_violation(page, "contact, erreurs")
    page.goto(site_url + "/newsletters/")
    page.locator("#lettres-email").fill("pas-une-adresse")
    page.locator("#lettres-email").press("Enter")
    expect(page.get_by_text("L'inscription n'a pas pu être enregistrée")).to_be_visible()
    assert_no_violation(page, "inscription, erreurs")


def confirmation_link(body: str) -> str:
    """The path of the confirmation link of an e-mail sent by the site."""
    return re.search(r"https?://[^/\s]+(/newsletters/confirmer/\S+/)", body).group(1)


def sign_up(page, site_url: str, email: str, *names: str) -> None:
    """The form of /newsletters/ (not the footer's), filled and sent as a visitor does."""
    page.goto(site_url + "/newsletters/")
    form = page.locator("main form")
    form.get_by_label("Votre adresse électronique").fill(email)
    for name in names:
        form.get_by_label(name, exact=True).check()
    page.wait_for_timeout(1200)
    form.get_by_role("button", name="S'inscrire").click()


def send_contact_message(page, site_url: str, subject: str, message: str) -> None:
    """Camille writes through the contact form, after the anti-spam's minimum time, and is thanked."""
    page.goto(site_url + "/contact/")
    page.get_by_label("Nom").fill("Camille Martin")
    page.get_by_label("Courriel").fill("camille@example.org")
    page.get_by_label("Objet").select_option(subject)
    page.get_by_label("Message").fill(message)
    page.wait_for_timeout(1200)
    page.get_by_role("button", name="Envoyer le message").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Message envoyé")


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_pages_reached_through_the_forms_pass_axe(page, site_url, viewport, quick_forms):
    page.set_viewport_size(VIEWPORTS[viewport])
    send_contact_message(page, site_url, "Presse", "Bonjour, une question sur le centre de ressources.")
    assert_no_violation(page, "merci")

    sign_up(page, site_url, "lea@example.org", "L'hebdo association")
    expect(page.get_by_role("heading", level=1)).to_have_text("Vérifiez votre messagerie")
    page.goto(site_url + confirmation_link(mail.outbox[-1].body))
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirmer votre inscription")
    assert_no_violation(page, "confirmer")
    page.get_by_role("button", name="Je confirme mon inscription").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Inscription confirmée")
    assert_no_violation(page, "inscription confirmée")

    subscription = Subscription.objects.get(subscriber__email="lea@example.org")
    with time_machine.travel(timezone.now() - timedelta(days=8)):
        expired = confirm_token(subscription.subscriber_id, [subscription.newsletter_id])
    response = page.goto(f"{site_url}/newsletters/confirmer/{expired}/")
    assert response.status == 410
    assert_no_violation(page, "lien expiré")
    page.goto(f"{site_url}/newsletters/desinscrire/{unsubscribe_token(subscription.subscriber_id)}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Ne plus rien recevoir")
    assert_no_violation(page, "tout arrêter")
    one_list = unsubscribe_token(subscription.subscriber_id, subscription.newsletter_id)
    page.goto(f"{site_url}/newsletters/desinscrire/{one_list}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Se désinscrire")
    assert_no_violation(page, "se désinscrire")
    page.get_by_role("button", name="Me désinscrire").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Désinscription enregistrée")
    assert_no_violation(page, "désinscription enregistrée")

    quick_forms.FORM_RATE_LIMIT = 0  # as after five sign-ups within the hour
    sign_up(page, site_url, "sam@example.org", "La quotidienne")
    expect(page.get_by_role("heading", level=1)).to_have_text("Trop d'envois depuis votre connexion")
    assert_no_violation(page, "429")

    block_page = StandardPage.objects.live().first() or StandardPageFactory(title="Une page avec le bloc")
    block_page.body = [("newsletter_signup", {"heading": "Recevoir nos lettres", "text": ""})]
    block_page.save_revision().publish()
    page.goto(site_url + block_page.url)
    expect(page.get_by_role("heading", name="Recevoir nos lettres")).to_be_visible()
    assert_no_violation(page, "bloc d'inscription")


def test_the_newsletters_page_and_unsubscribing_work_without_javascript(browser, site_url, quick_forms):
    page = browser.new_context(java_script_enabled=False).new_page()
    sign_up(page, site_url, "noe@example.org", "La quotidienne", "L'hebdo grand public")
    expect(page.get_by_role("heading", level=1)).to_have_text("Vérifiez votre messagerie")
    page.goto(site_url + confirmation_link(mail.outbox[0].body))
    page.get_by_role("button", name="Je confirme mon inscription").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Inscription confirmée")
    confirmed = Subscription.objects.filter(subscriber__email="noe@example.org", status=Subscription.Status.CONFIRMED)
    assert sorted(confirmed.values_list("newsletter__name", flat=True)) == ["L'hebdo grand public", "La quotidienne"]

    daily = NewsletterList.objects.get(name="La quotidienne")
    subscriber_id = confirmed.first().subscriber_id
    page.goto(f"{site_url}/newsletters/desinscrire/{unsubscribe_token(subscriber_id, daily.pk)}/")
    page.get_by_role("button", name="Me désinscrire").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Désinscription enregistrée")
    assert list(confirmed.values_list("newsletter__name", flat=True)) == ["L'hebdo grand public"]

    page.goto(f"{site_url}/newsletters/desinscrire/{unsubscribe_token(subscriber_id, daily.pk)}/")
    page.get_by_role("link", name="Ne plus recevoir aucune lettre (tout arrêter)").click()
    page.get_by_role("button", name="Tout arrêter").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Désinscription enregistrée")
    assert not confirmed.exists()


def test_nothing_scrolls_sideways_at_320px(page, site_url):
    page.set_viewport_size({"width": 320, "height": 700})
    for path in [*PAGES.values(), with_replay()]:
        page.goto(site_url + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px"


def test_a_replay_asks_nothing_of_another_host_until_the_click(page, site_url):
    path = with_replay()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.route(  # the player's host answers from here: the test never reaches the Internet
        re.compile(r"^https://www\.youtube-nocookie\.com/"),
        lambda route: route.fulfill(
            content_type="text/html; charset=utf-8", body="<title>Lecteur</title><p>Lecteur vidéo</p>"
        ),
    )
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(site_url + path, wait_until="networkidle")
    local = urlsplit(site_url).netloc
    assert requests and all(urlsplit(url).netloc == local for url in requests), requests
    expect(page.locator("iframe")).to_have_count(0)

    play = page.get_by_role("button", name="Lire la vidéo — YouTube dépose des cookies")
    play.focus()
    page.keyboard.press("Enter")  # the keyboard is enough
    player = page.locator("iframe.video-consent__player")
    expect(player).to_have_attribute("src", re.compile(r"^https://www\.youtube-nocookie\.com/embed/dQw4w9WgXcQ\?"))
    expect(player).to_be_focused()
    expect(player).to_have_attribute("title", re.compile("^Replay : "))
    expect(page.frame_locator("iframe.video-consent__player").get_by_text("Lecteur vidéo")).to_be_visible()
    outside = {urlsplit(url).netloc for url in requests} - {local}
    assert outside == {"www.youtube-nocookie.com"}
    assert page.evaluate("window.__csp") == []


def test_without_javascript_a_video_is_a_link(browser, site_url):
    path = with_replay()
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + path)
    expect(page.get_by_role("button", name=re.compile("Lire la vidéo"))).to_have_count(0)
    expect(page.get_by_role("link", name="Voir la vidéo sur YouTube (site externe)")).to_have_attribute("href", VIDEO)


def test_the_contact_form_works_without_javascript(browser, site_url, quick_forms):
    page = browser.new_context(java_script_enabled=False).new_page()
    send_contact_message(page, site_url, "Recherche", "Bonjour, une question sur l'Observatoire des partenariats.")
    submission = ContactSubmission.objects.get()
    assert (submission.email, submission.subject) == ("camille@example.org", "Recherche")
    assert mail.outbox[0].to == ["info@lerameau.fr"]


def test_signing_up_from_the_footer_works_without_javascript(browser, site_url, quick_forms):
    page = browser.new_context(java_script_enabled=False).new_page()
    page.goto(site_url + "/")
    footer = page.locator("footer")
    footer.get_by_label("Votre adresse électronique").fill("lea@example.org")
    footer.get_by_label("L'hebdo association").check()
    page.wait_for_timeout(1200)
    footer.get_by_role("button", name="S'inscrire").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vérifiez votre messagerie")
    link = re.search(r"https?://[^/\s]+(/newsletters/confirmer/\S+/)", mail.outbox[0].body).group(1)
    page.goto(site_url + link)
    page.get_by_role("button", name="Je confirme mon inscription").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Inscription confirmée")
    subscription = Subscription.objects.select_related("newsletter").get()
    assert subscription.status == Subscription.Status.CONFIRMED
    assert subscription.newsletter.name == "L'hebdo association"


def test_a_video_block_loads_nothing_either(page, site_url):
    # the demo may have no plain page: then one that staff make, with a video block
    page_with_video = StandardPage.objects.live().first() or StandardPageFactory(title="Une page avec une vidéo")
    page_with_video.body = [("video", {"video": "https://vimeo.com/76979871", "caption": "Un débat filmé"})]
    page_with_video.save_revision().publish()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site_url + page_with_video.url, wait_until="networkidle")
    assert {urlsplit(url).netloc for url in requests} == {urlsplit(site_url).netloc}
    expect(page.get_by_role("button", name="Lire la vidéo — Vimeo dépose des cookies")).to_be_visible()
