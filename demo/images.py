"""Placeholder images and documents for the demo, drawn with Pillow so the repository ships
no photos: landscapes, partner logos, book covers and one-page PDFs."""

from __future__ import annotations

import hashlib
import math
import random
import textwrap
import unicodedata
from io import BytesIO

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils.text import slugify
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.utils.file import hash_filelike

from core.files import file_problem, image_file_problem

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


def _motif_initials(draw: ImageDraw.ImageDraw, seed: str, size: tuple[int, int], colour) -> None:
    label = logo_initials(seed.split(":", 1)[-1].strip())[:2]  # two letters read as a monogram
    font, _ = sans_font(int(size[1] * 0.45))
    draw.text((size[0] * 0.68, size[1] * 0.5), label, fill=colour, anchor="mm", font=font)


MOTIFS = 4  # rings, dots, waves, initials


def landscape_style(seed: str, variant: int | None = None) -> tuple[int, int]:
    """(palette, motif) of a picture. Motif 0 is the brand's branch, 1–4 rings, dots, waves,
    initials. Pictures of one series (the centres) pass their rank as `variant`: each of the
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
        _motif_initials(draw, seed, size, accent)
    buffer = BytesIO()
    picture.save(buffer, format="JPEG", quality=82)
    return buffer.getvalue()


SMALL_WORDS = {"de", "des", "du", "d", "la", "le", "les", "l", "pour", "et", "en", "à", "au", "aux"}


def logo_initials(name: str) -> str:
    """The acronym a name gives in brackets (« … (ARF) »), else the initials of its main words."""
    if name.endswith(")") and "(" in name:
        acronym = name[name.rindex("(") + 1 : -1].strip()
        if acronym and len(acronym) <= 5 and " " not in acronym:
            return acronym
    words = [word for word in name.replace("'", " ").replace("’", " ").split() if word.lower() not in SMALL_WORDS]
    letters = "".join(word[0] for word in words if word[0].isalnum()).upper()
    return letters[:3] or name[:2].upper()


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


def draw_logo(name: str, size: tuple[int, int] = (480, 240)) -> bytes:
    """A clean text card: initials on a coloured tile, then the whole name, fitted, never cut."""
    rng = random.Random(name)
    dark, _, accent = PALETTES[rng.randrange(len(PALETTES))]
    width, height = size
    picture = PILImage.new("RGB", size, (255, 255, 255))
    draw = ImageDraw.Draw(picture)
    tile = height - 40
    draw.rounded_rectangle([20, 20, 20 + tile, 20 + tile], radius=28, fill=dark)
    initials = logo_initials(name)
    initials_font, _ = sans_font(70 if len(initials) <= 3 else 52)
    draw.text((20 + tile / 2, height / 2), initials, fill=accent, anchor="mm", font=initials_font)
    left = 20 + tile + 18
    font, lines, font_size = fitted_lines(draw, name, width - left - 16, height - 40)
    line_height = font_size * 1.25
    top = height / 2 - line_height * (len(lines) - 1) / 2
    for number, line in enumerate(lines):
        draw.text((left, top + number * line_height), line, fill=dark, anchor="lm", font=font)
    buffer = BytesIO()
    picture.save(buffer, format="PNG")
    return buffer.getvalue()


def get_or_create_image(title: str, data: bytes, filename: str, description: str = ""):
    """Reuse the demo image with this title, so seeding twice adds nothing."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        if image_file_problem(existing.file):  # a site moved without its media: draw it again
            existing.renditions.all().delete()
            existing.file.save(filename, ImageFile(BytesIO(data), name=filename), save=False)
            existing.file_size, existing.file_hash = len(data), hash_filelike(BytesIO(data))
            existing.save()
        return existing
    image = Image(title=title, description=description)
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
    """A sober book cover: coloured band, the type, the title and the imprint."""
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
    draw.text((48, int(height * 0.62) + 40), "Le RAMEAU", fill=dark, font=cover_font(34)[0])
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


def pdf_document(item: dict, kind: str):
    """A one-page PDF made from the cover with Pillow: small, valid, and no new dependency."""
    Document = get_document_model()
    title = f"PDF : {item['title']}"
    existing = Document.objects.filter(title=title).first()
    if existing and not file_problem(existing.file):
        return existing
    buffer = BytesIO()
    draw_cover(item["title"], kind, item["slug"]).save(
        buffer, format="PDF", resolution=72, title=item["title"], author="Le RAMEAU"
    )
    data = buffer.getvalue()
    if existing:  # a site moved without its media: make the file again
        existing.file.save(f"{item['slug']}.pdf", ContentFile(data), save=False)
        existing.file_size, existing.file_hash = len(data), hash_filelike(BytesIO(data))
        existing.save()
        return existing
    document = Document(title=title, file_size=len(data), file_hash=hash_filelike(BytesIO(data)))
    document.file = ContentFile(data, name=f"{item['slug']}.pdf")
    document.save()
    return document
