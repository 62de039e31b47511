"""Small values every page needs (its route, the site's settings, menus, view
restrictions), read from the database once per content version instead of once per request.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import caches
from django.http import HttpRequest

from . import scopes
from .version import token_for

T = TypeVar("T")

ALIAS = "default"
# Entries are unreachable as soon as the content version changes; the timeout only bounds
# how long the dead ones linger in memory.
TIMEOUT = 60 * 60
_MISSING = object()


# Immutable values (tuples, frozen dataclasses) also kept as objects in this process, for
# the newest content versions only: reading a 2,000-entry catalogue back from the cache
# (unpickling it) cost more than using it. Two versions live side by side while a new one is
# prepared for visitors (warming.py): the one they are served and the one being prepared; and
# the scopes' versions (caching/scopes.py), older but still in use.
_in_process: dict[str, dict[str, object]] = {}  # token -> name -> value, oldest token first
_in_process_lock = threading.Lock()
KEPT_VERSIONS = 5


def remember(
    request: HttpRequest | None,
    name: str,
    build: Callable[[], T],
    keep_none: bool = True,
    immutable: bool = False,
    ignores: str | None = None,
) -> T:
    """The value of `build()` for the current content version, built at most once per version.

    `keep_none=False` leaves "nothing found" uncached, for lookups anyone can vary at will
    (an address typed at random must not fill the cache). `immutable=True` promises nobody
    changes the value: it is then also shared, unpickled, between the requests of a process.
    `ignores` names a scope (caching/scopes.py) whose pages the value never shows: it is then
    kept across the versions that changed nothing but those pages.
    """
    token = version_for(request, ignores)
    key = f"rameau:data:{token}:{name}"
    if immutable:
        value = _in_process.get(token, {}).get(name, _MISSING)
        if value is not _MISSING:
            if ignores is not None:
                _still_used(token)
            return value
    cache = caches[ALIAS]
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = build()
        if value is not None or keep_none:
            cache.set(key, value, TIMEOUT)
    if immutable:
        keep_in_process(token, name, value)
    return value


def version_for(request: HttpRequest | None, ignores: str | None = None, page: int | None = None) -> str:
    """The version data is filed under: the content version, or a scope's (caching/scopes.py);
    with `page`, the version of data showing that one page of the scope (its card)."""
    token = token_for(request)
    return token if ignores is None else scopes.token(ignores, token, page)


def _still_used(token: str) -> None:
    """A scope's version still in use is kept in process as if it were the newest."""
    if _in_process and next(reversed(_in_process)) != token:
        with _in_process_lock:
            if token in _in_process:
                _in_process[token] = _in_process.pop(token)


def keep_in_process(token: str, name: str, value: object) -> None:
    """Share an immutable value between this process's requests of this version."""
    with _in_process_lock:
        if token not in _in_process:
            while len(_in_process) >= KEPT_VERSIONS:  # the oldest versions are no one's any more
                del _in_process[next(iter(_in_process))]
            _in_process[token] = {}
        _in_process[token][name] = value


def kept_in_process(name: str, token: str | None = None) -> list:
    """What this process keeps under this name: for that version only, or for every version
    it still holds, newest first (the one to bring up to date rather than rebuild)."""
    if token is not None:
        value = _in_process.get(token, {}).get(name, _MISSING)
        return [] if value is _MISSING else [value]
    with _in_process_lock:
        kept = [values[name] for values in reversed(_in_process.values()) if name in values]
    return kept


def forget_in_process() -> None:
    """Drop the immutable values kept in this process (tests, after rolling a transaction back)."""
    with _in_process_lock:
        _in_process.clear()


def recall(request: HttpRequest | None, name: str, ignores: str | None = None):
    """What `keep()` filed under this name for the current content version, or None."""
    return caches[ALIAS].get(f"rameau:data:{version_for(request, ignores)}:{name}")


def keep(request: HttpRequest | None, name: str, value, ignores: str | None = None) -> None:
    """File a value under this name for the current content version (see `recall()`)."""
    caches[ALIAS].set(f"rameau:data:{version_for(request, ignores)}:{name}", value, TIMEOUT)
