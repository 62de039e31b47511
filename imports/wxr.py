"""Reading a WordPress export (WXR 1.0 to 1.2) as the untrusted file it is.

defusedxml parses it: a DTD, an entity declaration or an external reference is refused
before anything is read into the site, and nothing is ever fetched. The file is streamed:
each `<item>` is read, handed over and dropped, so memory stays flat however large the export.
`scan()` reads it whole once (a malformed file fails there, with its line, before anything is
written) and keeps a light index of every item; `contents()` streams it again for the texts.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException, DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import ParseError, iterparse

WP_NAMESPACE = re.compile(r"^http://wordpress\.org/export/1\.[0-2]/$")
PREFIXES = {
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://purl.org/dc/elements/1.1/": "dc",
}
#: Post meta the import reads; the rest (page builders' data, image metadata…) is never kept.
META_KEYS = frozenset({"_thumbnail_id", "_wp_attached_file", "_wp_attachment_image_alt"})
#: Reusable blocks and attachments keep their text in the index (they are few, or short).
KEEP_CONTENT = frozenset({"wp_block", "attachment"})


class WXRError(Exception):
    """The file cannot be read as a WordPress export: the message says why, in French."""


@dataclass(slots=True)
class Term:
    term_id: int
    slug: str
    name: str
    parent: str = ""  # the parent category's slug


@dataclass(slots=True)
class Item:
    """One `<item>`; `content` is empty in the index except for attachments and reusable blocks."""

    wp_id: int | None
    post_type: str = ""
    title: str = ""
    link: str = ""
    guid: str = ""
    creator: str = ""
    content: str = ""
    excerpt: str = ""
    date: str = ""
    date_gmt: str = ""
    modified_gmt: str = ""
    slug: str = ""
    status: str = ""
    parent: int = 0
    menu_order: int = 0
    password: str = ""
    attachment_url: str = ""
    terms: list[tuple[str, str, str]] = field(default_factory=list)  # (domain, slug, name)
    meta: dict[str, str] = field(default_factory=dict)
    comments: int = 0
    digest: str = ""  # SHA-256 of everything the export says of the item
    lead: str = ""  # the opening words of the text (a summary when the excerpt is empty)

    def categories(self) -> list[tuple[str, str]]:
        return [(slug, name) for domain, slug, name in self.terms if domain == "category"]

    def tags(self) -> list[tuple[str, str]]:
        return [(slug, name) for domain, slug, name in self.terms if domain == "post_tag"]

    def meta_int(self, key: str) -> int | None:
        value = self.meta.get(key, "").strip()
        return int(value) if value.isdigit() else None


@dataclass
class Export:
    """What the channel says, and the index of its items by WordPress id (file order)."""

    version: str = ""
    title: str = ""
    site_url: str = ""
    blog_url: str = ""
    authors: dict[str, str] = field(default_factory=dict)  # login -> display name
    categories: dict[str, Term] = field(default_factory=dict)  # slug -> term
    tags: dict[str, Term] = field(default_factory=dict)
    items: dict[int, Item] = field(default_factory=dict)
    broken: list[Item] = field(default_factory=list)  # items without a usable id

    def category_path(self, slug: str) -> str:
        """`parent/child`, as WordPress writes a sub-category's archive address."""
        parts, seen = [], set()
        while slug and slug not in seen:
            seen.add(slug)
            parts.append(slug)
            term = self.categories.get(slug)
            slug = term.parent if term else ""
        return "/".join(reversed(parts))


def _name(tag: str) -> str:
    """`wp:post_id`, `content:encoded`, `title`: the element's name with a stable prefix."""
    if not tag.startswith("{"):
        return tag
    namespace, _, local = tag[1:].partition("}")
    if WP_NAMESPACE.match(namespace):
        return f"wp:{local}"
    if namespace.startswith("http://wordpress.org/export/") and namespace.endswith("/excerpt/"):
        return f"excerpt:{local}"
    return f"{PREFIXES.get(namespace, namespace)}:{local}"


def _text(element: Element) -> str:
    return (element.text or "").strip()


def _int(value: str, default: int = 0) -> int:
    value = value.strip()
    return int(value) if value.isdigit() else default


SIMPLE_FIELDS = {
    "title": "title",
    "link": "link",
    "guid": "guid",
    "dc:creator": "creator",
    "content:encoded": "content",
    "excerpt:encoded": "excerpt",
    "wp:post_date": "date",
    "wp:post_date_gmt": "date_gmt",
    "wp:post_modified_gmt": "modified_gmt",
    "wp:post_name": "slug",
    "wp:status": "status",
    "wp:post_type": "post_type",
    "wp:post_password": "password",
    "wp:attachment_url": "attachment_url",
}
TAGS = re.compile(r"<[^>]*>|<!--.*?-->", re.S)


def read_item(element: Element) -> Item:
    item = Item(wp_id=None)
    digest = hashlib.sha256()
    for child in element:
        name = _name(child.tag)
        if name in SIMPLE_FIELDS:
            value = child.text or ""
            setattr(
                item, SIMPLE_FIELDS[name], value if name in ("content:encoded", "excerpt:encoded") else value.strip()
            )
        elif name == "wp:post_id":
            item.wp_id = _int(_text(child), default=-1)
            item.wp_id = item.wp_id if item.wp_id > 0 else None
        elif name == "wp:post_parent":
            item.parent = _int(_text(child))
        elif name == "wp:menu_order":
            item.menu_order = _int(_text(child))
        elif name == "category":
            item.terms.append((child.get("domain", ""), child.get("nicename", ""), _text(child)))
        elif name == "wp:postmeta":
            values = {_name(part.tag): part.text or "" for part in child}
            key = values.get("wp:meta_key", "").strip()
            if key in META_KEYS:
                item.meta[key] = values.get("wp:meta_value", "").strip()
        elif name == "wp:comment":
            item.comments += 1
            continue  # comments are not imported: they do not change the item
        else:
            continue
        digest.update(name.encode())
        digest.update(b"\0")
        digest.update(" ".join(f"{k}={v}" for k, v in sorted(child.attrib.items())).encode())
        digest.update((child.text or "").encode("utf-8", "surrogatepass"))
        for part in child:
            digest.update((part.text or "").encode("utf-8", "surrogatepass"))
        digest.update(b"\1")
    item.digest = digest.hexdigest()
    text = " ".join(TAGS.sub(" ", item.content[:4000]).split())
    item.lead = re.sub(r"\[/?[a-z][\w-]*[^\]]*\]", "", text)[:600]
    return item


def _term(element: Element, kind: str) -> Term | None:
    values = {_name(child.tag): _text(child) for child in element}
    if kind == "wp:category":
        slug, name, parent = (
            values.get("wp:category_nicename"),
            values.get("wp:cat_name"),
            values.get("wp:category_parent"),
        )
    elif kind == "wp:tag":
        slug, name, parent = values.get("wp:tag_slug"), values.get("wp:tag_name"), ""
    else:
        return None
    if not slug:
        return None
    return Term(term_id=_int(values.get("wp:term_id", "")), slug=slug, name=name or slug, parent=parent or "")


def _where(path: Path, needle: bytes) -> int | None:
    """The line where `needle` first appears (for the message of a refused declaration)."""
    with path.open("rb") as handle:
        for number, line in enumerate(handle, start=1):
            if needle in line:
                return number
    return None


def _stream(path: Path) -> Iterator[tuple[str, Element, Element | None]]:
    """(event, element, channel) for the channel's children, each dropped once read."""
    channel = None
    depth = 0
    try:
        for event, element in iterparse(
            str(path), events=("start", "end"), forbid_dtd=True, forbid_entities=True, forbid_external=True
        ):
            if event == "start":
                depth += 1
                if depth == 1 and element.tag != "rss":
                    raise WXRError("Ce fichier n'est pas un export WordPress : il ne commence pas par <rss>.")
                if depth == 2 and element.tag == "channel":
                    channel = element
                continue
            depth -= 1
            if depth == 2 and channel is not None:
                yield event, element, channel
                channel.remove(element)
    except ParseError as error:
        line, column = getattr(error, "position", (0, 0))
        reason = str(error).split(":")[0]
        raise WXRError(
            f"Fichier XML mal formé, ligne {line}, colonne {column + 1} ({reason}) : rien n'a été importé."
        ) from error
    except DTDForbidden as error:
        line = _where(path, b"<!DOCTYPE")
        raise WXRError(
            f"Le fichier déclare une DTD (<!DOCTYPE>, ligne {line}) : refusé, un export WordPress n'en a pas."
        ) from error
    except (EntitiesForbidden, ExternalReferenceForbidden) as error:
        line = _where(path, b"<!ENTITY")
        raise WXRError(f"Le fichier déclare une entité XML (ligne {line}) : refusé, rien n'a été importé.") from error
    except DefusedXmlException as error:
        raise WXRError(f"Construction XML refusée : {error}.") from error
    except OSError as error:
        raise WXRError(f"Fichier illisible : {error.strerror or error}.") from error


def scan(path: Path) -> Export:
    """Read the whole export once: its channel, and every item without its text."""
    export = Export()
    for _event, element, _channel in _stream(path):
        name = _name(element.tag)
        if name == "item":
            item = read_item(element)
            if item.post_type not in KEEP_CONTENT:
                item.content = ""
            if item.wp_id is None:
                export.broken.append(item)
            else:
                export.items[item.wp_id] = item
        elif name == "wp:wxr_version":
            export.version = _text(element)
        elif name == "title":
            export.title = _text(element)
        elif name == "wp:base_site_url":
            export.site_url = _text(element)
        elif name == "wp:base_blog_url":
            export.blog_url = _text(element)
        elif name == "wp:author":
            values = {_name(child.tag): _text(child) for child in element}
            login = values.get("wp:author_login", "")
            if login:
                export.authors[login] = values.get("wp:author_display_name") or login
        elif name in ("wp:category", "wp:tag"):
            term = _term(element, name)
            if term is not None:
                (export.categories if name == "wp:category" else export.tags)[term.slug] = term
    if not re.fullmatch(r"1\.[0-2]", export.version):
        found = f" (version « {export.version} »)" if export.version else ""
        raise WXRError(
            f"Ce fichier n'est pas un export WordPress WXR 1.0 à 1.2{found} : "
            "exportez le site depuis Outils › Exporter › Tout le contenu."
        )
    export.site_url = export.site_url or export.blog_url
    return export


def contents(path: Path, wanted: Iterable[int]) -> Iterator[Item]:
    """Stream the export again and give, whole and in file order, the items asked for."""
    wanted = set(wanted)
    for _event, element, _channel in _stream(path):
        if not wanted:
            return
        if _name(element.tag) != "item":
            continue
        item = read_item(element)
        if item.wp_id in wanted:
            wanted.discard(item.wp_id)
            yield item
