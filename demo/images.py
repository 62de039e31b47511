"""Placeholder images and documents for the demo, drawn with Pillow so the repository ships
no photos: landscapes, book covers, the press kit's logo and the PDFs' stand-ins.

Each of them is a stand-in (core/stand_ins.py): it goes into the collection « Fichiers
provisoires », and says so itself where it can (« Visuel provisoire » on a cover, a first page
« Document de démonstration » in a PDF). Partners get no drawn logo: the site sets their name
in type until staff upload the real one.
"""

from __future__ import annotations

import hashlib
import math
import random
import textwrap
import unicodedata
from io import BytesIO

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils.text import slugify
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import ModelLogEntry
from wagtail.utils.file import hash_filelike

from core.files import file_problem, image_file_problem
from core.stand_ins import STAND_IN_LABEL, is_stand_in, stand_in_collection

PALETTES = [
    ((22, 78, 58), (46, 125, 90), (232, 180, 70)),
    ((28, 61, 90), (52, 110, 150), (240, 200, 110)),
    ((86, 52, 36), (150, 92, 60), (236, 214, 160)),
    ((54, 48, 96), (98, 86, 160), (230, 190, 120)),
]


def _branch(
    draw: ImageDraw.ImageDraw, rng: random.Random, x: float, y: float, length: float, angle: float, depth: int, colour
) -> None:
    """A recursive branch: the "rameau" motif of the identity."""
    if depth == 0 or length < 4:
        return
    x2 = x + length * math.cos(angle)
    y2 = y - length * math.sin(angle)
    draw.line([(x, y), (x2, y2)], fill=colour, width=max(1, depth * 2))
    for turn in (-0.45, 0.4):
        _branch(
            draw,
            rng,
            x2,
            y2,
            length * rng.uniform(0.62, 0.78),
            angle + turn + rng.uniform(-0.12, 0.12),
            depth - 1,
            colour,
        )


def _motif_rings(draw: ImageDraw.ImageDraw, rng: random.Random, size: tuple[int, int], colour) -> None:
    cx, cy = rng.uniform(0.55, 0.85) * size[0], rng.uniform(0.3, 0.7) * size[1]
    for radius in range(60, int(size[0] * 0.6), 55):
        draw.ellipse([cx - radius, cy - radius, cx + radius, cy + radius], outline=colour, width=4)


def _motif_dots(draw: ImageDraw.ImageDraw, rng: random.Random, size: tuple[int, int], colour) -> None:
    step = rng.choice((60, 80, 100))
    for x in range(step // 2, size[0], step):
        for y in range(step // 2, size[1], step):
            radius = 6 + 14 * ((x + y) % (step * 3) == 0) + rng.randrange(4)
            draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=colour)


def _motif_waves(draw: ImageDraw.ImageDraw, rng: random.Random, size: tuple[int, int], colour) -> None:
    phase = rng.uniform(0, math.tau)
    for row in range(8):
        base = size[1] * (0.2 + row * 0.09)
        points = [(x, base + 40 * math.sin(x / 140 + phase + row * 0.5)) for x in range(0, size[0] + 20, 20)]
        draw.line(points, fill=colour, width=5)


def _motif_stripes(draw: ImageDraw.ImageDraw, rng: random.Random, size: tuple[int, int], colour) -> None:
    """Diagonal stripes: a pattern, not letters, so no picture reads as someone's monogram."""
    step = rng.choice((70, 90, 110))
    for x in range(-size[1] + step // 2, size[0], step):  # the corners keep the background colour
        draw.line([(x, size[1]), (x + size[1], 0)], fill=colour, width=6)


MOTIFS = 4  # rings, dots, waves, stripes


def landscape_style(seed: str, variant: int | None = None) -> tuple[int, int]:
    """(palette, motif) of a picture. Motif 0 is the brand's branch, 1–4 rings, dots, waves,
    stripes. Pictures of one series (the centres) pass their rank as `variant`: each of the
    first 16 gets its own pair, where a hash of the title could repeat one."""
    if variant is not None:
        # A Latin square: neighbours differ in both colours and motif.
        return variant % len(PALETTES), 1 + (variant + variant // len(PALETTES)) % MOTIFS
    palette = random.Random(seed).randrange(len(PALETTES))
    if "rameau" in seed.lower():
        return palette, 0
    return palette, 1 + hashlib.sha256(seed.encode("utf-8")).digest()[0] % MOTIFS


def draw_landscape(seed: str, size: tuple[int, int] = (1600, 1000), variant: int | None = None) -> bytes:
    """A calm gradient in the brand palette with a motif (see landscape_style): each section and
    each centre looks its own."""
    rng = random.Random(seed)
    rng.randrange(len(PALETTES))  # keeps the motifs' positions as they were drawn before
    palette, motif = landscape_style(seed, variant)
    dark, mid, accent = PALETTES[palette]
    width, height = size
    picture = PILImage.new("RGB", size, dark)
    draw = ImageDraw.Draw(picture)
    for row in range(height):
        t = row / height
        colour = tuple(int(dark[i] * (1 - t) + mid[i] * t) for i in range(3))
        draw.line([(0, row), (width, row)], fill=colour)
    # The branch is the brand's own picture (the home page's « rameau »); the rest vary.
    if motif == 0:
        _branch(draw, rng, width * 0.2, height * 0.95, height * 0.32, 1.2, 8, (245, 240, 225))
    elif motif == 1:
        _motif_rings(draw, rng, size, accent)
    elif motif == 2:
        _motif_dots(draw, rng, size, accent)
    elif motif == 3:
        _motif_waves(draw, rng, size, accent)
    else:
        _motif_stripes(draw, rng, size, accent)
    buffer = BytesIO()
    picture.save(buffer, format="JPEG", quality=82)
    return buffer.getvalue()


def fitted_lines(draw: ImageDraw.ImageDraw, text: str, width: int, height: int, sizes=range(34, 13, -2)):
    """The largest font that fits `text` in the box on at most three lines, never cut."""
    for size in sizes:
        font, _ = sans_font(size)
        for columns in range(10, 60):
            lines = textwrap.wrap(text, width=columns, break_long_words=False, break_on_hyphens=False)
            if len(lines) > 3:
                continue
            widest = max(draw.textlength(line, font=font) for line in lines)
            if widest <= width and len(lines) * size * 1.25 <= height:
                return font, lines, size
            if widest > width:
                break
    font, _ = sans_font(12)
    return font, textwrap.wrap(text, width=40), 12


def draw_wordmark(name: str, size: tuple[int, int] = (960, 480)) -> bytes:
    """The name set in type with « Visuel provisoire » above it: a stand-in that invents no mark.

    The bottom quarter stays blank: the site sets its own « Visuel provisoire » badge in the
    bottom-left corner of every stand-in (.stand-in__label), and a label drawn there showed
    through it (« …ISOIRE » beside the badge in the press kit).
    """
    dark = PALETTES[0][0]
    width, height = size
    picture = PILImage.new("RGB", size, (255, 255, 255))
    draw = ImageDraw.Draw(picture)
    small, _ = sans_font(max(18, height // 14))
    draw.text((width / 2, height * 0.12), STAND_IN_LABEL.upper(), fill=(110, 110, 110), anchor="mm", font=small)
    font, lines, font_size = fitted_lines(draw, name, width - 80, height // 2, sizes=range(120, 23, -4))
    line_height = font_size * 1.2
    top = height * 0.45 - line_height * (len(lines) - 1) / 2
    for number, line in enumerate(lines):
        draw.text((width / 2, top + number * line_height), line, fill=dark, anchor="mm", font=font)
    buffer = BytesIO()
    picture.save(buffer, format="PNG")
    return buffer.getvalue()


def untouched(item) -> bool:
    """True when nobody has edited this image or document in the admin since the demo made it:
    the demo may then still draw it again and file it among the stand-ins."""
    content_type = ContentType.objects.get_for_model(item)
    return not ModelLogEntry.objects.filter(content_type=content_type, object_id=str(item.pk)).exists()


def _problem(item) -> str | None:
    """What is wrong with the file of a demo image (it must decode) or document (it must be there)."""
    return image_file_problem(item.file) if hasattr(item, "renditions") else file_problem(item.file)


def _draw_again(item, data: bytes, filename: str) -> None:
    if hasattr(item, "renditions"):
        item.renditions.all().delete()
        item.file.save(filename, ImageFile(BytesIO(data), name=filename), save=False)
    else:
        item.file.save(filename, ContentFile(data), save=False)
    item.file_size, item.file_hash = len(data), hash_filelike(BytesIO(data))


def refresh(item, data: bytes, filename: str) -> None:
    """Keep an existing demo image or document as the demo draws it now.

    Its file is drawn again when lost (a site moved without its media) or, if nobody has
    edited it, when the drawing changed; whatever the demo drew is filed among the stand-ins.
    Nothing is saved when all is as it should be, so seeding again changes nothing.
    """
    pristine = untouched(item)
    redraw = bool(_problem(item)) or (pristine and item.file_hash != hash_filelike(BytesIO(data)))
    if redraw:
        _draw_again(item, data, filename)
        item.save()  # a new file takes a stand-in out of its collection (core/stand_ins.py): filed again below
    if (redraw or pristine) and not is_stand_in(item):
        item.collection = stand_in_collection()
        item.save()


def get_or_create_image(title: str, data: bytes, filename: str, description: str = ""):
    """The demo image with this title, made the first time only (seeding twice adds nothing),
    among the stand-ins; one staff have not touched is kept as the demo draws it now."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        refresh(existing, data, filename)
        return existing
    description = f"{STAND_IN_LABEL} : {description[:1].lower()}{description[1:]}" if description else ""
    image = Image(title=title, description=description, collection=stand_in_collection())
    image.file = ImageFile(BytesIO(data), name=filename)
    image.save()
    return image


def landscape(title: str, description: str = "", variant: int | None = None):
    """The demo's illustration with this title (drawn the first time only); see draw_landscape."""
    return get_or_create_image(title, draw_landscape(title, variant=variant), f"{slugify(title)}.jpg", description)


COVER_SIZE = (600, 850)
# A system font with French accents when one is installed (Debian ships these); otherwise
# Pillow's own font, which lacks accented glyphs, with the accents taken off.
FONT_FILES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf",
]


SANS_FONT_FILES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
]


def sans_font(size: int) -> tuple[ImageFont.ImageFont | ImageFont.FreeTypeFont, bool]:
    """A sans-serif font with French accents when the system has one (see FONT_FILES)."""
    for path in SANS_FONT_FILES:
        try:
            return ImageFont.truetype(path, size), True
        except OSError:
            continue
    return ImageFont.load_default(size), False


def cover_font(size: int) -> tuple[ImageFont.ImageFont | ImageFont.FreeTypeFont, bool]:
    """The font to draw with, and whether it can show accents."""
    for path in FONT_FILES:
        try:
            return ImageFont.truetype(path, size), True
        except OSError:
            continue
    return ImageFont.load_default(size), False


def drawable(text: str, accents: bool) -> str:
    if accents:
        return text
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def draw_cover(title: str, kind: str, seed: str) -> PILImage.Image:
    """A sober book cover: coloured band, the type, the title, and « Visuel provisoire » where
    the imprint would be."""
    rng = random.Random(seed)
    dark, mid, accent = PALETTES[rng.randrange(len(PALETTES))]
    width, height = COVER_SIZE
    cover = PILImage.new("RGB", COVER_SIZE, (250, 248, 242))
    draw = ImageDraw.Draw(cover)
    draw.rectangle([0, 0, width, int(height * 0.62)], fill=dark)
    for _ in range(4):
        x, y, r = rng.randrange(width), rng.randrange(int(height * 0.6)), rng.randrange(60, 200)
        draw.ellipse([x - r, y - r, x + r, y + r], outline=mid, width=6)
    draw.rectangle([48, 60, 48 + 14, 140], fill=accent)
    small, accents = cover_font(28)
    large, _ = cover_font(42)
    draw.text((80, 72), drawable(kind.upper(), accents), fill=accent, font=small)
    y = 170
    for line in textwrap.wrap(drawable(title, accents), width=19)[:6]:
        draw.text((48, y), line, fill=(255, 255, 255), font=large)
        y += 54
    draw.text((48, int(height * 0.62) + 40), STAND_IN_LABEL, fill=dark, font=cover_font(34)[0])
    draw.line([(48, height - 70), (width - 48, height - 70)], fill=accent, width=4)
    return cover


def cover_image(item: dict, kind: str):
    title = f"Couverture : {item['title']}"
    picture = draw_cover(item["title"], kind, item["slug"])
    buffer = BytesIO()
    picture.save(buffer, format="JPEG", quality=85)
    return get_or_create_image(
        title, buffer.getvalue(), f"couverture-{item['slug']}.jpg", f"Couverture de « {item['title']} »"
    )


def draw_notice(title: str) -> PILImage.Image:
    """The first page of a demo PDF: it says the file is not the publication."""
    width, height = COVER_SIZE
    page = PILImage.new("RGB", COVER_SIZE, (255, 255, 255))
    draw = ImageDraw.Draw(page)
    heading, accents = cover_font(40)
    body, _ = cover_font(24)
    draw.rectangle([0, 0, width, 14], fill=PALETTES[0][0])
    draw.text((48, 70), drawable("Document", accents), fill=PALETTES[0][0], font=heading)
    draw.text((48, 120), drawable("de démonstration", accents), fill=PALETTES[0][0], font=heading)
    nbsp = "\u00a0" if accents else " "  # French spacing, kept on one line by textwrap
    lines = [
        *textwrap.wrap(drawable(f"Ce fichier tient la place du PDF de{nbsp}:", accents), width=34),
        "",
        *textwrap.wrap(drawable(f"«{nbsp}{title}{nbsp}»", accents), width=34)[:5],
        "",
        *textwrap.wrap(drawable("Ce n'est pas la publication. Le RAMEAU la fournit sur demande.", accents), width=34),
    ]
    y = 220
    for line in lines:
        draw.text((48, y), line, fill=(40, 40, 40), font=body)
        y += 36
    return page


def pdf_document(item: dict, kind: str):
    """A two-page PDF made with Pillow (small, valid, no new dependency): a first page that
    says « Document de démonstration », then the cover. Filed among the stand-ins."""
    Document = get_document_model()
    title = f"PDF : {item['title']}"
    buffer = BytesIO()
    draw_notice(item["title"]).save(
        buffer,
        format="PDF",
        resolution=72,
        save_all=True,
        append_images=[draw_cover(item["title"], kind, item["slug"])],
        title=f"Document de démonstration : {item['title']}",
        author="Le RAMEAU",
        creationDate=None,  # no date: the same drawing gives the same file, so seeding again changes nothing
        modDate=None,
    )
    data = buffer.getvalue()
    existing = Document.objects.filter(title=title).first()
    if existing:
        refresh(existing, data, f"{item['slug']}.pdf")
        return existing
    document = Document(
        title=title,
        file_size=len(data),
        file_hash=hash_filelike(BytesIO(data)),
        collection=stand_in_collection(),
    )
    document.file = ContentFile(data, name=f"{item['slug']}.pdf")
    document.save()
    return document
