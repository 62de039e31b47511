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

from django.core.exceptions import ValidationError
from PIL import Image
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

logger = logging.getLogger(__name__)

TOO_MANY_PIXELS = "Cette image compte trop de pixels : %(max_pixels_count)s au plus (réduisez-la avant de l'envoyer)."


class PixelSafeImageField(WagtailImageField):
    def check_image_pixel_size(self, f) -> None:
        try:
            super().check_image_pixel_size(f)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            raise ValidationError(
                TOO_MANY_PIXELS % {"max_pixels_count": f"{self.max_image_pixels:,}".replace(",", "\u202f")},
                code="file_too_many_pixels",
            ) from error


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


class ImageForm(StoredWhileValidating, BaseImageForm):
    """WAGTAILIMAGES_IMAGE_FORM_BASE: every image form of the admin (single, multiple and
    chooser uploads) takes its file field from here."""

    file = PixelSafeImageField(label="Fichier")


class DocumentForm(StoredWhileValidating, BaseDocumentForm):
    """WAGTAILDOCS_DOCUMENT_FORM_BASE: every document form of the admin (single, multiple
    and chooser uploads)."""
