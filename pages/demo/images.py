"""Placeholder images for the demo, drawn with Pillow so the repository ships no photos."""

from __future__ import annotations

import math
import random
from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model

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
        return existing
    image = Image(title=title, description=description)
    image.file = ImageFile(BytesIO(data), name=filename)
    image.save()
    return image
