"""The demo's team, programmes and press page (on a copy of the seeded demo: the demo's own tests)."""

from __future__ import annotations

from django.core.management import call_command
from wagtail.models import Revision

from pages.models import HistoryMilestone
from people.models import PersonPage, TeamPage
from press.models import PressIndexPage
from programmes.models import ProgrammePage
from publications.models import PublicationAuthor, PublicationPage
from resources.models import ResourceCentrePage
from webinars.models import WebinarCyclePage


def test_demo_names_the_documented_people_programmes_and_links(demo_database, client):
    assert set(PersonPage.objects.live().values_list("title", flat=True)) == {"Charles-Benoît Heidsieck", "Anne Robin"}
    team = TeamPage.objects.get()
    assert [block.value["heading"] for block in team.sections] == ["Le RAMEAU", "L'Observatoire des partenariats"]
    assert set(ProgrammePage.objects.live().values_list("slug", flat=True)) >= {
        "arpea",
        "phare",
        "territoires-d-avenir",
        "partenaires-d-avenir",
    }
    phare = ProgrammePage.objects.get(slug="phare")
    assert PublicationPage.objects.filter(programmes=phare).exists()
    assert ResourceCentrePage.objects.filter(programmes=phare).exists()
    assert HistoryMilestone.objects.filter(programme=phare).count() == 2
    assert WebinarCyclePage.objects.filter(programmes__slug="co-construction-territoriale").exists()
    # Links made through published revisions: publishing the latest revision again keeps them.
    author = PublicationAuthor.objects.get(person__slug="charles-benoit-heidsieck")
    Revision.objects.filter(object_id=str(author.page_id)).latest("created_at").publish()
    assert PublicationAuthor.objects.filter(person__slug="charles-benoit-heidsieck").exists()
    assert PressIndexPage.objects.get().live
    for path in ("/qui-sommes-nous/equipe/", "/programmes/", "/programmes/phare/", "/presse/"):
        assert client.get(path).status_code == 200, path
    # Visitors find them: the team from « Qui sommes-nous ? », programmes and press from every footer.
    assert 'href="/qui-sommes-nous/equipe/"' in client.get("/qui-sommes-nous/").content.decode()
    home = client.get("/").content.decode()
    footer = home[home.index("<footer") :]
    assert 'href="/programmes/"' in footer and 'href="/presse/"' in footer


def test_seeding_again_adds_no_person_programme_nor_link(demo_database):
    before = (
        PersonPage.objects.count(),
        ProgrammePage.objects.count(),
        HistoryMilestone.objects.filter(programme__isnull=False).count(),
        PublicationPage.programmes.through.objects.count(),
    )
    call_command("seed_demo", verbosity=0)
    after = (
        PersonPage.objects.count(),
        ProgrammePage.objects.count(),
        HistoryMilestone.objects.filter(programme__isnull=False).count(),
        PublicationPage.programmes.through.objects.count(),
    )
    assert after == before
