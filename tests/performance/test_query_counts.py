"""At most 10 queries on every public page, uncached, whatever the size of the site.

The whole-page cache is off here (as in the test settings): these are the queries of a page
the cache does not hold. What a running server keeps between requests — the site, its
settings and menus, routes, private sections, renditions — is warmed by a first request.
"""

from __future__ import annotations

import pytest
from django.core.management import call_command

from publications.models import PublicationPage

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
