"""seed_demo creates the 12 centres, their audiences and partners, once."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from demo.content import load
from pages.models import Audience, Partner
from resources.models import ResourceCentreIndexPage, ResourceCentrePage, ResourceCentrePartner

demo_content = load("centres")


def counts() -> dict[str, int]:
    return {
        "index": ResourceCentreIndexPage.objects.count(),
        "centres": ResourceCentrePage.objects.count(),
        "links": ResourceCentrePartner.objects.count(),
        "audiences": Audience.objects.count(),
        "partners": Partner.objects.count(),
    }


@pytest.mark.django_db
def test_seed_creates_twelve_live_centres_once():
    before = counts()
    assert before["index"] == 1 and before["centres"] == 12
    call_command("seed_demo", verbosity=0)
    assert counts() == before
    assert ResourceCentrePage.objects.live().count() == 12
    assert set(Audience.objects.values_list("slug", flat=True)) >= {item["slug"] for item in demo_content["audiences"]}


@pytest.mark.django_db
def test_seed_keeps_staff_edits_and_recreates_nothing_deleted_by_hand():
    centre = ResourceCentrePage.objects.get(slug="rse-et-partenariats")
    centre.summary = "Présentation réécrite par l'équipe."
    centre.save_revision().publish()
    call_command("seed_demo", verbosity=0)
    assert ResourceCentrePage.objects.get(slug="rse-et-partenariats").summary == "Présentation réécrite par l'équipe."


@pytest.mark.django_db
def test_seed_creates_a_missing_partner():
    ResourceCentrePage.objects.filter(slug="rse-et-partenariats").delete()
    Partner.objects.filter(name="ORSE").delete()
    call_command("seed_demo", verbosity=0)
    centre = ResourceCentrePage.objects.get(slug="rse-et-partenariats")
    assert [partner.name for partner in centre.partners()] == ["ORSE"]


@pytest.mark.django_db
def test_every_centre_has_an_https_platform_an_image_and_a_need():
    for centre in ResourceCentrePage.objects.all():
        assert centre.platform_url.startswith("https://"), centre.slug
        assert centre.listing_image_id, centre.slug
        assert centre.needs, centre.slug
        assert centre.audiences.exists(), centre.slug
