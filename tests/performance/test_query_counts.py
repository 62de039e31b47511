"""At most 10 queries on every public page, uncached, whatever the size of the site.

The whole-page cache is off here (as in the test settings): these are the queries of a page
the cache does not hold. What a running server keeps between requests — the site, its
settings and menus, routes, private sections, renditions — is warmed by a first request.
"""

from __future__ import annotations

import html

import pytest
from django.core.management import call_command

from caching import version
from people.models import PersonPage
from press.models import PressReleasePage
from programmes.models import ProgrammePage
from publications.models import PublicationAuthor, PublicationPage
from resources.models import ResourceCentrePage
from tests.factories.documents import DocumentFactory
from tests.factories.images import ImageFactory
from tests.factories.pages import HistoryMilestoneFactory, PartnerFactory
from tests.factories.people import PersonPageFactory
from tests.factories.press import PressReleasePageFactory, mention
from tests.factories.programmes import ProgrammePageFactory
from tests.factories.resources import ResourceCentrePageFactory, give_news
from webinars.models import WebinarCyclePage, WebinarSpeaker

from .conftest import count_queries

pytestmark = pytest.mark.django_db

BUDGET = 10


def measure(client, pages: dict[str, str]) -> dict[str, int]:
    return {name: count_queries(client, path) for name, path in pages.items()}


def test_every_public_page_stays_within_budget(client, public_pages):
    counts = measure(client, public_pages)
    over = {name: n for name, n in counts.items() if n > BUDGET}
    assert not over, f"plus de {BUDGET} requêtes : {over}"


def test_query_counts_do_not_grow_with_the_content(client, public_pages):
    pages = public_pages  # the same pages before and after: only the amount of content changes
    small = measure(client, pages)
    call_command("bench_data", publications=200, webinar_years=4, news=60, verbosity=0)
    assert PublicationPage.objects.live().count() == 200
    large = measure(client, pages)
    assert max(large.values()) <= BUDGET
    # Site search loads each kind of page on the results page in one query: its cost follows
    # how many kinds the first ten results mix (bounded by the page types), not the count.
    del small["recherche"], large["recherche"]
    assert large == small


#: How many of each the growth below adds: enough for a query per item to show.
MORE = 12


def picture_people_programmes_press(content: dict) -> None:
    """The measured person's photo, the programme's image and a logo in the press kit: the
    small site has one of each, so the growth below adds items, not kinds of query."""
    person, programme, press = content["personne"], content["programme"], content["presse"]
    person.photo = ImageFactory()
    person.save_revision().publish()
    programme.listing_image = ImageFactory()
    programme.save_revision().publish()
    press.press_kit = [("logo", {"name": "Logo", "image": ImageFactory(), "files": [DocumentFactory()]})]
    press.save_revision().publish()


def grow_people_programmes_press(content: dict) -> None:
    """MORE people with their photos in a new section of the team page, MORE programmes with
    partners and images, the measured programme linked from every publication, every webinar
    cycle, MORE centres (each with its platform's latest items) and MORE milestones, the measured person first author of every
    publication and speaker of every session, MORE press releases with their PDF, MORE press
    mentions and MORE logos in the press kit."""
    team, person, programme, press = content["équipe"], content["personne"], content["programme"], content["presse"]
    people = [PersonPageFactory(parent=team, photo=image) for image in ImageFactory.create_batch(MORE)]
    team.sections = [
        *((block.block_type, block.value) for block in team.sections),
        ("section", {"heading": "Conseil d'administration", "intro": "Ses membres.", "members": people}),
    ]
    team.save_revision().publish()
    for image in ImageFactory.create_batch(MORE):
        ProgrammePageFactory(listing_image=image, partners=PartnerFactory.create_batch(2))
    programme.partners.add(*PartnerFactory.create_batch(MORE))
    programme.save_revision().publish()
    for _ in range(MORE):
        give_news(ResourceCentrePageFactory(programmes=[programme]))
        HistoryMilestoneFactory(page=content["histoire"], programme=programme)
        PressReleasePageFactory(parent=press, document=DocumentFactory())
    # Bulk links, as an import would make them: no signal, so the content version is bumped below.
    publications = PublicationPage.programmes.through
    publications.objects.bulk_create(
        [
            publications(publicationpage_id=pk, programmepage_id=programme.pk)
            for pk in PublicationPage.objects.values_list("pk", flat=True)
        ],
        ignore_conflicts=True,
    )
    cycles = WebinarCyclePage.programmes.through
    cycles.objects.bulk_create(
        [
            cycles(webinarcyclepage_id=pk, programmepage_id=programme.pk)
            for pk in WebinarCyclePage.objects.values_list("pk", flat=True)
        ],
        ignore_conflicts=True,
    )
    PublicationAuthor.objects.filter(sort_order=0).update(person=person)
    WebinarSpeaker.objects.update(person=person)
    press.mentions = [
        mention(f"Journal n° {number}", f"https://journal-{number}.exemple.org/") for number in range(MORE)
    ]
    press.press_kit = [
        *((block.block_type, block.value) for block in press.press_kit),
        *(
            ("logo", {"name": f"Logo n° {number}", "image": image, "files": [DocumentFactory()]})
            for number, image in enumerate(ImageFactory.create_batch(MORE))
        ),
    ]
    press.save_revision().publish()
    version.bump()


def test_query_counts_do_not_grow_with_people_programmes_and_press(client, public_pages, site_content):
    """The pages of people, programmes and press, and those that link to them, cost the same
    with one person, programme and release as with a dozen more of each and every publication,
    cycle and session linked to them."""
    pages = public_pages
    picture_people_programmes_press(site_content)
    small = measure(client, pages)
    call_command("bench_data", publications=60, webinar_years=2, news=0, verbosity=0)
    grow_people_programmes_press(site_content)
    large = measure(client, pages)
    del small["recherche"], large["recherche"]  # see above
    assert large == small
    assert max(large.values()) <= BUDGET
    # What was measured is the grown site, not a cached copy of the small one.
    person, programme = site_content["personne"], site_content["programme"]
    assert PersonPage.objects.live().count() == MORE + 1 and ProgrammePage.objects.live().count() == MORE + 1
    assert PressReleasePage.objects.live().count() == MORE + 1
    team = client.get(site_content["équipe"].url).content.decode()
    assert team.count('class="person-card"') == MORE + 1
    assert client.get("/programmes/").content.decode().count('class="card programme-card"') == MORE + 1
    shown = html.unescape(client.get(programme.url).content.decode())
    # 60 cards: a programme or a person shows that many publications at most.
    assert shown.count('<li class="pub-card">') == 60 and shown.count("<li><time") == MORE
    assert ResourceCentrePage.objects.filter(programmes=programme).count() == MORE + 1
    assert all(centre.title in shown for centre in ResourceCentrePage.objects.filter(programmes=programme))
    press = client.get(site_content["presse"].url).content.decode()
    assert press.count('class="press-mention"') == MORE and press.count('class="press-kit__item"') == MORE + 1
    profile = client.get(person.url).content.decode()
    assert profile.count('<li class="pub-card">') == 60 and 'id="webinaires-personne"' in profile
