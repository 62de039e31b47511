"""Safe to run twice: the same export changes nothing, a newer one updates what changed, and
what staff have edited or deleted since the import stays as they left it."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Revision
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from caching import version
from imports.attachments import Library
from imports.models import ImportedItem
from pages.blocks import TEXT_FEATURES

from .conftest import EXPORT, run_import

pytestmark = pytest.mark.django_db


def newer_export(tmp_path):
    """The sample as a later export gives it: two posts edited on WordPress."""
    text = EXPORT.read_text(encoding="utf-8")
    text = text.replace("Le cycle 2019 commence", "Le cycle 2019 démarre", 1)  # post 21
    text = text.replace("En 2020, le Fonds ODD 17 est créé", "En 2020 naît le Fonds ODD 17, créé", 1)  # post 22
    path = tmp_path / "export-plus-recent.xml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_same_export_twice_changes_nothing(imported, tmp_path):
    revisions, redirects = Revision.objects.count(), Redirect.objects.count()
    output, rows = run_import(report=tmp_path / "second.csv")
    statuses = {row["status"] for key, row in rows.items() if row["status"] != "skipped" and row["status"] != "error"}
    assert statuses == {"unchanged"}
    assert (Revision.objects.count(), Redirect.objects.count()) == (revisions, redirects)
    assert "créés" not in output and "mis à jour" not in output


def edit_through_the_admin(client, page, text: str):
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "date": page.date.isoformat(),
            "kind": page.kind,
            "author": page.author,
            "author_role": "",
            "summary": page.summary,
            "body": streamfield([("paragraph", rich_text(f"<p>{text}</p>", features=TEXT_FEATURES))]),
            "related_links-TOTAL_FORMS": "0",
            "related_links-INITIAL_FORMS": "0",
            "related_links-MIN_NUM_FORMS": "0",
            "related_links-MAX_NUM_FORMS": "1000",
            "action-publish": "action-publish",
        }
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response


def test_a_newer_export_updates_what_changed_but_never_what_staff_edited(imported, admin_client, client, tmp_path):
    webinars = ImportedItem.objects.get(wp_id=21).page.specific
    edit_through_the_admin(admin_client, webinars, "Texte réécrit par notre équipe après import.")
    fund_revision = ImportedItem.objects.get(wp_id=22).revision_id

    _, rows = run_import(export=newer_export(tmp_path), report=tmp_path / "rapport.csv")

    assert rows["post:21"]["status"] == "skipped"
    assert "modifiée par l'équipe depuis l'import" in rows["post:21"]["message"]
    assert "Texte réécrit par notre équipe" in client.get(webinars.url).content.decode()
    assert rows["post:22"]["status"] == "updated"
    fund = ImportedItem.objects.get(wp_id=22)
    assert fund.revision_id != fund_revision and fund.page.live
    assert "En 2020 naît le Fonds ODD 17" in client.get(fund.page.url).content.decode()
    assert rows["post:20"]["status"] == "unchanged"


def test_what_staff_deleted_is_not_brought_back(imported, tmp_path, client):
    ImportedItem.objects.get(wp_id=26).page.delete()
    ImportedItem.objects.get(wp_id=62).image.delete()
    _, rows = run_import(report=tmp_path / "rapport.csv")
    assert rows["post:26"]["status"] == "skipped" and "supprimée par l'équipe" in rows["post:26"]["message"]
    assert rows["attachment:62"]["status"] == "skipped" and "supprimé par l'équipe" in rows["attachment:62"]["message"]
    assert client.get("/actualites/faire-alliance-face-aux-fragilites/").status_code == 404


def test_an_image_staff_retitled_keeps_its_title(imported, tmp_path):
    image = ImportedItem.objects.get(wp_id=52).image
    image.title = "Affiche 2019, titre revu par l'équipe"
    image.save()
    _, rows = run_import(export=newer_export(tmp_path), report=tmp_path / "rapport.csv")
    assert rows["attachment:52"]["status"] == "skipped"
    image.refresh_from_db()
    assert image.title == "Affiche 2019, titre revu par l'équipe"


def test_a_page_staff_unpublished_or_moved_stays_as_they_left_it(imported, admin_client, client, tmp_path):
    """Unpublishing and moving make no revision: the page's history in Wagtail tells the
    import that a person acted on it."""
    webinars = ImportedItem.objects.get(wp_id=21).page
    address = webinars.url
    assert client.get(address).status_code == 200
    response = admin_client.post(reverse("wagtailadmin_pages:unpublish", args=[webinars.pk]))
    assert response.status_code == 302
    timeline = ImportedItem.objects.get(wp_id=4).page
    home = timeline.get_parent().get_parent()
    response = admin_client.post(reverse("wagtailadmin_pages:move_confirm", args=[timeline.pk, home.pk]))
    assert response.status_code == 302
    timeline.refresh_from_db()
    assert (
        timeline.get_parent().pk == home.pk
        and timeline.latest_revision_id == ImportedItem.objects.get(wp_id=4).revision_id
    )

    export = newer_export(tmp_path)
    text = export.read_text(encoding="utf-8").replace(
        "le laboratoire croise trois regards", "le laboratoire croise trois regards complémentaires", 1
    )
    export.write_text(text, encoding="utf-8")
    _, rows = run_import(export=export, report=tmp_path / "rapport.csv")

    assert rows["post:21"]["status"] == "skipped"
    assert rows["post:21"]["message"].startswith("dépubliée par l'équipe depuis l'import : gardée telle quelle")
    webinars.refresh_from_db()
    assert not webinars.live and client.get(address).status_code == 404
    assert rows["page:4"]["status"] == "skipped"
    assert rows["page:4"]["message"].startswith("déplacée par l'équipe depuis l'import : gardée telle quelle")
    timeline.refresh_from_db()
    assert timeline.get_parent().pk == home.pk
    page = client.get(timeline.url)
    assert page.status_code == 200
    assert "trois regards complémentaires" not in page.content.decode() and "trois regards" in page.content.decode()
    assert rows["post:22"]["status"] == "updated"  # the one staff left alone follows the export


def test_after_an_import_staff_edits_update_the_search_index_again(imported, admin_client, client):
    """The import pauses the indexes while it writes: they follow every save again afterwards."""
    webinars = ImportedItem.objects.get(wp_id=21).page.specific
    edit_through_the_admin(admin_client, webinars, "Un texte sur la permaculture des alliances.")
    assert webinars.url in client.get("/recherche/", {"q": "permaculture"}).content.decode()


def test_tags_staff_gave_a_file_are_an_edit_the_import_keeps(imported, admin_client, tmp_path):
    """Tags count as a staff edit: a newer export leaves a tagged file as staff left it, and
    updates an untagged one; updating a file never clears its tags."""
    image = ImportedItem.objects.get(wp_id=52).image
    document = ImportedItem.objects.get(wp_id=50).document
    for view, obj, extra in (
        ("wagtailimages:edit", image, {"description": image.description}),
        ("wagtaildocs:edit", document, {}),
    ):
        data = {"title": obj.title, "collection": obj.collection_id, "tags": "affiche, cycle 2019", **extra}
        response = admin_client.post(reverse(view, args=[obj.pk]), data)
        assert response.status_code == 302
    export = newer_export(tmp_path)
    text = export.read_text(encoding="utf-8")
    for old in ("Affiche du cycle de webinaires 2019", "ODD 17 : les impacts du faire alliance en France"):
        assert old in text
        text = text.replace(f"<title><![CDATA[{old}", f"<title><![CDATA[{old}, nouvelle version", 1)
    untagged = ImportedItem.objects.get(wp_id=53).image
    text = text.replace(f"<title><![CDATA[{untagged.title}", f"<title><![CDATA[{untagged.title}, nouvelle version", 1)
    export.write_text(text, encoding="utf-8")
    before = version.read_change()

    _, rows = run_import(export=export, report=tmp_path / "rapport.csv")

    assert version.read_change().serial == before.serial + 1  # the import is one content change
    for key, obj in (("attachment:52", image), ("attachment:50", document)):
        assert rows[key]["status"] == "skipped" and "modifié par l'équipe" in rows[key]["message"]
        obj.refresh_from_db()
        assert "nouvelle version" not in obj.title
        assert sorted(tag.name for tag in obj.tags.all()) == ["affiche", "cycle 2019"]
    assert rows["attachment:53"]["status"] == "updated"
    untagged.refresh_from_db()
    assert untagged.title.endswith(", nouvelle version")

    # An update through the library's form keeps the tags a file has (the form would clear them).
    library = Library()
    stored = library.store("image", Path(image.file.path), "Titre revu", "Texte de remplacement", existing=image)
    assert stored.outcome == "updated" and stored.obj.title == "Titre revu"
    assert sorted(tag.name for tag in get_image_model().objects.get(pk=image.pk).tags.all()) == [
        "affiche",
        "cycle 2019",
    ]
