"""Images: small real pictures drawn by Pillow, in the root collection, as an upload leaves them."""

from __future__ import annotations

import factory
import wagtail_factories
from wagtail.models import Collection


def root_collection() -> Collection:
    return Collection.get_first_root_node()


class ImageFactory(wagtail_factories.ImageFactory):
    """A 160 × 90 JPEG (landscape, like the site's illustrations); `file__width`, `file__format`… change it."""

    title = factory.Sequence(lambda n: f"Illustration d'essai {n}")
    collection = factory.LazyFunction(root_collection)
    file = factory.django.ImageField(
        filename=factory.Sequence(lambda n: f"illustration-essai-{n}.jpg"),
        width=160,
        height=90,
        color=(20, 80, 60),
        format="JPEG",
    )


class CoverFactory(ImageFactory):
    """A portrait PNG, as publication covers are."""

    title = factory.Sequence(lambda n: f"Couverture d'essai {n}")
    file = factory.django.ImageField(
        filename=factory.Sequence(lambda n: f"couverture-essai-{n}.png"),
        width=60,
        height=85,
        color=(120, 40, 30),
        format="PNG",
    )


class LogoFactory(ImageFactory):
    """A small PNG logo for a partner."""

    title = factory.Sequence(lambda n: f"Logo d'essai {n}")
    file = factory.django.ImageField(
        filename=factory.Sequence(lambda n: f"logo-essai-{n}.png"),
        width=80,
        height=40,
        color=(255, 255, 255),
        format="PNG",
    )
