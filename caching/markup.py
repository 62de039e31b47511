"""Markup that costs to build and is the same wherever it appears (an image's `<picture>`),
kept per content version and shared by every page that shows it.

Wagtail finds each rendition of a `{% picture %}` through the cache, one spec at a time: a
dozen centre thumbnails in three formats and two sizes made the home page's largest cost.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable

from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe

from .data import keep, recall


def cached_markup(
    request: HttpRequest | None,
    kind: str,
    inputs: Hashable,
    build: Callable[[], str],
    whole: Callable[[], bool] | None = None,
    ignores: str | None = None,
) -> SafeString | str:
    """`build()`'s markup for these inputs, built once per content version (or scope's version:
    caching/scopes.py). Nothing is kept when it is empty (an image whose file is missing is
    looked for again, as core.images says), nor when `whole()` says something was left out of
    it for later (an image past the request's rendition budget: the next visitor must get it)."""
    digest = hashlib.sha1(repr(inputs).encode(), usedforsecurity=False).hexdigest()[:20]
    key = f"markup:{kind}:{digest}"
    markup = recall(request, key, ignores)
    if markup is None:
        markup = build()
        if markup and (whole is None or whole()):
            keep(request, key, str(markup), ignores)
        return markup
    return mark_safe(markup)  # noqa: S308 - markup this site built itself, kept as it was
