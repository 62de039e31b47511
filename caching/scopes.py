"""Data kept across content versions that cannot have changed it: finer invalidation.

Everything cached is filed under the site-wide content version, so a publication made the
centres' catalogue, their cards, every image's markup and the site lookup unreachable along
with the library: the first visitor of any page paid for rebuilding them (the bench's
« première requête après publication »). A *scope* names a kind of pages (a section registers
it: « publications » for the library and the news); data that never shows those pages asks
`remember(..., ignores="publications")` and is then filed under the scope's version: the
last version whose change went beyond those pages, not the newest one.

A change stays within a scope when everything its transaction touched is a page of those
models (« p12 » whose type is one of them: a deleted or unknown page is not) or a row that
belongs to one (its author, its themes: a model pointing to those pages, and to no other
page). Anything else — a snippet, an image, a setting, a page of another kind, a move, « * »,
a version missed — starts a new version of the scope.

The scope's version of each content version is worked out by the process preparing it
(rameau_site/warming.py, off visitors' requests: one query for the changed pages' types), from
the scope's version of the version before. Where it is not known (a version handed over before
it was prepared, a process without preparation, the tests) the scope's version is the content
version itself: as coarse as before, never staler.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.apps import apps
from django.db.models import ForeignKey

if TYPE_CHECKING:
    from .version import Change

#: Scope name -> the page models (« app.model », lower case) whose changes it ignores.
SCOPES: dict[str, frozenset[str]] = {}
#: The scope of every page type of the site (registered by the caching app): for data that
#: shows no page at all, such as an image's markup.
PAGES = "pages"
#: The scope of the library's and the news' pages (registered by the publications app).
PUBLICATIONS = "publications"
#: Content versions whose scope versions are kept (the newest last).
KEPT = 32
#: Pages changed within a scope remembered, beyond which the scope starts a new version.
MAX_TOUCHED = 1000
# token -> (serial, {scope: Scoped})
_versions: OrderedDict[str, tuple[int, dict[str, Scoped]]] = OrderedDict()
# serial -> token, for every version heard of (a base to start from when it was never prepared)
_tokens: OrderedDict[int, str] = OrderedDict()
_lock = threading.Lock()


@dataclass(frozen=True)
class Scoped:
    """A scope's version (`token`) and, for each page of the scope changed since, the version
    of its last change: the version of data about that one page (its card)."""

    token: str
    touched: dict[int, str] = field(default_factory=dict)


def register(name: str, *models: str) -> None:
    """A scope: data that never shows pages of these models (« app.Model ») may ignore their changes."""
    SCOPES[name] = frozenset(label.lower() for label in models)


def register_pages() -> None:
    """The « pages » scope: every page model but Wagtail's bare Page (the root, and what a
    move or a site, a restriction or a redirect points to: those changes are never ignored)."""
    from wagtail.models import get_page_models

    register(
        PAGES, *(model._meta.label for model in get_page_models() if model._meta.label_lower != "wagtailcore.page")
    )


def token(name: str, site_token: str, page: int | None = None) -> str:
    """The version to file data ignoring the scope `name` under, for the content version
    `site_token`; with `page`, data that shows that page alone among the scope's."""
    known = _versions.get(site_token)
    scoped = known[1].get(name) if known is not None else None
    if scoped is None:
        return site_token
    return scoped.touched.get(page, scoped.token) if page is not None else scoped.token


def heard(change: Change) -> None:
    """A version this process heard of (caching.version.Watcher): the base of the next one."""
    if change.serial < 0:
        return
    with _lock:
        _tokens[change.serial] = change.token
        while len(_tokens) > KEPT:
            _tokens.popitem(last=False)


def belongs_to(label: str, models: frozenset[str]) -> bool:
    """True for a model whose rows belong to pages of `models` (it points to one of them)."""
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        return False
    targets = [
        column.related_model
        for column in model._meta.concrete_fields
        if isinstance(column, ForeignKey) and column.related_model is not None
    ]
    return any(target._meta.label_lower in models for target in targets)


def within(change: Change, models: frozenset[str], page_types: dict[int, str]) -> bool:
    """True when everything `change` touched belongs to pages of `models`; `page_types`: the
    model of each changed page that still exists."""
    if change.everything or not models:
        return False
    for item in change.items:
        if item[:1] == "p" and item[1:].isdigit():
            if page_types.get(int(item[1:])) not in models:
                return False
        elif not ("." in item and belongs_to(item, models)):
            return False
    return True


def page_types(ids: set[int]) -> dict[int, str]:
    """The model of each of these pages (« app.model »), one query."""
    from wagtail.models import Page

    rows = Page.objects.filter(pk__in=ids).values_list("pk", "content_type__app_label", "content_type__model")
    return {pk: f"{app}.{model}" for pk, app, model in rows}


def advance(change: Change) -> dict[str, Scoped]:
    """Work out the scopes' versions of `change` (a new content version, with everything since
    the version before it) from those of that version; returns them."""
    if not SCOPES or change.serial < 0:
        return {}
    base: dict[str, Scoped] | None = None
    with _lock:
        for _token, (serial, scoped) in reversed(_versions.items()):
            if serial == change.since:
                base = scoped
                break
        else:
            base_token = _tokens.get(change.since)
            if base_token is not None:
                base = {name: Scoped(base_token) for name in SCOPES}
    pages = change.page_ids()
    types = page_types(pages) if base is not None and not change.everything else {}
    advanced = {}
    for name, models in SCOPES.items():
        before = base.get(name) if base is not None else None
        if before is not None and within(change, models, types) and len(before.touched) + len(pages) <= MAX_TOUCHED:
            advanced[name] = Scoped(before.token, {**before.touched, **dict.fromkeys(pages, change.token)})
        else:
            advanced[name] = Scoped(change.token)
    with _lock:
        _versions[change.token] = (change.serial, advanced)
        _versions.move_to_end(change.token)
        while len(_versions) > KEPT:
            _versions.popitem(last=False)
    return advanced


def forget() -> None:
    """Drop what this process knows of the scopes' versions (tests)."""
    with _lock:
        _versions.clear()
        _tokens.clear()
