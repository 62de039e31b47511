"""seed_demo creates the 12 centres, their audiences and partners, once: the demo's own
tests, on a copy of the seeded demo."""

from __future__ import annotations

import html5lib
from django.core.management import call_command
from PIL import Image

from demo.content import load
from demo.images import PALETTES, landscape_style
from pages.models import Audience, ContentCheck, Partner
from resources.models import (
    CentreFeed,
    CentreFeedItem,
    ResourceCentreIndexPage,
    ResourceCentrePage,
    ResourceCentrePartner,
)

from .conftest import INDEX_PATH

demo_content = load("centres")
CENTRE_SLUGS = [item["slug"] for item in demo_content["centres"]]
# The seven centres named in the client's documents, with the partner each was built with.
NAMED_CENTRES = {
    "innovation-territoriale-en-actions": {
        "Caisse des Dépôts",
        "Commissariat général à l'égalité des territoires (CGET)",
        "Groupe La Poste",
    },
    "co-construction-territoriale": {"Commissariat général à l'égalité des territoires (CGET)"},
    "modeles-socio-economiques-associatifs": {"ADASI"},
    "rse-et-partenariats": {"ORSE"},
    "investissement-societal": {"Caisse des Dépôts"},
    "fondations-d-avenir": {"Centre français des fonds et fondations (CFF)"},
    "accompagnement-strategique": {"Consult'In France"},
}


def counts() -> dict[str, int]:
    return {
        "index": ResourceCentreIndexPage.objects.count(),
        "centres": ResourceCentrePage.objects.count(),
        "links": ResourceCentrePartner.objects.count(),
        "audiences": Audience.objects.count(),
        "partners": Partner.objects.count(),
    }


def test_seed_creates_twelve_live_centres_once(demo_database):
    before = counts()
    assert before["index"] == 1 and before["centres"] == 12
    call_command("seed_demo", verbosity=0)
    assert counts() == before
    assert ResourceCentrePage.objects.live().count() == 12
    assert set(Audience.objects.values_list("slug", flat=True)) >= {item["slug"] for item in demo_content["audiences"]}


def test_seed_keeps_staff_edits_and_recreates_nothing_deleted_by_hand(demo_database):
    centre = ResourceCentrePage.objects.get(slug="rse-et-partenariats")
    centre.summary = "Présentation réécrite par l'équipe."
    centre.save_revision().publish()
    call_command("seed_demo", verbosity=0)
    assert ResourceCentrePage.objects.get(slug="rse-et-partenariats").summary == "Présentation réécrite par l'équipe."


def test_seed_creates_a_missing_partner(demo_database):
    ResourceCentrePage.objects.filter(slug="rse-et-partenariats").delete()
    Partner.objects.filter(name="ORSE").delete()
    call_command("seed_demo", verbosity=0)
    centre = ResourceCentrePage.objects.get(slug="rse-et-partenariats")
    assert [partner.name for partner in centre.partners()] == ["ORSE"]


def test_every_centre_has_an_https_platform_an_image_and_a_need_or_a_check(demo_database):
    """The five centres known from public traces only tick no need: staff are asked to check."""
    checked = set(ContentCheck.objects.filter(page__isnull=False).values_list("page_id", flat=True))
    for centre in ResourceCentrePage.objects.all():
        assert centre.platform_url.startswith("https://"), centre.slug
        assert centre.listing_image_id, centre.slug
        assert centre.needs or centre.pk in checked, centre.slug
        assert centre.audiences.exists(), centre.slug
    uncertain = {centre.slug for centre in ResourceCentrePage.objects.filter(pk__in=checked)}
    assert not uncertain & set(NAMED_CENTRES) and len(uncertain) == 5


def test_the_entry_point_is_found_under_the_local_authorities_filter(demo_database, client):
    """« Territoires » and « Collectivités territoriales » were one public: merged into one filter."""
    assert not Audience.objects.filter(slug="territoires").exists()
    markup = client.get(INDEX_PATH + "?public=collectivites-territoriales").content.decode()
    assert "L&#x27;innovation territoriale en actions !" in markup
    assert "Co-construction territoriale" in markup


def test_the_index_lists_the_twelve_demo_centres(demo_database, client):
    markup = client.get(INDEX_PATH).content.decode()
    assert markup.count('class="card centre-card"') == 12
    assert "12 centres de ressources" in markup
    for slug in CENTRE_SLUGS:
        assert f'href="{INDEX_PATH}{slug}/"' in markup


def test_named_centres_show_the_partners_of_the_clients_documents(demo_database, client):
    for slug, partner_names in NAMED_CENTRES.items():
        centre = ResourceCentrePage.objects.get(slug=slug)
        assert {partner.name for partner in centre.partners()} == partner_names, slug
        tree = html5lib.parse(client.get(centre.url).content.decode(), namespaceHTMLElements=False)
        section = tree.find(".//section[@aria-labelledby='partenaires']")
        assert len(section.findall(".//li[@class='partners__item']")) == len(partner_names), slug


def test_uncertain_centres_carry_no_invented_partner_or_year(demo_database):
    uncertain = ["evaluation-partenariale", "engagement-des-salaries", "specificites-associatives", "interet-general"]
    centres = ResourceCentrePage.objects.filter(slug__in=uncertain)
    assert centres.count() == len(uncertain)
    for centre in centres:
        assert centre.partners() == []
        assert centre.launch_year is None


def test_each_centre_has_a_picture_of_its_own(demo_database):
    """No two centres share colours and motif, and each file is drawn in the colours announced."""
    ranks = {item["slug"]: rank for rank, item in enumerate(demo_content["centres"])}
    styles = {}
    for centre in ResourceCentrePage.objects.select_related("listing_image"):
        styles[centre.slug] = landscape_style(centre.listing_image.title, ranks[centre.slug])
        with centre.listing_image.open_file() as file, Image.open(file) as picture:
            corner = picture.convert("RGB").getpixel((0, 0))
        dark = PALETTES[styles[centre.slug][0]][0]
        assert max(abs(a - b) for a, b in zip(corner, dark, strict=True)) <= 12, (centre.slug, corner, dark)
    assert len(styles) == 12 and len(set(styles.values())) == 12


def test_two_centres_show_items_from_the_clients_documents_never_fetched(demo_database, client):
    """The 2019 cycle's last five sessions and the Observatoire's two dated milestones, as a
    reading would have stored them, without a reading date (nothing was fetched); rerunning the
    seed adds nothing, and the home page's section shows them, two per centre."""
    items = {
        centre: list(CentreFeedItem.objects.filter(feed__centre__slug=centre).order_by("position"))
        for centre in ("innovation-territoriale-en-actions", "observatoire-des-partenariats")
    }
    cycle = items["innovation-territoriale-en-actions"]
    assert [item.published.date().isoformat() for item in cycle] == [
        "2019-12-19",
        "2019-11-21",
        "2019-10-17",
        "2019-09-19",
        "2019-08-22",  # the third Thursday, 15 August, was a public holiday
    ]
    assert all(
        item.link == "https://innovationterritoriale.plateformecapitalisation.org/programme-2019" for item in cycle
    )
    assert [item.display_date for item in items["observatoire-des-partenariats"]] == [
        "31 mars 2022",
        "23 novembre 2017",
    ]
    assert not CentreFeed.objects.exclude(fetched_at=None).exists()
    assert CentreFeed.objects.count() == 2
    call_command("seed_demo", verbosity=0)
    assert CentreFeedItem.objects.count() == 7

    centre = client.get("/centres-de-ressources/innovation-territoriale-en-actions/").content.decode()
    assert "Du nouveau sur la plateforme" in centre and "19 décembre 2019" in centre
    assert "Dernier relevé" not in centre
    assert (
        "Du nouveau sur la plateforme" not in client.get("/centres-de-ressources/rse-et-partenariats/").content.decode()
    )
    home = client.get("/").content.decode()
    assert "Dernières ressources des centres" in home
    assert home.count('class="platform-news__item"') == 4
