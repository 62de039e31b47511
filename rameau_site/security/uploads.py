"""Uploads in the admin: what goes wrong is a form error, never a 500.

Wagtail's pixel check asks Pillow for the size, and Pillow refuses outright (an exception,
outside the form's validation) any image over twice its own limit - a "decompression bomb"
such as a 400-megapixel PNG of a few kilobytes. PixelSafeImageField turns that refusal into
the same form error as any other image over WAGTAILIMAGES_MAX_IMAGE_PIXELS.

A media volume that is read-only or full refuses the file only when the model is saved,
after validation, which Wagtail's views do not expect to fail. StoredWhileValidating
writes the file as the last step of validation instead: a refusal is then an error on the
file field, and the form comes back with everything else the editor typed.
"""

from __future__ import annotations

import errno
import logging

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.utils import timezone
from PIL import Image
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm
from wagtail.utils.file import hash_filelike

logger = logging.getLogger(__name__)

TOO_MANY_PIXELS = "Cette image compte trop de pixels : %(max_pixels_count)s au plus (réduisez-la avant de l'envoyer)."
UNREADABLE = (
    "Ce fichier n'est pas une image lisible (image incomplète ou abîmée, par exemple une copie "
    "interrompue). Ouvrez-la sur votre ordinateur, enregistrez-la de nouveau, puis envoyez-la."
)


class PixelSafeImageField(WagtailImageField):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Wagtail 8 catches the bomb itself, with this message: the same French text either way.
        self.error_messages["file_too_many_pixels"] = TOO_MANY_PIXELS

    def check_image_pixel_size(self, f) -> None:
        try:
            super().check_image_pixel_size(f)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            raise ValidationError(
                TOO_MANY_PIXELS % {"max_pixels_count": f"{self.max_image_pixels:,}".replace(",", "\u202f")},
                code="file_too_many_pixels",
            ) from error
        except OSError as error:  # Pillow reads the pixels: a truncated file fails here
            raise ValidationError(UNREADABLE, code="invalid_image_known_format") from error


FULL = "Le fichier n'a pas pu être enregistré : l'espace de stockage des fichiers est plein. Le reste du formulaire est conservé ; réessayez plus tard ou prévenez la personne qui gère le site."
READ_ONLY = "Le fichier n'a pas pu être enregistré : l'espace de stockage des fichiers est en lecture seule. Le reste du formulaire est conservé ; réessayez plus tard ou prévenez la personne qui gère le site."
UNAVAILABLE = "Le fichier n'a pas pu être enregistré : l'espace de stockage des fichiers ne répond pas. Le reste du formulaire est conservé ; réessayez plus tard ou prévenez la personne qui gère le site."


def storage_error_message(error: OSError) -> str:
    """What the editor reads when the media storage refuses a file."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return FULL
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return READ_ONLY
    return UNAVAILABLE


class StoredWhileValidating:
    """Writes a newly uploaded file to the media storage while the form validates (see the
    module's docstring). The model then finds its file already stored and does not write it again."""

    def full_clean(self) -> None:
        super().full_clean()
        if not self.is_bound or self.errors or "file" not in self.fields or "file" not in self.changed_data:
            return
        upload = self.cleaned_data.get("file")
        if not upload:
            return
        field = self.instance._meta.get_field("file")
        try:
            name = field.generate_filename(self.instance, upload.name)
            stored = field.storage.save(name, upload, max_length=field.max_length)
        except OSError as error:
            logger.warning("upload refused by the media storage: %s (%s)", upload.name, error)
            self.add_error("file", ValidationError(storage_error_message(error), code="storage_unavailable"))
            return
        self.instance.file = stored


ALT_TEXT_LABEL = "Texte alternatif (description)"
ALT_TEXT_HELP = (
    "Ce que montre l'image, en une phrase, pour qui ne la voit pas (lecteurs d'écran). Repris "
    "comme texte alternatif quand l'image est insérée dans un texte ; à défaut, c'est le titre."
)


class ImageForm(StoredWhileValidating, BaseImageForm):
    """WAGTAILIMAGES_IMAGE_FORM_BASE: every image form of the admin (single, multiple and
    chooser uploads) takes its file field from here, with Wagtail's own file input, whose
    script fills the title from the file's name."""

    file = PixelSafeImageField(label="Fichier", widget=BaseImageForm._meta.widgets["file"])

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if "description" in self.fields:  # Wagtail's « Description » is the alternative text
            self.fields["description"].label = ALT_TEXT_LABEL
            self.fields["description"].help_text = ALT_TEXT_HELP


DUPLICATE_DOCUMENT = (
    "Ce fichier est déjà dans la bibliothèque des documents : « %(title)s », déposé le %(date)s. "
    "Choisissez-le dans la liste plutôt que de le déposer une seconde fois (le doublon recevrait un "
    "nom de fichier modifié). Pour remplacer son contenu, modifiez ce document-là."
)


LIVE_FILE_REPLACED = (
    "Ce document est le fichier d'une page publiée (« %(title)s ») : seul un modérateur peut en "
    "remplacer le fichier, qui changerait aussitôt en ligne. Déposez plutôt un nouveau document et "
    "choisissez-le dans la page ; la modification passera par la relecture."
)


def live_pages_using(document) -> list:
    """The live pages that show this document (Wagtail's reference index)."""
    from wagtail.models import Page, ReferenceIndex

    references = ReferenceIndex.get_references_to(document).filter(
        base_content_type=ContentType.objects.get_for_model(Page)
    )
    return list(Page.objects.live().filter(pk__in=[int(pk) for pk in references.values_list("object_id", flat=True)]))


class DocumentForm(StoredWhileValidating, BaseDocumentForm):
    """WAGTAILDOCS_DOCUMENT_FORM_BASE: every document form of the admin (single, multiple
    and chooser uploads). A file already in the library is pointed to rather than stored
    twice (Wagtail warns of duplicate images, not of documents). Editors never publish, so
    the file of a document a live page shows is replaced by those who may publish that page
    only; and no document moves into or out of a private collection but by who may read it
    (restricted_documents.py)."""

    def __init__(self, *args, user=None, **kwargs) -> None:
        self.user = user  # Wagtail's collection form takes it without keeping it
        super().__init__(*args, user=user, **kwargs)

    def clean(self):
        cleaned_data = super().clean()
        self.check_collection_move(cleaned_data.get("collection"))
        self.check_live_file_replacement()
        upload = cleaned_data.get("file")
        if upload and "file" in self.changed_data:
            same = (
                type(self.instance)
                .objects.filter(file_hash=hash_filelike(upload))
                .exclude(pk=self.instance.pk)
                .order_by("created_at")
                .first()
            )
            if same is not None:
                date = timezone.localtime(same.created_at).strftime("%d/%m/%Y")
                self.add_error(
                    "file",
                    ValidationError(DUPLICATE_DOCUMENT, code="duplicate", params={"title": same.title, "date": date}),
                )
        return cleaned_data

    def check_collection_move(self, collection) -> None:
        from .restricted_documents import MOVE_REFUSED, refused_move

        user = self.user
        if user is None or "collection" not in self.fields or collection is None:
            return
        before = self.instance.collection if self.instance.pk else None
        crossed = refused_move(user, before, collection)
        if crossed is not None:
            self.add_error("collection", ValidationError(MOVE_REFUSED, params={"collection": crossed.name}))

    def check_live_file_replacement(self) -> None:
        user = self.user
        if user is None or not self.instance.pk or "file" not in self.changed_data or user.is_superuser:
            return
        for page in live_pages_using(self.instance):
            if not page.permissions_for_user(user).can_publish():
                self.add_error(
                    "file", ValidationError(LIVE_FILE_REPLACED, params={"title": page.get_admin_display_title()})
                )
                return
