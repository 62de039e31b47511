"""Stand-ins say so: a picture or a document in « Fichiers provisoires » is marked for visitors,
never offered as the work, listed for staff (report and check_media), and stops being one when
staff upload the real file."""

from __future__ import annotations

from io import BytesIO, StringIO

import html5lib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import querydict_from_html

from core.stand_ins import STAND_IN_COLLECTION, is_stand_in, stand_in_collection
from pages.models import HomePage
from press.models import PressIndexPage
from tests.factories.documents import DocumentFactory
from tests.factories.images import CoverFactory, ImageFactory, LogoFactory
from tests.factories.pages import PartnerFactory, StandardPageFactory
from tests.factories.publications import PublicationPageFactory
from tests.factories.users import ModeratorFactory

NBSP = "\u00a0"


def tree(response):
    assert response.status_code == 200
    return html5lib.parse(response.content.decode(), namespaceHTMLElements=False)


@pytest.fixture
def stand_ins(db):
    return stand_in_collection()


@pytest.mark.django_db
def test_a_publication_with_stand_ins_says_so_and_offers_no_download(client, stand_ins):
    cover = CoverFactory(collection=stand_ins, title="Couverture : Le livre d'essai")
    pdf = DocumentFactory(collection=stand_ins, title="PDF : Le livre d'essai")
    publication = PublicationPageFactory(
        title="Le livre d'essai", cover_image=cover, document=pdf, external_url="https://editeur.exemple.org/livre"
    )
    page = tree(client.get(publication.url))
    figure = page.find(".//figure[@class='publication__cover']")
    assert figure.find(".//span[@class='stand-in__label']").text == "Visuel provisoire"
    assert figure.find(".//img").get("alt") == f"Visuel provisoire{NBSP}: couverture de « Le livre d'essai »"
    access = "".join(page.find(".//div[@class='publication__access']").itertext())
    assert "disponible sur demande" in access and "Télécharger" not in access
    assert page.find(".//a[@href='https://editeur.exemple.org/livre']") is not None  # the publisher instead
    assert pdf.url not in client.get(publication.url).content.decode()  # not in the meta tags nor the JSON-LD
    assert "L1  -" not in client.get(publication.url + "citation.ris").content.decode()

    card = tree(client.get(publication.get_parent().url)).find(".//li[@class='pub-card']")
    # Not « PDF »: the publisher's address is how a reader gets it.
    assert card.find(".//p[@class='pub-card__access pub-card__access--en-ligne']").text == "En ligne"
    assert card.find(".//span[@class='stand-in__label']") is not None  # the cover, marked in the list too


@pytest.mark.django_db
def test_a_real_file_is_offered_as_before(client):
    publication = PublicationPageFactory(cover_image=CoverFactory(), document=DocumentFactory())
    markup = client.get(publication.url).content.decode()
    assert "Visuel provisoire" not in markup
    assert f'href="{publication.document.url}"' in markup and "Télécharger" in markup


@pytest.mark.django_db
def test_a_partner_without_a_real_logo_is_its_name_set_in_type(client, stand_ins):
    drawn = PartnerFactory(name="Partenaire au logo provisoire", logo=LogoFactory(collection=stand_ins))
    none = PartnerFactory(name="Partenaire sans logo", logo=None)
    real = PartnerFactory(name="Partenaire au vrai logo")
    page = StandardPageFactory(body=[("partners", {"heading": "Partenaires", "partners": [drawn, none, real]})])
    items = tree(client.get(page.url)).findall(".//li[@class='partners__item']")
    assert [item.find(".//img") is not None for item in items] == [False, False, True]
    assert [item.find(".//span[@class='partners__name partners__wordmark']") is not None for item in items] == [
        True,
        True,
        False,
    ]
    assert "".join(items[0].itertext()).strip().startswith("Partenaire au logo provisoire")


@pytest.mark.django_db
def test_the_press_kit_offers_a_stand_in_logo_on_request_only(client, stand_ins):
    logo = ImageFactory(collection=stand_ins, title="Logo du RAMEAU")
    press = PressIndexPage(
        title="Presse", slug="presse", press_kit=[("logo", {"name": "Logo", "image": logo, "files": []})]
    )
    HomePage.objects.get().add_child(instance=press)
    press.save_revision().publish()
    kit = tree(client.get(press.url)).find(".//section[@aria-labelledby='kit-presse']")
    assert kit.find(".//span[@class='stand-in__label']") is not None
    assert kit.find(".//a[@download]") is None
    assert "envoyé sur demande" in "".join(kit.itertext())


@pytest.mark.django_db
def test_staff_find_every_stand_in_and_where_it_is_used(client, stand_ins):
    cover = CoverFactory(collection=stand_ins, title="Couverture provisoire d'essai")
    unused = DocumentFactory(collection=stand_ins, title="PDF provisoire oublié")
    PublicationPageFactory(title="Publication illustrée", cover_image=cover)
    draft = StandardPageFactory(
        title="Brouillon illustré", live=False, body=[("image", {"image": cover, "alt_text": "", "caption": ""})]
    )

    out = StringIO()
    call_command("check_media", stdout=out)  # stand-ins alone never fail the check run after a restore
    report = out.getvalue()
    assert f"Fichiers provisoires (collection « {STAND_IN_COLLECTION} ») : 2, dont 1 encore utilisé(s)" in report
    line = next(line for line in report.splitlines() if f"Image {cover.pk} " in line)
    assert line.startswith(f"  Image {cover.pk} « Couverture provisoire d'essai » (en ligne) : "), line
    assert "Publication « Publication illustrée »" in line and "Page simple « Brouillon illustré » (brouillon)" in line
    assert f"Document {unused.pk} « PDF provisoire oublié » (hors ligne) : nulle part" in report
    assert report.index(str(cover.title)) < report.index(str(unused.title))  # what visitors see first
    with pytest.raises(CommandError, match="1 fichier\\(s\\) provisoire\\(s\\) encore utilisé\\(s\\)"):
        call_command("check_media", "--fail-on-stand-ins", stdout=StringIO())

    client.force_login(ModeratorFactory())
    response = client.get(reverse("pages_stand_ins"))
    markup = response.content.decode()
    assert response.status_code == 200 and "Fichiers provisoires" in markup
    assert reverse("wagtailimages:edit", args=[cover.pk]) in markup
    assert f"« {draft.title} » (brouillon)" in markup
    export = client.get(reverse("pages_stand_ins"), {"export": "csv"})
    assert "PDF provisoire oublié" in b"".join(export.streaming_content).decode()


def png(colour: tuple[int, int, int]) -> SimpleUploadedFile:
    buffer = BytesIO()
    PILImage.new("RGB", (40, 20), colour).save(buffer, format="PNG")
    return SimpleUploadedFile("vrai-logo.png", buffer.getvalue(), content_type="image/png")


@pytest.mark.django_db
def test_uploading_the_real_file_over_a_stand_in_makes_it_real(client, stand_ins):
    image = LogoFactory(collection=stand_ins, title="Logo à remplacer")
    partner = PartnerFactory(name="Partenaire d'essai au logo remplacé", logo=image)
    assert is_stand_in(image)
    client.force_login(ModeratorFactory())
    url = reverse("wagtailimages:edit", args=[image.pk])
    html = client.get(url).content.decode()
    forms = html5lib.parse(html, namespaceHTMLElements=False).findall(".//form")
    upload = next(index for index, form in enumerate(forms) if form.get("enctype") == "multipart/form-data")
    data = querydict_from_html(html, form_index=upload)  # the edit form as shown, then a new file
    data["file"] = png((10, 120, 60))
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]

    image = get_image_model().objects.get(pk=image.pk)
    assert not is_stand_in(image), "the real logo is no longer a stand-in"
    page = StandardPageFactory(body=[("partners", {"heading": "", "partners": [partner]})])
    assert tree(client.get(page.url)).find(".//li[@class='partners__item']//img") is not None


@pytest.mark.django_db
def test_a_stand_in_keeps_its_place_when_only_its_title_changes(stand_ins):
    image = ImageFactory(collection=stand_ins)
    image.title = "Illustration renommée"
    image.save()
    assert is_stand_in(get_image_model().objects.get(pk=image.pk))


@pytest.mark.django_db
def test_a_stand_in_in_a_body_image_block_is_labelled(client, stand_ins):
    picture = ImageFactory(collection=stand_ins)
    page = StandardPageFactory(
        body=[
            ("image", {"image": picture, "alt_text": "Une rencontre des pionniers", "caption": "Lyon"}),
            ("paragraph", RichText("<p>Texte.</p>")),
        ]
    )
    img = tree(client.get(page.url)).find(".//main//img")
    assert img.get("alt") == f"Visuel provisoire{NBSP}: une rencontre des pionniers"
