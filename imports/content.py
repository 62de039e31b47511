"""WordPress content into the project's own blocks, sanitised.

The text of a post (Gutenberg's block comments or the classic editor's bare paragraphs,
shortcodes included) becomes a StreamField body in raw form: headings, paragraphs and lists
(rich text), images with their captions, quotes, tables, and videos for the consent facade.
Rich text goes through Wagtail's own Draftail converter with the features of the block that
receives it, so what is stored is exactly what an editor could have typed: no `<script>`, no
`style`, no `on…` attribute, no `javascript:` link, no iframe from elsewhere survives.
Links to other imported items become page and document links.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from html import escape as html_escape

from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from bs4.element import PageElement, PreformattedString
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

from legal.video import player_for
from pages.blocks import INLINE_FEATURES, TEXT_FEATURES

from .links import Addresses, Target
from .shortcodes import Shortcodes, embed_html

DROPPED = {
    "script": "script retiré",
    "iframe": "",  # decided by its source
    "form": "formulaire retiré",
    "object": "objet intégré retiré",
    "embed": "objet intégré retiré",
    "applet": "objet intégré retiré",
    "video": "vidéo ou son hébergé sur WordPress retiré",
    "audio": "vidéo ou son hébergé sur WordPress retiré",
}
SILENT = {"style", "noscript", "template", "input", "button", "select", "textarea", "svg", "math", "canvas"}
SILENT |= {"link", "meta", "base", "head", "title", "frame", "frameset", "hr", "br", "map", "area", "source", "track"}
INLINE = {"a", "strong", "b", "em", "i", "span", "sup", "sub", "u", "small", "abbr", "acronym", "code", "mark"}
INLINE |= {"s", "strike", "del", "ins", "q", "cite", "time", "font", "label", "big", "tt", "kbd", "var", "dfn"}
MEDIA = ["img", "iframe", "video", "audio", "object", "embed"]
BLOCK_START = re.compile(
    r"^<(?:p|div|h[1-6]|ul|ol|li|dl|table|blockquote|figure|pre|hr|section|article|aside|header|footer"
    r"|address|iframe|form|script|style|nav|details)\b",
    re.I,
)
BARE_URL = re.compile(r"^https?://\S+$")
REUSABLE = re.compile(r"<!--\s*wp:block\s+(\{.*?\})\s*/-->", re.S)
TOKEN = "https://import.invalid/lien-{}"
TOKEN_HREF = re.compile(r'href="https://import\.invalid/lien-(\d+)"')
HEADING_MAX, CAPTION_MAX, QUOTE_MAX, ALT_MAX = 120, 250, 600, 250


@lru_cache(maxsize=4)
def converter(features: tuple[str, ...]) -> ContentstateConverter:
    return ContentstateConverter(list(features))


def plain(element: PageElement | str) -> str:
    text = element if isinstance(element, str) else element.get_text(" ")
    return " ".join(text.split())


def shorten(text: str, limit: int) -> str:
    """Cut at a word, with an ellipsis, when the field is shorter than the text."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"


def autop(text: str) -> str:
    """The classic editor's bare text into paragraphs, as WordPress's wpautop shows it; a
    video address alone on its line becomes a video, as WordPress embedded it."""
    out = []
    for chunk in re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        chunk = chunk.strip()
        if not chunk:
            continue
        if BLOCK_START.match(chunk):
            out.append(chunk)
            continue
        lines: list[str] = []
        for line in chunk.split("\n"):
            if BARE_URL.match(line.strip()) and player_for(line.strip()):
                if lines:
                    out.append("<p>" + "<br>".join(lines) + "</p>")
                    lines = []
                out.append(embed_html(line.strip()))
            else:
                lines.append(line)
        if lines:
            out.append("<p>" + "<br>".join(lines) + "</p>")
    return "\n".join(out)


@dataclass
class Body:
    """A converted text: raw StreamField data and what the report must say about it."""

    blocks: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    documents: list[int] = field(default_factory=list)  # linked documents, in order
    rich: list[str] = field(default_factory=list)  # rich text waiting for its paragraph block
    inline: list[str] = field(default_factory=list)  # loose inline HTML waiting for its <p>

    def note(self, text: str) -> None:
        if text and text not in self.notes:
            self.notes.append(text)

    def add(self, block_type: str, value: object) -> None:
        self.blocks.append({"type": block_type, "value": value})

    @property
    def lead(self) -> str:
        """The first words of the first paragraph (a summary when WordPress had none)."""
        for block in self.blocks:
            if block["type"] == "paragraph":
                for part in BeautifulSoup(block["value"], "html.parser").find_all(["p", "li"]):
                    if text := plain(part.get_text()):
                        return text
        return ""


class Converter:
    """Converts the items of one export; `addresses` knows what each old address became."""

    def __init__(
        self, addresses: Addresses, reusable: dict[int, str], attached_images: Callable[[int], list[int]]
    ) -> None:
        self.addresses = addresses
        self.reusable = reusable
        self.attached_images = attached_images

    def convert(self, content: str, wp_id: int) -> Body:
        body = Body()
        text = self.inline_reusable(content, body)
        shortcodes = Shortcodes(lambda: self.attached_images(wp_id), lambda url: player_for(url) is not None)
        text = shortcodes.expand(text)
        for note in shortcodes.notes:
            body.note(note)
        if "<!-- wp:" not in text:
            text = autop(text)
        self.walk(BeautifulSoup(text, "html.parser"), body)
        self.flush(body)
        return body

    def inline_reusable(self, text: str, body: Body, depth: int = 0) -> str:
        """Gutenberg's reusable blocks (`<!-- wp:block {"ref":12} /-->`) replaced by their text."""

        def replace(match: re.Match) -> str:
            ref = re.search(r'"ref"\s*:\s*(\d+)', match.group(1))
            inner = self.reusable.get(int(ref.group(1))) if ref else None
            if inner is None:
                body.note("bloc réutilisable introuvable dans l'export, retiré")
                return ""
            return self.inline_reusable(inner, body, depth + 1) if depth < 3 else ""

        return REUSABLE.sub(replace, text)

    # Walking the HTML -----------------------------------------------------------------------

    def walk(self, container: Tag, body: Body) -> None:
        for child in list(container.children):
            if isinstance(child, Comment | PreformattedString):
                continue
            if isinstance(child, NavigableString):
                if child.strip() or body.inline:
                    body.inline.append(html_escape(str(child), quote=False))
                continue
            if isinstance(child, Tag):
                self.element(child, body)

    def element(self, tag: Tag, body: Body) -> None:
        name = tag.name.lower()
        if name in DROPPED:
            return self.dropped(tag, body)
        if name in SILENT:
            return None
        if name in INLINE:
            if tag.find(MEDIA):
                return self.with_media(tag, body)
            body.inline.append(str(tag))
            return None
        if name == "img":
            self.flush(body)
            return self.image(tag, body)
        self.close_inline(body)
        if name in ("h1", "h2", "h3"):
            return self.heading(tag, "h3" if name == "h3" else "h2", body)
        if name in ("h4", "h5", "h6"):
            tag.name = "h4"
            return self.rich_part(tag, body)
        if name in ("p", "ul", "ol", "pre", "address"):
            if tag.find(MEDIA):
                return self.with_media(tag, body)
            if name in ("pre", "address"):
                tag.name = "p"
            return self.rich_part(tag, body)
        if name == "blockquote":
            return self.quote(tag, body)
        if name == "table":
            return self.table(tag, "", body)
        if name == "figure":
            return self.figure(tag, body)
        classes = tag.get("class") or []
        if "wp-block-file" in classes:
            for button in tag.select(".wp-block-file__button"):
                button.decompose()  # the file's second link, « Télécharger »
            tag.name = "p"
            return self.rich_part(tag, body)
        return self.walk(tag, body)  # div, section, columns…: their content stands on its own

    def dropped(self, tag: Tag, body: Body) -> None:
        if tag.name == "iframe" or tag.name in ("video", "audio") and tag.get("src"):
            source = tag.get("src") or ""
            if player_for(source):
                self.flush(body)
                return self.video(source, "", body)
            if tag.name == "iframe":
                host = re.sub(r"^https?://([^/]+).*$", r"\1", source) if source else "?"
                return body.note(f"iframe de {host} retirée")
        body.note(DROPPED[tag.name])
        return None

    def with_media(self, tag: Tag, body: Body) -> None:
        """A paragraph (or link) holding an image or a player: the media become blocks of their
        own, before the text if nothing precedes them, else after it."""
        media = tag.find_all(MEDIA)
        before = ""
        for piece in tag.descendants:
            if piece is media[0]:
                break
            if isinstance(piece, NavigableString) and not isinstance(piece, Comment):
                before += piece
        for element in media:
            element.extract()
        for link in tag.find_all("a"):
            if not plain(link):
                link.decompose()  # the link that only wrapped the image
        has_text = bool(plain(tag))
        if has_text and before.strip():
            self.element(tag, body)
        self.flush(body)
        for element in media:
            self.element(element, body)
        if has_text and not before.strip():
            self.element(tag, body)

    def close_inline(self, body: Body) -> None:
        if body.inline:
            html = "".join(body.inline).strip()
            body.inline.clear()
            if html:
                body.rich.append(f"<p>{html}</p>")

    def rich_part(self, tag: Tag, body: Body) -> None:
        if plain(tag):
            body.rich.append(str(tag))

    def flush(self, body: Body) -> None:
        """The rich text gathered so far becomes one paragraph block."""
        self.close_inline(body)
        if body.rich:
            html = self.rich("".join(body.rich), TEXT_FEATURES, body)
            body.rich.clear()
            if plain(BeautifulSoup(html, "html.parser")):
                body.add("paragraph", html)

    # Blocks ----------------------------------------------------------------------------------

    def heading(self, tag: Tag, level: str, body: Body) -> None:
        text = plain(tag)
        if not text:
            return
        if len(text) > HEADING_MAX:  # a long « heading » is a paragraph in bold, never cut
            body.rich.append(f"<p><b>{html_escape(text)}</b></p>")
            return
        self.flush(body)
        body.add("heading", {"text": text, "level": level})

    def image(self, tag: Tag, body: Body, caption: str = "") -> None:
        target = self.image_target(tag)
        if target is None:
            source = (tag.get("src") or "").strip()
            body.note(f"image non reprise : {source[:120] or 'sans adresse'}")
            return
        alt = plain(tag.get("alt") or "") or target.alt
        body.add(
            "image",
            {
                "image": target.pk,
                "alt_text": shorten(alt, ALT_MAX),
                "caption": shorten(caption, CAPTION_MAX),
                "credit": "",
            },
        )

    def image_target(self, tag: Tag) -> Target | None:
        classes = " ".join(tag.get("class") or [])
        found = re.search(r"\bwp-image-(\d+)\b", classes) or re.fullmatch(r"(\d+)", tag.get("data-id") or "")
        target = self.addresses.targets.get(int(found.group(1))) if found else None
        if target is None and tag.get("src"):
            target = self.addresses.target_for(tag["src"])
        return target if target is not None and target.kind == "image" else None

    def figure(self, tag: Tag, body: Body) -> None:
        caption_tag = tag.find("figcaption")
        caption = plain(caption_tag) if caption_tag else ""
        if tag.find("figure"):  # a gallery of figures: each with its own caption
            return self.walk(tag, body)
        table = tag.find("table")
        if table is not None:
            return self.table(table, caption, body)
        wrapper = tag.select_one(".wp-block-embed__wrapper")
        frame = tag.find("iframe")
        if wrapper is not None or frame is not None:
            url = plain(wrapper) if wrapper is not None else (frame.get("src") or "")
            self.flush(body)
            return self.video(url, caption, body)
        images = tag.find_all("img")
        if images:
            self.flush(body)
            for index, image in enumerate(images):
                self.image(image, body, caption if index == 0 else "")
            return None
        if caption_tag is not None:
            caption_tag.name = "p"
        return self.walk(tag, body)

    def video(self, url: str, caption: str, body: Body) -> None:
        url = url.strip()
        if player_for(url):
            body.add("video", {"video": url, "caption": shorten(caption, CAPTION_MAX)})
            return
        if url.startswith(("http://", "https://")):
            host = re.sub(r"^https?://([^/]+).*$", r"\1", url)
            body.note(f"contenu intégré de {host} remplacé par un lien")
            body.rich.append(f'<p><a href="{html_escape(url)}">{html_escape(caption or url)}</a></p>')
        else:
            body.note("contenu intégré sans adresse retiré")

    def quote(self, tag: Tag, body: Body) -> None:
        author = ""
        for credit in tag.find_all(["cite", "footer"]):
            author = author or plain(credit)
            credit.decompose()
        paragraphs = [plain(part) for part in tag.find_all("p")] or [plain(tag)]
        text = "\n\n".join(part for part in paragraphs if part)
        if not text:
            return
        if len(text) > QUOTE_MAX or len(author) > HEADING_MAX:  # too long for a quote block: kept as text
            tag.name = "div"
            self.walk(tag, body)
            if author:
                body.rich.append(f"<p>— {html_escape(author)}</p>")
            return
        self.flush(body)
        body.add("quote", {"text": text, "author": author, "role": ""})

    def table(self, table: Tag, caption: str, body: Body) -> None:
        rows = [row.find_all(["td", "th"]) for row in table.find_all("tr")]
        rows = [row for row in rows if row]
        if not rows:
            return
        own_caption = table.find("caption")
        caption = caption or (plain(own_caption) if own_caption else "")
        width = max(len(row) for row in rows)
        header = table.find("thead") is not None or all(cell.name == "th" for cell in rows[0])
        headings = [plain(cell) for cell in rows[0]] if header else []
        rows = rows[1:] if header else rows
        headings += [""] * (width - len(headings))
        rich_columns = {
            index for row in rows for index, cell in enumerate(row) if cell.find(["a", "strong", "b", "em", "i", "sup"])
        }
        columns = [
            {"type": "rich_text" if index in rich_columns else "text", "heading": shorten(headings[index], 250)}
            for index in range(width)
        ]
        values = []
        for row in rows:
            cells = []
            for index in range(width):
                cell = row[index] if index < len(row) else None
                if index in rich_columns:
                    cells.append(self.rich(cell.decode_contents(), INLINE_FEATURES, body) if cell else "")
                else:
                    cells.append(shorten(plain(cell), 500) if cell else "")
            values.append({"values": cells})
        self.flush(body)
        body.add("table", {"caption": shorten(caption, 250), "columns": columns, "rows": values})

    # Rich text --------------------------------------------------------------------------------

    def rich(self, html: str, features: list[str], body: Body) -> str:
        """HTML into the database format of a rich text with these features (Draftail's own
        conversion), links to imported items made page and document links."""
        soup = BeautifulSoup(html, "html.parser")
        targets: list[Target] = []
        for link in soup.find_all("a"):
            result = self.addresses.link(link.get("href") or "")
            body.note(result.note)
            if result.target is not None:
                link.attrs = {"href": TOKEN.format(len(targets))}
                targets.append(result.target)
                if result.target.kind == "document" and result.target.pk not in body.documents:
                    body.documents.append(result.target.pk)
            elif result.href:
                link.attrs = {"href": result.href}
            else:
                link.unwrap()
        for tag in soup.find_all(True):
            if tag.name in ("h5", "h6"):
                tag.name = "h4"
        convert = converter(tuple(features))
        stored = convert.to_database_format(convert.from_database_format(str(soup)))

        def link_to(match: re.Match) -> str:
            target = targets[int(match.group(1))]
            if target.kind in ("page", "document"):
                return f'linktype="{target.kind}" id="{target.pk}"'
            return f'href="{html_escape(target.url)}"'

        return TOKEN_HREF.sub(link_to, stored)
