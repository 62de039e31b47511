"""seed_demo builds the whole demo tree once, and only where it is allowed (on a copy of the
seeded demo: these are the demo's own tests)."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from contact.models import ContactPage
from demo.content import load
from legal.models import AccessibilityPage, LegalNoticePage, PrivacyPage
from newsletters.models import NewsletterList, NewsletterPage
from pages.models import (
    HistoryMilestone,
    HistoryPage,
    HomePage,
    KeyFigure,
    MissionPage,
    Partner,
    SiteMapPage,
    SiteSettings,
    StandardPage,
)


def counts() -> dict[str, int]:
    return {
        "pages": Page.objects.count(),
        "milestones": HistoryMilestone.objects.count(),
        "figures": KeyFigure.objects.count(),
        "partners": Partner.objects.count(),
        "images": get_image_model().objects.count(),
        "sites": Site.objects.count(),
    }


def test_seed_twice_changes_nothing(demo_database):
    before = counts()
    call_command("seed_demo", verbosity=0)
    assert counts() == before


def test_demo_tree_is_complete(demo_database):
    own_pages = Page.objects.type(HomePage, MissionPage, HistoryPage, StandardPage)
    assert own_pages.count() == 3  # home, mission, history; sections add theirs
    front_door = Page.objects.type(
        ContactPage, NewsletterPage, LegalNoticePage, PrivacyPage, AccessibilityPage, SiteMapPage
    ).live()
    assert sorted(front_door.values_list("url_path", flat=True)) == [
        f"/accueil/{slug}/"
        for slug in ("accessibilite", "confidentialite", "contact", "mentions-legales", "newsletters", "plan-du-site")
    ]
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific_class is HomePage
    assert HistoryMilestone.objects.count() == len(load("pages")["milestones"])
    assert {m.year for m in HistoryMilestone.objects.all()} >= {2006, 2008, 2012, 2014, 2016, 2018, 2020, 2022}
    assert not Page.objects.filter(slug="home", depth=2).exists(), "Wagtail's welcome page is replaced"


def test_demo_front_door_is_filled_from_the_facts_only(demo_database):
    """The four newsletters of the client's site; the legal facts FACTS.md gives, nothing else."""
    assert list(NewsletterList.objects.values_list("name", flat=True)) == [
        "La quotidienne",
        "L'hebdo entreprise, fondation, partenaire",
        "L'hebdo association",
        "L'hebdo grand public",
    ]
    legal = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    assert legal.legal_status == "association d'intérêt général"
    assert legal.missing_legal_fields() == [
        "directeur ou directrice de la publication",
        "hébergeur",
        "adresse de l'hébergeur",
        "téléphone de l'hébergeur",
    ]
    assert [field.label for field in ContactPage.objects.get().form_fields.all()] == [
        "Nom",
        "Courriel",
        "Organisation",
        "Objet",
        "Message",
    ]
    assert AccessibilityPage.objects.get().conformity_status == AccessibilityPage.Status.NONE  # no RGAA audit yet


def test_seed_keeps_staff_edits(demo_database):
    home = HomePage.objects.get()
    home.headline = "Accroche réécrite par l'équipe"
    home.save_revision().publish()
    call_command("seed_demo", verbosity=0)
    assert HomePage.objects.get().headline == "Accroche réécrite par l'équipe"


def test_refused_when_demo_content_not_allowed(demo_database, settings):
    settings.DEMO_CONTENT_ALLOWED = False
    with pytest.raises(CommandError, match="refused"):
        call_command("seed_demo", verbosity=0)


def test_superuser_option_prints_a_working_password(demo_database, client, capsys):
    call_command("seed_demo", "--superuser")
    output = capsys.readouterr().out
    password = output.split("mot de passe : ")[1].split()[0]
    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser and user.check_password(password)
    assert client.login(username="admin", password=password)
    assert client.get("/admin/").status_code == 200


def test_demo_says_only_what_the_documents_say(demo_database, client):
    """The founder's own words with their source, figures with their « plus de », the dated
    series of figures, every partner on the home page, and no invented « dix têtes de réseau »."""
    from pages.models import ContentCheck

    mission = MissionPage.objects.get()
    assert mission.quote_text.startswith("Le faire alliance se vit plus qu'il ne se dit !")
    assert mission.quote_author == "Charles-Benoît Heidsieck" and "Qui sommes-nous" in mission.quote_source
    assert KeyFigure.objects.get(label__startswith="recherches-actions").display_value == "plus de 500"
    assert KeyFigure.objects.get(label__startswith="exemples inspirants").display_value == "plus de 1 000"
    page = client.get(mission.url).content.decode()
    assert '<span class="figure-card__qualifier">plus de</span> 500' in page
    for figure in ("1 M€", "1,5 M€", "850"):
        assert f'<span class="figure-card__value">{figure}</span>' in page, figure
    for figure in ("50 M€", "70 M€", "100 M€", "87 %", "76 %", "46 %", "98 %"):  # the series, charted
        assert f'class="chart__value">{figure}</text>' in page, figure
    assert "<td>70\u00a0M€</td>" in page  # the 100 M€ split, from a table typed in the admin
    assert "(2021), 2021" not in page and "(2019), 2019" not in page  # a year the source names is not repeated
    assert "<cite>Le RAMEAU, page « Qui sommes-nous ? » (2021)</cite>" in page
    home = client.get("/").content.decode()
    for name in ("AgroParisTech", "Sciences Po", "AG2R LA MONDIALE", "MEDEF", "ESSEC"):
        assert name in home, name
    everything = "".join(client.get(p.url).content.decode() for p in Page.objects.live().specific() if p.url)
    assert "Dix têtes de réseau" not in everything and "Une heure en ligne : les repères" not in everything
    # What is still a guess is listed for staff, never shown.
    notes = list(ContentCheck.objects.values_list("note", flat=True))
    assert len(notes) >= 9 and not any(note in everything for note in notes)


def test_history_jumps_to_decades_and_links_what_milestones_mention(demo_database, client):
    history = HistoryPage.objects.get()
    linked = {m.title: m.link_page.slug for m in history.milestones.select_related("link_page") if m.link_page}
    assert linked["Publication de l'étude ARPEA – Collectivités territoriales"] == "arpea-collectivites-territoriales"
    assert linked["Lancement de la plateforme « L'innovation territoriale en actions ! »"] == (
        "innovation-territoriale-en-actions"
    )
    markup = client.get(history.url).content.decode()
    for decade in (2000, 2010, 2020):
        assert f'<a href="#annees-{decade}">Années {decade}</a>' in markup
        assert markup.count(f'id="annees-{decade}"') == 1
    assert 'href="/publications/arpea-collectivites-territoriales/"' in markup


def test_seed_never_raises_again_a_point_staff_have_handled(demo_database):
    """A point marked « Vérifié » stays so, and one deleted stays deleted, whatever reruns
    `seed_demo` (as `make run` does at every start)."""
    from pages.models import ContentCheck

    # The point on the cycle computed for this year was raised again at every run.
    deleted = ContentCheck.objects.get(note__startswith="Cycle de démonstration calculé")
    handled = ContentCheck.objects.filter(status=ContentCheck.OPEN).exclude(pk=deleted.pk).first()
    handled.record_status(ContentCheck.VERIFIED, None, "Vérifié dans les statuts.")
    handled.save()
    deleted.delete()
    before = sorted(ContentCheck.objects.values_list("pk", "page_id", "key_figure_id", "note", "status"))
    call_command("seed_demo", verbosity=0)
    assert sorted(ContentCheck.objects.values_list("pk", "page_id", "key_figure_id", "note", "status")) == before
    assert not ContentCheck.objects.filter(note=deleted.note, page_id=deleted.page_id).exists()
