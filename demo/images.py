"""Placeholder images and documents for the demo, drawn with Pillow so the repository ships
no photos: landscapes, partner logos, book covers and one-page PDFs."""

from __future__ import annotations

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

from pages.files import file_problem, image_file_problem

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


def draw_landscape(seed: str, size: tuple[int, int] = (1600, 1000)) -> bytes:
    """A calm gradient with a branch drawn across it; same seed, same picture."""
    rng = random.Random(seed)
    dark, mid, accent = PALETTES[rng.randrange(len(PALETTES))]
    width, height = size
    picture = PILImage.new("RGB", size, dark)
    draw = ImageDraw.Draw(picture)
    for row in range(height):
        t = row / height
        colour = tuple(int(dark[i] * (1 - t) + mid[i] * t) for i in range(3))
        draw.line([(0, row), (width, row)], fill=colour)
    for _ in range(3):
        cx, cy, r = rng.randrange(width), rng.randrange(height), rng.randrange(80, 260)
        draw.ellipse([cx - r, cy - r, cx + r, cy + r], outline=accent, width=3)
    _branch(draw, rng, width * 0.2, height * 0.95, height * 0.32, 1.2, 8, (245, 240, 225))
    buffer = BytesIO()
    picture.save(buffer, format="JPEG", quality=82)
    return buffer.getvalue()


def draw_logo(name: str, size: tuple[int, int] = (480, 240)) -> bytes:
    """A simple wordmark-like logo: initials on a coloured tile."""
    rng = random.Random(name)
    dark, _, accent = PALETTES[rng.randrange(len(PALETTES))]
    picture = PILImage.new("RGB", size, (255, 255, 255))
    draw = ImageDraw.Draw(picture)
    initials = "".join(word[0] for word in name.replace("'", " ").split() if word[0].isalnum())[:3].upper()
    draw.rounded_rectangle([20, 20, size[1] - 20, size[1] - 20], radius=28, fill=dark)
    draw.text((size[1] / 2, size[1] / 2), initials, fill=accent, anchor="mm", font_size=70)
    draw.text((size[1] + 10, size[1] / 2), name[:14], fill=dark, anchor="lm", font_size=30)
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


def landscape(title: str, description: str = ""):
    """The demo's illustration with this title (drawn the first time only)."""
    return get_or_create_image(title, draw_landscape(title), f"{slugify(title)}.jpg", description)


COVER_SIZE = (600, 850)
# A system font with French accents when one is installed (Debian ships these); otherwise
# Pillow's own font, which lacks accented glyphs, with the accents taken off.
FONT_FILES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf",
]


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
