"""Image uploads: a picture with too many pixels is a form error, never a 500.

Wagtail's pixel check asks Pillow for the size, and Pillow refuses outright (an exception,
outside the form's validation) any image over twice its own limit - a "decompression bomb"
such as a 400-megapixel PNG of a few kilobytes. This field turns that refusal into the same
form error as any other image over WAGTAILIMAGES_MAX_IMAGE_PIXELS.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from PIL import Image
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

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


class ImageForm(BaseImageForm):
    """WAGTAILIMAGES_IMAGE_FORM_BASE: every image form of the admin (single, multiple and
    chooser uploads) takes its file field from here."""

    file = PixelSafeImageField(label="Fichier")
