"""Addresses of the old site, and where each now leads.

A link inside the content, an `<img>` and a redirect all ask the same question: is this an
address of the old WordPress site (its permalink, `?p=12`, `?page_id=12`,
`?attachment_id=12`, a file under `/wp-content/uploads/`, resized or not), and if so, what
did that item become here? The answer is a Target: a page, a document, an image, or nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, unquote, urlsplit

UPLOADS = "/wp-content/uploads/"
#: `photo-300x200.jpg`, `photo-scaled.jpg`: the sizes WordPress made of one upload.
VARIANT = re.compile(r"-(?:\d+x\d+|scaled|rotated)(?=\.[A-Za-z0-9]+$)")
ID_PARAMETERS = ("p", "page_id", "attachment_id")
SAFE_SCHEMES = ("http", "https", "mailto", "tel")


@dataclass(frozen=True)
class Target:
    kind: str  # "page", "document" or "image"
    pk: int
    url: str  # where it is served, relative to the site ("" for a page that is not live)
    alt: str = ""  # an image's alternative text


@dataclass(frozen=True)
class Link:
    """What to write for an `href`: a page or document link, a plain address, or nothing."""

    target: Target | None = None
    href: str = ""
    note: str = ""


def path_key(path: str) -> str:
    """Compare paths as WordPress serves them: decoded, case and final slash aside."""
    path = unquote(path).strip().lower().rstrip("/")
    return path or "/"


def upload_key(relative: str) -> str:
    return unquote(relative).strip().lstrip("/").lower()


class Addresses:
    """The old site's hosts and the index of its items' addresses."""

    def __init__(self, site_url: str) -> None:
        host = (urlsplit(site_url).hostname or "").lower()
        bare = host.removeprefix("www.")
        self.hosts = {host, bare, f"www.{bare}"} - {"", "www."}
        self.base_path = urlsplit(site_url).path.rstrip("/")
        self.by_path: dict[str, int] = {}
        self.by_file: dict[str, int] = {}
        self.targets: dict[int, Target] = {}

    def internal_path(self, url: str) -> tuple[str, dict[str, list[str]]] | None:
        """(path, query) of an address on the old site, or None for anywhere else."""
        try:
            parts = urlsplit(url.strip())
        except ValueError:
            return None
        if parts.scheme and parts.scheme not in ("http", "https"):
            return None
        if parts.netloc and (parts.hostname or "").lower() not in self.hosts:
            return None
        if not parts.netloc and not parts.path.startswith("/"):
            return None  # « page.html », « #note »: relative to a page that no longer exists as such
        path = parts.path or "/"
        if self.base_path and path.startswith(self.base_path):
            path = path[len(self.base_path) :] or "/"
        return path, parse_qs(parts.query)

    def remember(self, wp_id: int, link: str, upload: str = "") -> None:
        """Index an item's permalink (and, for an attachment, its file and its sizes)."""
        found = self.internal_path(link) if link else None
        if found and found[0] != "/" and not found[1]:
            self.by_path.setdefault(path_key(found[0]), wp_id)
        if upload:
            self.by_file.setdefault(upload_key(upload), wp_id)

    def wp_id_for(self, url: str) -> int | None:
        found = self.internal_path(url)
        if found is None:
            return None
        path, query = found
        for name in ID_PARAMETERS:
            value = (query.get(name) or [""])[0]
            if value.isdigit():
                return int(value)
        if path.lower().startswith(UPLOADS):
            relative = upload_key(path[len(UPLOADS) :])
            return self.by_file.get(relative) or self.by_file.get(VARIANT.sub("", relative))
        return self.by_path.get(path_key(path))

    def target_for(self, url: str) -> Target | None:
        wp_id = self.wp_id_for(url)
        return self.targets.get(wp_id) if wp_id is not None else None

    def link(self, href: str) -> Link:
        """What an `<a href>` of the imported content becomes."""
        href = href.strip()
        scheme = urlsplit(href).scheme.lower() if ":" in href[:12] else ""
        if scheme and scheme not in SAFE_SCHEMES:
            return Link(note=f"lien « {scheme}: » retiré (texte gardé)")
        if href.startswith("#"):
            return Link(href=href)
        found = self.internal_path(href)
        if found is None:
            return Link(href=href) if scheme else Link(note=f"lien relatif « {href[:80]} » retiré (texte gardé)")
        target = self.target_for(href)
        if target is not None:
            return Link(target=target)
        path, _ = found
        parts = urlsplit(href)
        relative = path + (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")
        return Link(href=relative, note=f"lien interne vers {relative[:100]} : aucun élément importé, à vérifier")
