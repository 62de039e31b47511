"""seed_demo builds the whole demo tree once, and only where it is allowed."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from demo.content import load
from pages.models import HistoryMilestone, HistoryPage, HomePage, KeyFigure, MissionPage, Partner, StandardPage


def counts() -> dict[str, int]:
    return {
        "pages": Page.objects.count(),
        "milestones": HistoryMilestone.objects.count(),
        "figures": KeyFigure.objects.count(),
        "partners": Partner.objects.count(),
        "images": get_image_model().objects.count(),
        "sites": Site.objects.count(),
    }


@pytest.mark.django_db
def test_seed_twice_changes_nothing():
    before = counts()
    call_command("seed_demo", verbosity=0)
    assert counts() == before


@pytest.mark.django_db
def test_demo_tree_is_complete():
    own_pages = Page.objects.type(HomePage, MissionPage, HistoryPage, StandardPage)
    assert own_pages.count() == 5  # home, mission, history, legal notice, contact; sections add theirs
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific_class is HomePage
    assert HistoryMilestone.objects.count() == len(load("pages")["milestones"])
    assert {m.year for m in HistoryMilestone.objects.all()} >= {2006, 2008, 2012, 2014, 2016, 2018, 2020, 2022}
    assert not Page.objects.filter(slug="home", depth=2).exists(), "Wagtail's welcome page is replaced"


@pytest.mark.django_db
def test_seed_keeps_staff_edits():
    home = HomePage.objects.get()
    home.headline = "Accroche réécrite par l'équipe"
    home.save_revision().publish()
    call_command("seed_demo", verbosity=0)
    assert HomePage.objects.get().headline == "Accroche réécrite par l'équipe"


@pytest.mark.django_db
def test_refused_when_demo_content_not_allowed(settings):
    settings.DEMO_CONTENT_ALLOWED = False
    with pytest.raises(CommandError, match="refused"):
        call_command("seed_demo", verbosity=0)


@pytest.mark.django_db
def test_superuser_option_prints_a_working_password(client, capsys):
    call_command("seed_demo", "--superuser")
    output = capsys.readouterr().out
    password = output.split("mot de passe : ")[1].split()[0]
    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser and user.check_password(password)
    assert client.login(username="admin", password=password)
    assert client.get("/admin/").status_code == 200
