"""Staff journeys through the real admin in Chromium, each as the role that does it (an editor
of the « Éditeurs » group, a moderator), on a copy of the seeded demo. Each journey also
asserts that the browser logged no console error and no Content-Security-Policy violation.

Every test logs in through the real password and second-factor forms: each gets its own copy
of the demo, so a session cannot be shared between them. The steps a person takes (clicks and
fields) are counted in each docstring.
"""

from __future__ import annotations

import os
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth import get_user_model
from playwright.sync_api import Page, expect
from wagtail.models import Site

from demo.totp import reset_totp_device
from publications.models import NewsArticlePage, NewsIndexPage
from tests.browser.guide_pictures import guide_picture
from tests.factories.documents import DocumentFactory
from tests.factories.users import PASSWORD, EditorFactory, ModeratorFactory

from .conftest import VIEWPORTS
from .staff import WRONG_CODE_MESSAGE, log_in

pytestmark = pytest.mark.browser

# The test server serves static files but not uploads (in production, the proxy serves /media/):
# an image rendition it cannot send is the test bench's gap, not the page's error.
MEDIA_PATH = "/media/images/"
WCAG_21_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
SETTLED = """Promise.all(document.getAnimations()
    .filter((animation) => animation.effect && animation.effect.getComputedTiming().endTime !== Infinity)
    .map((animation) => animation.finished))"""
RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', (event) => {
    window.__csp.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
});
"""


class Watch:
    """Console errors and CSP violations of one browser page, read at the end of a journey."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.errors: list[str] = []
        self.violations: list[str] = []
        page.add_init_script(RECORD_VIOLATIONS)
        page.on("console", self.console)
        page.on("pageerror", lambda error: self.errors.append(f"pageerror: {error}"))

    def console(self, message) -> None:
        if "Content Security Policy" in message.text:
            self.violations.append(message.text)
        elif message.type == "error" and MEDIA_PATH not in message.location.get("url", ""):
            self.errors.append(f"{message.text} ({message.location.get('url', '')})")

    def assert_clean(self) -> None:
        try:
            self.violations.extend(self.page.evaluate("window.__csp || []"))
        except Exception:  # noqa: BLE001 - the page is navigating: its events were already read
            pass
        assert not self.violations, self.violations
        assert not self.errors, self.errors


@pytest.fixture
def watched(page) -> Page:
    page.set_viewport_size(VIEWPORTS["desktop"])
    page.watch = Watch(page)
    return page


def shot(page: Page, name: str) -> None:
    """A screenshot for reviewing by eye, when JOURNEY_SCREENSHOTS names a folder."""
    folder = os.environ.get("JOURNEY_SCREENSHOTS")
    if folder:
        page.screenshot(path=f"{folder}/{name}.png", full_page=True)


def choose_publication_type(page: Page, name: str) -> None:
    """The type, whichever widget the form gives it: a chooser, a list or buttons."""
    chooser = page.locator("#id_publication_type-chooser")
    if chooser.count():
        chooser.locator("button.chooser__choose-button").click()
        page.locator(".modal a[data-chooser-modal-choice]", has_text=name).first.click()
        expect(chooser.locator(".chooser__title")).to_contain_text(name)
    elif page.locator("select#id_publication_type").count():
        page.locator("select#id_publication_type").select_option(label=name)
    else:
        page.locator("[data-contentpath='publication_type']").get_by_label(name, exact=True).check()


NEW_MILESTONE = "Les Catalyseurs Territoriaux en pratique"
NEW_MILESTONE_TEXT = "Cinq webinaires, à partir du 30 mars 2021, pour mettre en pratique les Catalyseurs Territoriaux."
CGET = "Commissariat général à l'égalité des territoires (CGET)"
ADDED_PARTNER = "Fondation Bettencourt Schueller"


def open_actions_menu(page: Page) -> None:
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()


def test_editor_logs_in_with_second_factor_after_a_wrong_code(watched, site_url):
    """7 steps: identifier, password, « Se connecter », wrong code, « Valider le code », right code,
    « Valider le code » (5 without the wrong code)."""
    editor = EditorFactory()
    log_in(watched, site_url, editor, wrong_code_first=True)
    expect(watched.get_by_role("link", name="Guide de l'équipe")).to_be_visible()
    shot(watched, "dashboard")
    watched.watch.assert_clean()


def test_moderator_publishes_a_publication_with_cover_and_pdf_then_finds_it_through_each_filter(watched, site_url):
    """14 steps after logging in: « Ajouter une sous-page » (the form), title, type (2 with a
    chooser), date, summary, « Choisir une image » + one image, « Choisir un document » + one PDF,
    a theme, a centre, actions menu, « Publier »; then one visit per filter."""
    from pages.models import Theme
    from publications.models import PublicationIndexPage, PublicationPage, PublicationType
    from resources.models import ResourceCentrePage

    library = PublicationIndexPage.objects.get()
    kind = PublicationType.objects.get(slug="rapport")
    theme = Theme.objects.order_by("sort_order", "name").first()
    centre = ResourceCentrePage.objects.live().order_by("title").first()
    # The demo's PDFs are stand-ins, never offered as the work: staff upload the real one.
    pdf = DocumentFactory(title="Le rapport définitif, en PDF")
    log_in(watched, site_url, ModeratorFactory())

    watched.goto(f"{site_url}/admin/pages/add/publications/publicationpage/{library.pk}/")
    watched.fill("#id_title", "Un rapport publié dans le navigateur")
    choose_publication_type(watched, kind.name)
    watched.fill("#id_publication_date", "2031-03-01")
    watched.fill("#id_summary", "Ce que le rapport établit, en une phrase.")
    watched.locator("#id_cover_image-chooser button.chooser__choose-button").click()
    watched.locator(".modal a[data-chooser-modal-choice]").first.click()
    expect(watched.locator("#id_cover_image-chooser .chooser__title")).not_to_be_empty()
    watched.locator("#id_document-chooser button.chooser__choose-button").click()
    watched.locator(".modal a[data-chooser-modal-choice]", has_text=pdf.title).click()
    expect(watched.locator("#id_document-chooser .chooser__title")).to_have_text(pdf.title)
    watched.locator(f"input[name='themes'][value='{theme.pk}']").check()
    watched.locator(f"input[name='centres'][value='{centre.pk}']").check()
    shot(watched, "publication-form")
    open_actions_menu(watched)
    watched.get_by_role("button", name="Publier").click()
    expect(watched.locator(".messages .success")).to_be_visible()
    publication = PublicationPage.objects.get(title="Un rapport publié dans le navigateur")
    assert publication.live and publication.cover_image_id and publication.document_id == pdf.pk
    watched.watch.assert_clean()

    for query in (f"type={kind.slug}", "annee=2031", f"theme={theme.slug}", f"centre={centre.slug}"):
        watched.goto(f"{site_url}/publications/?{query}")
        expect(watched.locator("main")).to_contain_text("Un rapport publié dans le navigateur")
    watched.goto(site_url + publication.url)
    expect(watched.locator("h1")).to_contain_text("Un rapport publié dans le navigateur")
    expect(watched.locator(f"main a[href^='/documents/{pdf.pk}/']").first).to_be_visible()
    shot(watched, "publication-public")
    watched.watch.assert_clean()


def test_moderator_changes_menu_and_contact_details_seen_on_every_page(watched, site_url, browser):
    """6 steps after logging in: « Paramètres » › « Navigation », a menu label, « Enregistrer »;
    « Paramètres » › « Paramètres du site », the phone, « Enregistrer »; then every page that shows them."""
    from pages.models import SiteSettings

    site = Site.objects.get(is_default_site=True)
    old_phone = SiteSettings.for_site(site).phone
    log_in(watched, site_url, ModeratorFactory())

    watched.goto(f"{site_url}/admin/settings/pages/navigationsettings/{site.pk}/")
    label = watched.locator("input[name='primary_menu-0-value-label']")
    label.fill("Notre mission")
    watched.locator("footer button[type='submit']").first.click()
    expect(watched.locator(".messages .success")).to_be_visible()

    watched.goto(f"{site_url}/admin/settings/pages/sitesettings/{site.pk}/")
    watched.fill("#id_phone", "01 44 55 66 77")
    watched.locator("footer button[type='submit']").first.click()
    expect(watched.locator(".messages .success")).to_be_visible()
    watched.watch.assert_clean()

    visitor = browser.new_context(viewport=VIEWPORTS["desktop"]).new_page()  # as the public sees it
    visitor.watch = Watch(visitor)
    for path in ("/", "/qui-sommes-nous/", "/contact/", "/mentions-legales/"):
        visitor.goto(site_url + path)
        expect(visitor.locator("header nav").first).to_contain_text("Notre mission")
        body = visitor.locator("body")
        expect(body).to_contain_text("01 44 55 66 77")
        if old_phone:
            expect(body).not_to_contain_text(old_phone)  # typed nowhere else (Contact, Mentions légales)
    visitor.watch.assert_clean()


def test_moderator_plans_a_cycle_completes_and_publishes_a_session(watched, site_url, browser):
    """7 steps after logging in (9 when the cycle is still a draft: actions menu, « Publier »): open
    the cycle, « Planifier les sessions », « Créer 12 sessions », open the first session, its theme
    as title, actions menu, « Publier »; then the public pages and the cycle's calendar."""
    from django.utils import timezone

    from webinars.models import WebinarCyclePage, WebinarPage

    cycle = WebinarCyclePage.objects.filter(year__gt=timezone.now().year).order_by("year").first()
    for session in cycle.get_children():  # the cycle starts empty, as a new year's does
        session.delete()
    for session in WebinarPage.objects.live().filter(start__gt=timezone.now()):
        session.unpublish()  # so that the session planned here is the next one
    log_in(watched, site_url, ModeratorFactory())

    watched.goto(f"{site_url}/admin/pages/{cycle.pk}/edit/")
    if not cycle.live:  # the cycle first (the guide says so): its sessions are shown only under a live cycle
        open_actions_menu(watched)
        watched.get_by_role("button", name="Publier").click()
        expect(watched.locator(".messages .success")).to_be_visible()
        watched.goto(f"{site_url}/admin/pages/{cycle.pk}/edit/")
    plan = watched.get_by_role("link", name="Planifier les sessions").first
    if not plan.is_visible():  # in the header's « … » menu when the form does not show it
        watched.locator("header [data-w-dropdown-target='toggle']").first.click()
    plan.click()
    expect(watched.locator("main table")).to_contain_text("Titre provisoire")
    watched.get_by_role("button", name=re.compile(r"^Créer 12 sessions")).click()
    expect(watched.locator(".messages")).to_be_visible()
    first = WebinarPage.objects.child_of(cycle).order_by("start").first()
    assert WebinarPage.objects.child_of(cycle).count() == 12

    watched.goto(f"{site_url}/admin/pages/{first.pk}/edit/")
    watched.fill("#id_title", "Les alliances au service des territoires")
    open_actions_menu(watched)
    watched.get_by_role("button", name="Publier").click()
    expect(watched.locator(".messages .success")).to_be_visible()
    first.refresh_from_db()
    assert first.live
    watched.watch.assert_clean()

    visitor = browser.new_context(viewport=VIEWPORTS["desktop"]).new_page()  # as the public sees it
    visitor.watch = Watch(visitor)
    for path in ("/webinaires/", cycle.url, "/"):
        visitor.goto(site_url + path)
        shot(visitor, "webinar-" + (path.strip("/").replace("/", "-") or "home"))
        expect(visitor.locator("main")).to_contain_text("Les alliances au service des territoires")
    calendar = visitor.request.get(f"{site_url}{cycle.url}calendrier.ics")
    assert calendar.status == 200 and "Les alliances au service des territoires" in calendar.text()
    visitor.watch.assert_clean()


def test_editor_drafts_and_submits_news_then_moderator_approves(watched, site_url, browser):
    """Editor, 5 steps after logging in: « Ajouter une sous-page » on Actualités, title, summary,
    actions menu, « Soumettre à … ». Moderator, 3 steps: open the page from the dashboard,
    actions menu, « Approuver »."""
    news_index = NewsIndexPage.objects.get()
    editor, moderator = EditorFactory(), ModeratorFactory()

    log_in(watched, site_url, editor)
    watched.goto(f"{site_url}/admin/pages/add/publications/newsarticlepage/{news_index.pk}/")
    watched.fill("#id_title", "Une brève écrite dans le navigateur")
    watched.fill("#id_summary", "Ce que la brève annonce, en une phrase.")
    open_actions_menu(watched)
    watched.get_by_role("button", name=re.compile("Soumettre au circuit « .+ »")).click()
    expect(watched.locator(".messages .success")).to_contain_text("soumise")
    article = NewsArticlePage.objects.get(title="Une brève écrite dans le navigateur")
    assert not article.live
    assert watched.request.get(site_url + "/actualites/").text().count("Une brève écrite dans le navigateur") == 0
    watched.watch.assert_clean()

    context = browser.new_context(viewport=VIEWPORTS["desktop"])
    reviewer = context.new_page()
    reviewer.watch = Watch(reviewer)
    log_in(reviewer, site_url, moderator)
    expect(reviewer.locator("main")).to_contain_text("Une brève écrite dans le navigateur")  # awaiting review
    reviewer.goto(f"{site_url}/admin/pages/{article.pk}/edit/")
    open_actions_menu(reviewer)
    reviewer.locator("[data-workflow-action-name='approve']").first.click()
    expect(reviewer.locator(".messages .success")).to_be_visible()
    article.refresh_from_db()
    assert article.live
    reviewer.goto(site_url + "/actualites/")
    expect(reviewer.locator("main")).to_contain_text("Une brève écrite dans le navigateur")
    reviewer.watch.assert_clean()


def test_preview_in_side_panel_renders_the_page_and_lists_checks(watched, site_url):
    """4 steps: open the page, « Afficher/masquer la prévisualisation », a new title typed (the
    panel follows), « Vérifications »."""
    article = NewsArticlePage.objects.live().first()
    # Wagtail compares the form with what it held about 2 s after loading (« watch-edits », which
    # may come twice): typing before the last one is no edit, as for a person who has just arrived.
    watched.add_init_script(
        "document.addEventListener('w-unsaved:watch-edits', () => { window.__watched = performance.now(); }, true);"
    )
    log_in(watched, site_url, get_user_model().objects.create_superuser("apercu", "a@example.org", PASSWORD))
    watched.goto(f"{site_url}/admin/pages/{article.pk}/edit/")
    watched.get_by_role("button", name="Afficher/masquer la prévisualisation").click()
    frames = watched.locator("iframe[data-w-preview-target='iframe']")
    expect(frames).to_have_count(1, timeout=10_000)  # Wagtail swaps a loaded copy in
    expect(frames.first.content_frame.locator("h1")).to_contain_text(article.title)
    watched.wait_for_function("() => window.__watched && performance.now() - window.__watched > 2500")
    watched.locator("#id_title").fill("Un titre retouché pendant l'aperçu")
    expect(frames.first.content_frame.locator("h1")).to_contain_text("Un titre retouché", timeout=10_000)
    shot(watched, "preview-panel")
    watched.locator("[data-side-panel-toggle='checks']").click()
    checks = watched.locator("[data-side-panel='checks']")
    expect(checks).to_be_visible()
    # Word count and the issues found are computed from the rendered preview.
    expect(checks.locator("[data-content-word-count]")).to_have_text(re.compile(r"^\d[\d\s\u202f]*$"), timeout=10_000)
    expect(checks.locator("[data-content-checker-count]")).to_have_text(re.compile(r"^\d+$"))
    shot(watched, "checks-panel")
    watched.watch.assert_clean()


@pytest.mark.guide_pictures
def test_revert_to_an_earlier_revision(watched, site_url):
    """After two published edits, 5 steps: « Historique », the earlier version's « … » menu,
    « Passer en revue cette version » (the form, filled with it), actions menu, « Publier »."""
    article = NewsArticlePage.objects.live().first()
    log_in(watched, site_url, ModeratorFactory())
    for title in ("Le bon titre", "Un titre malheureux"):
        watched.goto(f"{site_url}/admin/pages/{article.pk}/edit/")
        watched.fill("#id_title", title)
        open_actions_menu(watched)
        watched.get_by_role("button", name="Publier").click()
        expect(watched.locator(".messages .success")).to_be_visible()
    good = article.revisions.get(content__title="Le bon titre")

    watched.goto(f"{site_url}/admin/pages/{article.pk}/history/")
    shot(watched, "history")
    guide_picture(watched, "historique")
    earlier = watched.locator("tr", has_text="Brouillon sauvegardé").nth(1)  # newest first
    earlier.locator("[data-w-dropdown-target='toggle']").click()
    watched.get_by_role("link", name="Passer en revue cette version").click()
    expect(watched).to_have_url(re.compile(rf"/revisions/{good.pk}/revert/"))  # the form, filled with it
    shot(watched, "revision-revert")
    expect(watched.locator("#id_title")).to_have_value("Le bon titre")
    open_actions_menu(watched)
    watched.get_by_role("button", name="Publier").click()
    expect(watched.locator(".messages .success")).to_be_visible()
    article.refresh_from_db()
    assert article.title == "Le bon titre" and article.live
    watched.goto(site_url + article.url)
    expect(watched.locator("h1")).to_contain_text("Le bon titre")
    watched.watch.assert_clean()


@pytest.mark.guide_pictures
def test_schedule_a_publication(watched, site_url):
    """7 steps: open the page, « Statut » panel, « Programmer », go-live date, « Enregistrer la
    programmation », actions menu, « Programmer pour publication »."""
    article = NewsArticlePage.objects.live().first()
    log_in(watched, site_url, ModeratorFactory())
    watched.goto(f"{site_url}/admin/pages/{article.pk}/edit/")
    watched.fill("#id_title", "Une annonce programmée")
    watched.locator("[data-side-panel-toggle='status']").click()
    shot(watched, "status-panel")
    watched.locator("[data-a11y-dialog-show='schedule-publishing-dialog']").first.click()
    dialog = watched.locator("#schedule-publishing-dialog")
    expect(dialog).to_be_visible()
    go_live = dialog.locator("input[name='go_live_at']")
    go_live.fill("2099-01-15 09:00")
    shot(watched, "schedule-dialog")
    guide_picture(watched, "programmer")
    # The date picker stays open over the button (a person clicks it away): the button is pressed directly.
    dialog.get_by_role("button", name="Enregistrer la programmation").evaluate("button => button.click()")
    expect(watched.locator(".messages .success")).to_be_visible()
    open_actions_menu(watched)
    watched.get_by_role("button", name="Programmer pour publication").click()
    expect(watched.locator(".messages .success")).to_be_visible()
    revision = article.revisions.order_by("-created_at").first()
    assert revision.approved_go_live_at is not None and revision.approved_go_live_at.year == 2099
    article.refresh_from_db()
    assert article.title != "Une annonce programmée"  # the live page waits for its date
    watched.watch.assert_clean()


def show(locator) -> None:
    """Brings a part of an admin form to the middle of the screen for its screenshot. Playwright
    scrolls each button it clicks into view, sideways too, inside Wagtail's main column (wider than
    it shows, its overflow hidden): a person's click does not, so the column is put back."""
    locator.evaluate(
        """(element) => {
            element.scrollIntoView({block: "center", behavior: "instant"});
            element.closest("main").scrollTo({left: 0, behavior: "instant"});
        }"""
    )


def milestone_rows(page: Page):
    return page.locator("#id_milestones-FORMS > [data-inline-panel-child]:not(.deleted)")


def row_ids(rows) -> list[str]:
    return rows.evaluate_all("(rows) => rows.map((row) => row.id)")


def test_moderator_adds_a_milestone_and_moves_it_into_place_on_the_timeline(watched, site_url, browser):
    """10 steps after logging in: open « Notre histoire », « Ajouter : Étape », year, month, title,
    text, « Monter » twice (before the 2022 steps, the 2020 one staying above), actions menu,
    « Publier ». Here a first try publishes after one « Monter » only, between the two 2022 steps
    (actions menu, « Publier »: 2 more steps, 12 in all): the year out of order is refused,
    everything typed kept, the step shown where it was put."""
    from pages.models import HistoryPage

    history = HistoryPage.objects.get()
    titles = list(history.milestones.order_by("sort_order").values_list("title", flat=True))
    assert not history.milestones.filter(year=2021).exists()  # the new step is 2021's only one
    following = history.milestones.order_by("sort_order").get(year=2022, month=None)  # the new one goes before
    new = len(titles)  # the new row's form index
    log_in(watched, site_url, ModeratorFactory())  # editors write in the editorial sections only

    watched.goto(f"{site_url}/admin/pages/{history.pk}/edit/")
    rows = milestone_rows(watched)
    expect(rows).to_have_count(len(titles))
    expect(rows.first.locator("[data-panel-heading-text]")).to_contain_text(f"Étape 1 : 2006 – {titles[0]}")
    show(rows.nth(len(titles) - 6).locator("[data-panel-heading-text]"))
    shot(watched, "milestones-folded")
    watched.locator("#id_milestones-ADD").click()
    row = watched.locator(f"#inline_child_milestones-{new}")
    expect(row.locator("[data-panel-heading-text]")).to_contain_text(f"Étape {new + 1}")
    row.locator(f"#id_milestones-{new}-year").fill("2021")
    row.locator(f"#id_milestones-{new}-month").select_option("3")
    row.locator(f"#id_milestones-{new}-title").fill(NEW_MILESTONE)
    text = row.locator("[contenteditable='true']")
    text.click()
    expect(text).to_be_focused()  # the rich-text editor of a new row mounts after the click
    watched.keyboard.type(NEW_MILESTONE_TEXT)
    expect(text).to_contain_text(NEW_MILESTONE_TEXT)
    # Draftail copies the text into the form a moment later (Wagtail saves its state every 250 ms).
    expect(row.locator(f"#id_milestones-{new}-text")).to_have_value(re.compile("Cinq webinaires"))

    row.locator("[data-inline-panel-child-move-up]").click()  # one place: between the two 2022 steps
    expect(rows.nth(len(titles) - 1)).to_have_id(f"inline_child_milestones-{new}")
    open_actions_menu(watched)
    watched.get_by_role("button", name="Publier").click()
    expect(watched.locator("main")).to_contain_text(f"est placée avant « 2021 – {NEW_MILESTONE} »")
    assert not history.milestones.filter(title=NEW_MILESTONE).exists()
    # Everything typed is still there, and the step is still where it was put.
    expect(row.locator(f"#id_milestones-{new}-year")).to_have_value("2021")
    expect(row.locator(f"#id_milestones-{new}-month")).to_have_value("3")
    expect(row.locator(f"#id_milestones-{new}-title")).to_have_value(NEW_MILESTONE)
    expect(text).to_contain_text(NEW_MILESTONE_TEXT)
    assert row_ids(rows).index(f"inline_child_milestones-{new}") == len(titles) - 1
    show(rows.nth(len(titles) - 2).locator("[data-panel-heading-text]"))
    shot(watched, "milestone-out-of-order")

    row.locator("[data-inline-panel-child-move-up]").click()
    ids = row_ids(rows)
    assert ids.index(f"inline_child_milestones-{new}") == titles.index(following.title)
    expect(row.locator("[data-panel-heading-text]")).to_contain_text(f"Étape {titles.index(following.title) + 1}")
    show(rows.nth(ids.index(f"inline_child_milestones-{new}") - 1).locator("[data-panel-heading-text]"))
    shot(watched, "milestone-moved")
    open_actions_menu(watched)
    watched.get_by_role("button", name="Publier").click()
    expect(watched.locator(".messages .success")).to_be_visible()
    saved = list(history.milestones.order_by("sort_order").values_list("title", flat=True))
    assert saved == [*titles[: titles.index(following.title)], NEW_MILESTONE, *titles[titles.index(following.title) :]]
    watched.watch.assert_clean()

    visitor = browser.new_context(viewport=VIEWPORTS["desktop"]).new_page()  # as the public sees it
    visitor.watch = Watch(visitor)
    visitor.goto(site_url + history.url)
    years = [int(year) for year in visitor.locator(".timeline__year-label").all_inner_texts()]
    assert years == sorted(set(years)), years  # each year once, in order
    year_2021 = visitor.locator(".timeline__year", has=visitor.locator("h2", has_text="2021"))
    events = year_2021.locator(".timeline__title").all_inner_texts()
    assert len(events) == 1 and NEW_MILESTONE in events[0], events
    year_2022 = visitor.locator(".timeline__year", has=visitor.locator("h2", has_text="2022"))
    expect(year_2022.locator(".timeline__title").first).to_contain_text(following.title)
    expect(year_2021.locator(".timeline__event").first).to_contain_text(NEW_MILESTONE_TEXT)
    shot(visitor, "history-public")
    visitor.watch.assert_clean()


@pytest.mark.guide_pictures
def test_moderator_edits_a_centres_partners_seen_on_its_page_and_card(watched, site_url, browser):
    """9 steps after logging in: open the centre, « Ajouter : partenaire », « Choisir partenaire », a
    word of its name in the search box, the partner in the list, « Monter », the CGET's « Supprimer »,
    actions menu, « Publier »; then the centre's page and its card in the list of centres, the two
    places where a centre's partners show."""
    from resources.models import ResourceCentrePage

    centre = ResourceCentrePage.objects.get(slug="innovation-territoriale-en-actions")
    before = [partner.name for partner in centre.partners()]
    assert before == ["Caisse des Dépôts", CGET, "Groupe La Poste"], before
    new = len(before)
    log_in(watched, site_url, ModeratorFactory())

    watched.goto(f"{site_url}/admin/pages/{centre.pk}/edit/")
    rows = watched.locator("#id_partner_links-FORMS > [data-inline-panel-child]:not(.deleted)")
    expect(rows).to_have_count(len(before))
    # saved rows are folded and named by their partner, so they are reordered knowingly
    assert rows.locator("[data-row-summary]").all_inner_texts() == before
    watched.locator("#id_partner_links-ADD").click()
    row = watched.locator(f"#inline_child_partner_links-{new}")
    row.locator("button.chooser__choose-button").click()
    watched.locator(".modal input[name='q']").fill("Bettencourt")  # the list shows ten partners a page
    watched.locator(".modal a[data-chooser-modal-choice]", has_text=ADDED_PARTNER).click()
    expect(row.locator(".chooser__title")).to_have_text(ADDED_PARTNER)
    row.locator("[data-inline-panel-child-move-up]").click()  # before Groupe La Poste
    rows.filter(has_text=CGET).locator("[id$='-DELETE-button']").click()
    expect(rows).to_have_count(len(before))
    chosen = [title.strip() for title in rows.locator(".chooser__title").all_text_contents()]  # folded rows too
    assert chosen == ["Caisse des Dépôts", ADDED_PARTNER, "Groupe La Poste"], chosen
    expect(watched.locator("#id_partner_links-FORMS > .deleted")).to_be_hidden()  # once it has slid away
    show(watched.locator("#id_partner_links-FORMS"))
    shot(watched, "centre-partners-panel")
    guide_picture(watched, "partenaires-centre")
    open_actions_menu(watched)
    watched.get_by_role("button", name="Publier").click()
    expect(watched.locator(".messages .success")).to_be_visible()
    after = ["Caisse des Dépôts", ADDED_PARTNER, "Groupe La Poste"]
    assert [partner.name for partner in ResourceCentrePage.objects.get(pk=centre.pk).partners()] == after
    watched.watch.assert_clean()

    visitor = browser.new_context(viewport=VIEWPORTS["desktop"]).new_page()  # as the public sees it
    visitor.watch = Watch(visitor)
    visitor.goto(site_url + centre.url)
    facts = visitor.locator(".centre-facts dl > div", has_text="Réalisé avec").locator("dd")
    expect(facts).to_have_text(", ".join(after))
    names = [
        " ".join(name.split()) for name in visitor.locator(".section--partners .partners__name").all_text_contents()
    ]
    assert [name.removesuffix(" (site externe)") for name in names] == after, names
    expect(visitor.locator("main")).not_to_contain_text(CGET)
    shot(visitor, "centre-public")
    visitor.goto(f"{site_url}/centres-de-ressources/")
    card = visitor.locator(".centre-card", has_text=centre.title)
    expect(card.locator("dl > div", has_text="Partenaires").locator("dd")).to_have_text(", ".join(after))
    shot(visitor, "centres-list")
    visitor.watch.assert_clean()


@pytest.mark.parametrize(
    "path",
    ["/admin/guide-de-l-equipe/", "/admin/2fa/verification/", "/admin/2fa/activation/", "planning"],
)
def test_admin_screens_we_add_pass_axe(page, site_url, path):
    """WCAG 2.1 AA at 1280 px on our own admin screens (the main content: Wagtail's furniture is its own)."""
    from webinars.models import WebinarCyclePage

    page.set_viewport_size(VIEWPORTS["desktop"])
    user = ModeratorFactory()
    if path.startswith("/admin/2fa/"):
        if path == "/admin/2fa/verification/":
            reset_totp_device(user)
        page.goto(f"{site_url}/admin/login/")
        page.fill("#id_username", user.username)
        page.fill("#id_password", PASSWORD)
        page.locator("form.login-form button[type=submit]").click()
        expect(page).to_have_url(re.compile(path))
        if path == "/admin/2fa/verification/":  # with its error message showing
            page.fill("#id_otp_token", "000000")
            page.get_by_role("button", name="Valider le code").click()
            expect(page.locator(".messages li.error")).to_contain_text(WRONG_CODE_MESSAGE)
    elif path == "planning":
        log_in(page, site_url, user)
        cycle = WebinarCyclePage.objects.filter(year__isnull=False).order_by("-year").first()
        for session in cycle.get_children():  # so that the confirmation lists the sessions to create
            session.delete()
        page.goto(f"{site_url}/admin/webinaires/cycles/{cycle.pk}/planifier/")
        expect(page.locator("main table")).to_contain_text("Titre provisoire")
    else:
        log_in(page, site_url, user)
        page.goto(site_url + path)
    expect(page.locator("main h1").first).to_be_visible()
    page.wait_for_load_state("load")
    page.evaluate(SETTLED)  # colours are measured once the messages have faded in
    shot(page, "axe-" + path.strip("/").replace("/", "-"))
    assert page.locator("html").get_attribute("lang") == "fr"
    results = Axe().run(page, context="main", options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()


CHART_TITLE = "Les fonds mobilisés, de 2017 à 2021"
CHART_SOURCE = "Le RAMEAU, bilans 2017, 2019 et 2021"
CHART_ROWS = [("2017", "50"), ("2019", "70"), ("2021", "100")]


def test_moderator_charts_a_typed_table_on_a_page_after_a_refused_draft(watched, site_url, browser):
    """Moderators edit the institution's pages (editors write in publications, news and press
    only). 16 steps after opening the page: the last « Insérer un bloc », « Graphique », title,
    summary, « … ou un tableau », « Ajouter une colonne » › « Catégorie ou année », « Ajouter une
    colonne » › « Nombre », its heading, three rows typed (« Ajouter une ligne » twice), unit, year,
    « Enregistrer le brouillon »: refused for its missing source, with everything typed kept;
    the source, « Enregistrer le brouillon » again, actions menu, « Publier »."""
    from pages.models import StandardPage
    from tests.factories.pages import StandardPageFactory

    target = StandardPageFactory(
        title="Nos moyens",
        body=[("heading", {"text": "Les fonds mobilisés", "level": "h2"})],
    )
    log_in(watched, site_url, ModeratorFactory())
    watched.goto(f"{site_url}/admin/pages/{target.pk}/edit/")
    watched.locator("[data-contentpath='body'] button.c-sf-add-button").last.click()
    watched.get_by_role("option", name="Graphique").click()
    chart = watched.locator("[data-contentpath='body'] [data-streamfield-child]").last
    chart.locator("input[name$='-value-title']").fill(CHART_TITLE)
    chart.locator("input[name$='-value-chart_type'][value='line']").check()
    chart.locator("textarea[name$='-value-summary']").fill("De 50 M€ en 2017 à 100 M€ en 2021.")
    chart.locator(".w-panel__header", has_text="ou un tableau").locator("[data-panel-toggle]").click()
    table = chart.locator(".typed-table-block")
    table.locator("button[data-append-column]").click()
    table.locator(".add-column-menu button", has_text="Catégorie ou année").click()
    table.locator("button[data-append-column]").click()
    table.locator(".add-column-menu button", has_text="Nombre").click()
    table.locator("input.column-heading").nth(0).fill("Année")
    table.locator("input.column-heading").nth(1).fill("Fonds mobilisés")
    for index, (year, amount) in enumerate(CHART_ROWS):
        if index:
            table.locator("button[data-add-row]").click()
        row = table.locator("tbody tr").nth(index)
        row.locator("input:not([type=hidden])").nth(0).fill(year)
        row.locator("input:not([type=hidden])").nth(1).fill(amount)
    chart.locator("input[name$='-value-unit']").fill("M€")
    chart.locator("input[name$='-value-year']").fill("2017-2021")
    shot(watched, "chart-form")
    watched.get_by_role("button", name="Enregistrer le brouillon").click()

    # Refused in French, by the field it concerns; everything typed is still in the form.
    expect(watched.locator(".messages .error")).to_be_visible()
    chart = watched.locator("[data-contentpath='body'] [data-streamfield-child]").last
    expect(chart).to_contain_text("D'où viennent ces chiffres ?")
    expect(chart.locator("input[name$='-value-title']")).to_have_value(CHART_TITLE)
    expect(chart.locator("input[name$='-value-year']")).to_have_value("2017-2021")
    table = chart.locator(".typed-table-block")
    typed = [
        [cell.input_value() for cell in row.locator("input:not([type=hidden])").all()[:2]]
        for row in table.locator("tbody tr").all()
    ]
    assert typed == [list(row) for row in CHART_ROWS]
    assert (
        StandardPage.objects.get(pk=target.pk).get_latest_revision().as_object().body.raw_data[-1]["type"] == "heading"
    )
    shot(watched, "chart-refused")

    chart.locator("input[name$='-value-source']").fill(CHART_SOURCE)
    watched.get_by_role("button", name="Enregistrer le brouillon").click()
    expect(watched.locator(".messages .success")).to_be_visible()
    draft = StandardPage.objects.get(pk=target.pk).get_latest_revision().as_object()
    assert [block.block_type for block in draft.body] == ["heading", "chart"]
    assert 'class="chart' not in watched.request.get(site_url + target.url).text()  # a draft, not yet live
    open_actions_menu(watched)
    watched.get_by_role("button", name="Publier").click()
    expect(watched.locator(".messages .success")).to_be_visible()
    watched.watch.assert_clean()

    visitor = browser.new_context(viewport=VIEWPORTS["phone"]).new_page()
    visitor.watch = Watch(visitor)
    visitor.goto(site_url + target.url)
    figure = visitor.locator("figure.chart")
    expect(figure.locator("h2.chart__title")).to_have_text(CHART_TITLE)  # the default level
    expect(figure.locator("svg.chart__plot")).to_be_visible()
    expect(figure.locator(".chart__source")).to_contain_text(f"Source : {CHART_SOURCE} (2017-2021)")
    figure.locator("details.chart__data summary").click()
    rows = figure.locator("details.chart__data tbody tr").all_inner_texts()
    assert [" ".join(row.split()) for row in rows] == ["2017 50 M€", "2019 70 M€", "2021 100 M€"], rows
    results = Axe().run(visitor, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()
    shot(visitor, "chart-public")
    visitor.watch.assert_clean()
