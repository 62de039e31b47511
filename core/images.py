"""Renditions that never take a page down: a missing or broken image is left out.

Wagtail's own tags render a broken `<img src="…/not-found">` when the original is missing
and fail outright when it is corrupt; JSON-LD and share tags built with `get_rendition()`
fail in both cases. Every image the site shows goes through `renditions_or_none()`: the
renditions when each one's file is there, else None, and one warning per file and process.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.core.signals import setting_changed
from wagtail.images.exceptions import InvalidFilterSpecError, UnknownOutputImageFormatError

from core import rendition_budget
from core.files import BROKEN_IMAGE_ERRORS, MEDIA_SETTINGS, warn_once

if TYPE_CHECKING:
    from wagtail.images.models import AbstractImage, AbstractRendition, Filter

# What this process learnt about a file holds for this long: an original that could not be
# read is not tried again (no query, no disk read), so a page with a missing cover renders
# as fast as one without; a rendition file seen on disk is not looked for again.
RECHECK_SECONDS = 60.0

_lock = threading.Lock()
_broken_until: dict[str, float] = {}  # original's file name -> when to try it again
_present_until: dict[str, float] = {}  # rendition's file name -> when to look for it again


def forget() -> None:
    """Drop what this process knows about image files (another MEDIA_ROOT: tests)."""
    with _lock:
        _broken_until.clear()
        _present_until.clear()


def _on_setting_changed(setting: str, **kwargs) -> None:
    if setting in MEDIA_SETTINGS:
        forget()


setting_changed.connect(_on_setting_changed, dispatch_uid="rameau-images-forget")


def _known(memory: dict[str, float], name: str) -> bool:
    until = memory.get(name)
    return until is not None and time.monotonic() < until


def _remember(memory: dict[str, float], name: str) -> None:
    with _lock:
        memory[name] = time.monotonic() + RECHECK_SECONDS


def _file_present(rendition: AbstractRendition) -> bool:
    name = rendition.file.name
    if _known(_present_until, name):
        return True
    try:
        present = bool(name) and rendition.file.storage.exists(name)
    except OSError:
        present = False
    if present:
        _remember(_present_until, name)
    return present


def renditions_or_none(image: AbstractImage, specs: Iterable[str | Filter]) -> dict[str, AbstractRendition] | None:
    """Every rendition asked for, keyed by spec, or None if any cannot be shown.

    None when the original is missing or does not decode (and no rendition was made of it
    earlier), when this request already made its share of new renditions (the rest follow
    the answer: core/rendition_budget.py), when a rendition's own file is gone (restore the media, or run
    `manage.py check_media --delete-stale-renditions` to have them made again), or when the
    media volume refuses the new rendition (read-only, full).
    """
    original = image.file.name
    if _known(_broken_until, original):
        return None
    specs = list(specs)
    try:
        if not rendition_budget.allow(image, specs):
            return None  # made just after the answer (core/rendition_budget.py)
        renditions = image.get_renditions(*specs)
    except (InvalidFilterSpecError, UnknownOutputImageFormatError):
        raise  # a mistake in a template: let it show
    except BROKEN_IMAGE_ERRORS as error:
        _remember(_broken_until, original)
        warn_once(
            f"original:{original}",
            "image %s left out: its file %s cannot be made into renditions (%s: %s)",
            image.pk,
            original,
            error.__class__.__name__,
            error,
        )
        return None
    for rendition in renditions.values():
        if not _file_present(rendition):
            warn_once(
                f"rendition:{rendition.file.name}",
                "image %s left out: its rendition file %s is missing (manage.py check_media --delete-stale-renditions)",
                image.pk,
                rendition.file.name,
            )
            return None
    return renditions


def rendition_or_none(image: AbstractImage | None, spec: str | Filter) -> AbstractRendition | None:
    """One rendition (for JSON-LD, share tags, feeds), or None: then leave the image out."""
    if image is None:
        return None
    renditions = renditions_or_none(image, [spec])
    return next(iter(renditions.values())) if renditions else None
