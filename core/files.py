"""Uploaded files that may be missing or broken: checks, and a warning once per file.

A database restored without all of its media, or a shared volume briefly away, leaves rows
that point to nothing. Pages then do without those files; operators read one log line per
file and per process (not one per request) and run `manage.py check_media`.
"""

from __future__ import annotations

import logging
import threading

from django.core.files.storage import Storage
from django.core.signals import setting_changed
from django.db.models.fields.files import FieldFile
from PIL import Image as PILImage

logger = logging.getLogger("core.media")

# What Pillow and Willow raise on a file that is not the picture it claims to be: truncated
# (OSError), unknown header (OSError), broken XML taken for SVG (SyntaxError), bad tiles
# (ValueError), decoders running past the end (EOFError, IndexError).
BROKEN_IMAGE_ERRORS: tuple[type[BaseException], ...] = (
    OSError,
    SyntaxError,
    ValueError,
    EOFError,
    IndexError,
    PILImage.DecompressionBombError,
)

#: Functions `(write) -> int` that add lines to `manage.py check_media` (the stand-ins still in
#: use, pages/stand_ins.py); the number returned fails the check with --fail-on-stand-ins.
MEDIA_REPORTS_HOOK = "rameau_media_reports"

# Changing one of these (tests do) makes whatever a process knew about files meaningless.
MEDIA_SETTINGS = frozenset({"MEDIA_ROOT", "STORAGES"})

_reported: set[str] = set()
_reported_lock = threading.Lock()


def warn_once(key: str, message: str, *args: object) -> None:
    """Log `message` at WARNING the first time `key` is seen by this process."""
    with _reported_lock:
        if key in _reported:
            return
        _reported.add(key)
    logger.warning(message, *args)


def forget() -> None:
    """Warn again about every file (another MEDIA_ROOT: tests)."""
    with _reported_lock:
        _reported.clear()


def _on_setting_changed(setting: str, **kwargs) -> None:
    if setting in MEDIA_SETTINGS:
        forget()


setting_changed.connect(_on_setting_changed, dispatch_uid="rameau-media-files-forget")


def file_problem(file: FieldFile, storage: Storage | None = None) -> str | None:
    """Why this stored file cannot be read, in French, or None when it can."""
    if not file or not file.name:
        return "aucun fichier enregistré"
    storage = storage or file.storage
    try:
        if not storage.exists(file.name):
            return "fichier absent"
        with storage.open(file.name, "rb") as handle:
            handle.read(1)
    except OSError as error:
        return f"fichier illisible ({error.__class__.__name__})"
    return None


def image_file_problem(file: FieldFile) -> str | None:
    """Like file_problem, and the picture must decode to its last pixel (a truncated JPEG does not)."""
    problem = file_problem(file)
    if problem:
        return problem
    try:
        with file.storage.open(file.name, "rb") as handle, PILImage.open(handle) as picture:
            picture.load()
    except BROKEN_IMAGE_ERRORS as error:
        return f"image illisible ({error.__class__.__name__}: {error})"
    return None
