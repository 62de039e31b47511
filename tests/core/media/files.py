"""Files for the media tests: real pictures, broken ones, a full disk and a read-only folder."""

from __future__ import annotations

import errno
import html.parser
import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from io import BytesIO
from pathlib import Path

from django.core.files.storage import FileSystemStorage
from PIL import Image as PILImage


def picture(image_format: str = "JPEG", size: tuple[int, int] = (320, 200)) -> bytes:
    buffer = BytesIO()
    PILImage.effect_noise(size, 60).convert("RGB").save(buffer, format=image_format)
    return buffer.getvalue()


def truncated_jpeg() -> bytes:
    """The first half of a real JPEG, as an interrupted copy leaves it."""
    data = picture("JPEG")
    return data[: len(data) // 2]


def png_with_wrong_header() -> bytes:
    """A real PNG whose eight-byte signature was overwritten."""
    return b"\x00" * 8 + picture("PNG")[8:]


class FullStorage(FileSystemStorage):
    """A media volume with no space left: every write fails as the kernel would fail it."""

    def save(self, name, content, max_length=None):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), name)


def _refuses_writes(folder: Path) -> bool:
    probe = folder / ".essai-ecriture"
    try:
        probe.write_bytes(b"")
    except OSError:
        return True
    probe.unlink()
    return False


@contextmanager
def read_only(*folders: Path) -> Iterator[bool]:
    """Make the folders read-only; yields whether writing into them now fails.

    Permissions stop ordinary users; root ignores them, so the immutable attribute
    (chattr +i) is tried too. Everything is made writable again on the way out.
    """
    immutable: list[Path] = []
    for folder in folders:
        folder.chmod(0o555)
    try:
        if not all(_refuses_writes(folder) for folder in folders) and shutil.which("chattr"):
            for folder in folders:
                if subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode == 0:
                    immutable.append(folder)
        yield all(_refuses_writes(folder) for folder in folders)
    finally:
        for folder in immutable:
            subprocess.run(["chattr", "-i", str(folder)], capture_output=True)
        for folder in folders:
            folder.chmod(0o755)


class MediaReferences(html.parser.HTMLParser):
    """Every address an <img> or <source> asks for, and every srcset left empty."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.empty_srcsets = 0
        self.images = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ("img", "source"):
            return
        values = dict(attrs)
        self.images += tag == "img"
        if tag == "img":
            self.urls.append(values.get("src") or "")
        if "srcset" in values:
            srcset = (values["srcset"] or "").strip()
            if not srcset:
                self.empty_srcsets += 1
            self.urls += [candidate.strip().split(" ")[0] for candidate in srcset.split(",") if candidate.strip()]


def media_references(markup: str) -> MediaReferences:
    parser = MediaReferences()
    parser.feed(markup)
    return parser


def json_ld(markup: str) -> list[dict]:
    """The JSON-LD objects of a page."""
    start_tag = '<script type="application/ld+json">'
    found = []
    for chunk in markup.split(start_tag)[1:]:
        found.append(json.loads(chunk.split("</script>", 1)[0]))
    return found


def meta_images(markup: str) -> list[str]:
    """The share-card image tags of a page."""
    return [line for line in markup.splitlines() if 'property="og:image' in line or 'name="twitter:image"' in line]
