"""The pictures of the « Guide de l'équipe », taken by the browser journeys that go through the
screens they show, so that the guide follows the admin when Wagtail or the project changes it.

`make guide-pictures` runs those journeys with GUIDE_PICTURES naming the guide's static folder;
in an ordinary run, nothing is written."""

from __future__ import annotations

import io
import os
from pathlib import Path

from PIL import Image
from playwright.sync_api import Page

#: Where the guide's templates find them ({% static "guide/<name>.png" %}).
FOLDER = Path(__file__).resolve().parents[2] / "rameau_site" / "guide" / "static" / "guide"


def guide_picture(page: Page, name: str) -> None:
    """What the screen shows now, as the guide's picture `name`, in few colours (small files the
    guide loads quickly; an admin screen's flat colours lose nothing)."""
    folder = os.environ.get("GUIDE_PICTURES")
    if not folder:
        return
    # Menus and dialogs at the end of their opening transition, not half faded in.
    picture = Image.open(io.BytesIO(page.screenshot(animations="disabled"))).convert("RGB")
    picture.quantize(colors=64).save(Path(folder) / f"{name}.png", optimize=True)
