"""Finer invalidation (caching/scopes.py): after a publication, the data that shows none
(the centres' catalogue and cards, images' markup, the site lookup) is still cached for the
first visitor, and whatever the change touched is never served stale.

The versions are worked out as the preparing thread does (rameau_site/warming.py calls
`scopes.advance` for each new version); the changes are written out as the version row
records them (tests/core/test_content_changes.py checks what it records), since the whole
test runs in one transaction, whose row lists every change since the test began.
"""

from __future__ import annotations

import pytest
from django.core.cache.utils import make_template_fragment_key
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from caching import scopes, version
from caching.version import Change
from core.listing import fragment_cache
from tests.factories.pages import ThemeFactory
from tests.factories.publications import PublicationPageFactory
from tests.factories.resources import ResourceCentrePageFactory

pytestmark = pytest.mark.django_db

CENTRES = "/centres-de-ressources/"
#: What the centres' catalogue and cards read (audiences, partners): none of it after a publication.
CENTRE_DATA = ("resources_resourcecentrepage_audiences", "resources_resourcecentrepartner")


@pytest.fixture
def prepared():
    """A function giving the row's current token a version as the preparing thread would,
    after the one before it (serials made up, in order): `prepared(items…)`."""
    scopes.forget()
    serial = [100]
    scopes.heard(Change(version.read_token(), serial[0], serial[0] - 1, frozenset({"*"})))

    def prepare(*items: str) -> dict[str, scopes.Scoped]:
        serial[0] += 1
        return scopes.advance(Change(version.read_token(), serial[0], serial[0] - 1, frozenset(items)))

    yield prepare
    scopes.forget()


def card_key(pk: int, card_version: str) -> str:
    """The key publication_card.html keeps a card under (as publications.queries computes it)."""
    return make_template_fragment_key("publication_card", [pk, "", "", card_version])


def publish(page, title: str) -> None:
    """An editor changes the title and publishes, as the admin does."""
    page.title = title
    page.save_revision().publish()


def first_request(client, path: str) -> tuple[str, list[str]]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return response.content.decode(), [query["sql"] for query in queries]


def test_a_publication_leaves_the_centres_cached_for_the_first_visitor(client, every_page_type, prepared):
    publication, centre = every_page_type["publication"], every_page_type["centre"]
    second = ResourceCentrePageFactory(title="Un second centre")
    prepared(f"p{second.pk}")
    client.get(CENTRES)
    publish(publication, "Un titre republié")
    scoped = prepared(f"p{publication.pk}", "publications.publicationauthor")
    assert scoped[scopes.PUBLICATIONS].token != version.read_token()  # the scope kept its version
    _html, after_publication = first_request(client, CENTRES)
    assert not [sql for sql in after_publication if any(table in sql for table in CENTRE_DATA)]
    assert client.get(CENTRES).content.decode() == _html

    # The same kind of change that touches a snippet: everything rebuilt, as before.
    publish(publication, "Un titre republié encore")
    ThemeFactory(name="Un thème de plus")
    prepared(f"p{publication.pk}", "pages.theme")
    _html, after_snippet = first_request(client, CENTRES)
    assert [sql for sql in after_snippet if any(table in sql for table in CENTRE_DATA)]
    assert len(after_publication) < len(after_snippet)
    assert centre.title in _html


def test_what_a_change_touched_is_never_served_stale(client, every_page_type, prepared):
    publication, centre = every_page_type["publication"], every_page_type["centre"]
    client.get(CENTRES)
    client.get(publication.url)
    publish(publication, "La publication sous son nouveau titre")
    prepared(f"p{publication.pk}")
    assert "La publication sous son nouveau titre" in client.get(publication.url).content.decode()
    publish(centre, "Le centre sous son nouveau nom")
    scoped = prepared(f"p{centre.pk}")
    assert scoped[scopes.PUBLICATIONS].token == version.read_token()  # a centre is not a publication
    html = client.get(CENTRES).content.decode()
    assert "Le centre sous son nouveau nom" in html
    # Several changes seen as one (the preparer merges those heard meanwhile): one beyond the
    # scope is enough for a new version.
    publish(centre, "Le centre renommé deux fois")
    prepared(f"p{publication.pk}", f"p{centre.pk}")
    assert "Le centre renommé deux fois" in client.get(CENTRES).content.decode()


def test_a_cycles_calendar_is_kept_and_the_library_shows_the_new_title(client, every_page_type, prepared):
    publication, cycle = every_page_type["publication"], every_page_type["cycle"]
    calendar = f"{cycle.url}calendrier.ics"
    before = client.get(calendar).content
    client.get("/publications/")
    publish(publication, "Le titre que la bibliothèque doit montrer")
    prepared(f"p{publication.pk}")
    with CaptureQueriesContext(connection) as queries:
        assert client.get(calendar).content == before
    assert not [query for query in queries if "webinars_webinarpage" in query["sql"]]
    assert "Le titre que la bibliothèque doit montrer" in client.get("/publications/").content.decode()


def test_after_a_publication_its_card_alone_is_rebuilt(client, every_page_type, prepared):
    from caching.data import version_for
    from publications.queries import publication_cards

    changed, other = every_page_type["publication"], PublicationPageFactory(title="Une autre publication")
    prepared(f"p{other.pk}")
    publication_cards(RequestFactory().get("/"), [changed.pk, other.pk])  # as a listing makes them
    before = {pk: version_for(RequestFactory().get("/"), scopes.PUBLICATIONS, pk) for pk in (changed.pk, other.pk)}
    publish(changed, "Le nouveau titre de la publication")
    prepared(f"p{changed.pk}", "publications.publicationauthor")
    request = RequestFactory().get("/")  # nothing rendered since the publication
    after = {pk: version_for(request, scopes.PUBLICATIONS, pk) for pk in (changed.pk, other.pk)}
    assert after[other.pk] == before[other.pk] and after[changed.pk] != before[changed.pk]
    kept = fragment_cache().get_many([card_key(pk, after[pk]) for pk in (changed.pk, other.pk)])
    assert list(kept) == [card_key(other.pk, after[other.pk])]  # the other card kept, the changed one to make
    cards = publication_cards(request, [changed.pk, other.pk])
    assert "Le nouveau titre de la publication" in cards[0] and "Une autre publication" in cards[1]
    html = client.get("/publications/").content.decode()
    assert "Le nouveau titre de la publication" in html and "Une autre publication" in html


def test_a_change_stays_within_a_scope_only_when_all_it_touched_belongs_there(every_page_type):
    publication, centre = every_page_type["publication"], every_page_type["centre"]
    publications, pages = scopes.SCOPES[scopes.PUBLICATIONS], scopes.SCOPES[scopes.PAGES]
    types = scopes.page_types({publication.pk, centre.pk})

    def within(models, *items: str) -> bool:
        return scopes.within(Change("t", 2, 1, frozenset(items)), models, types)

    # A publication, its authors and themes (rows pointing to it).
    assert within(publications, f"p{publication.pk}", "publications.publicationauthor")
    assert within(publications, f"p{publication.pk}", "publications.publicationpage_themes")
    # Anything else: a snippet, another kind of page, a page gone or unknown, a move, a site,
    # a restriction, « anything ».
    assert not within(publications, f"p{publication.pk}", "pages.theme")
    assert not within(publications, f"p{centre.pk}")
    assert not within(publications, "p987654")
    assert not within(publications, f"p{publication.pk}", "wagtailcore.page")
    assert not within(publications, "*")
    assert within(pages, f"p{publication.pk}", f"p{centre.pk}")
    assert not within(pages, "wagtailcore.site", f"p{centre.pk}")
    assert not within(pages, "wagtailcore.pageviewrestriction", f"p{centre.pk}")
    assert not within(pages, "wagtailimages.image")


def test_a_version_never_prepared_is_its_own_scope():
    scopes.forget()
    assert scopes.token(scopes.PUBLICATIONS, "abc") == "abc"  # handed over unprepared, or no preparer
    # A version after one this process never heard of: nothing to start from.
    advanced = scopes.advance(Change("def", 9, 8, frozenset({"p1"})))
    assert {name: scoped.token for name, scoped in advanced.items()} == {name: "def" for name in scopes.SCOPES}
    scopes.forget()
