"""Restoring an earlier version of a page with inline rows (a centre's partners, the timeline's
milestones, a publication's authors, a session's speakers, the mission's key figures), through
the admin's history: « Publier cette version » and « Remplacer le brouillon actuel » after rows
were added, removed and reordered, then the comparison of the two versions.

Before the fix, a row removed since the old version was restored with its old id, which no
longer existed: the form was refused with no field marked (« La page ne peut être enregistrée
du fait d'erreurs de validation », nothing to go to)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from html import unescape

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import rich_text

from pages.models import HistoryMilestone, MissionPage
from publications.models import PublicationAuthor
from resources.models import ResourceCentrePartner
from tests.factories.pages import HistoryPageFactory, KeyFigureFactory, PartnerFactory
from tests.factories.publications import PublicationPageFactory
from tests.factories.resources import ResourceCentrePageFactory
from tests.factories.webinars import WebinarPageFactory
from tests.page_forms import edit_form_data
from webinars.models import WebinarSpeaker

pytestmark = pytest.mark.django_db
PUBLISH = {"action-publish": "action-publish"}


@dataclass
class Kind:
    """A page type with inline rows: how to build one with three rows, and a row to add."""

    relation: str
    build: Callable[[], Page]
    new_row: Callable[[], dict[str, str]]
    new_name: str


def centre() -> Page:
    partners = [PartnerFactory(name=name) for name in ("Caisse des Dépôts", "Groupe La Poste", "AgroParisTech")]
    return ResourceCentrePageFactory(partners=partners)


def history() -> Page:
    rows = [
        HistoryMilestone(year=year, title=title, sort_order=order)
        for order, (year, title) in enumerate(((2006, "Création"), (2010, "Observatoire"), (2014, "Centre ouvert")))
    ]
    return HistoryPageFactory(milestones=rows)


def publication() -> Page:
    rows = [
        PublicationAuthor(first_name=first, last_name=last, sort_order=order)
        for order, (first, last) in enumerate((("Anne", "Dupont"), ("Luc", "Martin"), ("", "Le RAMEAU")))
    ]
    return PublicationPageFactory(authors=rows)


def session() -> Page:
    rows = [WebinarSpeaker(name=name, sort_order=order) for order, name in enumerate(("Ada Roy", "Ben Lo", "Cyd Vu"))]
    return WebinarPageFactory(speakers=rows)


KINDS = {
    "partenaires d'un centre": Kind(
        "partner_links", centre, lambda: {"partner": str(PartnerFactory(name="ORSE").pk)}, "ORSE"
    ),
    "étapes de la frise": Kind(
        "milestones",
        history,
        lambda: {"year": "2004", "month": "", "title": "Avant la création", "text": rich_text("<p>Les débuts.</p>")},
        "2004 – Avant la création",
    ),
    "auteurs d'une publication": Kind(
        "authors", publication, lambda: {"first_name": "Zoé", "last_name": "Petit"}, "Zoé Petit"
    ),
    "intervenants d'une session": Kind(
        "speakers", session, lambda: {"name": "Zoé Petit", "role": "maire"}, "Zoé Petit"
    ),
}


def names(page: Page, relation: str) -> list[str]:
    return [str(row) for row in getattr(page, relation).all()]


def live_names(page: Page, relation: str) -> list[str]:
    return names(Page.objects.get(pk=page.pk).specific, relation)


def row_index(data: dict, relation: str, name: str, page: Page) -> str:
    """The form index of the row named `name` (rows are matched to the page's rows by id)."""
    by_id = {str(row.pk): str(row) for row in getattr(page, relation).all()}
    for key, value in data.items():
        if re.fullmatch(rf"{relation}-\d+-id", key) and by_id.get(value) == name:
            return key.split("-")[1]
    raise AssertionError(f"no row « {name} » in the form")


def put_first(data: dict, relation: str, index: int) -> None:
    """What « Monter », pressed until the row is first, leaves in the hidden positions."""
    for key in [key for key in data if re.fullmatch(rf"{relation}-\d+-ORDER", key)]:
        data[key] = str(int(data[key]) + 1)
    data[f"{relation}-{index}-ORDER"] = "1"


def publish_edit(client, page: Page, change: Callable[[dict], None]) -> None:
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = edit_form_data(client, url, page.get_latest_revision_as_object())
    change(data)
    response = client.post(url, {**data, **PUBLISH})
    assert response.status_code == 302, errors_of(response)


def errors_of(response) -> str:
    text = unescape(response.content.decode())
    return " | ".join(re.findall(r'class="error-message"[^>]*>\s*(?:<[^>]+>\s*)*([^<]+)', text)) or text[:1500]


def shows(row: str, name: str) -> bool:
    """A compared row (its fields, label then value) shows every word of the row's name."""
    return all(word in row for word in re.findall(r"\w+", name))


def compared(client, page: Page, old: int, new: int) -> dict[str, list[str]]:
    """The comparison's rows of the inline panel: {"added": [...], "removed": [...], "kept": [...]}."""
    response = client.get(reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, old, new]))
    assert response.status_code == 200
    markup = unescape(response.content.decode())
    rows: dict[str, list[str]] = {"added": [], "removed": [], "kept": []}
    for state, body in re.findall(
        r'<div class="comparison__child-object ?(addition|deletion|)">(.*?)</dl>', markup, re.S
    ):
        kind = {"addition": "added", "deletion": "removed", "": "kept"}[state]
        rows[kind].append(" ".join(re.sub(r"<[^>]+>", " ", body).split()))
    return rows


@pytest.mark.parametrize("kind", KINDS.values(), ids=KINDS.keys())
def test_every_earlier_version_is_restored_after_rows_were_added_removed_and_reordered(moderator_client, kind):
    page = kind.build()
    first = page.save_revision(log_action=True)
    first.publish()
    a, b, c = names(page, kind.relation)

    def add_first_remove_second(data: dict) -> None:
        data[f"{kind.relation}-{row_index(data, kind.relation, b, page)}-DELETE"] = "1"
        new = int(data[f"{kind.relation}-TOTAL_FORMS"])
        data[f"{kind.relation}-TOTAL_FORMS"] = str(new + 1)
        data.update({f"{kind.relation}-{new}-{field}": value for field, value in kind.new_row().items()})
        data[f"{kind.relation}-{new}-id"] = ""
        put_first(data, kind.relation, new)

    publish_edit(moderator_client, page, add_first_remove_second)
    second = page.revisions.order_by("-created_at", "-pk").first()
    assert live_names(page, kind.relation) == [kind.new_name, a, c]

    def remove_first_saved(data: dict) -> None:
        data[f"{kind.relation}-{row_index(data, kind.relation, a, page)}-DELETE"] = "1"

    publish_edit(moderator_client, page, remove_first_saved)
    third = page.revisions.order_by("-created_at", "-pk").first()
    assert live_names(page, kind.relation) == [kind.new_name, c]

    # « Publier cette version » on the first version: its rows come back, in their order.
    url = reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, first.pk])
    response = moderator_client.post(url, {**edit_form_data(moderator_client, url, first.as_object()), **PUBLISH})
    assert response.status_code == 302, errors_of(response)
    assert live_names(page, kind.relation) == [a, b, c]

    # « Remplacer le brouillon actuel » with the second: a draft, published later (by a moderator's approval, a schedule…).
    url = reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, second.pk])
    response = moderator_client.post(url, edit_form_data(moderator_client, url, second.as_object()))
    assert response.status_code == 302, errors_of(response)
    assert live_names(page, kind.relation) == [a, b, c]
    draft = Page.objects.get(pk=page.pk).get_latest_revision()
    assert names(draft.as_object(), kind.relation) == [kind.new_name, a, c]
    draft.publish()
    assert live_names(page, kind.relation) == [kind.new_name, a, c]

    # The comparison says what happened to each row, never that one row became another.
    rows = compared(moderator_client, page, first.pk, third.pk)
    assert [shows(row, name) for row in rows["removed"] for name in (a, b)].count(True) == 2, rows
    assert len(rows["added"]) == 1 and shows(rows["added"][0], kind.new_name), rows
    assert len(rows["kept"]) == 1 and shows(rows["kept"][0], c), rows


def test_every_earlier_set_of_key_figures_is_restored(moderator_client):
    """The mission's key figures are chosen in a list (a StreamField): restoring brings back the
    figures of the version, in its order, after figures were added, removed and reordered."""
    mission = MissionPage.objects.get()
    figures = KeyFigureFactory.create_batch(3)
    mission.key_figures = [("figure", figure) for figure in figures]
    first = mission.save_revision(log_action=True)
    first.publish()
    added = KeyFigureFactory(label="partenaires accompagnés")
    url = reverse("wagtailadmin_pages:edit", args=[mission.pk])
    for chosen in ([added, figures[2], figures[0]], [figures[0]]):
        page = mission.get_latest_revision_as_object()
        page.key_figures = [("figure", figure) for figure in chosen]
        response = moderator_client.post(url, {**edit_form_data(moderator_client, url, page), **PUBLISH})
        assert response.status_code == 302, errors_of(response)

    revert = reverse("wagtailadmin_pages:revisions_revert", args=[mission.pk, first.pk])
    response = moderator_client.post(revert, {**edit_form_data(moderator_client, revert, first.as_object()), **PUBLISH})
    assert response.status_code == 302, errors_of(response)
    restored = MissionPage.objects.get(pk=mission.pk)
    assert [block.value.pk for block in restored.key_figures] == [figure.pk for figure in figures]


def test_partners_swapped_between_two_rows_are_saved(moderator_client):
    """Two rows whose partners were exchanged: each row, saved in turn, meets the other's old
    partner; the centre's rule (each partner once) is checked once both are saved."""
    page = centre()
    page.save_revision().publish()
    first, _, last = page.partner_links.all()

    def swap(data: dict) -> None:
        i = row_index(data, "partner_links", str(first), page)
        j = row_index(data, "partner_links", str(last), page)
        data[f"partner_links-{i}-partner"], data[f"partner_links-{j}-partner"] = (
            data[f"partner_links-{j}-partner"],
            data[f"partner_links-{i}-partner"],
        )

    publish_edit(moderator_client, page, swap)
    assert live_names(page, "partner_links") == ["AgroParisTech", "Groupe La Poste", "Caisse des Dépôts"]
    assert ResourceCentrePartner.objects.filter(page=page).count() == 3


def test_rows_added_in_a_draft_keep_their_id_once_published(moderator_client):
    """Wagtail saves a new row's id only in the database: the version that published it learns
    the id, so the next edits update the row instead of deleting and re-creating it."""
    page = centre()
    page.save_revision().publish()

    def add(data: dict) -> None:
        new = int(data["partner_links-TOTAL_FORMS"])
        data["partner_links-TOTAL_FORMS"] = str(new + 1)
        data.update(
            {
                f"partner_links-{new}-partner": str(PartnerFactory(name="ORSE").pk),
                f"partner_links-{new}-id": "",
                f"partner_links-{new}-ORDER": str(new + 1),
            }
        )

    publish_edit(moderator_client, page, add)
    orse = page.partner_links.get(partner__name="ORSE")
    published = page.revisions.order_by("-created_at", "-pk").first()
    assert [row["pk"] for row in published.content["partner_links"]][-1] == orse.pk
    publish_edit(moderator_client, page, lambda data: data.update(title="Un titre revu"))
    assert page.partner_links.get(partner__name="ORSE").pk == orse.pk


def test_rows_without_ids_are_paired_by_name_only(moderator_client):
    """Versions saved before row ids were kept hold rows without one: a partner removed and
    another added read as such, not as « Groupe La Poste → ORSE, 2 places plus haut »."""
    page = centre()
    caisse, la_poste, agro = (link.partner for link in page.partner_links.all())
    old = [caisse, la_poste, agro]
    new = [caisse, agro, PartnerFactory(name="ORSE")]
    revisions = []
    for partners in (old, new):
        page.partner_links = [ResourceCentrePartner(partner=p, sort_order=n) for n, p in enumerate(partners)]
        revisions.append(page.save_revision())
    assert all(row["pk"] is None for row in revisions[0].content["partner_links"])
    rows = compared(moderator_client, page, revisions[0].pk, revisions[1].pk)
    assert [shows(row, "Groupe La Poste") for row in rows["removed"]] == [True], rows
    assert [shows(row, "ORSE") for row in rows["added"]] == [True], rows
    assert len(rows["kept"]) == 2, rows
