"""Slugs that keep the French elision readable: « Qualifier l'innovation » gives
`qualifier-l-innovation`, where Django's slugify (and the admin's title-to-slug script, which
does the same) gives `qualifier-linnovation`."""

from __future__ import annotations

import re

from django.utils.text import slugify

APOSTROPHES = re.compile(r"['’ʼ‘`]")


def french_slugify(text: str) -> str:
    """The slug of a French title, an apostrophe becoming a hyphen as a space would."""
    return slugify(APOSTROPHES.sub(" ", str(text)))


def elided(slug: str, title: str) -> str | None:
    """The French slug to use instead of `slug`, when `slug` is exactly the one the admin's
    script (or Django's slugify) makes of `title` and it glued an elision (« l'innovation »
    into « linnovation »); None when there is nothing to change."""
    better = french_slugify(title)
    return better if slug and slug == slugify(title) and better != slug else None
