"""The sample export imported into the site: each item as a visitor and as staff find it,
each old address redirected, each refused file reported."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageLogEntry

from imports.models import ImportedItem
from imports.report import COLUMNS
from pages.models import MissionPage, StandardPage
from publications.models import NewsArticlePage, PublicationPage
from resources.models import ResourceCentreIndexPage

pytestmark = pytest.mark.django_db


def page_of(wp_id: int) -> Page:
    return ImportedItem.objects.get(wp_id=wp_id).page.specific


def test_report_has_one_line_per_item_with_the_agreed_columns(imported):
    out, rows = imported.output, imported.rows
    with imported.report.open(encoding="utf-8-sig") as handle:
        assert handle.readline().strip() == ",".join(COLUMNS)
    items = [key for key in rows if key.split(":")[0] not in ("category", "post_tag", "feed")]
    assert len(items) == 45  # every <item> of the export
    assert {row["status"] for row in rows.values()} <= {"created", "updated", "unchanged", "skipped", "error"}
    assert "Import terminé." in out
    assert "post : 15 créés, 2 écartés" in out
    assert "Erreurs (5) :" in out
    assert imported.uploads_after == imported.uploads_before  # the operator's copy is read, never moved
    assert len(imported.uploads_before) == 14


def test_published_posts_are_live_news_articles_with_their_original_date(imported, client):
    rows = imported.rows
    article = page_of(20)
    assert isinstance(article, NewsArticlePage) and article.live
    assert article.get_parent().slug == "actualites"
    assert article.first_published_at.date().isoformat() == "2022-03-10"
    assert article.date.isoformat() == "2022-03-10"
    assert article.author == "Charles-Benoît Heidsieck"
    assert article.summary.startswith("Un savoir de terrain se fait reconnaître avec méthode")
    assert article.listing_image.title == "Dîner de presse du 28 mars 2022"
    assert rows["post:20"]["new_url"] == article.url == "/actualites/apprenons-a-valoriser-le-faire-alliance/"
    html = client.get(article.url).content.decode()
    assert "Apprenons à valoriser le « faire alliance »" in html
    assert "🌱" in html
    assert "Trois alliés pour la valorisation" in html  # a Gutenberg heading
    assert "Pour la première fois en quinze ans" in html  # the quote
    assert "Une question sur nos travaux\u00a0?" in html  # the reusable block, inlined (French spacing)
    assert "Le dîner de presse du 28 mars 2022" in html  # the image's caption


def test_links_between_items_become_page_and_document_links(imported, client):
    article = page_of(20)
    paragraphs = [block.value.source for block in article.body if block.block_type == "paragraph"]
    method, webinars = page_of(3), page_of(21)
    document = ImportedItem.objects.get(wp_id=50).document
    assert any(f'<a linktype="page" id="{method.pk}">' in html for html in paragraphs)  # ?page_id=3
    assert any(f'<a linktype="page" id="{webinars.pk}">' in html for html in paragraphs)  # by permalink
    assert any(f'<a linktype="document" id="{document.pk}">' in html for html in paragraphs)  # /wp-content/uploads/
    html = client.get(article.url).content.decode()
    assert f'href="{method.url}"' in html and f'href="{document.url}"' in html
    gallery_post = page_of(24)
    assert f'<a linktype="page" id="{webinars.pk}">' in str(gallery_post.body.raw_data)  # ?p=21, a later post


def test_classic_editor_content_shortcodes_and_videos(imported, client):
    rows = imported.rows
    webinars = page_of(21)
    kinds = [block.block_type for block in webinars.body]
    assert kinds == ["paragraph", "image", "paragraph", "video", "paragraph"]
    image = next(block.value for block in webinars.body if block.block_type == "image")
    assert image["caption"] == "Le programme des douze rendez-vous de 2019"  # [caption]
    html = client.get(webinars.url).content.decode()
    assert "Lire la vidéo — YouTube dépose des cookies" in html  # the consent facade
    assert 'data-video-embed="https://www.youtube-nocookie.com/embed/AAAAAAAAAAA' in html
    assert "<iframe" not in html  # nothing loaded from YouTube before the click
    gallery = [block.block_type for block in page_of(24).body]
    assert gallery.count("image") == 2  # [gallery ids="53,54"]
    pages_shortcodes = rows["page:10"]["message"]
    assert "code court [toc] retiré" in pages_shortcodes and "code court [row] retiré" in pages_shortcodes
    text = client.get(page_of(10).url).content.decode()
    assert "[toc]" not in text and "[row]" not in text
    assert "Le contenu d'une mise en page reste." in text
    assert "[sic]" in text and "[mise à jour\u00a0: 2022]" in text  # brackets that are not shortcodes


def test_tables_and_embeds_from_gutenberg(imported, client):
    fund = page_of(22)
    table = next(block.value for block in fund.body if block.block_type == "table")
    assert [column["heading"] for column in table.columns] == ["Indicateur", "Valeur"]
    html = client.get(fund.url).content.decode()
    assert "<caption>Chiffres de 2021</caption>" in html
    assert '<th scope="col">Indicateur</th>' in html and "<td>100 M€</td>" in html
    assert "Lire la vidéo — Vimeo dépose des cookies" in html
    catalysts = page_of(35)
    assert [block.block_type for block in catalysts.body if block.block_type == "video"] == ["video"]
    assert "twitter.com/lerameau/status/1" in client.get(catalysts.url).content.decode()  # kept as a link


def test_nothing_unsafe_survives(imported, client):
    rows = imported.rows
    html = client.get(page_of(23).url).content.decode()
    body = html.split("<main", 1)[1]
    for unsafe in (
        "document.write",
        "publicite.example.com",
        "onclick",
        "javascript:",
        "color:red",
        "color: pink",
        "<font",
    ):
        assert unsafe not in body, unsafe
    assert "En octobre 2019, Le RAMEAU co-pilote une mission ministérielle" in body
    assert "la lettre de mission" in body  # the link's text stays
    message = rows["post:23"]["message"]
    assert "script retiré" in message and "iframe de publicite.example.com retirée" in message
    assert "lien « javascript: » retiré" in message


def test_statuses_drafts_private_protected_scheduled_trashed(imported, client):
    rows = imported.rows
    for wp_id in (27, 28, 29, 33, 7, 9):
        page = page_of(wp_id)
        assert not page.live and page.first_published_at is None, wp_id
        assert client.get(page.url).status_code == 404
    assert "privé sur WordPress" in rows["post:29"]["message"]
    assert "mot de passe" in rows["post:33"]["message"]
    assert rows["post:27"]["new_url"] == reverse("wagtailadmin_pages:edit", args=[page_of(27).pk])
    scheduled = page_of(30)
    assert not scheduled.live and scheduled.go_live_at.year == 2031
    assert "sera publié le 16/01/2031" in rows["post:30"]["message"]
    assert rows["post:31"]["status"] == rows["page:8"]["status"] == rows["post:32"]["status"] == "skipped"
    assert not ImportedItem.objects.filter(wp_id__in=[8, 31, 32]).exists()
    assert rows["nav_menu_item:12"]["status"] == rows["evenement:13"]["status"] == "skipped"


def test_page_tree_and_existing_pages(imported, client):
    rows = imported.rows
    method, times = page_of(3), page_of(4)
    assert isinstance(method, StandardPage) and isinstance(method.get_parent().specific, MissionPage)
    assert times.get_parent().pk == method.pk
    assert client.get("/qui-sommes-nous/notre-methode/trois-temporalites/").status_code == 200
    assert method.listing_summary == "Une recherche empirique qui part du terrain, sur trois leviers."
    assert ImportedItem.objects.get(wp_id=2).outcome == ImportedItem.MATCHED
    assert page_of(2).pk == MissionPage.objects.get().pk  # « qui-sommes-nous »: no page created
    assert "page existante « Qui sommes-nous ? »" in rows["page:2"]["message"]
    assert page_of(5).pk == ResourceCentreIndexPage.objects.get().pk  # by --mapping
    assert StandardPage.objects.filter(slug__in=["qui-sommes-nous", "les-centres-de-ressources"]).count() == 0
    file_paragraph = next(
        block.value.source
        for block in method.body
        if block.block_type == "paragraph" and "Présentation de la méthode" in block.value.source
    )
    assert "Télécharger" not in file_paragraph  # the file block's second button


def test_categories_become_types_and_themes(imported):
    publication = page_of(25)
    assert isinstance(publication, PublicationPage) and publication.live
    assert publication.publication_type.slug == "cahier-de-recherche"
    assert publication.document == ImportedItem.objects.get(wp_id=50).document  # the PDF it links to
    assert [theme.slug for theme in publication.themes.all()] == ["odd-17"]
    assert page_of(26).kind == "tribune"


@pytest.mark.parametrize(
    "old,new",
    [
        (
            "/2022/03/10/apprenons-a-valoriser-le-faire-alliance/",
            "/actualites/apprenons-a-valoriser-le-faire-alliance/",
        ),
        ("/?p=21", "/actualites/lancement-du-cycle-de-webinaires-2019/"),
        ("/?page_id=3", "/qui-sommes-nous/notre-methode/"),
        ("/les-centres-de-ressources/", "/centres-de-ressources/"),
        ("/?page_id=5", "/centres-de-ressources/"),
        ("/category/actualites/", "/actualites/"),
        ("/category/actualites/odd-17/", "/actualites/"),
        ("/?cat=3", "/publications/?type=cahier-de-recherche"),
        ("/tag/odd-17-et-impact/", "/publications/?theme=odd-17"),
        ("/?tag=fondations", "/publications/?theme=fondations"),
        ("/feed/", "/actualites/flux.xml"),
    ],
)
def test_old_addresses_redirect_permanently(imported, client, old, new):
    response = client.get(old)
    assert response.status_code == 301, old
    assert response["Location"] == new


def test_file_addresses_redirect_to_documents_and_images(imported, client):
    document = ImportedItem.objects.get(wp_id=50).document
    image = ImportedItem.objects.get(wp_id=51).image
    for old in ("/wp-content/uploads/2022/03/odd17-impacts-faire-alliance.pdf", "/?attachment_id=50"):
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, document.url)
    for old in ("/wp-content/uploads/2022/03/diner-presse.jpg", "/wp-content/uploads/2022/03/diner-presse-300x188.jpg"):
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, image.file.url)
    assert client.get(document.url).status_code == 200
    duplicate = client.get("/wp-content/uploads/2022/04/odd17-impacts-faire-alliance-1.pdf")
    assert duplicate["Location"] == document.url  # the same file, reused


def test_drafts_get_no_redirect_and_unknown_addresses_still_404(imported, client):
    assert client.get("/?p=27").status_code == 200  # the home page, as before: a draft never had an address
    assert client.get("/compte-rendu-reserve/").status_code == 404
    assert client.get("/tag/presse/").status_code == 404  # no listing matches: reported, not redirected


def test_attachments_through_the_upload_checks(imported):
    rows = imported.rows
    image = ImportedItem.objects.get(wp_id=51).image
    assert image.description == "Une table dressée pour le dîner de presse du RAMEAU"  # its alternative text
    assert image.collection.name == "Reprise du site WordPress"
    assert ImportedItem.objects.get(wp_id=60).document.filename.endswith(".xlsx")
    assert ImportedItem.objects.get(wp_id=63).image.file.name.endswith(".webp")
    assert ImportedItem.objects.get(wp_id=62).image.file.name.endswith(".gif")
    assert rows["attachment:55"]["status"] == "unchanged"
    assert "déjà dans la bibliothèque" in rows["attachment:55"]["message"]
    assert ImportedItem.objects.get(wp_id=55).document == ImportedItem.objects.get(wp_id=50).document
    assert (
        get_document_model().objects.filter(file_hash=ImportedItem.objects.get(wp_id=50).document.file_hash).count()
        == 1
    )
    refused = {
        56: "fichier absent du dossier --uploads : 2017/05/compte-rendu-rencontre-pionniers.pdf",
        57: "chemin refusé, il sort du dossier --uploads : ../../../etc/passwd.pdf",
        58: "image SVG refusée",
        59: "Cette image compte trop de pixels",
        61: "format « .mp4 » non accepté",
    }
    for wp_id, message in refused.items():
        assert rows[f"attachment:{wp_id}"]["status"] == "error"
        assert message in rows[f"attachment:{wp_id}"]["message"]
    assert (
        not get_image_model()
        .objects.filter(title__in=["Ancien logo (SVG)", "Image aux dimensions démesurées"])
        .exists()
    )
    # The post that linked the missing file still imports, and says so.
    assert rows["post:34"]["status"] == "created"
    assert "lien interne vers /?attachment_id=56 : aucun élément importé" in rows["post:34"]["message"]
    assert "image non reprise : https://images.exemple.org/pionniers.jpg" in rows["post:34"]["message"]


def test_staff_find_the_redirects_and_the_import_in_the_admin(imported, admin_client):
    response = admin_client.get(reverse("wagtailredirects:index"), {"q": "apprenons"})
    assert "/2022/03/10/apprenons-a-valoriser-le-faire-alliance" in response.content.decode()
    redirect = Redirect.objects.get(old_path="/2022/03/10/apprenons-a-valoriser-le-faire-alliance")
    assert redirect.is_permanent and redirect.redirect_page_id == page_of(20).pk
    assert admin_client.get(reverse("wagtailredirects:edit", args=[redirect.pk])).status_code == 200
    article = page_of(20)
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))
    assert edit.status_code == 200 and "Apprenons à valoriser" in edit.content.decode()
    assert PageLogEntry.objects.filter(page=article, action="imports.import").exists()
    history = admin_client.get(reverse("wagtailadmin_pages:history", args=[article.pk])).content.decode()
    assert "Importé depuis WordPress" in history


def test_imported_items_are_searchable_and_their_uses_listed(imported, client, admin_client):
    """The import fills the search and reference indexes once, at its end (imports/indexing.py)."""
    article = page_of(20)
    assert article.url in client.get("/recherche/", {"q": "piliers"}).content.decode()  # a word of its body only
    document = ImportedItem.objects.get(wp_id=50).document
    usage = admin_client.get(reverse("wagtaildocs:document_usage", args=[document.pk])).content.decode()
    assert "Apprenons à valoriser" in usage
    image = ImportedItem.objects.get(wp_id=51).image
    usage = admin_client.get(reverse("wagtailimages:image_usage", args=[image.pk])).content.decode()
    assert "Apprenons à valoriser" in usage
    found = admin_client.get(reverse("wagtailimages:index"), {"q": "dîner presse"}).content.decode()
    assert reverse("wagtailimages:edit", args=[image.pk]) in found  # the image library's search
