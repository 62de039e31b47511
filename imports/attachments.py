"""Attachments: files read from the copy of `wp-content/uploads/`, through the admin's own checks.

Nothing is downloaded. A path that leaves the uploads folder (`../`, an absolute path, a
link pointing outside) is refused; a missing file is reported. A file goes through the very
forms of an admin upload (size, pixel bombs, allowed types: no SVG; the library's
duplicate-document check), so the import lets in nothing an editor could not upload. A file
already in the library is pointed to, not copied. Images keep their alternative text.
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from taggit.utils import edit_string_for_tags
from wagtail.documents import get_document_model
from wagtail.documents.forms import get_document_form
from wagtail.images import get_image_model
from wagtail.images.forms import get_image_form
from wagtail.models import Collection
from wagtail.utils.file import hash_filelike

from .links import UPLOADS, VARIANT
from .wxr import Item

COLLECTION = "Reprise du site WordPress"


class Refused(Exception):
    """The attachment's file cannot come in; the message says why, in French."""


@dataclass
class Stored:
    obj: object  # the image or document
    outcome: str  # "created", "updated", "unchanged", "reused"
    note: str = ""


class LocalFile(UploadedFile):
    """A file of the uploads folder handed to a form as if it had been uploaded. It offers no
    `temporary_file_path()`: the storage would move the file instead of copying it, and the
    operator's copy of the uploads must stay whole."""

    def __init__(self, path: Path) -> None:
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        super().__init__(path.open("rb"), path.name, content_type, path.stat().st_size)


def relative_path(item: Item) -> str:
    """The file's place inside the uploads folder, as WordPress recorded it."""
    attached = item.meta.get("_wp_attached_file", "").strip()
    if attached:
        return attached
    path = unquote(urlsplit(item.attachment_url).path)
    index = path.find(UPLOADS)
    return path[index + len(UPLOADS) :] if index >= 0 else ""


def kind_of(name: str) -> str:
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension in settings.WAGTAILIMAGES_EXTENSIONS:
        return "image"
    if extension in getattr(settings, "WAGTAILDOCS_EXTENSIONS", []):
        return "document"
    if extension == "svg":
        raise Refused("image SVG refusée : le site n'accepte pas ce format, qui peut contenir du script")
    raise Refused(f"format « .{extension or '?'} » non accepté par le site (ni image ni document autorisé)")


def fingerprint(obj) -> str:
    """What the import wrote on a document or image: staff have edited it once this changes.
    Tags count too (the import sets none: staff added them); without tags, the fingerprint is
    the one imports before tags counted recorded."""
    parts = [obj.title, getattr(obj, "description", ""), obj.get_file_hash()]
    tags = sorted(tag.name for tag in obj.tags.all())
    if tags:
        parts.append("\0".join(tags))
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


class Uploads:
    """The copy of `wp-content/uploads/` the files are read from."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.listings: dict[Path, list[str]] = {}

    def locate(self, relative: str) -> Path:
        if not relative or "\0" in relative:
            raise Refused("aucun fichier indiqué par l'export")
        candidate = Path(relative)
        if candidate.is_absolute() or ".." in candidate.parts:
            raise Refused(f"chemin refusé, il sort du dossier --uploads : {relative}")
        path = (self.root / candidate).resolve()
        if not path.is_relative_to(self.root):
            raise Refused(f"chemin refusé, il mène hors du dossier --uploads : {relative}")
        if not path.is_file():
            raise Refused(f"fichier absent du dossier --uploads : {relative}")
        return path

    def variants(self, path: Path) -> list[str]:
        """The other sizes WordPress made of this file (`photo-300x200.jpg`…), relative to the folder."""
        folder = path.parent
        if folder not in self.listings:
            try:
                self.listings[folder] = sorted(os.listdir(folder))
            except OSError:
                self.listings[folder] = []
        base = VARIANT.sub("", path.name)
        found = [name for name in self.listings[folder] if name != path.name and VARIANT.sub("", name) == base]
        return [(folder / name).relative_to(self.root).as_posix() for name in found]


class Library:
    """Stores files as the admin's upload forms do; remembers what it wrote to the media
    storage, so that a dry run or a failed import can take it back."""

    def __init__(self) -> None:
        self.collection = self.import_collection()
        self.written: list[tuple[object, str]] = []  # (storage, name)

    @staticmethod
    def import_collection() -> Collection:
        root = Collection.get_first_root_node()
        existing = root.get_children().filter(name=COLLECTION).first()
        return existing or root.add_child(name=COLLECTION)

    def store(self, kind: str, path: Path, title: str, alt: str, existing=None) -> Stored:
        model = get_image_model() if kind == "image" else get_document_model()
        form_class = get_image_form(model) if kind == "image" else get_document_form(model)
        # The import sets no tags; an existing file keeps its tags and its collection (the form
        # would clear the ones and move it back to the import's).
        tags = edit_string_for_tags(list(existing.tags.all())) if existing is not None else ""
        collection = existing.collection_id if existing is not None else self.collection.pk
        data = {"title": title[:255] or path.name, "collection": str(collection), "tags": tags}
        if kind == "image":
            data["description"] = alt[:255]
        upload = LocalFile(path)
        try:
            file_hash = hash_filelike(upload)
            upload.seek(0)
            note = ""
            if existing is not None:  # never replace a file here: a rollback could not bring the old one back
                files: dict = {}
                if existing.get_file_hash() != file_hash:
                    note = "le fichier a changé dans l'export : remplacez-le dans l'administration s'il le faut"
            else:
                files = {"file": upload}
                same = model.objects.filter(file_hash=file_hash).order_by("pk").first() if kind == "image" else None
                if same is not None:
                    return Stored(same, "reused", f"déjà dans la bibliothèque : « {same.title} », reprise telle quelle")
            form = form_class(data, files, instance=existing)
            if not form.is_valid():
                duplicate = form.has_error("file", "duplicate")  # the library's own duplicate-document check
                same = model.objects.filter(file_hash=file_hash).order_by("pk").first() if duplicate else None
                if same is not None:
                    return Stored(same, "reused", f"déjà dans la bibliothèque : « {same.title} », repris tel quel")
                raise Refused("; ".join(str(message) for messages in form.errors.values() for message in messages))
            if files:
                self.written.append((form.instance.file.storage, form.instance.file.name))
            if existing is not None:
                obj = form.save()
            else:  # the form's save would index the file at once (for its tags: the import sets none)
                obj = form.save(commit=False)
                obj.save()
                form.save_m2m()
        finally:
            upload.close()
        return Stored(obj, "updated" if existing is not None else "created", note)

    def take_back(self) -> None:
        """Remove the files written by an import whose database changes were rolled back."""
        for storage, name in self.written:
            try:
                storage.delete(name)
            except OSError:
                pass
        self.written.clear()
