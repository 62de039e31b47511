"""Fixtures for the resource centres: the seeded index and helpers to add centres."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from resources.models import ResourceCentreIndexPage, ResourceCentrePage, ResourceCentrePartner

INDEX_PATH = "/centres-de-ressources/"


@pytest.fixture
def index(db) -> ResourceCentreIndexPage:
    return ResourceCentreIndexPage.objects.get()


def add_centre(
    index: ResourceCentreIndexPage, number: int, *, image=None, audiences=(), partners=(), **fields
) -> ResourceCentrePage:
    """A live centre under the index, saved without a revision (like a fixture, not an editor)."""
    values = {
        "title": f"Centre d'essai {number}",
        "slug": f"centre-essai-{number}",
        "summary": f"Présentation du centre d'essai numéro {number}.",
        "platform_url": f"https://centre-{number}.exemple.org/",
        "listing_image": image,
        **fields,
    }
    centre = ResourceCentrePage(**values)
    centre.audiences = list(audiences)
    centre.partner_links = [
        ResourceCentrePartner(partner=partner, sort_order=order) for order, partner in enumerate(partners)
    ]
    index.add_child(instance=centre)
    return centre


def count_queries(client, path: str) -> int:
    client.get(path)  # warm per-process caches and create renditions, as a running server would have
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)
